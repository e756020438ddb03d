import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPrng } from '../workload/prng';
import { Autoscaler, DatapointNoise, type ScalingPolicy } from './autoscaler';

const policy = (over: Partial<ScalingPolicy> = {}): ScalingPolicy => ({
  vcpu: 2,
  targetUtilization: 0.6,
  minInstances: 1,
  maxInstances: 20,
  bootSeconds: 120,
  cooldownSeconds: 300,
  evaluationSeconds: 60,
  ...over,
});

/** A scaler with a history: `busy` datapoints taken one by one from t = 60 s. */
function withHistory(p: ScalingPolicy, busy: number[]): { scaler: Autoscaler; t: number } {
  const scaler = new Autoscaler(p, 1);
  let t = 0;
  for (const b of busy) scaler.evaluate((t += p.evaluationSeconds), b);
  return { scaler, t };
}

/** A scaler's state without its reading's scratch (`read…` fields, set afresh before every reading). */
function stateOf(scaler: Autoscaler): Record<string, unknown> {
  return Object.fromEntries(Object.entries(scaler).filter(([key]) => !key.startsWith('read')));
}

/** The index (from 1) of the first of `count` datapoints of `busy` at which evaluate acts, or count. */
function firstActionByHand(scaler: Autoscaler, t: number, busy: number, count: number, every: number): number {
  for (let j = 1; j <= count; j++) {
    const before = [scaler.running, scaler.pending];
    scaler.evaluate(t + (j - 1) * every, busy);
    if (scaler.running !== before[0] || scaler.pending !== before[1]) return j;
  }
  return count;
}

