/**
 * The share of requests that time out in a stationary M/M/c+D queue (backlog.ts) against closed forms
 * written apart: below the rate, the truncated-exponential wait's C(1 − ρ)e^(−θD) ⁄ (1 − Cρe^(−θD))
 * (response-time.ts, itself checked against the simulator); far beyond it, the fluid excess
 * (ρ − 1)/ρ; and at every load, the level-crossing balance summed numerically (the offered wait's
 * density on a fine grid, Erlang's states for the free servers).
 */
import { describe, expect, it } from 'vitest';
import { computeImpatience, computeTimeoutShare } from './backlog';
import { computeErlangC } from './erlang';
import { computeShares, createShares, hypoSurvival, lateShareOf } from './response-time';

/** P(V > D) from the density of the offered wait, integrated on a grid, states with free servers by Erlang's terms. */
function byQuadrature(lambda: number, c: number, mu: number, D: number): number {
  return offeredWait(lambda, c, mu, D).beyond;
}

/** P(V = 0), P(0 < V ≤ D) and P(V > D), the same way. */
function offeredWait(lambda: number, c: number, mu: number, D: number) {
  // Free servers: π_n ∝ (λ/μ)ⁿ/n!, relative to π_(c−1) = 1.
  let free = 0;
  let term = 1;
  for (let n = c - 1; n >= 0; n--) {
    free += term;
    term *= n / (lambda / mu);
  }
  // f(x) = λ·e^((λ − cμ)x) on (0, D); beyond D it falls as e^(−cμ(x − D)).
  const steps = 200_000;
  let waiting = 0;
  for (let i = 0; i < steps; i++)
    waiting += lambda * Math.exp(((lambda - c * mu) * ((i + 0.5) * D)) / steps) * (D / steps);
  const beyond = (lambda * Math.exp((lambda - c * mu) * D)) / (c * mu);
  const all = free + waiting + beyond;
  return { free: free / all, waiting: waiting / all, beyond: beyond / all };
}

describe('computeTimeoutShare (M/M/c+D)', () => {
  it('below the rate: the stationary shares’ abandoned share, to 1e-12', () => {
    for (const [c, mu, rho, D] of [
      [1, 50, 0.5, 0.1],
      [4, 20, 0.99, 1],
      [8, 5, 0.9, 1.5],
      [64, 10, 0.97, 0.5],
    ] as const) {
      const lambda = rho * c * mu;
      const theta = (c * mu - lambda) / 1000;
      const shares = computeShares(createShares(), computeErlangC(c, lambda / mu), theta, rho, D * 1000);
      expect(computeTimeoutShare(lambda, c, c * mu, D)).toBeCloseTo(shares.abandoned, 12);
    }
  });

  it('at and beyond the rate: the level-crossing balance summed on a grid, within 1e-4 relative', () => {
    for (const [c, mu, rho, D] of [
      [8, 5, 1, 1.5],
      [8, 5, 1.01, 1.5],
      [8, 5, 1.03, 1.5],
      [1, 50, 1.02, 2],
      [16, 10, 1.02, 3],
    ] as const) {
      const lambda = rho * c * mu;
      const exact = byQuadrature(lambda, c, mu, D);
      expect(Math.abs(computeTimeoutShare(lambda, c, c * mu, D) / exact - 1)).toBeLessThan(1e-4);
    }
  });

  it('of those served, the share that found a free server: P(V = 0) ⁄ P(V ≤ D), summed on a grid', () => {
    for (const [c, mu, rho, D] of [
      [1, 5, 1.05, 0.5],
      [8, 5, 1.01, 1.5],
      [4, 5, 1, 1.5],
      [16, 10, 1.02, 3],
    ] as const) {
      const lambda = rho * c * mu;
      const { free, waiting } = offeredWait(lambda, c, mu, D);
      const held = computeImpatience({ abandoned: 0, noWait: 0 }, lambda, c, c * mu, D);
      expect(Math.abs(held.noWait / (free / (free + waiting)) - 1)).toBeLessThan(1e-4);
    }
  });

  it('on no server every request times out, however few arrive (a group scaled in to zero)', () => {
    for (const lambda of [0.01, 0.5, 1.4, 100]) expect(computeTimeoutShare(lambda, 0, 0, 29)).toBe(1);
    expect(computeTimeoutShare(0, 0, 0, 29)).toBe(0);
  });

  it('more than the fluid excess near the rate, the excess itself far beyond it', () => {
    // 8 cores of 200 ms, 1.5 s: at ρ 1.03 the queue empties now and then.
    expect(computeTimeoutShare(41.2, 8, 40, 1.5)).toBeGreaterThan(1.15 * (1 - 1 / 1.03));
    expect(computeTimeoutShare(80, 8, 40, 29)).toBeCloseTo(0.5, 12);
  });
});

describe('lateShareOf: the share of served requests later than t under a timeout', () => {
  // Against a quadrature of the served wait written apart: an atom (1 − C) ⁄ (1 − Ce^(−θT)) at 0 and
  // the density Cθe^(−θw) ⁄ (1 − Ce^(−θT)) on (0, T), then an Exp(ν) service.
  function byQuadrature(C: number, theta: number, nu: number, T: number, t: number): number {
    const served = 1 - C * Math.exp(-theta * T);
    let late = ((1 - C) / served) * Math.exp(-nu * t);
    const steps = 200_000;
    const h = T / steps;
    for (let i = 0; i < steps; i++) {
      const w = (i + 0.5) * h;
      const density = (C * theta * Math.exp(-theta * w)) / served;
      late += density * h * (w >= t ? 1 : Math.exp(-nu * (t - w)));
    }
    return late;
  }

  for (const [cores, rho, timeoutMs, serviceMs] of [
    [4, 0.97, 5000, 500],
    [16, 0.9, 2500, 500],
    [1, 0.8, 300, 100],
    [8, 1.02, 1500, 200],
  ] as const) {
    it(`${cores} cores at ρ ${rho}, ${timeoutMs} ms timeout, ${serviceMs} ms service: within 1e-6 below, at and beyond the timeout`, () => {
      const mu = 1 / serviceMs; // per ms
      const C = rho < 1 ? computeErlangC(cores, rho * cores) : 1;
      const theta = Math.max(1e-9, cores * mu * (1 - Math.min(rho, 1 - 1e-9)));
      const shares = computeShares(createShares(), C, theta, Math.min(rho, 1 - 1e-9), timeoutMs);
      for (const t of [0.2 * timeoutMs, 0.8 * timeoutMs, timeoutMs, 1.3 * timeoutMs, 3 * timeoutMs]) {
        expect(lateShareOf(shares, t, theta, mu, timeoutMs)).toBeCloseTo(byQuadrature(C, theta, mu, timeoutMs, t), 6);
      }
      // Leaving the timed-out part in (the formula before): more late than there are, below the timeout,
      // where the timeout cuts off a share that matters.
      const untruncated =
        shares.noWait * Math.exp(-mu * 0.8 * timeoutMs) + shares.wait * hypoSurvival(0.8 * timeoutMs, theta, mu);
      const cut = C * Math.exp(-theta * timeoutMs); // the waiting mass beyond the timeout
      if (cut > 0.01)
        expect(untruncated - byQuadrature(C, theta, mu, timeoutMs, 0.8 * timeoutMs)).toBeGreaterThan(0.1 * cut);
    });
  }
});
