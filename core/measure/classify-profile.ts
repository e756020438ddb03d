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
  for (let b = 0; b < 2 * bins; b++)
    if (Number.isNaN(levels[b % bins])) levels[b % bins] = levels[(b + bins - 1) % bins] as number;
  return { levels, binHours };
}

/**
 * The peak of a cycle, found at several smoothings (none, an eighth of an hour and half an hour per
 * day of cycle) and kept where base-outside / peak-inside fits the profile best: a two-minute batch
 * peak survives, and a lone noisy bin of a ragged profile does not pass for the daytime hump.
 */
export function findCyclePeak(levels: Float64Array): PeakRegion {
  const n = levels.length;
  let best: PeakRegion | null = null;
  let bestError = Infinity;
  for (const window of new Set([1, Math.round(n / 96), Math.round(n / 48)])) {
    if (window < 1) continue;
    const region = findPeakRegion(levels, true, window);
    let error = 0;
    for (let k = 0; k < n; k++) {
      const inside = (((k - region.startBin) % n) + n) % n < region.bins;
      error += ((levels[k] as number) - (inside ? region.peak : region.base)) ** 2;
    }
    if (error < bestError) [best, bestError] = [region, error];
  }
  return best as PeakRegion;
}

/**
 * The contiguous run of values around the highest one that stays above half-way between the
 * typical low and the top (wrapping when `circular`). Base is the median outside it, peak the median
 * inside it (a trapezoid's ramps fill a third of its half-height width, so that is its top): robust
 * to noise, and to a single extreme value.
 */
export function findPeakRegion(x: ArrayLike<number>, circular: boolean, smoothWindow = 3): PeakRegion {
  const n = x.length;
  const smooth =
    smoothWindow > 1 && n >= 8 * smoothWindow ? smoothCircular(x, smoothWindow, circular) : Float64Array.from(x);
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

/** Centred moving average; around a cycle's end it wraps, so a peak at midnight is not cut in two. */
function smoothCircular(x: ArrayLike<number>, window: number, circular: boolean): Float64Array {
  if (!circular) return movingAverage(x, window);
  const n = x.length;
  const half = Math.floor(window / 2);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = -half; k <= half; k++) sum += x[(((i + k) % n) + n) % n] as number;
    out[i] = sum / (2 * half + 1);
  }
  return out;
}
