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
