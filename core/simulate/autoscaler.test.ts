import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Autoscaler, type ScalingPolicy } from './autoscaler';

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
          expect(a.scaler).toEqual(b.scaler);
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
          expect(a.scaler).toEqual(b.scaler);
          expect(next).toBe(start + periods * 60);
        },
      ),
      { numRuns: 400 },
    );
  });
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
