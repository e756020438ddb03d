/**
 * How a backlog's waits spread about the fluid's. A queue over its rate is a walk: with drift
 * a = λ − cμ and variance v = λ + cμ a second, grown from empty for t seconds it is distributed as the
 * supremum over [0, t] of a Brownian motion with that drift and variance,
 *   P(M_t ≤ x) = Φ((x − at)/√(vt)) − e^(2ax/v) Φ((−x − at)/√(vt))
 * (Harrison, *Brownian Motion and Stochastic Flow Systems*, 1985, §1.8; the queue from empty is the
 * walk's running maximum read backwards in time). Its shape depends on u = a√t/√v alone: half-normal
 * at u = 0, a normal about at once u is large. The backlog (backlog.ts) follows the queue's mean;
 * each request in fact waits behind the queue it found, so its wait is spread as M_t is about its
 * mean. Pinned at the mean, 1 hour a day at ρ 1.02 on one core of 1 s with a 100 s timeout read the
 * month's p95 56–83 % over the per-request simulator's (28.2 s; this distribution, averaged over the
 * hour, puts it at 27 s): the hour's requests all waited near the mean, where many of the
 * simulator's found a short queue.
 *
 * A wait is spread over the conditional means of M_t's eight eighths (scaled to its mean, so the
 * mean is kept), at the u whose mean is the queue the wait stands for.
 */
import { normalCdf } from './erlang';
import { SPREAD_TABLE } from './wait-spread-table';

/** Points a wait is spread over (the conditional means of as many equal shares). */
export const SPREAD_POINTS = 8;

// The table, by u from 0 to U_MAX: z = u × (M's mean over √(vt)) — which is a × mean ÷ v, read from
// a queue — and the eight conditional means of M over its mean. Past U_MAX M is a normal about u.
const U_STEPS = 64;
const U_MAX = 8;
const SUB = 12;
/**
 * The table: by row (u from 0 to U_MAX), z and M's coefficient of variation (its spread over its mean,
 * from the same quantiles), and its eight conditional means over its mean; the standard normal's eight
 * conditional means (of its eighths); wider than a walk from empty (a drain's walk, reflected at empty,
 * tends to the exponential), the exponential's eight conditional means over its mean and the moments
 * of the quantile mixture (1 − w)·H + w·E of the half-normal's and the exponential's quantiles, both
 * of mean 1: E[H²], E[H·E], E[E²]. Computed by computeSpreadTable and stored as constants
 * (wait-spread-table.ts; wait-spread.test.ts checks they are what it computes): built on the first
 * plan with a backlog near ρ 1, it took 30–45 ms there.
 */
export interface SpreadTable {
  zs: Float64Array;
  cvs: Float64Array;
  points: Float64Array;
  normalPoints: Float64Array;
  expPoints: Float64Array;
  mixture: Float64Array;
}
const { zs, cvs, points, normalPoints, expPoints } = SPREAD_TABLE;
const [mixHH, mixHE, mixEE] = SPREAD_TABLE.mixture as unknown as [number, number, number];

/** P(M ≤ x) for M the maximum over unit time of a Brownian motion with drift u and unit variance. */
function maxCdf(x: number, u: number): number {
  const reflected = 2 * u * x;
  // e^(2ux) Φ(−x − u) underflows to 0 × ∞ far out: it is then 0.
  const tail = reflected > 700 ? 0 : Math.exp(reflected) * normalCdf(-x - u);
  return normalCdf(x - u) - tail;
}

/** maxCdf's density: 2φ(x − u) − 2u·e^(2ux) Φ(−x − u). */
function maxDensity(x: number, u: number): number {
  const reflected = 2 * u * x;
  const tail = reflected > 700 ? 0 : Math.exp(reflected) * normalCdf(-x - u);
  return 2 * INV_SQRT_2PI * Math.exp(-((x - u) * (x - u)) / 2) - 2 * u * tail;
}
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * The p-quantile of a distribution on [lo, hi] by Newton's method on its density, kept inside the
 * bracket (a bisection step wherever Newton's leaves it). (The table's 6,000 quantiles by 48
 * bisections each took 40 ms on the first plan with a backlog near ρ 1; Newton takes a few steps.)
 */
