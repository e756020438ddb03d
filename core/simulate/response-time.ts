/**
 * The response time of one request in an M/M/c pool, exactly. A request waits W in the queue, then
 * runs D. With Poisson arrivals λ, c cores of rate μ and θ = cμ − λ > 0 (Erlang C, see erlang.ts):
 *
 *   P(W = 0) = 1 − C,   P(W > t) = C·e^(−θt)       (the wait is 0 or exponential with rate θ)
 *
 * and D is exponential with rate ν = 1 / duration (ν = μ when the duration is the CPU time). W and
 * a request's own D are independent (FIFO: what a request waits for is the work ahead of it), so
 * the response time R = W + D has the survival function
 *
 *   P(R > t) = (1 − C)·e^(−νt) + C·H(t; θ, ν),
 *   H(t; θ, ν) = P(Exp(θ) + Exp(ν) > t) = (θ·e^(−νt) − ν·e^(−θt)) / (θ − ν)     (θ ≠ ν)
 *                                       = (1 + νt)·e^(−νt)                       (θ = ν)
 *
 * (convolve the two densities: ∫₀ᵗ θe^(−θs)·e^(−ν(t−s)) ds = θ(e^(−νt) − e^(−θt))/(θ − ν), add the
 * mass P(Exp(θ) > t) = e^(−θt)). The θ = ν case is the Erlang-2 limit, and the two forms meet
 * smoothly: H = e^(−νt) + ν·e^(−νt)·(1 − e^(−(θ−ν)t))/(θ − ν), whose last factor tends to t. That
 * form, with expm1, is what `hypoSurvival` evaluates when |θ − ν|·t is small, so there is no
 * cancellation near θ = ν (cμ − λ = μ, e.g. one core at ρ = 0 or two cores at ρ = ½).
 * Mean: E[R] = 1/ν + C/θ. No percentile of R is "wait percentile + mean service": exponential
 * service alone already has p95 = ln 20 / ν ≈ 3 × its mean.
 *
 * Sync requests give up after a timeout T (API Gateway's 29 s by default). That is M/M/c+D, an
 * M/M/c queue with deterministic patience; Baccelli & Hébuterne (1981) give its virtual waiting
 * time V: P(V = 0) ∝ P(fewer than c busy), density ∝ e^(−θv) below T and ∝ e^(−θT)·e^(−cμ(v−T))
 * above (no one joins then, the queue drains at cμ). Normalising against the same system without
 * patience (where that mass is C) gives, with E = e^(−θT) and ρ = λ/cμ:
 *
 *   P(abandon)            = C(1 − ρ)E / (1 − CρE)
 *   served: P(W = 0)      = (1 − C) / (1 − CE)
 *           P(W > t)      = C(e^(−θt) − E) / (1 − CE)       for 0 ≤ t < T
 *
 * i.e. the wait of a served request is the exponential truncated at T — written below as the
 * signed mix Exp(θ) − E·(T + Exp(θ)), weights C/(1 − CE) and −CE/(1 − CE), which keeps every
 * piece of the response time a delay plus exponentials. At T = ∞ it is plain M/M/c.
 */

/** P(Exp(θ) + Exp(ν) > t), rates per ms, t in ms; stable for every θ, ν > 0 including θ = ν. */
export function hypoSurvival(t: number, theta: number, nu: number): number {
  if (t <= 0) return 1;
  const en = Math.exp(-nu * t);
  const d = theta - nu;
  const dt = d * t;
  if (dt < 1 && dt > -1) return en + nu * en * (d === 0 ? t : -Math.expm1(-dt) / d);
  // Far apart: no cancellation, and neither exponential can overflow.
  return (theta * en - nu * Math.exp(-theta * t)) / d;
}

/**
 * The share of one class's served requests answered later than `t` ms: those that did not wait, by
 * their service alone; the waits Exp(θ) and, removed, the part beyond the timeout (T + Exp(θ)), each
 * with the service after it — the truncated exponential of the header. (Without the removed part, a
 * pool held near its timeout read requests that had timed out as late: 4 cores of 500 ms at ρ 0.97,
 * timeout 5 s, SLO 4 s, 0.55 of them late where the per-request simulator finds 0.17.)
 */
export function lateShareOf(
  s: Readonly<StationaryShares>,
  t: number,
  theta: number,
  nu: number,
  patienceMs: number,
): number {
  const service = Math.exp(-nu * t);
  const cut = s.truncated < 0 ? s.truncated * (t <= patienceMs ? 1 : hypoSurvival(t - patienceMs, theta, nu)) : 0;
  return s.noWait * service + s.wait * hypoSurvival(t, theta, nu) + cut;
}

/** How a pool serves the requests of one class in a stationary step (see the header). */
export interface StationaryShares {
  /** Share of served requests that did not wait. */
  noWait: number;
  /** Weight of Exp(θ) waits among served requests. */
  wait: number;
  /** Weight (≤ 0) of T + Exp(θ) waits: the part of the exponential beyond the timeout, removed. */
  truncated: number;
  /** Share of arrivals that gave up (timed out). */
  abandoned: number;
  /** Mean wait of a served request, ms. */
  meanWaitMs: number;
  /** Mean time an arrival spends in the queue (served or not), ms: Little's law gives the queue. */
  meanQueueMs: number;
}

export function createShares(): StationaryShares {
  // Fractions, not integers: the fields are then kept as doubles from the start (no later change of
  // representation in the engine's object layout, which would cost every step after).
  return { noWait: 0.5, wait: 0.5, truncated: -0.5, abandoned: 0.5, meanWaitMs: 0.5, meanQueueMs: 0.5 };
}

/** Beyond θT = 30 the timeout cuts off e^(−30) of the waiting mass: nothing at double precision that matters. */
const NO_TIMEOUT_THETA_T = 30;

/**
 * The stationary shares of one class: `erlangC` the probability that all cores are busy, `theta`
 * (per ms) the rate at which its waiting requests leave the queue for a core, `rho` its own load
 * λ/cμ, `patienceMs` its timeout (Infinity for async work, which waits in a queue).
 */
export function computeShares(
  out: StationaryShares,
  erlangC: number,
  theta: number,
  rho: number,
  patienceMs: number,
): StationaryShares {
  const c = erlangC;
  const tt = theta * patienceMs;
  if (!(tt < NO_TIMEOUT_THETA_T)) {
    out.noWait = 1 - c;
    out.wait = c;
    out.truncated = 0;
    out.abandoned = 0;
    out.meanWaitMs = c / theta;
    out.meanQueueMs = c / theta;
    return out;
  }
  const e = Math.exp(-tt);
  const served = 1 - c * e;
  out.noWait = (1 - c) / served;
  out.wait = c / served;
  out.truncated = (-c * e) / served;
  out.abandoned = (c * (1 - rho) * e) / (1 - c * rho * e);
  const area = -Math.expm1(-tt) / theta; // (1 − E)/θ without cancellation at small θT
  out.meanWaitMs = (c * (area - e * patienceMs)) / served;
  out.meanQueueMs = (c * (area - rho * e * patienceMs)) / (1 - c * rho * e);
  return out;
}
