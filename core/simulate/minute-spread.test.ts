/**
 * The chance that a minute misses its SLO (minute-spread.ts) against the per-request simulator, on
 * stationary pools from 1 to 16 cores, ρ 0.4 to 0.9, SLOs from the p95 to 1.35 × it: the share of
 * minutes whose p95 exceeds the SLO, engine against simulator. The simulator's share is itself a
 * sample (480 minutes): at worst ±0.07 where minutes are correlated (ρ 0.9 on one core), so the bar
 * is 0.08 for each case, 0.02 on average (the lognormal p95 this replaced: 0.033), and a factor of 2 either way where the simulator finds
 * at least 3 % of the minutes over — the tail that sizes a pool for "meets the SLO". With the SLO at
 * the stationary p95 itself on 8 or more cores near saturation the late count has a floor (most
 * minutes meet no queue at all): the Poisson floor plus a negative binomial (computeViolationChance's
 * `skew`) brings those cases within the same 0.08 (16 cores at ρ 0.9: 0.47 before it, 0.38 against the
 * simulator's 0.33), slow requests too (2 s, where a minute holds only a few of the queue's spells).
 */
import fc from 'fast-check';
import { jStat } from 'jstat';
import { describe, expect, it } from 'vitest';
import { simulatePoolRequests } from '../simulate-requests/simulate-pool-requests';
import { makeContext, makeLoad } from '../testing/load-fixture';
import {
  computeIndependentSpread,
  computeMinuteP95,
  computeMinuteSpread,
  computeViolationChance,
  floorAtLeast,
  negativeBinomialAtLeast,
  poissonAtLeast,
  underdispersedAtLeast,
} from './minute-spread';
import { simulateStatic } from './simulate-static';

const MINUTES = 240;
const SEEDS = [1, 2];

function shares(cores: number, rho: number, sloOverP95: number, cpuMs = 100) {
  const lambda = (rho * cores * 1000) / cpuMs;
  const base = makeLoad(() => lambda, MINUTES, { cpuMs, durationMs: cpuMs, functionDurationMs: cpuMs });
  const p95 = simulateStatic(base, makeContext(MINUTES), cores).stats.finish().p95LatencyMs;
  const load = { ...base, sloMs: sloOverP95 * p95 };
  const engine = simulateStatic(load, makeContext(MINUTES), cores).stats.finish().sloViolationMinutes / MINUTES;
  let simulated = 0;
  for (const seed of SEEDS) {
    const run = simulatePoolRequests(load, { steps: MINUTES, dt: 60, seed, cores });
    simulated += run.figures.sloViolationMinutes / MINUTES / SEEDS.length;
  }
  return { engine, simulated };
}

describe('the share of minutes over the SLO, against the per-request simulator', () => {
  // [cores, ρ, service ms]: 100 ms unless said; slow services make a minute only a few of the queue's spells.
  const pools: [number, number, number?][] = [
    [1, 0.4],
    [1, 0.8],
    [2, 0.4],
    [2, 0.8],
    [4, 0.6],
    [4, 0.9],
    [8, 0.8],
    [16, 0.9],
    [32, 0.95],
    [8, 0.9, 2000],
    [64, 0.95, 2000],
  ];
  it('within 0.08 each, 0.02 on average, and a factor of 2 in the tail', () => {
    const misses: string[] = [];
    let error = 0;
    let cases = 0;
    for (const [cores, rho, cpuMs] of pools) {
      for (const k of [1, 1.1, 1.2, 1.35]) {
        const { engine, simulated } = shares(cores, rho, k, cpuMs);
        const where = `${cores} cores, ρ ${rho}, ${cpuMs ?? 100} ms, SLO ${k} × p95: engine ${engine.toFixed(3)}, simulator ${simulated.toFixed(3)}`;
        error += Math.abs(engine - simulated);
        cases++;
        if (Math.abs(engine - simulated) > 0.08) misses.push(where);
        else if (simulated >= 0.03 && (engine < simulated / 2 || engine > simulated * 2)) misses.push(`tail: ${where}`);
      }
    }
    expect(misses).toEqual([]);
    expect(error / cases).toBeLessThan(0.02);
  }, 120_000);
});

