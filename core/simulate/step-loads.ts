/**
 * A component's load step by step, kept small: what a burst callee's routed steps are read against
 * (call-delay-parts.ts: the caller's own minutes at the load it has in that step). Its requests hour
 * by hour blur a peak of ten or fifteen minutes into its hour, and ranking hours by load put a caller
 * whose few quiet requests make its worst minutes the wrong way round (H37's review: 22 minutes read
 * where 46 miss, 50 where none does). Two bytes a block of at most five minutes, the requests a
 * minute coded on a log scale 0.27 % apart: 17 kB for a 30-day month of 5-minute steps, at most 52 kB
 * (90 days).
 */

export interface StepLoads {
  /** Requests a minute of each block of `blockSteps` steps (their mean), coded (levelOfPerMinute). */
  level: Uint16Array;
  blockSteps: number;
}

/** Codes a doubling of the load: 2^(1/256) = 1.0027, well inside a p95 bin's width (1.1 %). */
const PER_DOUBLING = 256;
/** The lowest load coded (2^−24 requests a minute, one in 30 years); 0 codes none. */
const FLOOR_LOG2 = -24;
/** Blocks are at most this long: a peak of ten minutes stays two blocks at least. */
const BLOCK_MINUTES = 5;

function levelOfPerMinute(perMinute: number): number {
  if (!(perMinute > 0)) return 0;
  const k = 1 + Math.round(PER_DOUBLING * (Math.log2(perMinute) - FLOOR_LOG2));
  return k < 1 ? 1 : k > 65535 ? 65535 : k;
}

/** Requests a minute of a coded level (its centre; 0 for none). */
export function perMinuteOfLevel(level: number): number {
  return level === 0 ? 0 : 2 ** ((level - 1) / PER_DOUBLING + FLOOR_LOG2);
}

/** The loads of `steps` steps of `dt` seconds of a series of requests a second. */
export function stepLoadsOf(total: ArrayLike<number>, steps: number, dt: number): StepLoads {
  const blockSteps = Math.max(1, Math.floor((BLOCK_MINUTES * 60) / dt));
  const level = new Uint16Array(Math.max(1, Math.ceil(steps / blockSteps)));
  for (let b = 0; b < level.length; b++) {
    const from = b * blockSteps;
    const to = Math.min(steps, from + blockSteps);
    let sum = 0;
    for (let i = from; i < to; i++) sum += total[i] as number;
    level[b] = to > from ? levelOfPerMinute((60 * sum) / (to - from)) : 0;
  }
  return { level, blockSteps };
}

/** The coded load of step `i` (0 past the end). */
export function levelAtStep(loads: StepLoads, i: number): number {
  return loads.level[Math.floor(i / loads.blockSteps)] ?? 0;
}