function quantile(
  p: number,
  cdf: (x: number) => number,
  density: (x: number) => number,
  lo: number,
  hi: number,
  start = Number.NaN,
): number {
  let x = start > lo && start < hi ? start : (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const f = cdf(x) - p;
    if (f < 0) lo = x;
    else hi = x;
    const d = density(x);
    let next = d > 0 ? x - f / d : Number.NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-12 * (1 + Math.abs(x)) || hi - lo <= 1e-12 * (1 + Math.abs(x))) return next;
    x = next;
  }
  return x;
}

/** The mean square of the quantiles `eighths` read last (for the coefficient of variation). */
let meanSquare = 0;

/**
 * The eight conditional means of a distribution given by its cdf and density on [lo, hi], into `out`;
 * returns their mean.
 */
function eighths(
  cdf: (x: number) => number,
  density: (x: number) => number,
  lo: number,
  hi: number,
  out: Float64Array,
  at: number,
): number {
  let mean = 0;
  let last = Number.NaN;
  meanSquare = 0;
  for (let i = 0; i < SPREAD_POINTS; i++) {
    let sum = 0;
    for (let k = 0; k < SUB; k++) {
      // From the last quantile, which is below this one.
      const x = quantile((i + (k + 0.5) / SUB) / SPREAD_POINTS, cdf, density, lo, hi, last);
      last = x;
      sum += x;
      meanSquare += (x * x) / (SUB * SPREAD_POINTS);
    }
    out[at + i] = sum / SUB;
    mean += sum / SUB / SPREAD_POINTS;
  }
  return mean;
}

/** The table, computed (6,000 quantiles by Newton's method). */
export function computeSpreadTable(): SpreadTable {
  const zs = new Float64Array(U_STEPS + 1);
  const cvs = new Float64Array(U_STEPS + 1);
  const points = new Float64Array((U_STEPS + 1) * SPREAD_POINTS);
  for (let j = 0; j <= U_STEPS; j++) {
    const u = (U_MAX * j) / U_STEPS;
    const cdf = (x: number) => maxCdf(x, u);
    const density = (x: number) => maxDensity(x, u);
    const mean = eighths(cdf, density, 0, u + 10, points, j * SPREAD_POINTS);
    cvs[j] = Math.sqrt(Math.max(0, meanSquare - mean * mean)) / mean;
    for (let i = 0; i < SPREAD_POINTS; i++)
      points[j * SPREAD_POINTS + i] = (points[j * SPREAD_POINTS + i] as number) / mean;
    zs[j] = u * mean;
  }
  const normalPoints = new Float64Array(SPREAD_POINTS);
  eighths(normalCdf, (x) => INV_SQRT_2PI * Math.exp(-(x * x) / 2), -10, 10, normalPoints, 0);
  const expPoints = new Float64Array(SPREAD_POINTS);
  const expCdf = (x: number) => -Math.expm1(-x);
  const expMean = eighths(expCdf, (x) => Math.exp(-x), 0, 60, expPoints, 0);
  for (let i = 0; i < SPREAD_POINTS; i++) expPoints[i] = (expPoints[i] as number) / expMean;
  const halfNormal = (x: number) => maxCdf(x, 0);
  const halfMean = Math.sqrt(2 / Math.PI);
  const mixture = new Float64Array(3);
  const n = SUB * SPREAD_POINTS;
  for (let k = 0; k < n; k++) {
    const p = (k + 0.5) / n;
    const h = quantile(p, halfNormal, (x) => maxDensity(x, 0), 0, 10) / halfMean;
    const e = -Math.log(1 - p);
    mixture[0] = (mixture[0] as number) + (h * h) / n;
    mixture[1] = (mixture[1] as number) + (h * e) / n;
    mixture[2] = (mixture[2] as number) + (e * e) / n;
  }
  return { zs, cvs, points, normalPoints, expPoints, mixture };
}

/**
 * Writes into `out` the SPREAD_POINTS multipliers of a queue's mean that spread it as a walk's queue
 * is spread (equal shares of the requests, averaging 1): the queue `queue` requests, grown with drift
 * `drift` ≥ 0 and variance `variance` a second.
 */
