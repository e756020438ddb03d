/**
 * The shape of one peak: a trapezoid that ramps up over the first quarter of its duration, holds, and
 * ramps down over the last quarter. A step takes the highest value the shape reaches inside it, so a
 * peak shorter than a step still shows in full: `peakRps` is always reached when the peak falls in
 * the horizon, whatever the step length.
 */
import { MODEL_ASSUMPTIONS } from '../model/defaults';

/** Highest value (0..1) of a peak starting at `start` and lasting `duration` within [t0, t1). */
export function samplePulse(
  t0: number,
  t1: number,
  start: number,
  duration: number,
  rampShare: number = MODEL_ASSUMPTIONS.peakRampShare,
): number {
  const end = start + duration;
  if (t1 <= start || t0 >= end) return 0;
  const ramp = duration * rampShare;
  const holdStart = start + ramp;
  const holdEnd = end - ramp;
  if (t0 <= holdEnd && t1 >= holdStart) return 1;
  if (ramp <= 0) return 1;
  if (t1 < holdStart) return clamp01((t1 - start) / ramp);
  return clamp01((end - t0) / ramp);
}

/** Highest value of a peak that recurs every `period` from `firstStart`, within [t0, t1). */
export function samplePeriodicPulse(
  t0: number,
  t1: number,
  firstStart: number,
  duration: number,
  period: number,
): number {
  const cycle = Math.floor((t0 - firstStart) / period);
  let best = 0;
  for (let k = cycle - 1; k <= cycle + 1; k++) {
    const v = samplePulse(t0, t1, firstStart + k * period, duration);
    if (v > best) best = v;
  }
  return best;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
