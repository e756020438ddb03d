/**
 * The copies of jStat's special functions (special-functions.ts) give jStat's own bits: the plans
 * built on them must not move (core/plan/engine-version.test.ts hashes whole plans; this pins the
 * functions themselves, over the arguments the minute-spread functions pass them and beyond).
 */
import { jStat } from 'jstat';
import { describe, expect, it } from 'vitest';
import { gammaln, ibeta, lowRegGamma } from './special-functions';

/** Arguments from 10⁻³ to 10⁴, whole numbers and fractions, and the edges. */
const ARGS = [
  1e-3, 0.01, 0.1, 0.5, 0.9999, 1, 1.5, 2, 3, 7.25, 10, 19, 20.5, 33, 100, 101.3, 600, 1234.5678, 2000, 9999.9,
];
const SHARES = [0, 1e-9, 1e-4, 0.01, 0.05, 0.2, 0.4999, 0.5, 0.7, 0.95, 0.999999, 1];

describe('special functions, copied from jStat', () => {
  it('log-gamma gives jStat.gammaln to the bit', () => {
    for (const x of ARGS) expect(gammaln(x), `x ${x}`).toBe(jStat.gammaln(x));
  });

  it('the lower incomplete gamma gives jStat.lowRegGamma to the bit, on both of its branches', () => {
    let below = 0;
    for (const a of ARGS) {
      for (const x of [0, ...ARGS]) {
        if (x < a + 1) below++;
        expect(lowRegGamma(a, x), `a ${a}, x ${x}`).toBe(jStat.lowRegGamma(a, x));
      }
    }
    // Both branches (the series below a + 1, the continued fraction above) were exercised.
    expect(below).toBeGreaterThan(50);
    expect(below).toBeLessThan(ARGS.length * (ARGS.length + 1) - 50);
    expect(lowRegGamma(-1, 2)).toBeNaN();
  });

  it('the incomplete beta gives jStat.ibeta to the bit, on both sides of its symmetry', () => {
    for (const x of SHARES) {
      for (const a of ARGS) {
        for (const b of ARGS) expect(ibeta(x, a, b), `x ${x}, a ${a}, b ${b}`).toBe(jStat.ibeta(x, a, b));
      }
    }
    expect(ibeta(0.3, 2, 5)).toBeCloseTo(0.579825, 6);
  });
});
