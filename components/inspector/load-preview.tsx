'use client';
/**
 * A small chart of a component's own load over the simulation horizon. Computed from a deferred
 * value so that typing stays responsive while a long horizon is generated.
 */
import { useDeferredValue, useMemo } from 'react';
import { niceTicks } from '@/components/ui/chart-scale';
import { TimeChart, type TimeSeries } from '@/components/ui/time-chart';
import type { Simulation, Workload } from '@/core/model';
import { previewWorkload } from '@/core/workload';
import styles from './inspector.module.css';

const rpsFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

const dayLabel = (h: number) => `d${Math.round(h / 24)}`;
const hourTitle = (h: number) => `day ${Math.floor(h / 24) + 1}, ${String(Math.floor(h % 24)).padStart(2, '0')}:00`;
const rpsText = (v: number) => `${rpsFormat.format(v)} req/s`;
const compactText = (v: number) => compact.format(v);

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
  const chart = useMemo(() => {
    const series: TimeSeries[] = [
      { label: 'load', kind: 'area', className: 'tm-accent', values: preview.points.map((p) => p.rps) },
    ];
    return { x: preview.points.map((p) => p.hour), series, yTicks: niceTicks(preview.maxRps) };
  }, [preview]);
  const summary =
    `Own load over ${days} days: ${rpsFormat.format(preview.minRps)} to ${rpsFormat.format(preview.maxRps)} req/s, ` +
    `mean ${rpsFormat.format(preview.meanRps)}.`;
  return (
    <figure className={styles.preview} aria-busy={input !== current || undefined}>
      <div role="img" aria-label={summary} className={stale ? styles.stale : undefined}>
        <TimeChart
          width={300}
          height={120}
          {...chart}
          xDomain={[0, days * 24]}
          xTicks={dayTicks(days)}
          xFormat={dayLabel}
          yFormat={compactText}
          dashedGrid
          tipTitle={hourTitle}
          tipValue={rpsText}
        />
      </div>
      <figcaption className={styles.help}>
        {summary}
        {stale && ' Showing the last valid values.'}
      </figcaption>
    </figure>
  );
}
