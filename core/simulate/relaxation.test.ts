/**
 * Abate & Whitt's first-moment function against its definition: the mean of a reflected Brownian
 * motion (drift −1, variance 1) started empty is, by time reversal, the mean of the running maximum
 * of a Brownian motion with drift −1, whose law is the textbook P(M_t > x) = Φc((x + t)/√t) +
 * e^(−2x)·Φc((x − t)/√t); integrated here numerically, and doubled (the stationary mean is ½).
 */
import { describe, expect, it } from 'vitest';
import { normalCdf } from './erlang';
import { SETTLED_AGE, SETTLED_SHARE, ageOfShare, approachShare, meanApproach } from './relaxation';

function meanOfMaximum(t: number): number {
  let sum = 0;
  const dx = 1e-4;
  for (let x = dx / 2; x < 30; x += dx)
    sum += (1 - normalCdf((x + t) / Math.sqrt(t)) + Math.exp(-2 * x) * (1 - normalCdf((x - t) / Math.sqrt(t)))) * dx;
  return 2 * sum;
}

describe('the approach of a queue to its stationary length (relaxation.ts)', () => {
  it('H₁ is the mean of the running maximum, from r = 0.01 to 10', () => {
    for (const r of [0.01, 0.3, 1, 3, 10]) expect(approachShare(r)).toBeCloseTo(meanOfMaximum(r), 5);
  });
  it('grows as the √(4λt/π) of a queue at ρ = 1 when r is small', () => {
    // r = t·m²/σ², stationary mean σ²/2m: the mean is σ²/2m · H₁ ≈ σ√t·√(2/π) as m → 0.
    const r = 1e-6;
    expect(approachShare(r) / (2 * Math.sqrt((2 * r) / Math.PI))).toBeCloseTo(1, 2);
  });
  it('inverts, averages and settles consistently', () => {
    for (const share of [0.05, 0.5, 0.9]) expect(approachShare(ageOfShare(share))).toBeCloseTo(share, 9);
    expect(approachShare(SETTLED_AGE)).toBeCloseTo(SETTLED_SHARE, 9);
    // The average over [r0, r1] against a fine Riemann sum.
    let sum = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) sum += approachShare(0.2 + ((i + 0.5) * 2.8) / n);
    expect(meanApproach(0.2, 3)).toBeCloseTo(sum / n, 4);
    expect(meanApproach(0, 3)).toBeLessThan(approachShare(3));
  });
});