describe('computeViolationChance', () => {
  it('is a half or so at the p95 itself, and falls as the SLO moves beyond it', () => {
    const spread = 0.3;
    const at = computeViolationChance(300, spread, 600, 0.01, 300);
    expect(at).toBeGreaterThan(0.3);
    expect(at).toBeLessThan(0.55);
    const beyond = [330, 360, 420, 600].map((limit) => computeViolationChance(300, spread, 600, 0.01, limit));
    for (let i = 1; i < beyond.length; i++) expect(beyond[i]).toBeLessThan(beyond[i - 1] as number);
    expect(beyond[3]).toBeLessThan(1e-4);
  });

  it('with independent requests, is the binomial tail: more than 5 % of N late', () => {
    // N = 400, 3 % late at the limit: P(Binomial(400, 0.03) > 20), summed exactly.
    const n = 400;
    const p = 0.03;
    let below = 0;
    let term = (1 - p) ** n;
    for (let j = 0; j <= 20; j++) {
      below += term;
      term *= ((n - j) / (j + 1)) * (p / (1 - p));
    }
    const chance = computeViolationChance(300, computeIndependentSpread(n), n, 0.01, 330, p);
    expect(chance).toBeGreaterThan(0.5 * (1 - below));
    expect(chance).toBeLessThan(2 * (1 - below));
  });

  it('never spreads the late count wider than a count of the minute’s requests can be', () => {
    // 8 cores of 200 ms at ρ 0.98, SLO 600 ms: 2,348 requests a minute, 80 % late at the SLO, the
    // spread at the p95 6.8 (slo-curve.ts). Even all-or-none minutes (the widest a count of at most N
    // with this mean can be) would be late 80 % of the time; at that widest, the chance is the share
    // of such minutes with at most 5 % late, which a negative binomial puts near 0, not at 0.31.
    const chance = computeViolationChance(1960, 6.8, 2348, 0.005, 600, 0.8, 1083);
    expect(chance).toBeGreaterThan(0.99);
    // Where the spread asks for less than the bound, the bound changes nothing.
    const narrow = computeViolationChance(1960, 0.5, 2348, 0.005, 600, 0.8, 1.5);
    expect(narrow).toBeGreaterThan(0.999);
    expect(computeViolationChance(650, 0.5, 2348, 0.005, 600, 0.06, 1.5)).toBeLessThan(0.9);
  });

  it('never rises as the SLO rises, whatever the minute', () => {
    // A later limit leaves fewer requests late, so no more minutes over. Two laws broke this: five
    // Gauss–Hermite nodes for a Poisson floor of mean over 30 against a narrow negative binomial (a
    // sawtooth: 77 ms p95, spread 0.125, skew 1.36, 1,224 a minute read 0.13 at an 87 ms SLO and 3·10⁻⁶
    // at 85 ms), and a mean late count near the smallest double read as a minute surely over. Scales
    // are drawn on a log scale from whole numbers (fast-check's doubles crowd near zero).
    const scaled = (lo: number, hi: number) =>
      fc.integer({ min: 0, max: 1e6 }).map((i) => 2 ** (lo + ((hi - lo) * i) / 1e6));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        scaled(-6, 3),
        scaled(0, 17),
        scaled(-10, 0),
        fc.oneof(
          fc.constant(Number.NaN),
          fc.integer({ min: 50, max: 1550 }).map((k) => k / 100),
        ),
        (p95, spread, perMinute, nu, skew) => {
          let before = Number.POSITIVE_INFINITY;
          for (let i = 0; i <= 80; i++) {
            const limit = p95 * (0.5 + i / 40);
            const chance = computeViolationChance(p95, spread, perMinute, nu, limit, Number.NaN, skew);
            expect(chance, `limit ${limit}`).toBeLessThanOrEqual(before + 1e-9);
            before = chance;
          }
        },
      ),
      { numRuns: 4000, seed: 46 },
    );
    const sawtooth = [85, 86, 87].map((limit) =>
      computeViolationChance(77, 0.125, 1224, 0.04, limit, Number.NaN, 1.36),
    );
    expect(sawtooth[0]).toBeGreaterThan(sawtooth[1] as number);
    expect(sawtooth[1]).toBeGreaterThan(sawtooth[2] as number);
  });
});

