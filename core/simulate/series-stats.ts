/**
 * Summary figures of a demand series that the rules quote (Weinman's test needs peak ÷ mean and the
 * share of time spent near the peak) and that burst sizing needs (a quantile). Histogram-based, so a
 * month at one-minute steps costs one pass, not a sort.
 */
import { MODEL_ASSUMPTIONS } from '../model/defaults';

const BINS = 4096;

export interface SeriesShape {
  mean: number;
  peak: number;
  /** Share of steps near the peak (MODEL_ASSUMPTIONS.nearPeakShare of it or more). */
  nearPeakShare: number;
}

export function describeSeries(series: Float32Array, peak: number): SeriesShape {
  let sum = 0;
  let near = 0;
  const line = MODEL_ASSUMPTIONS.nearPeakShare * peak;
  for (let i = 0; i < series.length; i++) {
    const v = series[i] as number;
    sum += v;
    if (v >= line) near++;
  }
  const n = series.length || 1;
  return { mean: sum / n, peak, nearPeakShare: peak > 0 ? near / n : 0 };
}

/**
 * The q-quantile of the series (upper edge of its histogram bin, so never below the true value).
 * `kept`: the histogram is kept by the series, for a series never written to once made (a kept demand
 * series, propagate-demand.ts, the same array from plan to plan, where a price edit moves only q:
 * counting it again was ~30 ms of a price edit's 115–150 ms re-plan of bench:engine's design, CPU
 * profile, 2026-12-05).
 */
export function computeQuantile(series: Float32Array, peak: number, q: number, kept = false): number {
  if (peak <= 0 || series.length === 0) return 0;
  if (q >= 1) return peak;
  if (!kept) return quantileOf(histogramOf(series, peak), q);
  let histogram = histograms.get(series);
  if (histogram?.peak !== peak) {
    histogram = histogramOf(series, peak);
    histograms.set(series, histogram);
  }
  return quantileOf(histogram, q);
}
const histograms = new WeakMap<Float32Array, SeriesHistogram>();

/** computeQuantile's histogram of a series: its counts by bin of `peak` ÷ BINS, for any q. */
interface SeriesHistogram {
  peak: number;
  length: number;
  counts: Uint32Array;
}

function histogramOf(series: Float32Array, peak: number): SeriesHistogram {
  const counts = new Uint32Array(BINS);
  const scale = BINS / peak;
  for (let i = 0; i < series.length; i++) {
    const b = Math.min(BINS - 1, Math.floor((series[i] as number) * scale));
    counts[b] = (counts[b] as number) + 1;
  }
  return { peak, length: series.length, counts };
}

/** computeQuantile from the series' histogram (histogramOf; its peak > 0, q < 1). */
function quantileOf(histogram: SeriesHistogram, q: number): number {
  const { peak, counts } = histogram;
  const scale = BINS / peak;
  const target = q * histogram.length;
  let acc = 0;
  for (let b = 0; b < BINS; b++) {
    acc += counts[b] as number;
    if (acc >= target) return Math.min(peak, (b + 1) / scale);
  }
  return peak;
}
