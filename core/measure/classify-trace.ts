/**
 * What the editor needs besides the verdict: a guess of the values' unit, and the measured series
 * itself as a component `trace` ({ stepMinutes, rps }) that workloadSchema accepts (whole minutes,
 * at most a year of one-minute points), so that the simulator can replay what was measured.
 */
import { MAX_TRACE_POINTS } from '../model/design-fields';
import type { Validated } from '../model/validate';
import { guessStepSeconds, toGrid, type RateUnit } from './classify-grid';
import type { Series } from './parse-series-order';

/**
 * Whole numbers at a step of a minute or more are almost always counts per interval (requests per
 * minute, per 5 minutes); fractional values are almost always rates already.
 */
export function guessRateUnit(series: Series, stepSeconds = guessStepSeconds(series.t)): RateUnit {
  let whole = 0;
  for (let i = 0; i < series.v.length; i++) if (Number.isInteger(series.v[i])) whole++;
  return whole === series.v.length && stepSeconds >= 60 ? 'interval' : 'second';
}

/** The series in rps on whole-minute steps (sub-minute data averaged into minutes), capped in length. */
export function buildTrace(
  series: Series,
  options: { stepMinutes?: number; per?: RateUnit } = {},
): Validated<{ stepMinutes: number; rps: number[] }> {
  const stepSeconds = options.stepMinutes !== undefined ? options.stepMinutes * 60 : guessStepSeconds(series.t);
  const grid = toGrid(series, stepSeconds, options.per ?? 'second');
  if ('error' in grid) return { ok: false, problems: [{ path: '', message: grid.error }] };
  const spanMinutes = (grid.rps.length * stepSeconds) / 60;
  let stepMinutes = Math.max(1, Math.round(stepSeconds / 60));
  while (spanMinutes / stepMinutes > MAX_TRACE_POINTS) stepMinutes++;
  const slots = Math.max(1, Math.ceil(spanMinutes / stepMinutes));
  const sum = new Float64Array(slots);
  const count = new Uint32Array(slots);
  for (let i = 0; i < grid.rps.length; i++) {
    const slot = Math.min(slots - 1, Math.floor((i * stepSeconds) / 60 / stepMinutes + 1e-9));
    sum[slot] = (sum[slot] as number) + (grid.rps[i] as number);
    count[slot] = (count[slot] as number) + 1;
  }
  const rps: number[] = [];
  for (let s = 0; s < slots; s++) {
    // A slot no grid point fell in (a step longer than a slot cannot happen; rounding can) repeats the last.
    rps.push(count[s] ? (sum[s] as number) / (count[s] as number) : (rps[rps.length - 1] ?? 0));
  }
  return { ok: true, value: { stepMinutes, rps } };
}
