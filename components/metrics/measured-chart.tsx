'use client';
/** The measured series (area) beside the fitted pattern's curve without its noise (line), both in req/s. */
import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { noGridLines } from '@/components/ui/chart-grid';
import type { MeasuredPoint } from '@/core/measure';

const rps = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

function ticks(spanHours: number): number[] {
  const every = spanHours <= 48 ? 6 : spanHours <= 24 * 10 ? 24 : spanHours <= 24 * 70 ? 24 * 7 : 24 * 30;
  return Array.from({ length: Math.floor(spanHours / every) + 1 }, (_, i) => i * every);
}

export function MeasuredChart({ points, summary }: { points: MeasuredPoint[]; summary: string }) {
  const span = points.at(-1)?.hour ?? 0;
  const label = (h: number) => (span <= 48 ? `${Math.round(h)} h` : `d${Math.round(h / 24)}`);
  return (
    <div role="img" aria-label={summary} data-testid="measured-chart">
      <ComposedChart
        width={310}
        height={150}
        data={points}
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
          domain={[0, span]}
          ticks={ticks(span)}
          tickFormatter={label}
          tick={{ fontSize: 10, fill: 'var(--muted)' }}
          stroke="var(--border)"
        />
        <YAxis
          interval={0}
          width={38}
          tick={{ fontSize: 10, fill: 'var(--muted)' }}
          tickFormatter={(v: number) => compact.format(v)}
          stroke="var(--border)"
        />
        <Tooltip
          formatter={(v, name) => [`${rps.format(Number(v))} req/s`, name]}
          labelFormatter={(h) => `hour ${rps.format(Number(h))}`}
          contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', fontSize: 12 }}
        />
        <Legend wrapperStyle={{ fontSize: 11 }} iconSize={10} />
        <Area
          name="measured"
          dataKey="measured"
          type="linear"
          stroke="var(--accent)"
          fill="var(--accent)"
          fillOpacity={0.18}
          strokeWidth={1}
          isAnimationActive={false}
          dot={false}
        />
        <Line
          name="fitted pattern (no noise)"
          dataKey="fitted"
          type="linear"
          stroke="var(--danger)"
          strokeWidth={1.5}
          isAnimationActive={false}
          dot={false}
        />
      </ComposedChart>
    </div>
  );
}
