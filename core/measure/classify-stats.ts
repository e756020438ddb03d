/**
 * The few robust statistics the classifier is built from. Quantiles sort a typed copy; a series
 * longer than QUANTILE_SAMPLE points is read at an even stride first (a year of minutes becomes
 * every 5th minute), which moves a quantile by a fraction of a percent and keeps a year of
 * one-minute data well inside the time budget. Everything else is a single pass.
 */

const QUANTILE_SAMPLE = 131_072;

export function sortedCopy(x: ArrayLike<number>): Float64Array {
  if (x.length <= QUANTILE_SAMPLE) return Float64Array.from(x).sort();
  const stride = x.length / QUANTILE_SAMPLE;
  const sample = new Float64Array(QUANTILE_SAMPLE);
  for (let i = 0; i < QUANTILE_SAMPLE; i++) sample[i] = x[Math.floor(i * stride)] as number;
  return sample.sort();
}

/** Linear-interpolated quantile of an ascending array, q in 0..1. */
export function quantileSorted(s: ArrayLike<number>, q: number): number {
  if (s.length === 0) return Number.NaN;
  const pos = Math.min(Math.max(q, 0), 1) * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, s.length - 1);
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (pos - lo);
}

export function quantile(x: ArrayLike<number>, q: number): number {
  return quantileSorted(sortedCopy(x), q);
}

export function mean(x: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] as number;
  return x.length > 0 ? sum / x.length : Number.NaN;
}

export function std(x: ArrayLike<number>): number {
  const m = mean(x);
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += ((x[i] as number) - m) ** 2;
  return x.length > 1 ? Math.sqrt(ss / (x.length - 1)) : 0;
}

/** Median absolute deviation scaled to a normal standard deviation (1.4826 · MAD). */
export function robustSigma(x: ArrayLike<number>, center: number): number {
  const dev = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) dev[i] = Math.abs((x[i] as number) - center);
  return 1.4826 * quantile(dev, 0.5);
}

export interface LineFit {
  slope: number;
  intercept: number;
  r2: number;
}

/** Least-squares line y = intercept + slope · x, with its coefficient of determination. */
export function fitLine(x: ArrayLike<number>, y: ArrayLike<number>): LineFit {
  const n = Math.min(x.length, y.length);
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const r2 = sxx > 0 && syy > 0 ? (sxy * sxy) / (sxx * syy) : 0;
  return { slope, intercept: my - slope * mx, r2 };
}

/** 0 below lo, 1 above hi, a smooth ramp between: how far evidence goes past a threshold. */
export function ramp(x: number, lo: number, hi: number): number {
  if (!(x > lo)) return 0;
  if (x >= hi) return 1;
  const u = (x - lo) / (hi - lo);
  return u * u * (3 - 2 * u);
}

/** Centred moving average over `window` points (clipped at the ends), by prefix sums: O(n). */
export function movingAverage(x: ArrayLike<number>, window: number): Float64Array {
  const n = x.length;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = (prefix[i] as number) + (x[i] as number);
  const half = Math.max(0, Math.floor(window / 2));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - half);
    const hi = Math.min(n, i + half + 1);
    out[i] = ((prefix[hi] as number) - (prefix[lo] as number)) / (hi - lo);
  }
  return out;
}

/** Means of consecutive blocks of `size` points (the last block may be shorter). */
export function blockMeans(x: ArrayLike<number>, size: number): Float64Array {
  const k = Math.max(1, Math.round(size));
  const out = new Float64Array(Math.ceil(x.length / k));
  for (let b = 0; b < out.length; b++) {
    let sum = 0;
    const end = Math.min(x.length, (b + 1) * k);
    for (let i = b * k; i < end; i++) sum += x[i] as number;
    out[b] = sum / (end - b * k);
  }
  return out;
}
