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

/** The q-quantile of the series (upper edge of its histogram bin, so never below the true value). */
export function computeQuantile(series: Float32Array, peak: number, q: number): number {
  if (peak <= 0 || series.length === 0) return 0;
  if (q >= 1) return peak;
  return quantileOf(histogramOf(series, peak), q);
}

/** computeQuantile's histogram of a series: its counts by bin of `peak` ÷ BINS, for any q. */
export interface SeriesHistogram {
  peak: number;
  length: number;
  counts: Uint32Array;
}

export function histogramOf(series: Float32Array, peak: number): SeriesHistogram {
  const counts = new Uint32Array(BINS);
  const scale = BINS / peak;
  for (let i = 0; i < series.length; i++) {
    const b = Math.min(BINS - 1, Math.floor((series[i] as number) * scale));
    counts[b] = (counts[b] as number) + 1;
  }
  return { peak, length: series.length, counts };
}

/** computeQuantile from the series' histogram (histogramOf; its peak > 0, q < 1). */
export function quantileOf(histogram: SeriesHistogram, q: number): number {
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
