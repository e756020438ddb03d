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
import { normalCdf } from './erlang';

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

/** The mean of H₁ over [r0, r1] (Simpson's rule on √r, where H₁ is smooth): a stretch's average reach. */
export function meanApproach(r0: number, r1: number): number {
  if (!(r1 > r0)) return approachShare(r1);
  // H₁ grows as √r from 0: on u = √r it is smooth, and ∫H₁ dr = ∫H₁(u²)·2u du.
  const a = Math.sqrt(r0);
  const b = Math.sqrt(r1);
  const n = 8;
  const h = (b - a) / n;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const u = a + i * h;
    const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    sum += w * approachShare(u * u) * 2 * u;
  }
  return (sum * h) / 3 / (r1 - r0);
}

/**
 * A queue within 2 % of its stationary mean counts as settled (its stretches are recorded as
 * stationary), and SETTLED_AGE is the age that takes: about 3.5 σ²/m².
 */
export const SETTLED_SHARE = 0.98;
export const SETTLED_AGE = ageOfShare(SETTLED_SHARE);
