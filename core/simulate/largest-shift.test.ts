/**
 * OptionStats.largestShift: the latency callers' links may add before a run misses its SLO budget.
 * Its bisection stops counting a shifted sum once it is over the budget; the answer must be the one a
 * bisection on shift()'s full figures gives, to the bit, and shift() at the answer must fit the budget
 * while a hundredth of a millisecond more does not. (It counts only near where the minutes cross the
 * budget, and lets the bisection read the rest from those counts: the same answer while the count
 * grows with the offset, which minute-spread.test.ts holds the chance of a minute to.)
 */
import { describe, expect, it } from 'vitest';
import { makeContext, makeLoad } from '../testing/load-fixture';
import type { OptionStats } from './option-stats';
import { simulateStatic } from './simulate-static';
import { simulateVm } from './simulate-vm';

const steps = 2 * 24 * 60;
/** A daily rise and fall between 20 and 220 requests a minute, with a few sharp hours. */
const perMinute = (m: number) =>
  120 + 100 * Math.sin((2 * Math.PI * m) / 1440) + (Math.floor(m / 60) % 7 === 3 ? 80 : 0);

/** The search as it was written on shift(): its full figures at every midpoint. */
function bisectOnShift(stats: OptionStats, sloMs: number, allowed: number): number {
  const base = stats.finish();
  if (base.sloViolationMinutes > allowed) return -1;
  const fits = (offset: number) => stats.shift(base, 0, offset).sloViolationMinutes <= allowed;
  let hi = sloMs + 1;
  if (fits(hi)) return Infinity;
  let lo = 0;
  while (hi - lo > 0.01) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

function runs(sloMs: number): OptionStats[] {
  const load = makeLoad(perMinute, steps, { sloMs });
  // 2–30 requests a second on two cores (ρ up to 0.75): minutes of up to 1,800 requests, where the
  // late count can have a floor of mean over 30 (minute-spread.ts, floorAtLeast).
  const busy = makeLoad((m) => perMinute(m) / 10, steps, { sloMs });
  const ctx = makeContext(steps, 1);
  return [
    simulateStatic(load, ctx, 3).stats,
    simulateStatic(load, ctx, 4).stats,
    simulateVm(load, ctx).stats,
    simulateStatic(busy, ctx, 2).stats,
  ];
}

describe('largestShift', () => {
  it('is the bisection on shift()’s full figures, and shift() agrees at its answer', () => {
    let finite = 0;
    for (const sloMs of [80, 150, 400]) {
      // Each run twice: the bisection below must count on its own copy, not read what largestShift kept.
      const copies = runs(sloMs);
      runs(sloMs).forEach((stats, k) => {
        const copy = copies[k] as OptionStats;
        const base = stats.finish();
        for (const allowed of [0, 1, 5, 30, 200, 2000].map((a) => a + base.sloViolationMinutes)) {
          const found = stats.largestShift(allowed);
          expect(found).toBe(bisectOnShift(copy, sloMs, allowed));
          if (Number.isFinite(found) && found > 0) {
            finite++;
            expect(stats.shift(base, 0, found).sloViolationMinutes).toBeLessThanOrEqual(allowed);
            expect(stats.shift(base, 0, found + 0.011).sloViolationMinutes).toBeGreaterThan(allowed);
          }
        }
        expect(stats.largestShift(base.sloViolationMinutes - 1)).toBe(-1);
      });
    }
    expect(finite).toBeGreaterThan(20);
  });
});
