/**
 * The inspector's load-curve preview: a component's own workload over the simulation horizon,
 * generated exactly as the engine does (same seed and key) but coarsened to 15-minute steps when
 * the horizon has more steps than a keystroke should pay for, then reduced to at most 500 points
 * that keep every peak and trough (the minimum and maximum of each bucket).
 */
import { resolveWorkload } from '../model/design-fields';
import type { Simulation, Workload } from '../model/design';
import { countSteps, generateWorkload, type Horizon } from './generate-workload';

export const PREVIEW_MAX_POINTS = 500;
/** About 35 days at 1-minute steps; beyond it the preview uses 15-minute steps (90 days: 8,640). */
export const PREVIEW_MAX_STEPS = 50_000;

export interface PreviewPoint {
  /** Hours since the horizon's start, at the start of the step. */
  hour: number;
  rps: number;
}

export interface LoadPreview {
  points: PreviewPoint[];
  horizon: Horizon;
  minRps: number;
  meanRps: number;
  maxRps: number;
}

export function previewHorizon(sim: Pick<Simulation, 'days' | 'stepMinutes'>): Horizon {
  const full = { days: sim.days, stepMinutes: sim.stepMinutes };
  return countSteps(full) > PREVIEW_MAX_STEPS ? { days: sim.days, stepMinutes: Math.max(15, sim.stepMinutes) } : full;
}

/**
 * At most `maxPoints` points of `series` (one per step of `stepHours`): all of them when they fit,
 * else the lowest and highest of each of maxPoints / 2 equal buckets, in time order.
 */
export function downsampleMinMax(
  series: ArrayLike<number>,
  stepHours: number,
  maxPoints = PREVIEW_MAX_POINTS,
): PreviewPoint[] {
  const n = series.length;
  const at = (i: number): PreviewPoint => ({ hour: i * stepHours, rps: series[i] as number });
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => at(i));
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const out: PreviewPoint[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    let lo = from;
    let hi = from;
    for (let i = from + 1; i < to; i++) {
      const v = series[i] as number;
      if (v < (series[lo] as number)) lo = i;
      if (v > (series[hi] as number)) hi = i;
    }
    if (lo === hi) out.push(at(lo));
    else out.push(at(Math.min(lo, hi)), at(Math.max(lo, hi)));
  }
  return out;
}

/** The preview of one component's own workload; `key` is its id, as in the engine. */
export function previewWorkload(workload: Workload, sim: Simulation, key: string): LoadPreview {
  const horizon = previewHorizon(sim);
  const series = generateWorkload(resolveWorkload(workload), horizon, sim.seed, key);
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of series) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const n = series.length;
  return {
    points: downsampleMinMax(series, horizon.stepMinutes / 60),
    horizon,
    minRps: n ? min : 0,
    meanRps: n ? sum / n : 0,
    maxRps: n ? max : 0,
  };
}
