/**
 * How a queue below saturation grows towards its stationary length. Near ρ = 1 that takes minutes:
 * on one core at ρ 0.99 the exact transient M/M/1's mean wait over the first ten minutes from empty
 * is 2.8 s against 3.9 s at stationarity. In the heavy-traffic (diffusion) limit the queue is a
 * reflected Brownian motion with drift −m = λ − cμ and variance σ² = λ + cμ a second (arrivals and
 * services, each Poisson), and its mean from empty, as a share of the stationary mean, is a function
 * of r = t·m²/σ² alone — Abate & Whitt's first-moment function [AW87, (1.4)]:
 *
 *   H₁(r) = 1 − 2(1 + r)·Φc(√r) + 2√r·φ(√r).
 *
 * A queue of q requests whose stationary length is L is taken as one that started empty r₀ ago,
 * H₁(r₀) = q/L, so stretches chain (the load may change between them: each has its own m and σ).
 * For small r, H₁ ≈ 2√(2r/π): the √(4λt/π) growth of a queue at ρ = 1 (serve-pool.ts).
 *
 * [AW87] J. Abate and W. Whitt, "Transient behavior of regulated Brownian motion, I: starting at the
 * origin", Advances in Applied Probability 19 (1987) 560–598.
 */
import { normalCdf, scaledErfc } from './erlang';

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** H₁(r): the mean of a queue that started empty r (in units of σ²/m²) ago, as a share of its stationary mean. */
export function approachShare(r: number): number {
  if (!(r > 0)) return 0;
  const s = Math.sqrt(r);
  const h = 1 - 2 * (1 + r) * (1 - normalCdf(s)) + 2 * s * INV_SQRT_2PI * Math.exp(-r / 2);
  return h < 0 ? 0 : h > 1 ? 1 : h;
}

/** The age r at which H₁(r) = share (0 ≤ share < 1), by bisection on the increasing H₁. */
export function ageOfShare(share: number): number {
  if (!(share > 0)) return 0;
  let lo = 0;
  let hi = 1;
  while (approachShare(hi) < share && hi < 1e3) hi *= 2;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (approachShare(mid) < share) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Beyond this age H₁ is 1 to within 10⁻⁶. */
const FLAT_AGE = 20;

/** The mean of H₁ over [r0, r1] (Simpson's rule on √r, where H₁ is smooth): a stretch's average reach. */
export function meanApproach(r0: number, r1: number): number {
  if (!(r1 > r0)) return approachShare(r1);
  if (r0 >= FLAT_AGE) return 1;
  // Past FLAT_AGE the queue is stationary: the rest of the stretch adds 1 a unit of age.
  const flat = r1 > FLAT_AGE ? r1 - FLAT_AGE : 0;
  const top = r1 - flat;
  // H₁ grows as √r from 0: on u = √r it is smooth.
  return (integrateOnRoot(r0, top, approachShare) + flat) / (r1 - r0);
}

/**
 * ∫ f(t) dt over [t0, t1] by Simpson's rule on u = √t (eight intervals), for an f that grows as √t
 * from 0 and is smooth in u: ∫f dt = ∫f(u²)·2u du. `atStart`, when given, is f(t0) already known.
 */
function integrateOnRoot(t0: number, t1: number, f: (t: number) => number, atStart?: number): number {
  const a = Math.sqrt(t0);
  const b = Math.sqrt(t1);
  const n = 8;
  const h = (b - a) / n;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const u = a + i * h;
    const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    sum += w * (i === 0 && atStart !== undefined ? atStart : f(u * u)) * 2 * u;
  }
  return (sum * h) / 3;
}

/**
 * A queue within 2 % of its stationary mean counts as settled (its stretches are recorded as
 * stationary), and SETTLED_AGE is the age that takes: about 3.5 σ²/m².
 */
export const SETTLED_SHARE = 0.98;
export const SETTLED_AGE = ageOfShare(SETTLED_SHARE);

/**
 * A stretch this long (in r) averages at least SETTLED_SHARE of the stationary queue from any start:
 * ∫₀^∞ (1 − H₁) = ½ (relaxation.test.ts), so the shortfall of the mean over a span Δ is at most ½Δ.
 * A shorter one may average less even when it ends settled: its mean reach is the approach's.
 */
export const SETTLED_SPAN = 0.5 / (1 - SETTLED_SHARE);

