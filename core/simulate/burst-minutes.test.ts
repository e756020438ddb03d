/**
 * A burst's minute misses its SLO when more than 5 % of all its requests are late — of both pools
 * together. 400 rps of 50 ms requests on a base of 4 cores (it keeps 64 rps, at ρ 0.8: 8.5 % of them
 * later than 200 ms) and the cloud for the rest (336 rps on 28 cores of VMs, their 60 % target: almost none
 * late): the minute's late share is under 3 %, so once the cloud takes its part no minute misses.
 * The worse pool's p95 for the whole minute counted every one of them.
 */
import { describe, expect, it } from 'vitest';
import { makeContext, makeLoad } from '../testing/load-fixture';
import { simulateBurst } from './simulate-burst';

/** P(R > t) of M/M/c (Erlang-C wait plus an exponential service), written here from the formula. */
function lateShare(c: number, lambda: number, mu: number, t: number): number {
  const a = lambda / mu;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) sum += term *= a / k;
  const top = ((term * a) / c) * (c / (c - a));
  const erlangC = top / (sum + top);
  const theta = c * mu - lambda;
  const service = Math.exp(-mu * t);
  // Wait Exp(θ) then service Exp(μ): the hypoexponential tail (θ ≠ μ here).
  const both = (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu);
  return (1 - erlangC) * service + erlangC * both;
}

describe('a burst minute late on its base but not as a whole', () => {
  it('counts the late requests of both pools, not the worse pool’s p95', () => {
    const base = lateShare(4, 64, 20, 0.2);
    expect(base).toBeGreaterThan(0.05); // the base alone misses the SLO…
    const mixed = (64 * base + 336 * lateShare(28, 336, 20, 0.2)) / 400;
    expect(mixed).toBeLessThan(0.035); // …the minute as a whole does not
    const minutes = 240;
    const run = simulateBurst(
      makeLoad(() => 400, minutes, { sloMs: 200 }),
      makeContext(minutes),
      4,
    );
    const figures = run.stats.finish();
    // Only the first minutes count, before the traffic manager routes and the cloud boots (they drop).
    expect(figures.droppedRequests).toBeGreaterThan(0);
    expect(figures.sloViolationMinutes).toBeLessThan(30);
  });

  it('counts a minute once while the base overflows and the cloud is on its way', () => {
    // A 10 ms SLO that no request meets: every minute misses it, and none more than once. Before the
    // traffic manager routes (10 minutes) and while the cloud boots, the base's backlog counts its
    // minutes as its requests leave; the two pools' record of the same stretch counted them again
    // (242.4 minutes of 240).
    const minutes = 240;
    const run = simulateBurst(
      makeLoad(() => 400, minutes, { sloMs: 10 }),
      makeContext(minutes),
      4,
    );
    const figures = run.stats.finish();
    expect(figures.droppedRequests).toBeGreaterThan(0);
    expect(figures.sloViolationMinutes).toBeGreaterThan(minutes - 1e-6);
    expect(figures.sloViolationMinutes).toBeLessThanOrEqual(minutes + 1e-6);
  });
});
