/**
 * The shape of a parsed series and the time-order check every format shares: a measured series must be
 * strictly increasing in time, and a problem names the row (`line 17`) or JSON element (`Values[3]`).
 */
import type { Problem } from '../model/validate';

/** A measured series: epoch milliseconds and the values as written, in time order. */
export interface Series {
  t: Float64Array;
  v: Float64Array;
}

export type SeriesFormat = 'csv' | 'cloudwatch-json' | 'cloudwatch-statistics-json' | 'prometheus-json';

export interface ParsedSeries extends Series {
  format: SeriesFormat;
}

/** More problems than this are not collected. */
export const MAX_PROBLEMS = 20;

/**
 * Checks time order: strictly increasing, no duplicates. `where(i)` names the i-th point for the
 * message (`line 17`, `Values[3]`).
 */
export function checkTimeOrder(t: ArrayLike<number>, where: (i: number) => string): Problem[] {
  const problems: Problem[] = [];
  for (let i = 1; i < t.length; i++) {
    const prev = t[i - 1] as number;
    const cur = t[i] as number;
    if (cur === prev)
      problems.push({ path: where(i), message: `duplicate timestamp ${iso(cur)} (also at ${where(i - 1)})` });
    else if (cur < prev) {
      problems.push({
        path: where(i),
        message: `timestamp ${iso(cur)} is earlier than ${iso(prev)} at ${where(i - 1)}: rows must be in time order`,
      });
    }
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