/** e^a·Φ(b), without overflow where e^a is huge and Φ(b) tiny (erlang.ts's Φ, its exponentials joined). */
function expTimesNormalCdf(a: number, b: number): number {
  if (b >= 0) return Math.exp(a) * normalCdf(b);
  const z = -b / Math.SQRT2;
  return (scaledErfc(z) * Math.exp(a - z * z)) / 2;
}

/**
 * The mean after `t` seconds of a queue that held `x0` requests, drifting towards a stationary mean
 * `stationary` with variance `sigma2` a second: a reflected Brownian motion from x0, whose law is
 * P(R_t ≤ x) = Φ((x − b)/s) − e^(−kx)·Φ((−x − b)/s), b = x0 − mt, s = σ√t, k = 2m/σ² = 1/stationary,
 * integrated in closed form: E[R_t] = bΦ(b/s) + sφ(b/s) + (Φ(−b/s) − e^(kb + k²s²/2)·Φ(−b/s − ks))/k.
 * Used for a queue above its stationary length (the load fell): it drains at m a second while far
 * above, more slowly as it nears the stationary length (the walk's excursions hold it up).
 */
export function queueAfter(x0: number, stationary: number, sigma2: number, t: number): number {
  if (!(t > 0)) return x0;
  const k = 1 / stationary;
  const m = (k * sigma2) / 2;
  const b = x0 - m * t;
  const s = Math.sqrt(sigma2 * t);
  const u = b / s;
  const reflected = (normalCdf(-u) - expTimesNormalCdf(k * b + (k * k * s * s) / 2, -u - k * s)) / k;
  return b * normalCdf(u) + s * INV_SQRT_2PI * Math.exp(-(u * u) / 2) + reflected;
}

/** Quantile midpoints of an exponential of mean 1 (eight equal cells), scaled to mean 1 exactly. */
const SPREAD_POINTS = (() => {
  const n = 8;
  const x = Array.from({ length: n }, (_, i) => -Math.log(1 - (i + 0.5) / n));
  const mean = x.reduce((a, b) => a + b, 0) / n;
  return x.map((v) => v / mean);
})();

/**
 * queueAfter for a queue whose length is not known exactly but spread as a grown queue's is (taken
 * as exponential, mean x0): the walk drains its long realisations slowly while it reflects the short
 * ones, so the mean stays higher than from x0 exactly (Jensen: E[R_t | x] is convex in x).
 */
export function spreadQueueAfter(x0: number, stationary: number, sigma2: number, t: number): number {
  let sum = 0;
  for (const y of SPREAD_POINTS) sum += queueAfter(x0 * y, stationary, sigma2, t);
  return sum / SPREAD_POINTS.length;
}

/**
 * Whether a queue of `queue` requests is above its stationary length enough that draining it takes
 * more than a twentieth of the stretch, at the spare rate `spare` (cμ − λ) a second.
 */
function isDraining(queue: number, stationary: number, spare: number, seconds: number): boolean {
  return queue > 1 && queue * SETTLED_SHARE > stationary && queue - stationary > 0.05 * spare * seconds;
}

/**
 * Whether followQueue may find the stretch unsettled, without its inversion of H₁: the fast path's
 * question (a span of SETTLED_SPAN or more averages settled from any start).
 */
export function mayFollow(q0: number, stationary: number, sigma2: number, spare: number, seconds: number): boolean {
  // (The drift's division only where it is read: most settled stretches queue less than a request.)
  if (stationary > 1 && q0 < SETTLED_SHARE * stationary) {
    const m = sigma2 / (2 * stationary);
    if (seconds * m * m < SETTLED_SPAN * sigma2) return true;
  }
  return isDraining(q0, stationary, spare, seconds);
}

/** Where followQueue leaves a queue: its mean over the stretch and at its end, requests. */
export const queueCourse = { reach: 0.5, end: 0.5 };

