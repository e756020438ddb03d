'use client';
/** The measured series (area) beside the fitted pattern's curve without its noise (line), both in req/s. */
import { useMemo } from 'react';
import { niceTicks } from '@/components/ui/chart-scale';
import { TimeChart, type TimeSeries } from '@/components/ui/time-chart';
import type { MeasuredPoint } from '@/core/measure';

const rps = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const compactText = (v: number) => compact.format(v);
const rpsText = (v: number) => `${rps.format(v)} req/s`;
const hourTitle = (h: number) => `hour ${rps.format(h)}`;

function ticks(spanHours: number): number[] {
  const every = spanHours <= 48 ? 6 : spanHours <= 24 * 10 ? 24 : spanHours <= 24 * 70 ? 24 * 7 : 24 * 30;
  return Array.from({ length: Math.floor(spanHours / every) + 1 }, (_, i) => i * every);
}

export function MeasuredChart({ points, summary }: { points: MeasuredPoint[]; summary: string }) {
  const span = points.at(-1)?.hour ?? 0;
  const label = (h: number) => (span <= 48 ? `${Math.round(h)} h` : `d${Math.round(h / 24)}`);
  const chart = useMemo(() => {
    const series: TimeSeries[] = [
      { label: 'measured', kind: 'area', className: 'tm-accent', values: points.map((p) => p.measured) },
      { label: 'fitted pattern (no noise)', kind: 'line', className: 'tm-danger', values: points.map((p) => p.fitted) },
    ];
    let top = 0;
    for (const p of points) top = Math.max(top, p.measured, p.fitted);
    return { x: points.map((p) => p.hour), series, yTicks: niceTicks(top) };
  }, [points]);
  return (
    <div role="img" aria-label={summary} data-testid="measured-chart">
      <TimeChart
        width={310}
        height={134}
        {...chart}
        xDomain={[0, Math.max(1, span)]}
        xTicks={ticks(span)}
        xFormat={label}
        yFormat={compactText}
        yAxisWidth={38}
        dashedGrid
        tipTitle={hourTitle}
        tipValue={rpsText}
      />
      <div className="tm-chart-legend" aria-hidden="true">
        <span className="tm-accent">
          <i /> measured
        </span>
        <span className="tm-danger">
          <i /> fitted pattern (no noise)
        </span>
      </div>
    </div>
  );
}
