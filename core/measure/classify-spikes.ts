/**
 * Excursions above the typical level. Spikes are short runs far above a baseline (the typical cycle,
 * or a moving average when there is none): many of them scattered over the series make it
 * unpredictable. An event is the shortest window holding 80 % of all volume above the normal range:
 * when that window is a small share of the span the series had one big occasion, once in a lifetime.
 */
import { quantileSorted, robustSigma, sortedCopy } from './classify-stats';

export interface SpikeFigures {
  count: number;
  /** Median over spikes of each spike's median level, rps. */
  medianPeakRps: number;
  /** 90th percentile of the same: the tall spikes, not the single tallest. */
  highPeakRps: number;
  /** Median level of the points that are not in a spike, rps. */
  baseRps: number;
}

/**
 * Spikes of x over `baseline`: points more than max(4σ, 25 %) above it in relative terms (noise
 * scales with the level), merged when at most `mergeGap` apart; points in [skipFrom, skipTo) (the
 * one big occasion, judged separately) are left out.
 */
export function countSpikes(
  x: Float64Array,
  baseline: Float64Array,
  mergeGap: number,
  skipFrom = 0,
  skipTo = 0,
): SpikeFigures {
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i] as number;
  const floor = Math.max((0.01 * sum) / n, 1e-9);
  const rel = new Float64Array(n);
  for (let i = 0; i < n; i++)
    rel[i] = ((x[i] as number) - (baseline[i] as number)) / Math.max(baseline[i] as number, floor);
  const sigma = robustSigma(rel, quantileSorted(sortedCopy(rel), 0.5));
  const isSpike = new Uint8Array(n);
  for (let i = 0; i < n; i++)
    if ((rel[i] as number) > Math.max(4 * sigma, 0.25) && (i < skipFrom || i >= skipTo)) isSpike[i] = 1;
  const heights: number[] = [];
  const calm = new Float64Array(n);
  let calmCount = 0;
  let run: number[] = [];
  let lastSpike = -Infinity;
  for (let i = 0; i < n; i++) {
    if (isSpike[i]) {
      if (i - lastSpike > mergeGap && run.length > 0) {
        heights.push(
          quantileSorted(
            run.sort((a, b) => a - b),
            0.5,
          ),
        );
        run = [];
      }
      run.push(x[i] as number);
      lastSpike = i;
    } else calm[calmCount++] = x[i] as number;
  }
  if (run.length > 0)
    heights.push(
      quantileSorted(
        run.sort((a, b) => a - b),
        0.5,
      ),
    );
  return {
    count: heights.length,
    medianPeakRps: heights.length > 0 ? quantileSorted(sortedCopy(heights), 0.5) : 0,
    highPeakRps: heights.length > 0 ? quantileSorted(sortedCopy(heights), 0.9) : 0,
    baseRps: calmCount > 0 ? quantileSorted(sortedCopy(calm.subarray(0, calmCount)), 0.5) : 0,
  };
}

export interface ExcessWindow {
  /** Index of the first point and number of points of the window. */
  start: number;
  length: number;
  /** Share of the span the window covers (small = concentrated). */
  spanShare: number;
}

/** Shortest window holding `share` of the volume above median + 3σ (noise rarely gets there). */
export function findExcessWindow(x: Float64Array, share = 0.8): ExcessWindow | null {
  const sorted = sortedCopy(x);
  const median = quantileSorted(sorted, 0.5);
  const threshold = median + 3 * robustSigma(x, median);
  const prefix = new Float64Array(x.length + 1);
  for (let i = 0; i < x.length; i++) prefix[i + 1] = (prefix[i] as number) + Math.max(0, (x[i] as number) - threshold);
  const total = prefix[x.length] as number;
  if (!(total > 0)) return null;
  let best = { start: 0, length: x.length };
  let lo = 0;
  for (let hi = 1; hi <= x.length; hi++) {
    while ((prefix[hi] as number) - (prefix[lo + 1] as number) >= share * total) lo++;
    if ((prefix[hi] as number) - (prefix[lo] as number) >= share * total && hi - lo < best.length)
      best = { start: lo, length: hi - lo };
  }
  return { ...best, spanShare: best.length / x.length };
}

/** Share of all volume in the busiest window covering `fraction` of the span (0.1 when flat). */
export function measureBusiestWindow(
  x: Float64Array,
  fraction = 0.1,
): { start: number; length: number; share: number } {
  const length = Math.max(1, Math.ceil(fraction * x.length));
  let sum = 0;
  let total = 0;
  for (let i = 0; i < x.length; i++) total += x[i] as number;
  for (let i = 0; i < length; i++) sum += x[i] as number;
  let best = { start: 0, sum };
  for (let i = length; i < x.length; i++) {
    sum += (x[i] as number) - (x[i - length] as number);
    if (sum > best.sum) best = { start: i - length + 1, sum };
  }
  return { start: best.start, length, share: total > 0 ? best.sum / total : fraction };
}

/**
 * A level that follows slow change but not short excursions: the median of each block of `size`
 * points, joined by straight lines between block centres. A spike barely moves a block's median;
 * an occasion that fills the block does, and so is not counted as a spike.
 */
export function blockMedianBaseline(x: Float64Array, size: number): Float64Array {
  const blocks = Math.max(1, Math.ceil(x.length / size));
  const centres: number[] = [];
  const medians: number[] = [];
  for (let b = 0; b < blocks; b++) {
    const part = x.slice(b * size, Math.min(x.length, (b + 1) * size)).sort();
    centres.push(b * size + (part.length - 1) / 2);
    medians.push(quantileSorted(part, 0.5));
  }
  const out = new Float64Array(x.length);
  let b = 0;
  for (let i = 0; i < x.length; i++) {
    while (b < blocks - 1 && i > (centres[b + 1] as number)) b++;
    const c0 = centres[b] as number;
    const c1 = centres[Math.min(b + 1, blocks - 1)] as number;
    const m0 = medians[b] as number;
    const m1 = medians[Math.min(b + 1, blocks - 1)] as number;
    out[i] = c1 > c0 ? m0 + (m1 - m0) * Math.min(1, Math.max(0, (i - c0) / (c1 - c0))) : m0;
  }
  return out;
}
