import { jStat } from 'jstat';
import { describe, expect, it } from 'vitest';
import { ColdStartCurve, type ColdStartFigures, computeColdStarts, logPoissonAtMost } from './cold-starts';
import { pseudoExp2, pseudoLog2 } from './latency-bins';

const N = 12_000; // a 10-minute keep-alive over 50 ms invocations
const figures = (): ColdStartFigures => ({ cold: 0, alive: 0, aliveAbove: 0 });

/**
 * The curve as evaluate() first read its table, through pseudoLog2: y = (pseudoLog2(m) + 24) · 8,
 * the point y | 0 and the weight y − (y | 0) towards the next (the points are computeColdStarts at
 * 2^(−24 + k/8)). evaluate() now takes both from the float's bits as integers: the same figures.
 */
function byLog(m: number): ColdStartFigures {
  const y = (pseudoLog2(m) + 24) * 8;
  const k = y | 0;
  const f = y - k;
  const g = 1 - f;
  const lo = computeColdStarts(pseudoExp2(-24 + k / 8), N, figures());
  const hi = computeColdStarts(pseudoExp2(-24 + (k + 1) / 8), N, figures());
  return {
    cold: lo.cold * g + hi.cold * f,
    alive: lo.alive * g + hi.alive * f,
    aliveAbove: lo.aliveAbove * g + hi.aliveAbove * f,
  };
}

/** Mean concurrencies over the table's range (2⁻²⁴ to 2¹⁴): powers of two, their neighbours, a sweep. */
function sweep(): number[] {
  const out: number[] = [];
  for (let e = -24; e < 14; e++) {
    const p = 2 ** e;
    out.push(p, p * (1 + Number.EPSILON), p * 1.0625, p * 1.5, 2 * p * (1 - Number.EPSILON / 2));
  }
  let s = 12345;
  for (let i = 0; i < 400; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out.push(2 ** ((s / 2 ** 32) * 38 - 24));
  }
  return out;
}

describe('ColdStartCurve.evaluate', () => {
  it('reads its table at the point and weight pseudoLog2 gives', () => {
    const curve = new ColdStartCurve(N);
    const wrong = sweep().filter((m) => {
      curve.m = m;
      curve.evaluate();
      const want = byLog(m);
      return curve.cold !== want.cold || curve.alive !== want.alive || curve.aliveAbove !== want.aliveAbove;
    });
    expect(wrong).toEqual([]);
  });
  it('computes the figures directly beyond the table and none at all for no load', () => {
    const curve = new ColdStartCurve(N);
    for (const m of [2 ** -24 * (1 - Number.EPSILON / 2), 2 ** -30, 2 ** 14, 2 ** 15 * 1.3]) {
      curve.m = m;
      curve.evaluate();
      expect({ cold: curve.cold, alive: curve.alive, aliveAbove: curve.aliveAbove }).toEqual(
        computeColdStarts(m, N, figures()),
      );
    }
    curve.m = 0;
    curve.evaluate();
    expect([curve.cold, curve.alive, curve.aliveAbove]).toEqual([1, 0, 0]);
  });
});

describe('ln P(N ≤ c) under a concurrency limit above 5,000, the load near it', () => {
  it('is jStat’s incomplete gamma, within 10⁻⁹', () => {
    for (const c of [5001, 20_000, 100_000, 1_000_000])
      for (const sds of [-12, -6, -3, -1, -0.3, 0]) {
        const m = c + sds * Math.sqrt(c);
        const want = Math.log1p(-jStat.lowRegGamma(c + 1, m));
        expect(Math.abs(logPoissonAtMost(c, m) - want), `c ${c}, m ${m}`).toBeLessThan(1e-9);
      }
  });

  it('ends where the load is far under the limit (every mass above it underflows): ln 1 = 0', () => {
    // The first mass, P(N = 10⁶ + 1) at m = 10, is e^(−1.2·10⁷): 0 in floating point. The loop ran
    // for ever on 0 ≥ 10⁻¹⁷ · 0 before.
    expect(Math.abs(logPoissonAtMost(1_000_000, 10))).toBe(0);
    expect(logPoissonAtMost(6000, 4000)).toBeCloseTo(Math.log1p(-jStat.lowRegGamma(6001, 4000)), 12);
  });
});
