'use client';
/**
 * Demand against capacity over the month for each of a component's four options, as a 2×2 grid of
 * small charts on one shared y scale (so their heights compare). Memoised on the series: the
 * timeline scrubber and unrelated store updates do not redraw them. Plain SVG (TimeChart): all four
 * redraw in one short render when a new plan arrives.
 */
import { memo, useMemo } from 'react';
import { TimeChart, type TimeSeries } from '@/components/ui/time-chart';
import { PLACEMENTS, type Placement, type PlanOption, PLACEMENT_LABELS } from '@/core/model';
import type { PlanSeries } from '@/core/plan';
import { chartTop, maxCapacity, toChartRows, type ChartRow, formatRps } from '@/core/present';
import './results.css';

/** Points per small chart: about one per pixel of its plot area. */
const CHART_POINTS = 160;

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

const dayLabel = (d: number) => `${d}d`;
const dayTitle = (day: number) => `Day ${(day + 1).toFixed(1)}`;
const rpsText = (v: number) => `${formatRps(v)} rps`;

function OptionChart(props: {
  placement: Placement;
  rows: ChartRow[];
  top: number;
  days: number;
  isChosen: boolean;
  isFeasible: boolean;
}) {
  const { placement, rows, top, days, isChosen, isFeasible } = props;
  const summary = describe(rows);
  const name = PLACEMENT_LABELS[placement];
  const capacityTop = maxCapacity(rows);
  const note = isChosen ? 'recommended' : isFeasible ? '' : 'not feasible';
  const offScale = capacityTop > top ? `cap. ${shortNumber(capacityTop)} ↑` : '';
  const chart = useMemo(() => {
    const series: TimeSeries[] = [
      { label: 'demand', kind: 'area', values: rows.map((r) => r.demand) },
      { label: 'capacity', kind: 'line', curve: 'step', values: rows.map((r) => r.capacity) },
    ];
    return { x: rows.map((r) => r.day), series, xDomain: [0, Math.max(1, days)] as const, xTicks: dayTicks(days) };
  }, [rows, days]);
  const yTicks = useMemo(() => [0, top / 2, top], [top]);
  return (
    <figure className={`res-figure${isChosen ? ' res-chosen' : ''}`}>
      <figcaption>
        {name}
        <span title={offScale ? `capacity reaches ${formatRps(capacityTop)} rps, above the chart` : undefined}>
          {[note, offScale].filter(Boolean).join(' · ')}
        </span>
      </figcaption>
      <div className="res-chart" data-placement={placement} role="img" aria-label={`${name}: ${summary}`}>
        <TimeChart
          height={110}
          {...chart}
          yTicks={yTicks}
          yFormat={shortNumber}
          yAxisWidth={34}
          xFormat={dayLabel}
          xAxisHeight={16}
          margin={{ top: 4, right: 6 }}
          tipTitle={dayTitle}
          tipValue={rpsText}
        />
      </div>
    </figure>
  );
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