describe('computeViolationChance with the minute’s count as random as it is', () => {
  // The oracle sums over the minute's count n ~ Poisson(λ) the binomial tail P(Binomial(n, p) ≥
  // ⌊0.05n⌋ + 1), term by term: the engine sums over the on-time count instead (Poisson thinning).
  const oracle = (lambda: number, p: number) => {
    let total = 0;
    const n0 = Math.max(0, Math.floor(lambda - 12 * Math.sqrt(lambda)));
    let lnFactorial = 0;
    for (let k = 2; k <= n0; k++) lnFactorial += Math.log(k);
    let pn = Math.exp(n0 * Math.log(lambda) - lambda - lnFactorial); // Poisson(λ) at n0, in logs
    for (let n = n0; n < lambda + 12 * Math.sqrt(lambda) + 30; n++) {
      const need = Math.floor(0.05 * n) + 1;
      let below = 0;
      let term = (1 - p) ** n;
      for (let j = 0; j < need && j <= n; j++) {
        below += term;
        term *= ((n - j) / (j + 1)) * (p / (1 - p));
      }
      total += pn * Math.max(0, 1 - below);
      pn *= lambda / (n + 1);
    }
    return total;
  };
  for (const lambda of [8, 20.5, 58.6, 60, 70.3, 300, 1500])
    for (const p of [0.01, 0.04, 0.07])
      it(`λ = ${lambda} a minute, ${p * 100} % late`, () => {
        const chance = computeViolationChance(300, computeIndependentSpread(lambda), lambda, 0.01, 330, p);
        expect(chance).toBeCloseTo(oracle(lambda, p), 9);
      });

  it('is smooth in the rate, where a fixed count made a sawtooth', () => {
    const at = (lambda: number) =>
      computeViolationChance(300, computeIndependentSpread(lambda), lambda, 0.01, 330, 0.05);
    const chances = [55, 57, 58.6, 59, 60, 62, 65, 70.3, 75].map(at);
    for (let i = 1; i < chances.length; i++)
      expect(Math.abs((chances[i] as number) - (chances[i - 1] as number))).toBeLessThan(0.03);
  });
});

describe('an overdispersed minute’s count is random too', () => {
  // The oracle sums, term by term in logs, the on-time count W ~ Poisson(λ(1 − p)) against the late
  // count L ~ negative binomial with mean λp and variance D·λp: P(L ≥ ⌊0.05(L + W)⌋ + 1).
  const lnGamma = (z: number) => jStat.gammaln(z);
  const oracle = (lambda: number, p: number, dispersion: number) => {
    const muL = lambda * p;
    const muW = lambda - muL;
    const s = dispersion - 1;
    const r = muL / s;
    const x = s / (1 + s);
    const nb = (l: number) =>
      Math.exp(lnGamma(l + r) - lnGamma(l + 1) - lnGamma(r) + l * Math.log(x) + r * Math.log1p(-x));
    let total = 0;
    for (let w = 0; w < muW + 12 * Math.sqrt(muW) + 30; w++) {
      const pw = Math.exp(w * Math.log(muW) - muW - lnGamma(w + 1));
      let below = 0;
      for (let l = 0; l < Math.floor(0.05 * (l + w)) + 1; l++) below += nb(l);
      total += pw * (1 - below);
    }
    return total;
  };
  // The spread that gives dispersion D at λ a minute: D = spread² · 0.05λ ÷ 0.95.
  const spreadFor = (lambda: number, dispersion: number) => Math.sqrt((0.95 * dispersion) / (0.05 * lambda));
  for (const lambda of [20.5, 60, 300, 1500])
    for (const [p, dispersion] of [
      [0.02, 1.5],
      [0.05, 3],
    ] as const)
      it(`λ = ${lambda} a minute, ${p * 100} % late, dispersion ${dispersion}`, () => {
        const chance = computeViolationChance(300, spreadFor(lambda, dispersion), lambda, 0.01, 330, p);
        expect(chance).toBeCloseTo(oracle(lambda, p, dispersion), 7);
      });

  it('meets the independent chance as the dispersion falls to 1 (a static pool far from saturation)', () => {
    // At 10 cores of 2 s at ρ 0.2 the queue's spread is a hair over the independent one: with a fixed
    // count there, the chance was a sawtooth (0.457, 0.403, 0.301 at 57, 60, 63 a minute) where the
    // independent minute reads 0.377, 0.372, 0.368.
    for (const lambda of [57, 60, 63]) {
      const independent = computeViolationChance(300, computeIndependentSpread(lambda), lambda, 0.01, 330, 0.044);
      const barelyOver = computeViolationChance(300, spreadFor(lambda, 1 + 1e-6), lambda, 0.01, 330, 0.044);
      expect(barelyOver).toBeCloseTo(independent, 5);
    }
  });
});

