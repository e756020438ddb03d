/**
 * Putting a measured series on a regular grid in requests per second: the step is the one most
 * intervals have (or the user's), each value is converted from its unit, points that share a slot
 * are averaged, and missing slots are filled by straight lines between their neighbours so that the
 * statistics see a continuous series; how much was filled is reported as evidence.
 */
import type { Series } from './parse-series-order';

export type RateUnit = 'second' | 'minute' | 'interval';

export interface Grid {
  startMs: number;
  stepSeconds: number;
  /** Requests per second at each slot. */
  rps: Float64Array;
  /** Share of slots that had no measurement and were filled. */
  gapShare: number;
}

/** A grid this long would be a mistake (a step far below the data's): refuse rather than exhaust memory. */
export const MAX_GRID_POINTS = 2_000_000;

/** The most common interval between timestamps, in seconds (robust to gaps and to a stray late row). */
export function guessStepSeconds(t: ArrayLike<number>): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < t.length; i++) {
    const d = Math.round(((t[i] as number) - (t[i - 1] as number)) / 1000);
    if (d > 0) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best = 60;
  let bestCount = 0;
  for (const [d, c] of counts) {
    if (c > bestCount || (c === bestCount && d < best)) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}

export function toGrid(series: Series, stepSeconds: number, per: RateUnit): Grid | { error: string } {
  const { t, v } = series;
  const startMs = t[0] as number;
  const stepMs = stepSeconds * 1000;
  const n = Math.round(((t[t.length - 1] as number) - startMs) / stepMs) + 1;
  if (n > MAX_GRID_POINTS) {
    return {
      error: `a step of ${stepSeconds} s over this span makes ${n} points, more than ${MAX_GRID_POINTS}; give a larger --step-minutes`,
    };
  }
  const divisor = per === 'second' ? 1 : per === 'minute' ? 60 : stepSeconds;
  const sum = new Float64Array(n);
  const count = new Uint32Array(n);
  for (let i = 0; i < t.length; i++) {
    const k = Math.round(((t[i] as number) - startMs) / stepMs);
    sum[k] = (sum[k] as number) + (v[i] as number) / divisor;
    count[k] = (count[k] as number) + 1;
  }
  const rps = new Float64Array(n);
  let filled = 0;
  let prev = -1;
  for (let k = 0; k < n; k++) {
    if (count[k] === 0) continue;
    rps[k] = (sum[k] as number) / (count[k] as number);
    for (let j = prev + 1; j < k; j++) {
      const a = prev < 0 ? (rps[k] as number) : (rps[prev] as number);
      rps[j] = a + ((rps[k] as number) - a) * ((j - prev) / (k - prev));
      filled++;
    }
    prev = k;
  }
  return { startMs, stepSeconds, rps, gapShare: filled / n };
}
