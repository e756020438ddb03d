/**
 * Finding the cycle of a series: the autocorrelation function by FFT (Wiener–Khinchin, O(n log n)),
 * then the shortest lag whose correlation is a clear local peak and nearly as strong as the best.
 * Shortest, because a daily cycle also repeats every 2, 3 … 7 days; the weekly lag wins only when
 * it is clearly stronger, and never over a daily cycle that is clear in its own right. Clock periods (1 h, 1 d, 1 week) absorb a lag within 3 % of them: real
 * workloads follow clocks, and the coarse lag grid would otherwise put a daily cycle at 23.6 h.
 */

/** In-place iterative radix-2 FFT of (re, im); length must be a power of two. */
export function transformFourier(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j] as number, re[i] as number];
      [im[i], im[j]] = [im[j] as number, im[i] as number];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k;
        const b = a + len / 2;
        const xr = (re[b] as number) * cr - (im[b] as number) * ci;
        const xi = (re[b] as number) * ci + (im[b] as number) * cr;
        re[b] = (re[a] as number) - xr;
        im[b] = (im[a] as number) - xi;
        re[a] = (re[a] as number) + xr;
        im[a] = (im[a] as number) + xi;
        const nr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = nr;
      }
    }
  }
}

/** Autocorrelation at lags 0..n-1 of a series (its mean removed), normalised so that acf[0] = 1. */
export function computeAutocorrelation(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  let size = 1;
  while (size < 2 * n) size <<= 1;
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i] as number;
  m /= n;
  for (let i = 0; i < n; i++) re[i] = (x[i] as number) - m;
  transformFourier(re, im);
  for (let i = 0; i < size; i++) {
    re[i] = (re[i] as number) ** 2 + (im[i] as number) ** 2;
    im[i] = 0;
  }
  transformFourier(re, im); // the power spectrum is real and even, so a forward transform inverts it
  const acf = new Float64Array(n);
  const zero = re[0] as number;
  // Unbiased by the overlap (n - lag), so long lags are not penalised merely for overlapping less.
  for (let lag = 0; lag < n; lag++) acf[lag] = zero > 0 ? ((re[lag] as number) / zero) * (n / (n - lag)) : 0;
  return acf;
}

export interface DetectedPeriod {
  periodHours: number;
  /** Autocorrelation at the period, 0..1. */
  strength: number;
}

const CLOCK_PERIODS_HOURS = [1, 24, 168];

/** The dominant cycle of a series sampled every `stepHours`, or null when it has none of note. */
export function detectPeriod(x: ArrayLike<number>, stepHours: number): DetectedPeriod | null {
  const acf = computeAutocorrelation(x);
  const maxLag = Math.floor(x.length / 3); // at least three cycles observed
  const peaks: { lag: number; r: number }[] = [];
  let lowest = 1;
  for (let lag = 2; lag < maxLag; lag++) {
    const r = acf[lag] as number;
    lowest = Math.min(lowest, r);
    if (r > 0.1 && r > (acf[lag - 1] as number) && r >= (acf[lag + 1] as number) && lowest < r - 0.15)
      peaks.push({ lag, r });
  }
  if (peaks.length === 0) return null;
  const best = Math.max(...peaks.map((p) => p.r));
  const first = peaks.find((p) => p.r >= 0.85 * best) as { lag: number; r: number };
  // Noise makes a broad hump ragged: take the top of the hump the first strong peak sits on.
  const chosen = { ...first };
  for (let lag = Math.ceil(first.lag * 0.8); lag <= Math.min(maxLag - 1, Math.floor(first.lag * 1.25)); lag++) {
    if ((acf[lag] as number) > chosen.r) Object.assign(chosen, { lag, r: acf[lag] as number });
  }
  preferClearDay(acf, chosen, stepHours, maxLag);
  const a = acf[chosen.lag - 1] as number;
  const c = acf[chosen.lag + 1] as number;
  const denom = a - 2 * chosen.r + c;
  const lag = chosen.lag + (denom < 0 ? (0.5 * (a - c)) / denom : 0);
  return { periodHours: snapToClock(lag * stepHours, stepHours), strength: Math.min(1, chosen.r) };
}

/**
 * A cycle of whole days (a week) can be stronger than the daily one it is made of, as the NYC taxis'
 * is (0.99 a week apart, 0.82 a day apart): the day still repeats clearly, and a few weeks of data
 * hold a few weekly cycles but dozens of daily ones. When the chosen lag is a multiple of a day and
 * the correlation one day apart is a clear peak of its own (at least 0.3 and half the chosen one),
 * the day is the cycle.
 */
function preferClearDay(acf: Float64Array, chosen: { lag: number; r: number }, stepHours: number, maxLag: number) {
  const dayLag = 24 / stepHours;
  if (chosen.lag * stepHours < 36 || dayLag < 3 || !Number.isInteger(Math.round(dayLag))) return;
  const days = (chosen.lag * stepHours) / 24;
  if (Math.abs(days - Math.round(days)) > 0.1) return;
  let best = { lag: 0, r: -1 };
  const from = Math.max(2, Math.floor(dayLag * 0.9));
  const to = Math.min(maxLag - 1, Math.ceil(dayLag * 1.1));
  for (let lag = from; lag <= to; lag++) if ((acf[lag] as number) > best.r) best = { lag, r: acf[lag] as number };
  // A clear peak: stronger than the trough half a day before it by a margin, not a shoulder.
  const trough = acf[Math.max(1, Math.round(dayLag / 2))] as number;
  if (best.r >= 0.3 && best.r >= 0.5 * chosen.r && best.r - trough >= 0.3) Object.assign(chosen, best);
}

function snapToClock(hours: number, stepHours: number): number {
  for (const clock of CLOCK_PERIODS_HOURS) {
    if (Math.abs(hours - clock) <= 0.03 * clock + stepHours / 2) return clock;
  }
  return Math.max(stepHours, Math.round(hours / stepHours) * stepHours);
}