describe('a minute with a floor of late requests has its count random too', () => {
  // When most minutes meet no queue the late count is a Poisson floor plus a negative binomial
  // (matched to K1, K2, K3). The oracle convolves the two term by term in logs and sums the on-time
  // count W ~ Poisson(λ(1 − p)) against it: P(L ≥ ⌊0.05(L + W)⌋ + 1). With the count fixed at λ,
  // a minute of 24 requests needed two late ones where most minutes of fewer than 20 need one:
  // 4 cores of 5 s jobs at ρ 0.5 read 30 violation minutes of 1,440 against the simulator's 57, fewer
  // than 5 cores' 58 (oracle-hard-cases.test.ts).
  const lnGamma = (z: number) => jStat.gammaln(z);
  const oracle = (lambda: number, p: number, floor: number, m: number, s: number) => {
    const muW = lambda * (1 - p);
    const r = m / s;
    const x = s / (1 + s);
    const nb = (j: number) =>
      Math.exp(lnGamma(j + r) - lnGamma(j + 1) - lnGamma(r) + j * Math.log(x) + r * Math.log1p(-x));
    const poisson = (k: number, mean: number) => Math.exp(k * Math.log(mean) - mean - lnGamma(k + 1));
    const late = (l: number) => {
      let sum = 0;
      for (let k = 0; k <= l; k++) sum += poisson(k, floor) * nb(l - k);
      return sum;
    };
    let total = 0;
    for (let w = 0; w < muW + 12 * Math.sqrt(muW) + 30; w++) {
      let below = 0;
      for (let l = 0; l < Math.floor(0.05 * (l + w)) + 1; l++) below += late(l);
      total += poisson(w, muW) * (1 - below);
    }
    return total;
  };
  const spreadFor = (lambda: number, dispersion: number) => Math.sqrt((0.95 * dispersion) / (0.05 * lambda));
  for (const lambda of [8, 24, 60, 300])
    for (const [p, dispersion, s] of [
      [0.02, 3, 4],
      [0.05, 2, 6],
    ] as const)
      it(`λ = ${lambda} a minute, ${p * 100} % late, dispersion ${dispersion}, NB's s ${s}`, () => {
        // K3 ÷ K2 that makes the NB's s what is asked: K3 − K1 = ms(3 + 2s), K2 − K1 = ms.
        const mean = lambda * p;
        const k2 = dispersion * mean;
        const skew = ((3 + 2 * s) * (k2 - mean) + mean) / k2;
        const m = (k2 - mean) / s;
        expect(mean - m).toBeGreaterThan(0); // the branch with a floor
        const chance = computeViolationChance(300, spreadFor(lambda, dispersion), lambda, 0.01, 330, p, skew);
        expect(chance).toBeCloseTo(oracle(lambda, p, mean - m, m, s), 7);
      });
});

