/**
 * Making a measured series one's own before it is attached (journey 4): which window of a long
 * series to simulate (by default the horizon's length around its highest point, so an 87-day trace
 * becomes the 30 days that matter), and how to scale it to one's own traffic (a factor, or the peak
 * one expects). The pattern is recognised on the whole series (a month cut out of it is too little
 * evidence: 30 days of New York taxis look static), and its fitted fields are then placed in the
 * window: the occasion's start, the cycle's phase and the growth's starting level counted from the
 * window's first hour. Pure; the metrics worker applies them.
 */
import { HOURS_PER_MONTH } from '../model/defaults';
import type { Workload } from '../model/design';
import { roundSignificant } from '../model/round';
import { guessStepSeconds, toGrid, type RateUnit } from './classify-grid';
import type { Series } from './parse-series-order';

const HOUR_MS = 3_600_000;

/** Hours from the series' first timestamp, and the window's length in hours. */
export interface SeriesWindow {
  startHour: number;
  hours: number;
}

export type Scaling = { kind: 'measured' } | { kind: 'factor'; factor: number } | { kind: 'peak'; peakRps: number };

/** A factor beyond this either way is a typo, not a forecast. */
export const MAX_SCALE_FACTOR = 1e6;

/** The hours a series covers: first to last timestamp, plus one step for the last point. */
export function seriesSpanHours(series: Series): number {
  const n = series.t.length;
  if (n === 0) return 0;
  const last = series.t[n - 1] as number;
  const first = series.t[0] as number;
  return (last - first) / HOUR_MS + guessStepSeconds(series.t) / 3600;
}

/** The series' highest rate (in rps under `per`) and the hour it is at. */
export function seriesPeak(series: Series, per: RateUnit): { rps: number; hour: number } {
  const grid = toGrid(series, guessStepSeconds(series.t), per);
  if ('error' in grid) return { rps: 0, hour: 0 };
  let top = 0;
  let at = 0;
  for (let i = 0; i < grid.rps.length; i++) {
    if ((grid.rps[i] as number) > top) [top, at] = [grid.rps[i] as number, i];
  }
  return { rps: top, hour: (at * grid.stepSeconds) / 3600 };
}

/**
 * The window simulated unless the person chooses another: the whole series when it fits in the
 * horizon, else a horizon-long window with the series' highest point in its middle (the run-up and
 * the aftermath both show), kept inside the series.
 */
export function defaultWindow(series: Series, horizonHours: number, per: RateUnit = 'second'): SeriesWindow {
  const span = seriesSpanHours(series);
  if (span <= horizonHours) return { startHour: 0, hours: span };
  const peak = seriesPeak(series, per).hour;
  const startHour = Math.max(0, Math.min(span - horizonHours, peak - horizonHours / 2));
  return { startHour: Math.floor(startHour), hours: horizonHours };
}

/** A window that is inside the series and leaves at least two points; otherwise what is wrong. */
export function checkWindow(series: Series, w: SeriesWindow): string | null {
  const span = seriesSpanHours(series);
  if (!(w.startHour >= 0)) return 'the window must start at day 0 or later';
  if (!(w.hours > 0)) return 'the window must be longer than 0 days';
  if (w.startHour >= span) return `the series ends after ${Math.floor((span / 24) * 10) / 10} days`;
  if (sliceSeries(series, w).t.length < 2) return 'the window holds fewer than two measurements';
  return null;
}

/** The points within the window; timestamps kept (the grid starts at the window's first point). */
export function sliceSeries(series: Series, w: SeriesWindow): Series {
  const first = series.t[0] ?? 0;
  const from = first + w.startHour * HOUR_MS;
  const to = from + w.hours * HOUR_MS;
  let a = 0;
  while (a < series.t.length && (series.t[a] as number) < from) a++;
  let b = a;
  while (b < series.t.length && (series.t[b] as number) < to) b++;
  return { t: series.t.subarray(a, b), v: series.v.subarray(a, b) };
}

/** The factor a scaling asks for, given the (windowed) series' own peak in rps. */
export function scaleFactor(scaling: Scaling, measuredPeakRps: number): number {
  if (scaling.kind === 'factor') return scaling.factor;
  if (scaling.kind === 'peak') return measuredPeakRps > 0 ? scaling.peakRps / measuredPeakRps : 1;
  return 1;
}

/** What is wrong with a scaling, in the words of its field; null when it can be applied. */
export function checkScaling(scaling: Scaling): string | null {
  if (scaling.kind === 'factor') {
    const f = scaling.factor;
    if (!Number.isFinite(f) || f <= 0) return 'the factor must be a number greater than 0';
    if (f > MAX_SCALE_FACTOR || f < 1 / MAX_SCALE_FACTOR)
      return `the factor must be between 1/${MAX_SCALE_FACTOR} and ${MAX_SCALE_FACTOR}`;
  }
  if (scaling.kind === 'peak' && (!Number.isFinite(scaling.peakRps) || scaling.peakRps <= 0))
    return 'the peak must be a number of requests per second greater than 0';
  return null;
}

/** Every value times `factor` (rates scale linearly, whatever unit they are written in). */
export function scaleSeries(series: Series, factor: number): Series {
  if (factor === 1) return series;
  return { t: series.t, v: Float64Array.from(series.v, (v) => v * factor) };
}

type Fitted = Omit<Workload, 'trace'>;

/**
 * A whole-series fit placed in a window: times counted from the window's first hour. An occasion
 * outside the window is put at its nearer edge (and `outside` says so); a cycle keeps its phase; a
 * growing load starts at the level it has reached when the window begins.
 */
export function placeInWindow<C extends { pattern: Workload['pattern']; workload: Fitted }>(
  c: C,
  w: SeriesWindow,
): C & { outside: boolean } {
  const f = { ...c.workload };
  let outside = false;
  if (c.pattern === 'periodic' && f.periodHours && f.peakStartHour !== undefined) {
    const p = f.periodHours;
    f.peakStartHour = roundSignificant((((f.peakStartHour - w.startHour) % p) + p) % p);
  } else if (c.pattern === 'once-in-a-lifetime' && f.peakStartHour !== undefined) {
    const start = f.peakStartHour - w.startHour;
    const latest = Math.max(0, w.hours - (f.peakHours ?? 0));
    outside = start < 0 || start >= w.hours;
    f.peakStartHour = roundSignificant(Math.min(latest, Math.max(0, start)));
  } else if (c.pattern === 'continuously-changing' && f.growthPerMonth !== undefined) {
    f.baseRps = roundSignificant(f.baseRps * (1 + f.growthPerMonth) ** (w.startHour / HOURS_PER_MONTH));
  }
  return { ...c, workload: f, outside };
}
