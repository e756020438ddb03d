'use client';
/**
 * A small chart of a component's own load over the simulation horizon. Computed from a deferred
 * value so that typing stays responsive while a long horizon is generated.
 */
import { useDeferredValue, useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { noGridLines } from '@/components/ui/chart-grid';
import type { Simulation, Workload } from '@/core/model';
import { previewWorkload } from '@/core/plan';
import styles from './inspector.module.css';

const rpsFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

function dayTicks(days: number): number[] {
  const every = days <= 7 ? 1 : days <= 31 ? 7 : 14;
  return Array.from({ length: Math.floor(days / every) + 1 }, (_, i) => i * every * 24);
}

export function LoadPreview({
  workload,
  simulation,
  componentId,
  stale,
}: {
  workload: Workload;
  simulation: Simulation;
  componentId: string;
  stale: boolean;
}) {
  // By content: committing a value re-checks the drafts into an equal but new workload, which would
  // generate the whole horizon again (~40 ms on the main thread, profiled) for the same picture.
  const key = JSON.stringify(workload);
  const current = useMemo(() => JSON.parse(key) as Workload, [key]);
  const input = useDeferredValue(current);
  const preview = useMemo(() => previewWorkload(input, simulation, componentId), [input, simulation, componentId]);
  const { days } = preview.horizon;
  const summary =
    `Own load over ${days} days: ${rpsFormat.format(preview.minRps)} to ${rpsFormat.format(preview.maxRps)} req/s, ` +
    `mean ${rpsFormat.format(preview.meanRps)}.`;
  return (
    <figure className={styles.preview} aria-busy={input !== current || undefined}>
      <div role="img" aria-label={summary} className={stale ? styles.stale : undefined}>
        <AreaChart
          width={300}
          height={120}
          data={preview.points}
          margin={{ top: 6, right: 8, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid
            stroke="var(--border)"
            strokeDasharray="2 3"
            vertical={false}
            verticalCoordinatesGenerator={noGridLines}
          />
          <XAxis
            dataKey="hour"
            type="number"
            domain={[0, days * 24]}
            ticks={dayTicks(days)}
            tickFormatter={(h: number) => `d${Math.round(h / 24)}`}
            tick={{ fontSize: 10, fill: 'var(--muted)' }}
            stroke="var(--border)"
          />
          <YAxis
            interval={0}
            width={36}
            tick={{ fontSize: 10, fill: 'var(--muted)' }}
            tickFormatter={(v: number) => compact.format(v)}
            stroke="var(--border)"
          />
          <Tooltip
            formatter={(v) => [`${rpsFormat.format(Number(v))} req/s`, 'load']}
            labelFormatter={(h) =>
              `day ${Math.floor(Number(h) / 24) + 1}, ${String(Math.floor(Number(h) % 24)).padStart(2, '0')}:00`
            }
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', fontSize: 12 }}
          />
          <Area
            dataKey="rps"
            type="linear"
            stroke="var(--accent)"
            fill="var(--accent)"
            fillOpacity={0.18}
            strokeWidth={1.5}
            isAnimationActive={false}
            dot={false}
          />
        </AreaChart>
      </div>
      <figcaption className={styles.help}>
        {summary}
        {stale && ' Showing the last valid values.'}
      </figcaption>
    </figure>
  );
}