describe('the p95 of a minute of messages from a backlog and sync requests (computeMinuteP95)', () => {
  // Closed forms: the share later than x is (1 − m)·e^(−(x − d)/s) + m·(sync tail), set to 5 %.
  it('messages alone: the wait plus ln 20 service times', () => {
    expect(computeMinuteP95(400, 50, 0, 0)).toBeCloseTo(400 + 50 * Math.log(20), 3);
  });
  it('half messages far behind, half sync requests on time: the wait plus ln 10 service times', () => {
    // The sync half's tail is e^(−ln 20 · (x/p95 − 1)) × 5 %, nothing at x ≈ 60 s.
    expect(computeMinuteP95(60_000, 50, 0.5, 150)).toBeCloseTo(60_000 + 50 * Math.log(10), 3);
  });
  it('a few messages (under 5 %), however late, raise the minute’s p95 but do not make it theirs', () => {
    // 2 % messages, all late: the sync 98 % must bring 3 % more: 0.98·0.05·e^(ln 20 (1 − x/p95)) = 0.03.
    const x = 150 * (1 - Math.log(0.03 / (0.98 * 0.05)) / Math.log(20));
    expect(computeMinuteP95(60_000, 50, 0.98, 150)).toBeCloseTo(x, 3);
    expect(computeMinuteP95(60_000, 50, 0.98, 150)).toBeGreaterThan(150);
    expect(computeMinuteP95(60_000, 50, 0.98, 150)).toBeLessThan(200);
  });
  it('a minute whose messages are late misses its SLO although its sync requests meet it', () => {
    const slo = 200;
    const p95 = computeMinuteP95(5_000, 50, 0.5, 150);
    expect(computeViolationChance(p95, 0, 3600, 1 / 50, slo)).toBe(1);
    expect(computeViolationChance(150, 0, 1800, 1 / 50, slo)).toBeLessThan(0.01);
  });
});

/** P(X ≥ k) by summing the point masses below k in plain floating point: the oracle for the tails. */
function sumBelow(k: number, lnMass: (j: number) => number): number {
  let below = 0;
  for (let j = 0; j < k; j++) below += Math.exp(lnMass(j));
  return 1 - below;
}
const lnFactorial = (n: number) => {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
};
/** ln Γ(j + r) − ln Γ(r) for a whole j: the rising product r(r + 1)…(r + j − 1). */
const lnRising = (r: number, j: number) => {
  let s = 0;
  for (let i = 0; i < j; i++) s += Math.log(r + i);
  return s;
};
const poissonLnMass = (mean: number) => (j: number) => -mean + j * Math.log(mean) - lnFactorial(j);
const nbLnMass = (r: number, x: number) => (j: number) =>
  lnRising(r, j) - lnFactorial(j) + j * Math.log(x) + r * Math.log1p(-x);

