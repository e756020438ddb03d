import { describe, expect, it } from 'vitest';
import { createPrng } from '../workload/prng';
import { normalCdf } from './erlang';
import { computeSpreadTable, queueSpread, shapeOfSpread, SPREAD_POINTS, spreadOfQueue } from './wait-spread';
import { SPREAD_TABLE } from './wait-spread-table';

/** x with Φ(x) = p (bisection: the test's own, independent of the module's table). */
function probit(p: number): number {
  let lo = -12;
  let hi = 12;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
const density = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);

function spread(queue: number, drift: number, variance: number): number[] {
  const out = new Float64Array(SPREAD_POINTS);
  queueSpread(queue, drift, variance, out);
  return [...out];
}

describe('queueSpread: a grown walk’s queue about its mean', () => {
  it('keeps the mean, and spreads the shares in order', () => {
    for (const [queue, drift, variance] of [
      [3, 0, 2],
      [50, 0.02, 2.02],
      [400, 0.3, 2.3],
      [1e5, 10, 90],
    ] as const) {
      const m = spread(queue, drift, variance);
      expect(m.reduce((a, b) => a + b, 0) / SPREAD_POINTS).toBeCloseTo(1, 3);
      for (let i = 1; i < SPREAD_POINTS; i++) expect(m[i] as number).toBeGreaterThan(m[i - 1] as number);
    }
  });

  it('with no drift, is the half-normal’s eighths (closed form)', () => {
    // |N(0, 1)|: its share between the quantiles a and b (an eighth of it) has the mean 8 √(2/π)
    // (e^(−a²/2) − e^(−b²/2)), over the whole's mean √(2/π): 8 (e^(−a²/2) − e^(−b²/2)).
    const m = spread(40, 0, 2);
    for (let i = 0; i < SPREAD_POINTS; i++) {
      const a = i === 0 ? 0 : probit(0.5 + i / (2 * SPREAD_POINTS));
      const b = i === SPREAD_POINTS - 1 ? Infinity : probit(0.5 + (i + 1) / (2 * SPREAD_POINTS));
      const expected = SPREAD_POINTS * (Math.exp((-a * a) / 2) - (b === Infinity ? 0 : Math.exp((-b * b) / 2)));
      // (The table's eighths are means of 12 quantiles each: the top one's long tail reads 0.3 % short.)
      expect(Math.abs((m[i] as number) / expected - 1), `eighth ${i + 1}: ${m[i]} against ${expected}`).toBeLessThan(
        0.005,
      );
    }
  });

  it('with the drift far ahead, is a normal about at with spread √(vt) (closed form)', () => {
    // drift 1, variance 2, a queue of 20,000: t = 20,000 s, spread √40,000 = 200, 1 % of the mean.
    const m = spread(20_000, 1, 2);
    for (let i = 0; i < SPREAD_POINTS; i++) {
      const a = i === 0 ? -Infinity : probit(i / SPREAD_POINTS);
      const b = i === SPREAD_POINTS - 1 ? Infinity : probit((i + 1) / SPREAD_POINTS);
      const z = SPREAD_POINTS * ((a === -Infinity ? 0 : density(a)) - (b === Infinity ? 0 : density(b)));
      expect(m[i]).toBeCloseTo(1 + 0.01 * z, 3);
    }
  });

  it('matches a simulated queue grown from empty just over its rate', () => {
    // An M/M/1 queue at λ = 1.02, μ = 1 from empty for 1,800 s, as a birth-death chain (uniformised at
    // λ + μ), 4,000 times: the eighths of its length against the spread at its mean.
    const lambda = 1.02;
    const mu = 1;
    const seconds = 1800;
    const random = createPrng(11);
    const lengths: number[] = [];
    const events = Math.round((lambda + mu) * seconds);
    for (let run = 0; run < 4000; run++) {
      let q = 0;
      for (let e = 0; e < events; e++) {
        if (random() < lambda / (lambda + mu)) q++;
        else if (q > 0) q--;
      }
      lengths.push(q);
    }
    lengths.sort((a, b) => a - b);
    const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    const per = lengths.length / SPREAD_POINTS;
    const m = spread(mean, lambda - mu, lambda + mu);
    for (let i = 0; i < SPREAD_POINTS; i++) {
      const share = lengths.slice(i * per, (i + 1) * per);
      const simulated = share.reduce((a, b) => a + b, 0) / share.length / mean;
      expect(Math.abs((m[i] as number) - simulated), `eighth ${i + 1}: ${m[i]} against ${simulated}`).toBeLessThan(
        0.05,
      );
    }
  });
});

