'use client';
/**
 * Demand against capacity over the month for each of a component's four options, as a 2×2 grid of
 * small charts on one shared y scale (so their heights compare). Memoised on the series: the
 * timeline scrubber and unrelated store updates do not redraw them.
 */
import { memo, startTransition, useEffect, useMemo, useState } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { noGridLines } from '@/components/ui/chart-grid';
import { PLACEMENTS, type Placement, type PlanOption, PLACEMENT_LABELS } from '@/core/model';
import type { PlanSeries } from '@/core/plan';
import { chartTop, maxCapacity, toChartRows, type ChartRow, formatRps } from '@/core/present';
import './results.css';

/** Points per small chart: about one per pixel of its plot area. */
const CHART_POINTS = 160;
/**
 * Charts update one after another, this far apart (ms). recharts redraws a chart in an animation
 * frame after its data changes; four at once would be one long main-thread task.
 */
const STAGGER_MS = 40;
/*
 * The y axis has interval={0}: its three ticks never overlap, so recharts draws them all instead of
 * measuring each new label's text in the DOM (a forced layout of the editor each). The x axis keeps
 * recharts' default, which moves the last day label inside the chart; its labels repeat, and
 * recharts caches their sizes.
 */

interface OptionChartsProps {
  series: PlanSeries['components'][string];
  pointMinutes: number;
  options: readonly PlanOption[];
  chosen: Placement;
}

export const OptionCharts = memo(function OptionCharts({ series, pointMinutes, options, chosen }: OptionChartsProps) {
  const rows = useMemo(
    () => PLACEMENTS.map((p) => toChartRows(series[p], pointMinutes, CHART_POINTS)),
    [series, pointMinutes],
  );
  const top = chartTop(rows);
  const days = Math.ceil((series.static.demand.length * pointMinutes) / 1440);
  return (
    <div className="res-section">
      <h3>Demand and capacity over the month</h3>
      <div className="res-legend" aria-hidden="true">
        <span>
          <i className="res-key demand" />
          demand (rps)
        </span>
        <span>
          <i className="res-key capacity" />
          capacity (rps)
        </span>
      </div>
      <div className="res-grid">
        {PLACEMENTS.map((placement, k) => {
          const option = options.find((o) => o.placement === placement);
          return (
            <OptionChart
              key={placement}
              placement={placement}
              rows={rows[k] ?? []}
              delay={(k + 1) * STAGGER_MS}
              top={top}
              days={days}
              isChosen={placement === chosen}
              isFeasible={option?.feasible ?? true}
            />
          );
        })}
      </div>
    </div>
  );
});

function OptionChart(props: {
  placement: Placement;
  rows: ChartRow[];
  delay: number;
  top: number;
  days: number;
  isChosen: boolean;
  isFeasible: boolean;
}) {
  const { placement, delay, top: nextTop, days, isChosen, isFeasible } = props;
  const next = useMemo(() => ({ rows: props.rows, top: nextTop }), [props.rows, nextTop]);
  const shown = useStaggered(next, delay);
  const rows = shown?.rows ?? props.rows;
  const top = shown?.top ?? nextTop;
  const summary = describe(rows);
  const name = PLACEMENT_LABELS[placement];
  const capacityTop = maxCapacity(rows);
  const note = isChosen ? 'recommended' : isFeasible ? '' : 'not feasible';
  const offScale = capacityTop > top ? `cap. ${shortNumber(capacityTop)} ↑` : '';
  return (
    <figure className={`res-figure${isChosen ? ' res-chosen' : ''}`}>
      <figcaption>
        {name}
        <span title={offScale ? `capacity reaches ${formatRps(capacityTop)} rps, above the chart` : undefined}>
          {[note, offScale].filter(Boolean).join(' · ')}
        </span>
      </figcaption>
      <div className="res-chart" data-placement={placement} role="img" aria-label={`${name}: ${summary}`}>
        {shown === null ? (
          <div style={{ height: 110 }} />
        ) : (
          <ResponsiveContainer width="100%" height={110}>
            <ComposedChart data={rows} margin={{ top: 4, right: 6, bottom: 0, left: 0 }}>
              <CartesianGrid vertical={false} verticalCoordinatesGenerator={noGridLines} />
              <XAxis
                dataKey="day"
                type="number"
                domain={[0, Math.max(1, days)]}
                ticks={dayTicks(days)}
                tickLine={false}
                height={16}
                unit="d"
              />
              <YAxis
                interval={0}
                domain={[0, top]}
                allowDataOverflow
                width={34}
                tickLine={false}
                tickCount={3}
                tickFormatter={shortNumber}
              />
              <Tooltip
                isAnimationActive={false}
                labelFormatter={(day) => `Day ${(Number(day) + 1).toFixed(1)}`}
                formatter={(value, key) => [`${formatRps(Number(value))} rps`, String(key)]}
              />
              <Area dataKey="demand" type="linear" isAnimationActive={false} dot={false} strokeWidth={1} />
              <Line dataKey="capacity" type="stepAfter" isAnimationActive={false} dot={false} strokeWidth={1.5} />
            </ComposedChart>
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}

/** `value`, `delay` ms late (null until first shown when delay > 0); the update renders as a transition. */
function useStaggered<T>(value: T, delay: number): T | null {
  const [shown, setShown] = useState<T | null>(delay === 0 ? value : null);
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => setShown(value)), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return shown;
}

/** A sentence for screen readers: the peak and whether demand ever passes capacity. */
function describe(rows: readonly ChartRow[]): string {
  let peak = 0;
  let short = 0;
  for (const r of rows) {
    peak = Math.max(peak, r.demand);
    if (r.demand > r.capacity * 1.001) short++;
  }
  const shortfall =
    short === 0 ? 'capacity covers demand throughout' : `demand exceeds capacity in ${short} of ${rows.length} periods`;
  return `demand peaks at ${formatRps(peak)} requests per second, capacity reaches ${formatRps(maxCapacity(rows))}; ${shortfall}.`;
}

function dayTicks(days: number): number[] {
  const step = days > 20 ? 10 : days > 6 ? 5 : 1;
  const ticks: number[] = [];
  for (let d = 0; d <= days; d += step) ticks.push(d);
  return ticks;
}

function shortNumber(x: number): string {
  if (x >= 1e6) return `${+(x / 1e6).toFixed(1)}M`;
  if (x >= 1e3) return `${+(x / 1e3).toFixed(1)}k`;
  return `${+x.toFixed(1)}`;
}