describe('the late count’s tails, against their point masses summed', () => {
  // Where a Chernoff bound says a tail is 0 or 1 to double precision the engine skips jStat; the
  // floor's tails come from one incomplete beta and point masses. Both must equal plain sums.
  it('Poisson: P(X ≥ k) for means 0.5–400 and k from far below to far above', () => {
    for (const mean of [0.5, 3, 20, 90, 400])
      for (const k of [1, 2, 5, 10, 30, 60, 100, 200, 300, 400, 500, 700]) {
        const exact = Math.max(0, sumBelow(k, poissonLnMass(mean)));
        expect(Math.abs(poissonAtLeast(k, mean) - exact), `mean ${mean}, k ${k}`).toBeLessThan(1e-9);
      }
  });

  it('negative binomial: P(X ≥ k) over dispersions 1.1–50', () => {
    for (const mean of [0.8, 6, 40, 250])
      for (const dispersion of [1.1, 3, 50]) {
        const s = dispersion - 1;
        const [r, x] = [mean / s, s / (1 + s)];
        for (const k of [1, 3, 10, 40, 120, 400, 900]) {
          const exact = Math.max(0, sumBelow(k, nbLnMass(r, x)));
          expect(
            Math.abs(negativeBinomialAtLeast(k, r, x) - exact),
            `mean ${mean}, D ${dispersion}, k ${k}`,
          ).toBeLessThan(1e-6);
        }
      }
  });

  it('Poisson floor plus negative binomial: P(A + B ≥ k) against the convolution of their masses', () => {
    for (const a of [0.4, 4, 25])
      for (const [m, s] of [
        [2, 0.5],
        [15, 4],
        [60, 20],
        [1e-3, 1e-3], // the NB's masses near `over` underflow: summed in logs
      ] as const)
        for (const over of [1, 4, 12, 40, 90, 400]) {
          const [r, x] = [m / s, s / (1 + s)];
          let below = 0;
          for (let i = 0; i < over; i++)
            for (let j = 0; i + j < over; j++) below += Math.exp(poissonLnMass(a)(i) + nbLnMass(r, x)(j));
          expect(
            Math.abs(floorAtLeast(over, a, m, s) - (1 - below)),
            `a ${a}, m ${m}, s ${s}, over ${over}`,
          ).toBeLessThan(1e-6);
        }
  });

  it('… with a floor of mean 30 to 600 and a negative binomial narrow or wide against it', () => {
    // Above a mean of 30 the floor was five Gauss–Hermite nodes: right where the NB is wide against
    // √a, off by up to their weights (0.53 at the middle node) where it is narrow.
    for (const a of [31, 45, 150, 600])
      for (const [m, s] of [
        [0.013, 24.5], // a queue's minute of spread 0.125 and skew 1.36 (the sawtooth above)
        [2, 0.5],
        [60, 20],
      ] as const) {
        const [r, x] = [m / s, s / (1 + s)];
        const overs = [-3, -1, 0, 1, 3, 8].map((sds) =>
          Math.max(1, Math.round(a + m + sds * Math.sqrt(a + m * (1 + s)))),
        );
        const top = Math.max(...overs);
        // Both laws' masses 0…top in logs, by the ratios of successive masses.
        const lnP = [-a];
        const lnN = [r * Math.log1p(-x)];
        for (let k = 1; k <= top; k++) {
          lnP.push((lnP[k - 1] as number) + Math.log(a / k));
          lnN.push((lnN[k - 1] as number) + Math.log((x * (k - 1 + r)) / k));
        }
        for (const over of overs) {
          let below = 0;
          for (let i = 0; i < over; i++)
            for (let j = 0; i + j < over; j++) below += Math.exp((lnP[i] as number) + (lnN[j] as number));
          const exact = 1 - below;
          const got = floorAtLeast(over, a, m, s);
          expect(Math.abs(got - exact), `a ${a}, m ${m}, s ${s}, over ${over}`).toBeLessThan(1e-6 + 1e-3 * exact);
        }
      }
  });
});

