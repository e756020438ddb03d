/**
 * The typical cycle of a periodic series: the median of each phase across all cycles (robust to a
 * flash crowd or an outage on one day), and the peak region of that cycle at half height. The peak
 * region and the level outside it are what the simulator's periodic generator draws: base outside,
 * peakRps for peakHours from peakStartHour, every periodHours.
 */
import { movingAverage, quantileSorted, sortedCopy } from './classify-stats';

export interface CycleProfile {
  /** Median level at each phase bin. */
  levels: Float64Array;
  binHours: number;
}

export interface PeakRegion {
  base: number;
  peak: number;
  /** First bin of the region and its length in bins (the region may wrap around the cycle's end). */
  startBin: number;
  bins: number;
}

/** Folds x (step `stepHours`) by `periodHours` into at most `maxBins` phase bins. */
export function foldCycle(x: ArrayLike<number>, stepHours: number, periodHours: number, maxBins = 2048): CycleProfile {
  const perBin = Math.max(1, Math.ceil(periodHours / stepHours / maxBins));
  const binHours = perBin * stepHours;
  const bins = Math.max(1, Math.round(periodHours / binHours));
  // The epsilon keeps 5-minute steps (1/12 h, not exact in binary) from straddling bin edges.
  const binOf = (i: number) => Math.floor(((i * stepHours) % periodHours) / binHours + 1e-6) % bins;
  const counts = new Uint32Array(bins + 1);
  for (let i = 0; i < x.length; i++) {
    const b = binOf(i) + 1;
    counts[b] = (counts[b] as number) + 1;
  }
  for (let b = 0; b < bins; b++) counts[b + 1] = (counts[b + 1] as number) + (counts[b] as number);
  const fill = counts.slice(0, bins);
  const ordered = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const b = binOf(i);
    const at = fill[b] as number;
    ordered[at] = x[i] as number;
    fill[b] = at + 1;
  }
  const levels = new Float64Array(bins);
  for (let b = 0; b < bins; b++) {
    levels[b] = quantileSorted(ordered.subarray(counts[b], counts[b + 1]).sort(), 0.5);
  }
  // A bin no sample fell in (a period that is not a whole number of steps) takes its neighbour's level.
  for (let b = 0; b < 2 * bins; b++) if (Number.isNaN(levels[b % bins])) levels[b % bins] = levels[(b + bins - 1) % bins] as number;
  return { levels, binHours };
}

/**
 * The contiguous run of values around the highest one that stays above half-way between the
 * typical low and the top (wrapping when `circular`). Base is the median outside it, peak the median
 * inside it (a trapezoid's ramps fill a third of its half-height width, so that is its top): robust
 * to noise, and to a single extreme value.
 */
export function findPeakRegion(x: ArrayLike<number>, circular: boolean, smoothWindow = 3): PeakRegion {
  const n = x.length;
  const smooth = movingAverage(x, n >= 8 * smoothWindow ? smoothWindow : 1);
  let top = 0;
  for (let i = 1; i < n; i++) if ((smooth[i] as number) > (smooth[top] as number)) top = i;
  const sorted = sortedCopy(smooth);
  const low = quantileSorted(sorted, 0.1);
  const half = low + 0.5 * ((smooth[top] as number) - low);
  const at = (i: number) => smooth[circular ? ((i % n) + n) % n : i] as number;
  let start = top;
  let end = top;
  while (end - start + 1 < n && (circular || start > 0) && at(start - 1) >= half) start--;
  while (end - start + 1 < n && (circular || end < n - 1) && at(end + 1) >= half) end++;
  const inside: number[] = [];
  const outside: number[] = [];
  const bins = end - start + 1;
  for (let k = 0; k < n; k++) {
    const offset = (((k - start) % n) + n) % n;
    (offset < bins ? inside : outside).push(x[k] as number);
  }
  const base = outside.length > 0 ? quantileSorted(sortedCopy(outside), 0.5) : low;
  const peak = quantileSorted(sortedCopy(inside), 0.5);
  return { base, peak: Math.max(peak, base), startBin: ((start % n) + n) % n, bins };
}