describe('spreadOfQueue and shapeOfSpread: a walk’s spread over its mean, and back', () => {
  it('is the half-normal’s with no drift and a normal’s far over it (closed forms)', () => {
    // |N(0, 1)| has mean √(2/π) and variance 1 − 2/π: a spread of √(π/2 − 1) = 0.7555.
    expect(spreadOfQueue(10, 0, 2)).toBeCloseTo(Math.sqrt(Math.PI / 2 - 1), 2);
    // Far over the rate the queue is a normal about at with variance vt: z = a·q/v ≈ u², spread 1/u.
    for (const z of [100, 400]) expect(spreadOfQueue(z, 1, 1)).toBeCloseTo(1 / Math.sqrt(z), 4);
  });

  it('falls as the walk ages, and shapeOfSpread inverts it', () => {
    let last = Number.POSITIVE_INFINITY;
    for (const z of [0.05, 0.3, 1, 3, 10, 30, 60, 200]) {
      const cv = spreadOfQueue(z, 1, 1);
      expect(cv).toBeLessThan(last);
      last = cv;
      expect(shapeOfSpread(cv) / z).toBeCloseTo(1, 3);
    }
    // Wider than a walk from empty at no drift: the negative z of a drain's shape (below).
    expect(shapeOfSpread(0.9)).toBeLessThan(0);
  });

  it('agrees with a simulated walk grown from empty at ρ 1.05 on one core (4,000 walks)', () => {
    // The spread of the queue after 10 minutes of M/M/1 at λ 1.05, μ 1 (z = a·q/v read at its mean).
    const rng = createPrng(7);
    const exp = (rate: number) => -Math.log(1 - rng()) / rate;
    const queues: number[] = [];
    for (let walk = 0; walk < 4000; walk++) {
      let t = 0;
      let n = 0;
      while (true) {
        const rate = n > 0 ? 2.05 : 1.05;
        t += exp(rate);
        if (t > 600) break;
        if (n === 0 || rng() < 1.05 / 2.05) n++;
        else n--;
      }
      queues.push(n);
    }
    const mean = queues.reduce((a, b) => a + b, 0) / queues.length;
    const sd = Math.sqrt(queues.reduce((a, b) => a + (b - mean) ** 2, 0) / queues.length);
    expect(spreadOfQueue(mean, 0.05, 2.05) / (sd / mean)).toBeCloseTo(1, 1);
  });
});

describe('queueSpread wider than a walk from empty: a drain’s, towards the exponential', () => {
  it('keeps the mean, widens with the spread asked, and is the exponential’s at the most (closed form)', () => {
    let top = 0;
    for (const cv of [0.78, 0.84, 0.9]) {
      const z = shapeOfSpread(cv);
      expect(z).toBeLessThan(0);
      const m = spread(1, z, 1);
      expect(m.reduce((a, b) => a + b, 0) / SPREAD_POINTS).toBeCloseTo(1, 3);
      expect(m[SPREAD_POINTS - 1] as number).toBeGreaterThan(top);
      top = m[SPREAD_POINTS - 1] as number;
    }
    // The exponential of mean 1: its top eighth, above ln 8, has the mean ln 8 + 1 (memorylessness);
    // its bottom eighth, below q = ln(8/7), the mean 1 − q·e^(−q)/(1 − e^(−q)) = 1 − 7q. (The table's
    // twelve quantiles an eighth read the top one 0.6 % short.)
    const exp = spread(1, shapeOfSpread(1.5), 1);
    expect(Math.abs((exp[SPREAD_POINTS - 1] as number) / (Math.log(8) + 1) - 1)).toBeLessThan(0.01);
    expect(Math.abs((exp[0] as number) / (1 - 7 * Math.log(8 / 7)) - 1)).toBeLessThan(0.01);
  });
});

describe('the stored table', () => {
  it('is what computeSpreadTable computes (else: npx tsx scripts/write-spread-table.mts)', () => {
    const computed = computeSpreadTable();
    for (const key of ['zs', 'cvs', 'points', 'normalPoints', 'expPoints', 'mixture'] as const) {
      const stored = SPREAD_TABLE[key];
      expect(stored.length, key).toBe(computed[key].length);
      for (let i = 0; i < stored.length; i++) {
        const a = stored[i] as number;
        const b = computed[key][i] as number;
        expect(Math.abs(a - b), `${key}[${i}]`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
      }
    }
  });
});