describe('a floor of over 10⁶ late requests a minute', () => {
  // P(A + B ≥ over) by the direct convolution: each law's masses over its window (in logs, by the
  // ratios of successive masses from the mode), B's tails summed from the top, then Σ P(A = k)·P(B ≥ over − k).
  const masses = (lnAt: (k: number) => number, ratio: (k: number) => number, lo: number, hi: number) => {
    const out = new Float64Array(hi - lo + 1);
    let ln = lnAt(lo);
    for (let k = lo; k <= hi; k++) {
      out[k - lo] = Math.exp(ln);
      ln += Math.log(ratio(k));
    }
    return out;
  };
  const convolution = (over: number, a: number, m: number, s: number) => {
    const [r, x] = [m / s, s / (1 + s)];
    const [aLo, aHi] = [Math.max(0, Math.floor(a - 12 * Math.sqrt(a))), Math.ceil(a + 12 * Math.sqrt(a))];
    const sdB = Math.sqrt(m * (1 + s));
    const [bLo, bHi] = [Math.max(0, Math.floor(m - 12 * sdB)), Math.ceil(m + 40 * sdB + 200 * s)];
    const pa = masses(
      (k) => k * Math.log(a) - a - jStat.gammaln(k + 1),
      (k) => a / (k + 1),
      aLo,
      aHi,
    );
    const pb = masses(
      (j) => jStat.gammaln(j + r) - jStat.gammaln(j + 1) - jStat.gammaln(r) + j * Math.log(x) + r * Math.log1p(-x),
      (j) => (x * (j + r)) / (j + 1),
      bLo,
      bHi,
    );
    const tailB = new Float64Array(pb.length + 1);
    for (let i = pb.length - 1; i >= 0; i--) tailB[i] = (tailB[i + 1] as number) + (pb[i] as number);
    let sum = 0;
    for (let k = aLo; k <= aHi; k++) {
      const j = over - k - bLo; // P(B ≥ over − k)
      sum += (pa[k - aLo] as number) * (j <= 0 ? 1 : j >= pb.length ? 0 : (tailB[j] as number));
    }
    return sum;
  };
  const oversAround = (a: number, m: number, s: number) =>
    [-4, -2, -1, 0, 1, 2, 4].map((sds) => Math.round(a + m + sds * Math.sqrt(a + m * (1 + s))));

  it('a Poisson tail beyond k = 10⁴ (Edgeworth) stays within 2·10⁻⁶ of the incomplete gamma', () => {
    for (const mean of [1e4, 3e4, 2e5, 1e6])
      for (let sds = -6; sds <= 6; sds += 0.5) {
        const k = Math.round(mean + sds * Math.sqrt(mean));
        if (k <= 10_000) continue;
        expect(Math.abs(poissonAtLeast(k, mean) - jStat.lowRegGamma(k, mean)), `mean ${mean}, k ${k}`).toBeLessThan(
          2e-6,
        );
      }
  });

  it('sums over the negative binomial where it is the narrower law', () => {
    for (const a of [2e6, 5e7])
      for (const [m, s] of [
        [0.013, 24.5],
        [2, 0.5],
        [60, 20],
        [5e3, 3],
      ] as const)
        for (const over of oversAround(a, m, s)) {
          const got = floorAtLeast(over, a, m, s);
          const exact = convolution(over, a, m, s);
          expect(Math.abs(got - exact), `a ${a}, m ${m}, s ${s}, over ${over}`).toBeLessThan(2e-7);
        }
  });

  it('takes the Edgeworth term where both laws are that wide', () => {
    for (const [a, m, s] of [
      [2e6, 2e6, 1],
      [2e6, 3e7, 0.2],
      [5e7, 1e7, 4],
    ] as const)
      for (const over of oversAround(a, m, s)) {
        const got = floorAtLeast(over, a, m, s);
        const exact = convolution(over, a, m, s);
        expect(Math.abs(got - exact), `a ${a}, m ${m}, s ${s}, over ${over}`).toBeLessThan(1e-6);
      }
  });
});