/**
 * A queue below saturation that is not at its stationary length over a stretch — still growing
 * towards it, or draining from above after a peak — follows the reflected Brownian motion of
 * relaxation.ts with variance `sigma2` a second and the drift that makes its stationary mean
 * `stationary`: cμ − λ but for the few cores and the timeout, which shorten the queue (with a 29 s
 * timeout at ρ 0.998 the stationary queue is a fifth of σ²/2m, and it was approached at a fifth of
 * the diffusion's pace). Fills `queueCourse` and returns true; false when the stretch is settled.
 *
 * Growing: from the age its length so far implies (H₁), for this stretch. A stretch settled at its
 * end may still have waited less than the stationary queue says: a load rising through ρ 0.98 on 16
 * cores lags a minute behind it (312 ms against 378). (Growing by diffusion until it reached the
 * stationary length, a queue got there too soon: ten minutes from empty on one core at ρ 0.99 waited
 * 3.9 s on average against the exact transient's 2.8 s.)
 *
 * Draining: as the walk from a spread start (spreadQueueAfter: at the spare rate while far above,
 * slower as it nears the stationary length), not at once; a stationary queue of less than one request
 * reflects nothing, and drains as a fluid at the spare rate `spare` (cμ − λ).
 */
export function followQueue(q0: number, stationary: number, sigma2: number, spare: number, seconds: number): boolean {
  if (stationary > 1 && q0 < SETTLED_SHARE * stationary) {
    const m = sigma2 / (2 * stationary);
    const r0 = ageOfShare(q0 / stationary);
    const span = (seconds * m * m) / sigma2;
    const r1 = r0 + span;
    const share = span < SETTLED_SPAN ? meanApproach(r0, r1) : 1;
    if (r1 >= SETTLED_AGE && share >= SETTLED_SHARE) return false;
    queueCourse.reach = stationary * share;
    queueCourse.end = stationary * approachShare(r1);
    return true;
  }
  if (!isDraining(q0, stationary, spare, seconds)) return false;
  let end: number;
  if (stationary >= 1) {
    end = spreadQueueAfter(q0, stationary, sigma2, seconds);
    // Simpson's rule over the stretch.
    queueCourse.reach =
      (q0 +
        4 * spreadQueueAfter(q0, stationary, sigma2, seconds / 4) +
        2 * spreadQueueAfter(q0, stationary, sigma2, seconds / 2) +
        4 * spreadQueueAfter(q0, stationary, sigma2, (3 * seconds) / 4) +
        end) /
      12;
  } else {
    const drainSeconds = Math.min(seconds, (q0 - stationary) / spare);
    end = q0 - spare * drainSeconds;
    queueCourse.reach = ((q0 + end) / 2) * (drainSeconds / seconds) + stationary * (1 - drainSeconds / seconds);
  }
  queueCourse.end = end < stationary / SETTLED_SHARE ? stationary : end;
  return true;
}

/**
 * The mean after `t` seconds of a queue that held `x0` requests and drifts up by `drift` a second
 * (any sign: an overloaded queue grows, an underloaded one drains) with variance `sigma2` a second,
 * reflected at empty: queueAfter's reflected Brownian motion given its drift rather than its
 * stationary mean (which an upward drift has not), so that it also covers the queue at and over its
 * rate. Without drift the walk is |x0 + σW_t|, whose mean is x0·(1 − 2Φ(−x0/s)) + 2s·φ(x0/s) with
 * s = σ√t: at the rate a queue from empty grows as σ√(2t/π).
 */
export function reflectedMean(x0: number, drift: number, sigma2: number, t: number): number {
  if (!(t > 0)) return x0;
  const s = Math.sqrt(sigma2 * t);
  const k = (-2 * drift) / sigma2;
  // Below this the closed form loses its digits to cancellation; the driftless walk is as close.
  if (Math.abs(k) * (s + Math.abs(x0) + Math.abs(drift) * t) < 1e-6) {
    const u = x0 / s;
    return x0 * (1 - 2 * normalCdf(-u)) + 2 * s * INV_SQRT_2PI * Math.exp(-(u * u) / 2);
  }
  return queueAfter(x0, 1 / k, sigma2, t);
}

/** reflectedMean for a queue spread as a grown queue's is (exponential, mean x0): see spreadQueueAfter. */
export function spreadReflectedMean(x0: number, drift: number, sigma2: number, t: number): number {
  if (!(x0 > 0)) return reflectedMean(0, drift, sigma2, t);
  let sum = 0;
  for (const y of SPREAD_POINTS) sum += reflectedMean(x0 * y, drift, sigma2, t);
  return sum / SPREAD_POINTS.length;
}

/**
 * reflectedMean for a queue spread about x0 by `shares` (multipliers of x0 for equal shares of it,
 * averaging 1: a walk's, wait-spread.ts queueSpread): see spreadReflectedMean.
 */
