/**
 * What the editor's "Attach measured load…" writes and shows (journey 4), kept pure so that it is
 * tested here and not through a browser: the workload a classification proposes (fitted fields
 * only, or the measured series as a trace), the workload left when a trace is removed, the chart of
 * the measured series beside the fitted curve, and the evidence as plain sentences.
 */
import { PATTERN_FIELDS, resolveWorkload } from '../model/design-fields';
import { workloadSchema, type Workload } from '../model/design';
import type { Classification } from './classify';
import { guessStepSeconds, toGrid, type RateUnit } from './classify-grid';
import { generateWorkload } from '../workload/generate-workload';
import type { Series } from './parse-series-order';
import { downsampleMinMax } from '../workload/preview-workload';

/** The chart shows at most this many points: recharts stays quick, and a peak is never lost (min/max buckets). */
export const MEASURED_CHART_MAX_POINTS = 1000;

export interface MeasuredPoint {
  /** Hours since the series' first timestamp. */
  hour: number;
  measured: number;
  fitted: number;
}

type Trace = NonNullable<Workload['trace']>;

/** The fitted workload: the pattern, baseRps, noise and only the fields the pattern uses. */
export function fittedWorkload(c: Pick<Classification, 'pattern' | 'workload'>): Workload {
  const w = c.workload as Record<string, unknown>;
  const used: readonly string[] = PATTERN_FIELDS[c.pattern];
  const picked: Record<string, unknown> = { pattern: c.pattern, baseRps: w.baseRps, noise: w.noise ?? 0 };
  for (const f of used) if (w[f] !== undefined) picked[f] = w[f];
  return workloadSchema.parse(picked);
}

const hourFigure = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * The fitted workload as it can go into a design whose horizon is `horizonHours` long. A single
 * event (once-in-a-lifetime) measured late in a long series, like the World Cup 98 tournament fitted from hour
 * 1,341 of 87 days, would start after a 30-day horizon ends, which the design schema refuses: the
 * event keeps its height and length and moves to the same place relative to the horizon as it had
 * in the measurement (and no later than leaves room for it). `note` says what moved, for the user.
 */
export function fittedWorkloadFor(
  c: Pick<Classification, 'pattern' | 'workload' | 'evidence'>,
  horizonHours: number,
): { workload: Workload; note?: string } {
  const workload = fittedWorkload(c);
  if (workload.pattern !== 'once-in-a-lifetime') return { workload };
  const { peakStartHour, peakHours } = resolveWorkload(workload);
  if (peakStartHour < horizonHours && peakStartHour + peakHours <= horizonHours) return { workload };
  const spanHours = Math.max(c.evidence.spanDays * 24, horizonHours);
  const length = Math.min(peakHours, horizonHours / 2);
  const relative = (peakStartHour / spanHours) * horizonHours;
  const start = Math.max(0, Math.min(relative, horizonHours - length));
  const moved = workloadSchema.parse({
    ...workload,
    peakStartHour: Math.round(start * 100) / 100,
    ...(length !== peakHours ? { peakHours: Math.round(length * 100) / 100 } : {}),
  });
  const days = hourFigure.format(horizonHours / 24);
  return {
    workload: moved,
    note:
      `The measured peak came at hour ${hourFigure.format(peakStartHour)} of ${hourFigure.format(spanHours / 24)} days; ` +
      `it starts at hour ${hourFigure.format(moved.peakStartHour ?? 0)} of this design's ${days}-day horizon` +
      (length !== peakHours
        ? `, lasting ${hourFigure.format(length)} h instead of ${hourFigure.format(peakHours)} h.`
        : '.'),
  };
}

/**
 * The measured series as the component's trace, labelled with the fitted pattern. The fitted fields
 * come along so that removing the trace later leaves a workload that still simulates.
 */
export function measuredWorkload(c: Pick<Classification, 'pattern' | 'workload'>, trace: Trace): Workload {
  return workloadSchema.parse({ ...fittedWorkload(c), trace });
}

/**
 * The workload without its trace. A trace attached elsewhere (an imported document) may lack the
 * peak its pattern needs; then the trace's own floor and top stand in, so the result stays valid.
 */