describe('a small floor against a minute of 10⁷ requests a second and more', () => {
  // The floor's sum stops where its masses underflow, not at `over` (up to 3·10⁸ at the schema's
  // 10⁸ requests a second): the cases the plan of such a component met, and one at that limit,
  // against the direct convolution of the two laws (every mass summed from 0, in logs).
  const convolution = (over: number, a: number, m: number, s: number) => {
    const [r, x] = [m / s, s / (1 + s)];
    const aHi = Math.ceil(a + 40 * Math.sqrt(a) + 40);
    let below = 0;
    for (let i = 0; i <= Math.min(aHi, over - 1); i++) {
      const lnP = i * Math.log(a) - a - jStat.gammaln(i + 1);
      // P(B ≤ over − 1 − i) = 1 − P(B ≥ over − i): B's tail by its masses beyond, while they count.
      let tail = 0;
      let ln =
        jStat.gammaln(over - i + r) -
        jStat.gammaln(over - i + 1) -
        jStat.gammaln(r) +
        (over - i) * Math.log(x) +
        r * Math.log1p(-x);
      for (let j = over - i; ln > -800; j++) {
        tail += Math.exp(ln);
        ln += Math.log((x * (j + r)) / (j + 1));
      }
      below += Math.exp(lnP) * (1 - tail);
    }
    return 1 - below;
  };

  it('is the convolution’s tail, to 10⁻⁹', () => {
    for (const [over, a, m, s] of [
      [32_768_917, 246.56918736411714, 1.6881674929650845, 5050.004174795609],
      [65_537_833, 9198.994811132781, 45.91006384016597, 3629.969274324251],
      [6_540_929, 803.5526394559607, 0.5046132202796365, 18.289984516441834],
      [300_000_001, 30_000, 5, 2e4],
      [1_000, 800, 150, 3], // and one near its line, where the chance is neither 0 nor 1
    ] as const) {
      const exact = convolution(over, a, m, s);
      expect(Math.abs(floorAtLeast(over, a, m, s) - exact), `over ${over}, a ${a}`).toBeLessThan(1e-9);
    }
  });
});

describe('a request far shorter than its CPU time (νt ≫ 1)', () => {
  it('gives a finite spread: the geometric sum neither underflows nor overflows', () => {
    // One core at ρ 0.8, 82.8 ms of CPU, a duration of 2.8 ms (a generated design's): the sum's first
    // term underflowed and q^top overflowed, and the spread was 0 × ∞ = NaN.
    for (const ratio of [1, 3, 30, 100, 300, 1000]) {
      const mu = 12.08;
      const spread = computeMinuteSpread(0.8, 2.4159, mu * ratio, mu, 9.66, mu, 1150);
      expect(Number.isFinite(spread), `ν = ${ratio} μ`).toBe(true);
      expect(spread).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('a timeout bounds the queue, and the minute forgets it sooner', () => {
  // 1 core of 500 ms at ρ 0.97 holds at most 5 requests under a 2.5 s timeout: its walk between empty
  // and the timeout forgets within seconds (π²λ ⁄ L² a second), where the untimed queue's near
  // saturation takes 0.4 ⁄ (√cμ − √λ)² ≈ 15 minutes.
  const args = [0.97, 2 * 0.03, 2, 2, 1.94, 2, 2500] as const;
  it('keeps the spread of an untimed queue to the bit', () => {
    expect(computeMinuteSpread(...args, undefined, Number.POSITIVE_INFINITY)).toBe(computeMinuteSpread(...args));
  });
  it('narrows it under a short timeout, and hardly at all under a long one', () => {
    const untimed = computeMinuteSpread(...args);
    const short = computeMinuteSpread(...args, undefined, 2500);
    const long = computeMinuteSpread(...args, undefined, 29_000 * 20);
    expect(short).toBeLessThan(0.7 * untimed);
    expect(long).toBeGreaterThan(0.99 * untimed);
    expect(long).toBeLessThanOrEqual(untimed);
  });
});

describe('underdispersedAtLeast: a binomial count by its mean and variance ÷ mean', () => {
  it('is the binomial tail of n = mean ÷ (1 − dispersion) trials, summed term by term', () => {
    for (const [n, p] of [
      [1, 0.36],
      [4, 0.12],
      [10, 0.0086],
      [30, 0.5],
    ] as const) {
      let mass = (1 - p) ** n;
      let below = 0;
      for (let k = 0; k <= n; k++) {
        const exact = 1 - below;
        const got = underdispersedAtLeast(k, n * p, 1 - p);
        expect(Math.abs(got - exact), `n ${n}, p ${p}, k ${k}`).toBeLessThan(1e-8);
        below += mass;
        mass *= ((n - k) / (k + 1)) * (p / (1 - p));
      }
      expect(underdispersedAtLeast(n + 1, n * p, 1 - p)).toBe(0);
    }
  });
});