export function sharedReflectedMean(
  x0: number,
  shares: Float64Array,
  drift: number,
  sigma2: number,
  t: number,
): number {
  let sum = 0;
  for (let i = 0; i < shares.length; i++) sum += reflectedMean(x0 * (shares[i] as number), drift, sigma2, t);
  return sum / shares.length;
}

/**
 * The spread (coefficient of variation) of sharedReflectedMean's queue: its shares' means about the
 * whole's, and each share's own spread — the walk's variance σ²t while its mean stands far from empty,
 * an exponential's (its mean squared) once it has settled there, whichever is less.
 */
export function sharedReflectedSpread(
  x0: number,
  shares: Float64Array,
  drift: number,
  sigma2: number,
  t: number,
): number {
  let sum = 0;
  let square = 0;
  const own = sigma2 * t;
  for (let i = 0; i < shares.length; i++) {
    const m = reflectedMean(x0 * (shares[i] as number), drift, sigma2, t);
    sum += m;
    square += m * m + (own < m * m ? own : m * m);
  }
  const mean = sum / shares.length;
  const variance = square / shares.length - mean * mean;
  return mean > 0 ? Math.sqrt(variance > 0 ? variance : 0) / mean : Number.NaN;
}

/** The mean of a queue from empty after `t` seconds of drift `drift` ≥ 0 (reflectedMean from 0). */
function grownMean(drift: number, sigma2: number, t: number): number {
  return reflectedMean(0, drift, sigma2, t);
}

/**
 * How long ago a walk of drift `m` (variance `sigma2` a second) from empty would have queued `q0` on
 * average: its mean grows with t, so bisected (bracketed by doubling). A drift down whose mean from
 * empty never reaches q0 gives the bracket's end, 10¹² s.
 */
function ageOfQueue(q0: number, m: number, sigma2: number): number {
  return ageAtMean(q0, (t) => grownMean(m, sigma2, t));
}