export function queueSpread(queue: number, drift: number, variance: number, out: Float64Array): void {
  const z = (drift * queue) / variance;
  const table = zs;
  const p = points;
  if (!(z >= 0)) {
    if (!(z < 0)) {
      out.fill(1);
      return;
    }
    // Wider than the half-normal (shapeOfSpread): its mixture with the exponential, w = −z.
    const w = z > -1 ? -z : 1;
    for (let i = 0; i < SPREAD_POINTS; i++) out[i] = (1 - w) * (p[i] as number) + w * (expPoints[i] as number);
    return;
  }
  if (z >= (table[U_STEPS] as number)) {
    // A normal about u with unit spread: u × its mean ≈ u², so u = √z and the spread over the mean is 1/u.
    const cv = 1 / Math.sqrt(z);
    for (let i = 0; i < SPREAD_POINTS; i++) out[i] = 1 + cv * (normalPoints[i] as number);
    return;
  }
  const j = rowOf(z, table);
  const lo = table[j] as number;
  const hi = table[j + 1] as number;
  const f = (z - lo) / (hi - lo);
  for (let i = 0; i < SPREAD_POINTS; i++) {
    const a = p[j * SPREAD_POINTS + i] as number;
    const b = p[(j + 1) * SPREAD_POINTS + i] as number;
    out[i] = a + (b - a) * f;
  }
}

/** The row below z (z rises with u), for a z within the table. */
function rowOf(z: number, table: Float64Array): number {
  let j = 0;
  let top = U_STEPS;
  while (top - j > 1) {
    const mid = (j + top) >> 1;
    if ((table[mid] as number) <= z) j = mid;
    else top = mid;
  }
  return j;
}

/**
 * The coefficient of variation (spread over mean) of a queue of `queue` requests grown from empty with
 * drift `drift` ≥ 0 and variance `variance` a second: the shape queueSpread gives it.
 */
export function spreadOfQueue(queue: number, drift: number, variance: number): number {
  const z = (drift * queue) / variance;
  const table = zs;
  const cv = cvs;
  if (!(z > 0)) return cv[0] as number;
  if (z >= (table[U_STEPS] as number)) return 1 / Math.sqrt(z);
  const j = rowOf(z, table);
  const f = (z - (table[j] as number)) / ((table[j + 1] as number) - (table[j] as number));
  return (cv[j] as number) + ((cv[j + 1] as number) - (cv[j] as number)) * f;
}

/**
 * The inverse of spreadOfQueue: the z = drift × queue ÷ variance whose shape has the coefficient of
 * variation `cv`. Wider than a walk's from empty at no drift (a drain's), a negative z: −w for the
 * quantile mixture (1 − w)·half-normal + w·exponential with that spread, the exponential's (w = 1) at
 * the most.
 */
export function shapeOfSpread(cv: number): number {
  const table = zs;
  const c = cvs;
  if (!(cv < (c[0] as number))) {
    // (1 − w)²·E[H²] + 2w(1 − w)·E[HE] + w²·E[E²] − 1 = cv², for w in [0, 1].
    const a = mixHH - 2 * mixHE + mixEE;
    const b = 2 * (mixHE - mixHH);
    const c0 = mixHH - 1 - cv * cv;
    const w = (-b + Math.sqrt(Math.max(0, b * b - 4 * a * c0))) / (2 * a);
    return w < 1 ? -(w > 0 ? w : 0) : -1;
  }
  if (!(cv > (c[U_STEPS] as number))) return 1 / (cv * cv);
  // cv falls with u: the row whose cv is at or above it, and the next below.
  let j = 0;
  let top = U_STEPS;
  while (top - j > 1) {
    const mid = (j + top) >> 1;
    if ((c[mid] as number) >= cv) j = mid;
    else top = mid;
  }
  const f = ((c[j] as number) - cv) / ((c[j] as number) - (c[j + 1] as number));
  return (table[j] as number) + ((table[j + 1] as number) - (table[j] as number)) * f;
}
