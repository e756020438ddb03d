import { jStat } from 'jstat';
import { describe, expect, it } from 'vitest';
import {
  approximateErlangC,
  computeErlangB,
  computeErlangC,
  computeMeanWait,
  computeThrottledShare,
  computeWaitQuantile,
  LARGE_C,
} from './erlang';

/** The closed form of reference/pricing-and-scaling.md, in plain factorials (fine for small c). */
function closedFormC(c: number, a: number): number {
  let fact = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    if (k > 0) fact *= k;
    sum += a ** k / fact;
  }
  const cFact = fact * c;
  const top = (a ** c / cFact) * (c / (c - a));
  return top / (sum + top);
}

describe('Erlang C', () => {
  const cases: [lambda: number, mu: number, c: number][] = [
    [1, 2, 1],
    [5, 1, 8],
    [18, 1, 20],
    [90, 10, 10],
    [99.9, 10, 10], // ρ = 0.999
    [39.96, 1, 40], // ρ = 0.999 with many servers
    [95, 1, 100], // near the largest c the factorial form can still evaluate
  ];
  it.each(cases)('matches the closed form at λ=%s, μ=%s, c=%s', (lambda, mu, c) => {
    const a = lambda / mu;
    expect(computeErlangC(c, a)).toBeCloseTo(closedFormC(c, a), 10);
    const w = closedFormC(c, a) / (c * mu - lambda);
    expect(computeMeanWait(lambda, mu, c) / w).toBeCloseTo(1, 8);
  });

  it('is M/M/1 for one server: C = ρ, W = ρ / (μ − λ)', () => {
    expect(computeErlangC(1, 0.7)).toBeCloseTo(0.7, 12);
    expect(computeMeanWait(7, 10, 1)).toBeCloseTo(0.7 / 3, 12);
  });

  it('stays finite and in [0, 1] where factorials overflow (c = 5000, ρ = 0.99)', () => {
    const value = computeErlangC(5000, 4950);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(1);
  });

  it('switches to the Halfin–Whitt limit for very many servers, continuously and in O(1)', () => {
    let b = 1;
    const c = 5000;
    for (const rho of [0.9, 0.97, 0.99, 0.995, 0.999]) {
      const a = rho * c;
      b = 1;
      for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
      const exact = b / (1 - rho * (1 - b));
      expect(Math.abs(approximateErlangC(c, a) - exact)).toBeLessThan(2.5e-3);
    }
    expect(computeErlangC(3.6e10, 0.98 * 3.6e10)).toBe(0);
    expect(computeErlangC(1e9, 1e9 - 3e4)).toBeCloseTo(approximateErlangC(1e9, 1e9 - 3e4), 12);
    expect(computeErlangC(1e9, 1e9 - 3e4)).toBeGreaterThan(0.1);
  });

  it('is 1 when the queue is unstable and 0 with no load', () => {
    expect(computeErlangC(4, 4)).toBe(1);
    expect(computeMeanWait(4, 1, 4)).toBe(Number.POSITIVE_INFINITY);
    expect(computeErlangC(4, 0)).toBe(0);
  });

  it('gives the wait quantile of P(W > t) = C·e^(−(cμ−λ)t)', () => {
    const c = computeErlangC(10, 9);
    const t = computeWaitQuantile(c, 1, 0.95);
    expect(c * Math.exp(-t)).toBeCloseTo(0.05, 12);
    expect(computeWaitQuantile(0.01, 1, 0.95)).toBe(0);
  });
});

describe('computeThrottledShare (a concurrency limit: sync turned away, async waiting)', () => {
  /** The birth–death chain solved state by state: rate λ below c, λ_async at c and above; μ per busy instance. */
  function chain(c: number, lambda: number, lambdaAsync: number, mu: number): number {
    const weights = [1];
    for (let n = 1; n < c + 5000; n++) {
      const up = n <= c ? lambda : lambdaAsync;
      weights.push(((weights[n - 1] as number) * up) / (Math.min(n, c) * mu));
    }
    const total = weights.reduce((s, w) => s + w, 0);
    return weights.slice(c).reduce((s, w) => s + w, 0) / total;
  }

  it('is the chain’s chance of finding every instance busy', () => {
    for (const [c, lambda, asyncShare] of [
      [5, 4, 0.5],
      [50, 45, 0.3],
      [50, 60, 0.5],
      [20, 30, 0.6],
      [1, 0.7, 0.9],
    ] as const) {
      const mu = 1;
      const rhoAsync = (lambda * asyncShare) / (c * mu);
      expect(computeThrottledShare(c, lambda / mu, rhoAsync)).toBeCloseTo(chain(c, lambda, lambda * asyncShare, mu), 9);
    }
  });

  it('is Erlang B with nothing async and Erlang C with everything async', () => {
    for (const [c, a] of [
      [10, 7],
      [64, 60],
    ] as const) {
      expect(computeThrottledShare(c, a, 0)).toBe(computeErlangB(c, a));
      expect(computeThrottledShare(c, a, a / c)).toBeCloseTo(computeErlangC(c, a), 12);
    }
  });
});

describe('Erlang B beyond LARGE_C servers (a concurrency limit of up to 10⁶)', () => {
  /** The textbook recursion over every server, as computeErlangB runs it up to LARGE_C. */
  function fullRecursion(c: number, a: number): number {
    let b = 1;
    for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
    return b;
  }
  /** Independently: the Poisson mass at c over the Poisson law's mass up to c (jStat's ln Γ and incomplete gamma). */
  function byGamma(c: number, a: number): number {
    const lnMass = c * Math.log(a) - a - jStat.gammaln(c + 1);
    return Math.exp(lnMass) / (1 - jStat.lowRegGamma(c + 1, a));
  }
  const cases: [number, number][] = [];
  for (const c of [LARGE_C + 1, 20_000, 100_000, 1_000_000]) {
    for (const rho of [0.3, 0.9, 0.99, 1, 1.01, 1.1, 2, 10]) cases.push([c, rho * c]);
    for (const sds of [-8, -6, -3, -1, 0, 1, 3, 6, 8]) cases.push([c, c + sds * Math.sqrt(c)]);
  }

  it('is the recursion over every server: within 10⁻¹² relative, or 10⁻¹⁵ where it is smaller', () => {
    for (const [c, a] of cases) {
      const want = fullRecursion(c, a);
      const got = computeErlangB(c, a);
      expect(Math.abs(got - want), `c ${c}, a ${a}`).toBeLessThanOrEqual(Math.max(1e-15, 1e-12 * want));
    }
  });

  it('agrees with the Poisson mass over the Poisson law below c (jStat), within 10⁻⁸ relative', () => {
    // (Where a is well above c the law below c is 1 − P with P near 1, and the difference loses its digits.)
    for (const [c, a] of cases.filter(([c, a]) => c <= 20_000 && a <= c + 3 * Math.sqrt(c))) {
      const want = byGamma(c, a);
      const got = computeErlangB(c, a);
      expect(Math.abs(got - want), `c ${c}, a ${a}`).toBeLessThanOrEqual(Math.max(1e-15, 1e-8 * want));
    }
  });
});