describe('Autoscaler.datapointsUntilAction', () => {
  it('names the datapoint of the third high reading after a quiet spell (scale-out, 3 of 3)', () => {
    const { scaler, t } = withHistory(policy(), [0.5, 0.5]);
    // 1 instance of 2 vCPU at 60 %: 1.2 busy cores is the target; 3 is above it.
    expect(scaler.datapointsUntilAction(t + 60, 3, 10)).toBe(3);
  });

  it('acts at the first datapoint past the cooldown, not one before', () => {
    // Three high readings launch at t = 180 s; the cooldown (300 s) ends at 480 s.
    const { scaler } = withHistory(policy(), [3, 3, 3]);
    expect(scaler.pending).toBeGreaterThan(0);
    // From 240 s, every 60 s: 240, 300, 360, 420, 480 — the fifth.
    expect(scaler.datapointsUntilAction(240, 20, 10)).toBe(5);
    expect(firstActionByHand(scaler, 240, 20, 10, 60)).toBe(5);
  });

  it('waits for 15 low readings before scaling in, and never acts at the minimum', () => {
    const high = withHistory(policy({ minInstances: 1 }), [0, 9, 9, 9]);
    const { scaler, t } = high;
    scaler.bootUntil(t + 600);
    expect(scaler.running).toBeGreaterThan(1);
    // Past the cooldown, low readings: the 15th acts.
    expect(scaler.datapointsUntilAction(t + 600, 0.1, 40)).toBe(15);
    const still = withHistory(policy({ minInstances: 1 }), [0.1, 0.1]);
    expect(still.scaler.datapointsUntilAction(still.t + 60, 0.1, 40)).toBe(40);
  });

  it('agrees with evaluate, datapoint by datapoint, and changes nothing itself', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { maxLength: 30 }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 0, max: 300 }),
        (history, busy, count, cooldownSeconds, bootSeconds) => {
          const p = policy({ cooldownSeconds, bootSeconds });
          const a = withHistory(p, history);
          const b = withHistory(p, history);
          const start = a.t + 60;
          a.scaler.bootUntil(start);
          b.scaler.bootUntil(start);
          const predicted = a.scaler.datapointsUntilAction(start, busy, count);
          expect(stateOf(a.scaler)).toEqual(stateOf(b.scaler));
          expect(predicted).toBe(firstActionByHand(b.scaler, start, busy, count, 60));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('Autoscaler.takeDatapoints', () => {
  it('leaves the scaler as the same datapoints taken one by one, up to the first that acts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { maxLength: 30 }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        (history, busy, count) => {
          const p = policy();
          const a = withHistory(p, history);
          const b = withHistory(p, history);
          const start = a.t + 60;
          const periods = a.scaler.quietPeriods(start - 60, start, start - 60 + count * 60, busy);
          const next = a.scaler.takeDatapoints(start, busy, periods);
          for (let j = 0; j < periods; j++) b.scaler.evaluate(start + j * 60, busy);
          expect(stateOf(a.scaler)).toEqual(stateOf(b.scaler));
          expect(next).toBe(start + periods * 60);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('Autoscaler.countLow', () => {
  /** The largest normal a stream gives (its top quantile, met within 100,000 draws). */
  const highestNormal = (noise: DatapointNoise) => {
    let z = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < 100_000; k++) z = Math.max(z, noise.peek(k));
    return z;
  };
  const zTop = highestNormal(new DatapointNoise(3, 1, 60));

  it('counts a datapoint only when its every reading is below the target, and then as takeDatapoint does', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -4, max: 2.5, noNaN: true }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(1, 2, 4),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 1.2, noNaN: true })),
        fc.integer({ min: 0, max: 16 }),
        fc.boolean(),
        (logSeconds, fleet, vcpu, targetUtilization, busyShare, scatterShare, lows, atMinimum) => {
          const cpuSeconds = 10 ** logSeconds;
          const p = policy({ vcpu, targetUtilization, minInstances: atMinimum ? fleet : 0, maxInstances: 12 });
          const make = () => {
            const scaler = new Autoscaler(p, 0, new DatapointNoise(5, cpuSeconds, 60));
            scaler.setMinimum(0, fleet);
            scaler.bootUntil(p.bootSeconds);
            // Low datapoints in a row (readings of 0), none of which may act: no scale-in past the minimum.
            for (let j = 0; j < lows; j++) scaler.evaluate(p.bootSeconds + 60 * (j + 1), 0);
            scaler.setMinimum(p.bootSeconds, atMinimum ? fleet : null);
            return scaler;
          };
          const a = make();
          const b = make();
          expect(a.running).toBe(b.running);
          const target = targetUtilization * a.running * vcpu;
          const busy = busyShare * target;
          const scatter = scatterShare === null ? Number.NaN : scatterShare * busy;
          a.scatterCores = b.scatterCores = scatter;
          a.busyIn = b.busyIn = busy;
          const t = p.bootSeconds + 60 * (lows + 1);
          // Besides its bound (the `low…` fields, found for the fleet on the first call).
          const state = (x: Autoscaler) => ({ ...stateOf(x), lowFleet: 0, lowWindow: 0 });
          if (!a.countLow(busy * 60)) {
            expect(state(a)).toEqual(state(b));
            return;
          }
          b.takeDatapoint(t);
          expect(state(a)).toEqual(state(b));
          // Every normal the stream can give reads below the target (a reading grows with its normal).
          expect(b.readingAt(busy, zTop)).toBeLessThan(target);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('counts most datapoints half the target or less, and none near it', () => {
    // 50 ms requests on 4 instances of 2 vCPU at 60 %: 4.8 busy cores is the target.
    const scaler = new Autoscaler(policy({ minInstances: 4, maxInstances: 4 }), 4, new DatapointNoise(1, 0.05, 60));
    expect(scaler.running).toBe(4);
    expect(scaler.countLow(2.4 * 60)).toBe(true);
    expect(scaler.countLow(4.7 * 60)).toBe(false);
  });
});

describe('Autoscaler with measured datapoints (DatapointNoise)', () => {
  const noisyFleet = (p: ScalingPolicy, history: number[], cpuSeconds: number, seed: number, byCount = false) => {
    const scaler = new Autoscaler(p, 1, new DatapointNoise(seed, cpuSeconds, p.evaluationSeconds, byCount));
    let t = 0;
    for (const b of history) scaler.evaluate((t += p.evaluationSeconds), b);
    return { scaler, t };
  };

  it('merged periods leave the scaler as the same draws taken one by one, up to the first that acts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { maxLength: 30 }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0.05, max: 120, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        // A fleet that may scale in to zero (its datapoints then count requests) and one measured by
        // count throughout: the one-datapoint path of takeDatapointsIn writes the reading out by hand.
        fc.integer({ min: 0, max: 1 }),
        fc.boolean(),
        (history, busy, count, cpuSeconds, seed, minInstances, byCount) => {
          const p = policy({ minInstances });
          // Idle first, so that a fleet whose minimum is zero has scaled in to it.
          const idle = minInstances === 0 ? new Array<number>(20).fill(0) : [];
          const noisy = (s: number) => noisyFleet(p, [...idle, ...history], cpuSeconds, s, byCount);
          const a = noisy(seed);
          const b = noisy(seed);
          const start = a.t + 60;
          const periods = a.scaler.quietPeriods(start - 60, start, start - 60 + count * 60, busy);
          expect(periods).toBe(firstActionByHand(b.scaler, start, busy, count, 60));
          const c = noisy(seed);
          c.scaler.takeDatapoints(start, busy, periods);
          for (let j = 0; j < periods; j++) a.scaler.evaluate(start + j * 60, busy);
          // The same state but for the normals held ahead (a drew some to look ahead); then the same
          // readings of the same datapoints after it.
          const state = (x: Autoscaler) => ({ ...stateOf(x), noise: null });
          expect(state(c.scaler)).toEqual(state(a.scaler));
          for (let j = 0; j < 20; j++) {
            a.scaler.evaluate(start + (periods + j) * 60, busy);
            c.scaler.evaluate(start + (periods + j) * 60, busy);
          }
          expect(state(c.scaler)).toEqual(state(a.scaler));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('scales a fleet at the edge down and back up, where the mean alone holds it', () => {
    // 1.2 busy cores: exactly the target of one 2-vCPU instance at 60 %. The mean settles on one
    // instance (1.2 is not above its target) and stays; measured, about half the datapoints read
    // above it, three in a row launch a second instance, and 15 below its target stop it again.
    const p = policy();
    const still = new Autoscaler(p, 2.4);
    const flapping = new Autoscaler(p, 2.4, new DatapointNoise(7, 1.5, 60));
    let changes = 0;
    let last = flapping.running;
    for (let t = 60; t <= 86_400; t += 60) {
      still.bootUntil(t);
      flapping.bootUntil(t);
      still.evaluate(t, 1.2);
      flapping.evaluate(t, 1.2);
      if (flapping.running !== last) changes++;
      last = flapping.running;
    }
    expect(still.running).toBe(1);
    expect(still.peak).toBe(2);
    expect(changes).toBeGreaterThan(20);
  });
});

/**
 * The datapoint's scatter against requests drawn one by one: Poisson arrivals at λ, each holding a
 * core (none ever waits) for an exponential CPU time of mean s, the busy core-seconds of each period
 * of 60 s measured exactly; their variance against the one DatapointNoise assumes.
 */
describe('DatapointNoise against busy cores measured request by request', () => {
  function measuredBusy(lambda: number, s: number, periods: number, seed: number): Float64Array {
    const T = 60;
    const next = createPrng(seed);
    const area = new Float64Array(periods + Math.ceil((40 * s) / T) + 2);
    // Arrivals from well before the first period, so that the system has reached its steady state.
    for (let t = -20 * s + Math.log(1 - next()) / -lambda; t < periods * T; t += -Math.log(1 - next()) / lambda) {
      const end = t - s * Math.log(1 - next());
      for (let k = Math.max(0, Math.floor(t / T)); k * T < end && k < periods; k++) {
        const from = Math.max(t, k * T);
        const to = Math.min(end, (k + 1) * T);
        area[k] = (area[k] as number) + (to - from);
      }
    }
    return Float64Array.from(area.subarray(0, periods), (a) => a / T);
  }

  function measuredVariance(
    lambda: number,
    s: number,
    periods: number,
    seed: number,
  ): { mean: number; variance: number } {
    let sum = 0;
    let sq = 0;
    for (const b of measuredBusy(lambda, s, periods, seed)) {
      sum += b;
      sq += b * b;
    }
    const mean = sum / periods;
    return { mean, variance: (sq - periods * mean * mean) / (periods - 1) };
  }

  for (const [lambda, s] of [
    [20, 0.05],
    [2, 1.5],
    [0.5, 20],
    [0.02, 300],
  ] as const) {
    it(`λ ${lambda}/s of ${s} s: the variance within 6 % (20,000 periods)`, () => {
      const { mean, variance } = measuredVariance(lambda, s, 20_000, 11);
      const noise = new DatapointNoise(1, s, 60);
      expect(mean).toBeCloseTo(lambda * s, 1);
      expect(Math.abs(variance / (lambda * s * noise.perCoreByCpu) - 1)).toBeLessThan(0.06);
    });
  }

  // The scaler acts on the tails: a low reading scales in. The readings of long jobs are skewed; a
  // normal read the low side of 2 s jobs twice as often as requests drawn one by one do.
  for (const [lambda, s] of [
    [0.96, 2],
    [0.3, 5],
    [0.3, 1],
  ] as const) {
    it(`λ ${lambda}/s of ${s} s: the chance of a reading below and above mean ± 1.5 sd within 20 % or 0.3 points`, () => {
      const busy = measuredBusy(lambda, s, 40_000, 5);
      const noise = new DatapointNoise(1, s, 60);
      const mean = lambda * s;
      const sd = Math.sqrt(mean * noise.perCoreByCpu);
      // Read by a scaler whose fleet (50 instances of 2 vCPU) is far above every reading: none clipped.
      const fleet = policy({ minInstances: 50, maxInstances: 50 });
      const scaler = new Autoscaler(fleet, mean, noise);
      const next = createPrng(9);
      const drawn = Float64Array.from({ length: 40_000 }, () => {
        const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
        return scaler.readingAt(mean, z);
      });
      const share = (xs: Float64Array, keep: (x: number) => boolean) => xs.filter(keep).length / xs.length;
      for (const keep of [(x: number) => x < mean - 1.5 * sd, (x: number) => x > mean + 1.5 * sd]) {
        const measured = share(busy, keep);
        const read = share(drawn, keep);
        expect(Math.abs(read - measured)).toBeLessThan(Math.max(0.2 * measured, 0.003));
      }
    });
  }
});

/**
 * The target-tracking rules written plainly, one datapoint at a time, with no shortcut: the oracle
 * for the scaler, which skips the work of datapoints that cannot act.
 */
class PlainScaler {
  running: number;
  pending = 0;
  private above = 0;
  private below = 0;
  private lastActionAt = Number.NEGATIVE_INFINITY;
  private readonly boots: [number, number][] = [];

  constructor(
    private readonly p: ScalingPolicy,
    initial: number,
    private min = p.minInstances,
  ) {
    this.running = this.desired(initial);
  }

  private desired(busy: number): number {
    const want = Math.ceil(busy / (this.p.vcpu * this.p.targetUtilization) - 1e-9);
    return Math.min(this.p.maxInstances, Math.max(this.min, want));
  }

  setMinimum(t: number, min: number | null): void {
    this.min = Math.min(this.p.maxInstances, Math.max(this.p.minInstances, min ?? this.p.minInstances));
    const lacking = this.min - this.running - this.pending;
    if (lacking > 0) {
      this.boots.push([t + this.p.bootSeconds, lacking]);
      this.pending += lacking;
    }
  }

  bootUntil(t: number): void {
    while (this.boots.length > 0 && (this.boots[0] as [number, number])[0] <= t + 1e-9) {
      const [, count] = this.boots.shift() as [number, number];
      this.running += count;
      this.pending -= count;
    }
  }

  evaluate(t: number, busy: number): void {
    const cores = this.running * this.p.vcpu;
    const target = this.p.targetUtilization * cores;
    const isAbove = cores > 0 ? busy > target : busy > 0;
    this.above = isAbove ? this.above + 1 : 0;
    this.below = !isAbove && busy < target ? this.below + 1 : 0;
    if (t - this.lastActionAt < this.p.cooldownSeconds - 1e-9) return;
    const desired = this.desired(busy);
    if (this.above >= 3 && desired > this.running + this.pending) {
      this.boots.push([t + this.p.bootSeconds, desired - this.running - this.pending]);
      this.pending = desired - this.running;
      this.lastActionAt = t;
    } else if (this.below >= 15 && desired < this.running) {
      this.running = desired;
      this.lastActionAt = t;
    }
  }
}

describe('Autoscaler against the rules written plainly', () => {
  it('launches, boots and stops the same instances, datapoint by datapoint', () => {
    const reading = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 40, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(reading, fc.integer({ min: 1, max: 20 }), fc.option(fc.integer({ min: 0, max: 12 }))), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 1, max: 300 }),
        (spells, minInstances, maxInstances, cooldownSeconds, bootSeconds) => {
          const p = policy({
            minInstances: Math.min(minInstances, maxInstances),
            maxInstances,
            cooldownSeconds,
            bootSeconds,
          });
          const fast = new Autoscaler(p, 0);
          const plain = new PlainScaler(p, 0);
          let t = 0;
          for (const [busy, count, min] of spells) {
            // A scheduled minimum now and then, at a spell's start.
            if (min !== null) {
              fast.setMinimum(t, min);
              plain.setMinimum(t, min);
            }
            for (let j = 0; j < count; j++) {
              t += 60;
              fast.bootUntil(t);
              plain.bootUntil(t);
              fast.evaluate(t, busy);
              plain.evaluate(t, busy);
              expect([fast.running, fast.pending]).toEqual([plain.running, plain.pending]);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('a datapoint of a few requests, read as their count', () => {
  // 0.1 requests a second of 15 s jobs: 6 a minute on average, 1.5 cores busy, one instance of 2 vCPU.
  const noise = new DatapointNoise(1, 15, 60);
  const scaler = new Autoscaler(policy({ minInstances: 1, maxInstances: 1 }), 1.5, noise);
  it('reads zero in a minute with no request, as often as a Poisson count of 6 is zero', () => {
    // Φ(z) below e^(−6) = 0.25 %: z < −2.81.
    expect(scaler.readingAt(1.5, -3)).toBe(0);
    expect(scaler.readingAt(1.5, -2.7)).toBeGreaterThan(0);
  });
  it('never reads more cores than the instance has, as a CPU measurement cannot', () => {
    // 14 requests (z = 2.9) would be 3.5 cores of CPU; the instance has 2.
    expect(scaler.readingAt(1.5, 2.9)).toBe(2);
  });
});