/** The time at which `meanAt`, increasing from 0 at t = 0, reaches q0 (bracketed by doubling up to 10¹² s, bisected). */
function ageAtMean(q0: number, meanAt: (t: number) => number): number {
  if (!(q0 > 0)) return 0;
  let lo = 0;
  let hi = 1;
  while (meanAt(hi) < q0 && hi < 1e12) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (meanAt(mid) < q0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Where growQueue leaves a queue: its mean over the stretch (`reach`) and at its end, requests. */
export const queueGrowth = { reach: 0.5, end: 0.5 };

/**
 * A queue of `q0` requests at or over its rate (drift `drift` = λ − cμ ≥ 0 a second, variance
 * `sigma2` = λ + cμ a second) over `seconds`: the reflected Brownian motion's mean from empty, taken
 * as one that started empty as long ago as its length implies (as followQueue chains H₁), so that
 * stretches chain. Fills `queueGrowth`. Its mean from empty is neither the diffusion's σ√(2t/π) nor
 * the excess mt but more than either, mt + (σ²/2m)·(1 − …) once the excess leads: the walk's
 * reflections at empty are idle time the excess never makes up. On 4 cores of 50 ms at ρ 1.03, a
 * minute from empty: 176 requests (relaxation.test.ts, against the integral of the walk's
 * supremum's law), where the excess alone gives 144 and diffusion plus excess 223. At m = 0 it is
 * √(q0² + 4λt/π) to the bit of the square root's rounding (σ² = 2λ).
 */
export function growQueue(q0: number, drift: number, sigma2: number, seconds: number): void {
  const m = drift > 0 ? drift : 0;
  const t0 = ageOfQueue(q0, m, sigma2);
  const t1 = t0 + seconds;
  queueGrowth.end = Math.max(q0, grownMean(m, sigma2, t1));
  // Its mean over the stretch, starting from q0 itself.
  const integral = integrateOnRoot(t0, t1, (t) => grownMean(m, sigma2, t), q0);
  queueGrowth.reach = seconds > 0 ? integral / seconds : q0;
}

/**
 * The requests a walk pushes past a ceiling: a queue whose arrivals give up once `ceiling` requests
 * wait ahead of them (a timeout's queue, patience × cμ) is, in the diffusion limit, a Brownian motion
 * reflected at empty and at the ceiling (drift m, variance σ² = 2D a second), and what it loses is
 * its regulator at the ceiling, U(t). Its mean from x solves the backward equation ∂u/∂t = m·u′ + D·u″
 * with u′(0) = 0 and u′(L) = 1 (each push at L is a request lost), u(x, 0) = 0. Separated: the
 * stationary loss rate α = m ⁄ (1 − e^(−θL)) (θ = 2m/σ²; D/L at m = 0), a bias h(x), and the
 * eigenfunctions of the Neumann problem, e^(−bx)(cos κx + (b/κ) sin κx) with κ = kπ/L, b = θ/2,
 * decaying at D(κ² + b²) (the weight e^(θx) makes them orthogonal; Green's identity gives each one's
 * share of h):
 *
 *   u(x, t) = αt + h(x) − (2/L)·e^(b(L−x))·Σₖ (−1)ᵏ κ(κ cos κx + b sin κx)/(κ² + b²)² · e^(−D(κ² + b²)t),
 *   h(x) = (α/m)·(x + (1 + e^(−θx))/θ − L·coth(θL/2)).
 *
 * From a later start `from` (of the same walk from x) to t: α(t − from) and the series' change.
 * Against a simulated doubly reflected walk in relaxation.test.ts; its rate α in `ceilingWalk.rate`.
 * NaN where the series is not used: a ceiling the start is not below, a drift up so strong that
 * e^(θL/2) loses the sum's digits (θL > MAX_THETA_L: a fluid's question), or a stretch so short
 * against L²/D that the series needs more than MAX_TERMS terms.
 */
export function ceilingOverflow(
  x: number,
  drift: number,
  sigma2: number,
  ceiling: number,
  t: number,
  from = 0,
): number {
  const L = ceiling;
  if (!(x < L) || !(x >= 0) || !(sigma2 > 0) || !(L > 0) || !(from >= 0)) return Number.NaN;
  const D = sigma2 / 2;
  const m = drift;
  const theta = m / D;
  const tl = theta * L;
  if (!(tl <= MAX_THETA_L)) return Number.NaN;
  const alpha = Math.abs(tl) < 1e-3 ? (D / L) * (1 + tl / 2 + (tl * tl) / 12) : m / -Math.expm1(-tl);
  ceilingWalk.rate = alpha;
  if (!(t > from)) return 0;
  // Drifting down from so far below that even the walk's whole future reaches the ceiling with a
  // chance under e^(−20) (a drift down's supremum passes a with chance e^(θa), θ < 0): nothing.
  if (-theta * (L - x) > 20) return 0;
  // From a later start the bias h cancels, and the series converges by that start's decay. (α·e^(−θx)
  // is written m ⁄ (e^(θx) − e^(θ(x−L))): at a steep drift down e^(−θx) alone overflows.)
  const h =
    from > 0
      ? 0
      : Math.abs(tl) < 1e-3
        ? (alpha / D) * ((x * x) / 2 - (L * L) / 6 - (theta * x * x * x) / 6)
        : (alpha / m) * (x + 1 / theta - L / Math.tanh(tl / 2)) +
          1 / (theta * (Math.exp(theta * x) - Math.exp(theta * (x - L))));
  const b = theta / 2;
  const first = from > 0 ? from : t;
  let sum = 0;
  for (let k = 1; ; k++) {
    const kappa = (k * Math.PI) / L;
    const q = kappa * kappa + b * b;
    if (D * q * first > 40) break;
    if (k > MAX_TERMS) return Number.NaN;
    const decay = from > 0 ? Math.exp(-D * q * t) - Math.exp(-D * q * from) : Math.exp(-D * q * t);
    const term = (kappa * (kappa * Math.cos(kappa * x) + b * Math.sin(kappa * x)) * decay) / (q * q);
    sum += k % 2 === 0 ? term : -term;
  }
  const u = alpha * (t - from) + h - (2 / L) * Math.exp(b * (L - x)) * sum;
  return u > 0 ? u : 0;
}

/** What ceilingOverflow found besides: the walk's stationary loss rate α, requests a second. */
export const ceilingWalk = { rate: 0.5 };

/**
 * The requests a queue of `q0` loses at `ceiling` over `seconds` (drift `drift`, variance `sigma2` a
 * second): ceilingOverflow from the age q0 implies (ageBelowCeiling, as growQueue chains its
 * stretches: so that a minute after a minute adds what the two minutes' walk would); at or above the
 * walk's stationary mean, its stationary loss or more. 0 where even eight of the
 * stretch's standard deviations beyond its drift stop short of the ceiling; NaN as ceilingOverflow.
 * Its α in `ceilingWalk.rate`.
 */
export function overflowAfter(q0: number, drift: number, sigma2: number, ceiling: number, seconds: number): number {
  if (!(q0 < ceiling)) return Number.NaN;
  if (ceiling - q0 - (drift > 0 ? drift : 0) * seconds > 8 * Math.sqrt(sigma2 * seconds)) {
    ceilingWalk.rate = 0;
    return 0;
  }
  // A drift up too steep for the series: the walk leaves empty behind for good, and only the ceiling
  // bounds it (freeOverflow), from the age its length implies.
  const tl = (2 * drift * ceiling) / sigma2;
  if (tl > MAX_THETA_L) {
    ceilingWalk.rate = drift / -Math.expm1(-tl);
    const t0 = ageOfQueue(q0, drift, sigma2);
    const lost = freeOverflow(drift, sigma2, ceiling, t0 + seconds) - freeOverflow(drift, sigma2, ceiling, t0);
    return lost > 0 ? lost : 0;
  }
  const t0 = ageBelowCeiling(q0, drift, sigma2, ceiling);
  if (!(t0 < Number.POSITIVE_INFINITY)) {
    // At or above its stationary mean: a walk spread as the stationary one loses α a second; from q0
    // exactly, a queue above that mean loses more at first.
    const fromQueue = ceilingOverflow(q0, drift, sigma2, ceiling, seconds);
    const stationary = ceilingWalk.rate * seconds;
    return fromQueue > stationary ? fromQueue : fromQueue >= 0 ? stationary : Number.NaN;
  }
  // A walk that young has not come near the ceiling: what it lost by then is 0 (and the series from
  // a start so early would need too many terms).
  return ceilingOverflow(0, drift, sigma2, ceiling, t0 + seconds, isYoung(t0, drift, sigma2, ceiling) ? 0 : t0);
}

/**
 * The mean of overflowAfter's walk `seconds` after it stood at `q0` (taken, as there, as a walk from
 * empty as old as q0 implies): at least q0 and never past the walk's stationary mean. A drift up too
 * steep for the series (freeOverflow's) grows as growQueue's walk, held under the ceiling.
 */
export function walkMeanAfter(q0: number, drift: number, sigma2: number, ceiling: number, seconds: number): number {
  const stationary = ceilingMean(drift, sigma2, ceiling);
  if (!(q0 < stationary)) return q0;
  let mean: number;
  if ((2 * drift * ceiling) / sigma2 > MAX_THETA_L) {
    mean = grownMean(drift, sigma2, ageOfQueue(q0, drift, sigma2) + seconds);
  } else {
    const t0 = ageBelowCeiling(q0, drift, sigma2, ceiling);
    mean = t0 < Number.POSITIVE_INFINITY ? meanBelowCeiling(t0 + seconds, drift, sigma2, ceiling) : stationary;
  }
  return mean > stationary ? stationary : mean < q0 ? q0 : mean;
}

/**
 * growQueue's walk held below `ceiling` (overflowAfter's): its mean over `seconds` from `q0` and at
 * their end, into `queueGrowth`. False, and nothing filled, where its series is not used (a drift up
 * too steep, a start at or past its stationary mean).
 */
export function growBelowCeiling(q0: number, drift: number, sigma2: number, ceiling: number, seconds: number): boolean {
  if (!(seconds > 0) || !(drift > 0) || (2 * drift * ceiling) / sigma2 > MAX_THETA_L) return false;
  const t0 = ageBelowCeiling(q0, drift, sigma2, ceiling);
  if (!(t0 < Number.POSITIVE_INFINITY)) return false;
  const at = (t: number) => meanBelowCeiling(t, drift, sigma2, ceiling);
  const stationary = ceilingMean(drift, sigma2, ceiling);
  const end = at(t0 + seconds);
  queueGrowth.end = end > stationary ? stationary : end < q0 ? q0 : end;
  queueGrowth.reach = integrateOnRoot(t0, t0 + seconds, at, q0) / seconds;
  return true;
}

/** Whether a walk from empty `t` ago surely has not come near the ceiling (eight standard deviations). */
function isYoung(t: number, drift: number, sigma2: number, ceiling: number): boolean {
  return ceiling - (drift > 0 ? drift : 0) * t > 8 * Math.sqrt(sigma2 * t);
}

/**
 * The mean after `t` seconds of ceilingOverflow's walk from empty: its stationary mean and the same
 * modes, each weighted by what it holds of y (Green's identity again, with the walk's pushes at both
 * ends): μ + (2/L)·Σₖ ((−1)ᵏe^(bL) − 1)·κ²/(κ² + b²)² · e^(−D(κ² + b²)t). While the walk is young
 * the ceiling has not touched it: growQueue's mean without one (which needs no series).
 */
function meanBelowCeiling(t: number, drift: number, sigma2: number, ceiling: number): number {
  if (isYoung(t, drift, sigma2, ceiling)) return grownMean(drift, sigma2, t);
  const L = ceiling;
  const D = sigma2 / 2;
  const b = drift / sigma2;
  const edge = Math.exp(b * L);
  let sum = 0;
  for (let k = 1; k <= MAX_TERMS; k++) {
    const kappa = (k * Math.PI) / L;
    const q = kappa * kappa + b * b;
    if (D * q * t > 40) break;
    sum += (((k % 2 === 0 ? edge : -edge) - 1) * kappa * kappa * Math.exp(-D * q * t)) / (q * q);
  }
  return ceilingMean(drift, sigma2, L) + (2 / L) * sum;
}

/**
 * The age of a queue of `q0` below a ceiling (overflowAfter): how long ago its walk from empty would
 * have held q0 on average, the ceiling's losses counted (meanBelowCeiling, bisected). Measured without
 * them (growQueue's age), a queue the ceiling had held down read as a young one: each minute of a long
 * stretch just over the rate restarted a walk that had yet to reach the ceiling, and lost a third less
 * than the per-request simulator's queue (H49, 2026-12-07). Infinity at or above the walk's stationary
 * mean, which a walk from empty only approaches.
 */
function ageBelowCeiling(q0: number, drift: number, sigma2: number, ceiling: number): number {
  if (!(q0 > 0)) return 0;
  if (!(q0 < SETTLED_SHARE * ceilingMean(drift, sigma2, ceiling))) return Number.POSITIVE_INFINITY;
  return ageAtMean(q0, (t) => meanBelowCeiling(t, drift, sigma2, ceiling));
}

/**
 * What a walk from empty with drift `drift` > 0 loses at `ceiling` by time t when nothing holds it up
 * at empty: its regulator at the ceiling is its running maximum's excess over it, whose law is the
 * textbook P(M_t > a) = Φc((a − mt)/s) + e^(θa)·Φc((a + mt)/s) (s = σ√t, θ = 2m/σ²); integrated
 * from L up, E[U] = s(φ(z) − zΦc(z)) + (Φc(z) − e^(θL)Φc(z + θs))/θ with z = (L − mt)/s. For a drift
 * up steep enough that θL > MAX_THETA_L the reflections at empty only lift the walk by what they
 * added to its mean, taken off the ceiling (against ceilingOverflow at θL = 24 and a simulated walk:
 * relaxation.test.ts).
 */
function freeOverflow(drift: number, sigma2: number, ceiling: number, t: number): number {
  if (!(t > 0)) return 0;
  const s = Math.sqrt(sigma2 * t);
  const theta = (2 * drift) / sigma2;
  // What the reflections at empty added by then (the reflected mean over the free one, σ²/2m once
  // the drift leads) brings the ceiling that much nearer.
  const lift = grownMean(drift, sigma2, t) - drift * t;
  const z = (ceiling - lift - drift * t) / s;
  const tail = 1 - normalCdf(z);
  const beyond = s * (INV_SQRT_2PI * Math.exp(-(z * z) / 2) - z * tail);
  return beyond + (tail - expTimesNormalCdf(theta * (ceiling - lift), -(z + theta * s))) / theta;
}

/**
 * The stationary mean of the walk between empty and `ceiling` (ceilingOverflow's): its density is
 * θe^(θx) ⁄ (e^(θL) − 1) on [0, L], whose mean is L ⁄ (1 − e^(−θL)) − 1/θ (L/2 + θL²/12 near θ = 0).
 */
export function ceilingMean(drift: number, sigma2: number, ceiling: number): number {
  const theta = (2 * drift) / sigma2;
  const tl = theta * ceiling;
  if (Math.abs(tl) < 1e-3) return ceiling / 2 + (tl * ceiling) / 12;
  return ceiling / -Math.expm1(-tl) - 1 / theta;
}

/** Beyond θL = 24 the series' factor e^(θL/2) costs more than five of the sum's digits. */
const MAX_THETA_L = 24;
/** The series' terms at most (a stretch of 10⁻³ L²/D needs about 1,800). */
const MAX_TERMS = 4000;
