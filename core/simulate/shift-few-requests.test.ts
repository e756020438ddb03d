/**
 * OptionStats.shift on functions called a handful of times a day: a minute of so few requests has a
 * p95 that is one of them, and whether it misses depends on the share of them late (Part.late), not
 * on a stationary tail read off the bin's p95. A shift by d ms must count the minutes the unshifted
 * run does, plus those the delay pushes over: continuous in d, growing with it, and never more
 * minutes than the run has requests (a minute without one has no p95). H40's fuzzer found a function
 * of 31 requests a month, 1 minute over on its own, read all 1,440 minutes of the day over at 1 ms.
 */
import { describe, expect, it } from 'vitest';
import { makeContext, makeLoad } from '../testing/load-fixture';
import { simulateServerless } from './simulate-serverless';

const steps = 96;
const stepMinutes = 15;
const OFFSETS = [1e-3, 0.01, 0.1, 1, 2, 5, 10, 20];

/** A day of functions of 50 ms at `perDay` requests, against `sloMs`. */
function run(perDay: number, sloMs: number) {
  const load = makeLoad(() => perDay / 86_400, steps, { sloMs });
  const out = simulateServerless(load, makeContext(steps, stepMinutes));
  const requests = perDay;
  return { stats: out.stats, requests };
}

describe('shift of few-request minutes', () => {
  // SLO under the 250 ms cold start (those late at any limit), and over it (late ones that grow).
  for (const sloMs of [150, 400]) {
    for (const perDay of [3, 40, 300]) {
      it(`${perDay} requests a day, SLO ${sloMs} ms: continuous and growing in d, at most a minute a request`, () => {
        const { stats, requests } = run(perDay, sloMs);
        const base = stats.finish();
        expect(base.sloViolationMinutes).toBeGreaterThan(0);
        let last = base.sloViolationMinutes;
        for (const d of OFFSETS) {
          const minutes = stats.shift(base, 0, d).sloViolationMinutes;
          // No minute is over without a request in it.
          expect(minutes).toBeLessThanOrEqual(requests);
          expect(minutes).toBeGreaterThanOrEqual(last);
          last = minutes;
        }
        // Continuous at 0: a thousandth of a millisecond moves the count by a hair.
        const nearZero = stats.shift(base, 0, 1e-3).sloViolationMinutes;
        expect(Math.abs(nearZero - base.sloViolationMinutes)).toBeLessThan(0.01 * base.sloViolationMinutes + 1e-6);
        // And the delay does push minutes over where the warm requests' tail reaches the SLO.
        if (sloMs > 250) expect(stats.shift(base, 0, 20).sloViolationMinutes).toBeGreaterThan(base.sloViolationMinutes);
      });
    }
  }
});