export function withoutTrace(w: Workload): Workload {
  const { trace, ...rest } = w;
  const plain = workloadSchema.safeParse(rest);
  if (plain.success || !trace) return plain.success ? plain.data : rest;
  let lo = Infinity;
  let hi = 0;
  for (const v of trace.rps) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const baseRps = Math.min(rest.baseRps, Number.isFinite(lo) ? lo : rest.baseRps);
  return workloadSchema.parse({ ...rest, baseRps, peakRps: Math.max(rest.peakRps ?? 0, hi, baseRps) });
}

/**
 * The measured series (in rps, on its regular grid) beside the fitted pattern's curve over the same
 * span (noise left out), at most `maxPoints` points: the lowest and highest measured point of each bucket, with the
 * fitted value at the same instants.
 */
export function measuredChart(
  series: Series,
  c: Pick<Classification, 'pattern' | 'workload'>,
  options: { stepMinutes?: number; per: RateUnit; seed?: number; key?: string },
  maxPoints = MEASURED_CHART_MAX_POINTS,
): MeasuredPoint[] {
  const stepSeconds = options.stepMinutes !== undefined ? options.stepMinutes * 60 : guessStepSeconds(series.t);
  const grid = toGrid(series, stepSeconds, options.per);
  if ('error' in grid) return [];
  const stepHours = stepSeconds / 3600;
  const n = grid.rps.length;
  // The generator works on whole-minute steps; a finer grid is read at the nearest minute.
  const genStep = Math.max(1, Math.round(stepSeconds / 60));
  // The pattern's shape without its noise: a person compares shapes, and noise would hide the measured line.
  const fitted = generateWorkload(
    resolveWorkload({ ...fittedWorkload(c), noise: 0 }),
    { days: (n * stepSeconds) / 86_400 + genStep / 1440, stepMinutes: genStep },
    options.seed ?? 1,
    options.key ?? '',
  );
  return downsampleMinMax(grid.rps, stepHours, maxPoints).map((p) => {
    const at = Math.min(fitted.length - 1, Math.max(0, Math.floor((p.hour * 60) / genStep + 1e-9)));
    return { hour: p.hour, measured: p.rps, fitted: fitted[at] ?? 0 };
  });
}

const figure = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
const pct = (x: number) => `${Math.round(x * 100)} %`;
const hours = (h: number) => (h >= 48 && h % 24 < 1e-6 ? `${figure.format(h / 24)} days` : `${figure.format(h)} h`);

/** The evidence as a few sentences a person can check against the chart. */
export function describeEvidence(c: Pick<Classification, 'evidence'>): string[] {
  const e = c.evidence;
  const lines = [
    `${figure.format(e.points)} points every ${figure.format(e.stepMinutes)} min over ${figure.format(e.spanDays)} days` +
      (e.gapShare > 0 ? ` (${pct(e.gapShare)} filled in gaps)` : '') +
      '.',
    `Mean ${figure.format(e.meanRps)} req/s, median ${figure.format(e.medianRps)}; peak ${figure.format(e.peakToMean)}× the mean; variation (CV) ${figure.format(e.cv)}.`,
  ];
  if (e.period) {
    lines.push(
      `Repeats every ${hours(e.period.hours)} (autocorrelation ${figure.format(e.period.autocorrelation)}, ${figure.format(e.period.cycles)} cycles), peaks ${figure.format(e.period.peakOverBase)}× the base.`,
    );
  } else lines.push('No repeating cycle found.');
  const growth = e.trend.growthPerMonth;
  lines.push(`Trend ${growth >= 0 ? '+' : ''}${pct(growth)} a month (fit R² ${figure.format(e.trend.r2)}).`);
  lines.push(
    e.spikes.count > 0
      ? `${figure.format(e.spikes.count)} spike${e.spikes.count === 1 ? '' : 's'} (${figure.format(e.spikes.perWeek)} a week), typically ${figure.format(e.spikes.peakOverBase)}× the base.`
      : 'No spikes above the normal range.',
  );
  lines.push(`The busiest ${hours(e.busiestWindow.hours)} hold ${pct(e.busiestWindow.share)} of the volume.`);
  return lines;
}
