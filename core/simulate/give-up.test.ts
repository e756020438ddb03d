/**
 * A VM run that may give up (simulate-vm.ts, GiveUp): asked only whether it meets a tolerance, it
 * stops once its SLO minutes or drops so far are over it. It must answer as the whole run does: when
 * it gives up, the whole run falls short; when it does not, its figures are the whole run's. So must a
 * burst's run asked whether it stays within the share of the tolerance a burst may use (simulate-burst.ts,
 * run-placement.ts raiseBurstBase).
 */
import { describe, expect, it } from 'vitest';
import { BURST_RESERVE, fitsBurstReserve, meetsTolerance, toleranceOf } from '../recommend/assess-assignment';
import { makeContext, makeLoad } from '../testing/load-fixture';
import { giveUpBeyond } from './component-load';
import { simulateBurst } from './simulate-burst';
import { simulateVm } from './simulate-vm';

const DAY = 24 * 60;
const STEPS = 3 * DAY;

/** Loads a reactive autoscaler meets, misses on drops, or misses on SLO minutes. */
const LOADS = [
  // A step from 5 to 400 req/s for an hour each day: the fleet boots after the timeouts.
  { name: 'daily step', rps: (i: number) => (i % DAY >= 600 && i % DAY < 660 ? 400 : 5), timeoutMs: 2000, sloMs: 300 },
  // The same step late in the horizon only: nothing to give up on until then.
  { name: 'late step', rps: (i: number) => (i >= STEPS - 90 && i < STEPS - 30 ? 400 : 5), timeoutMs: 2000, sloMs: 300 },
  // A slow daily swell the autoscaler follows.
  { name: 'slow swell', rps: (i: number) => 60 + 50 * Math.sin((2 * Math.PI * i) / DAY), timeoutMs: 29000, sloMs: 400 },
  // Ramps of 20 minutes, a tight SLO: missed on SLO minutes rather than drops.
  {
    name: 'ramps, tight SLO',
    rps: (i: number) => 20 + Math.min(1, Math.max(0, ((i % DAY) - 500) / 20)) * (i % DAY < 800 ? 300 : 0),
    timeoutMs: 29000,
    sloMs: 120,
  },
];

/** The defaults' tolerance (1 % of minutes, 0.1 % of requests) and a zero one. */
const FIXED = [
  { minuteShare: 0.01, dropShare: 0.001 },
  { minuteShare: 0, dropShare: 0 },
];

describe('a VM run that gives up once over its tolerance', () => {
  const results = LOADS.flatMap((l) => {
    const load = makeLoad(l.rps, STEPS, { timeoutMs: l.timeoutMs, sloMs: l.sloMs });
    const ctx = makeContext(STEPS);
    const whole = simulateVm(load, ctx);
    const wholeFigures = whole.stats.finish();
    // And tolerances a hair either side of the whole run's own minutes and drops, where a bound too
    // low or too high would give a verdict the whole run does not.
    const minuteShare = wholeFigures.sloViolationMinutes / STEPS;
    const dropShare = wholeFigures.droppedRequests / wholeFigures.requests;
    const edges = [0.999, 1.001].flatMap((f) => [
      { minuteShare: minuteShare * f, dropShare: 1 },
      { minuteShare: 1, dropShare: dropShare * f },
    ]);
    return [...FIXED, ...edges].map((t) => {
      const env = {
        ...ctx.env,
        decision: { ...ctx.env.decision, sloMinuteShare: t.minuteShare, dropShare: t.dropShare },
      };
      const tol = toleranceOf(env, STEPS);
      const tried = simulateVm(load, ctx, giveUpBeyond(load, ctx, tol.minutes + 1e-9, tol.dropShare));
      return { c: { ...l, ...t }, tol, whole, wholeFigures, tried, triedFigures: tried.stats.finish() };
    });
  });

  it.each(results.map((r) => [`${r.c.name}, ${r.c.minuteShare} of minutes, ${r.c.dropShare} of requests`, r]))(
    '%s: the same verdict as the whole run, and its figures when it does not give up',
    (_, r) => {
      expect(meetsTolerance(r.triedFigures, r.tol)).toBe(meetsTolerance(r.wholeFigures, r.tol));
      if (r.tried.gaveUp) {
        expect(meetsTolerance(r.wholeFigures, r.tol)).toBe(false);
        // What it counted is a floor of the whole run's.
        expect(r.triedFigures.sloViolationMinutes).toBeLessThanOrEqual(r.wholeFigures.sloViolationMinutes);
        expect(r.triedFigures.droppedRequests).toBeLessThanOrEqual(r.wholeFigures.droppedRequests);
        expect(r.triedFigures.requests).toBeLessThan(r.wholeFigures.requests);
      } else {
        expect(r.triedFigures).toEqual(r.wholeFigures);
        expect(r.tried.instanceHours).toBe(r.whole.instanceHours);
      }
    },
  );

  it('gives up on most runs that fall short, and early where they fall short from the start', () => {
    // (Under the fixed tolerances: those a hair under a run's own figures are crossed near its end.)
    const fixed = results.filter((r) =>
      FIXED.some((t) => t.minuteShare === r.c.minuteShare && t.dropShare === r.c.dropShare),
    );
    const short = fixed.filter((r) => !meetsTolerance(r.wholeFigures, r.tol));
    expect(short.length).toBeGreaterThanOrEqual(4);
    expect(short.filter((r) => r.tried.gaveUp).length).toBeGreaterThanOrEqual(short.length - 1);
    // The daily step under the default tolerance falls short on its first day (a third of the horizon).
    const daily = results.find((r) => r.c.name === 'daily step' && r.c.minuteShare === 0.01);
    expect(daily?.tried.gaveUp).toBe(true);
    expect(daily?.triedFigures.requests).toBeLessThan(0.5 * (daily?.wholeFigures.requests ?? 0));
    // Never where the whole run meets the tolerance.
    expect(results.some((r) => meetsTolerance(r.wholeFigures, r.tol))).toBe(true);
  });
});

describe('a burst run that gives up once beyond its share of the tolerance', () => {
  // Bases of 1–4 cores under the loads above (asynchronous in part, for the cloud's queue): most
  // overflow, some beyond the share, some within it.
  const results = LOADS.flatMap((l) =>
    [false, true].flatMap((isAsync) => {
      const made = makeLoad(l.rps, STEPS, { timeoutMs: l.timeoutMs, sloMs: l.sloMs });
      const load = isAsync ? { ...made, async: made.total.map((v, i) => (i % 2 === 0 ? v / 2 : 0)) } : made;
      const ctx = makeContext(STEPS);
      return [1, 2, 4].flatMap((base) => {
        const whole = simulateBurst(load, ctx, base);
        const wholeFigures = whole.stats.finish();
        const minuteShare = wholeFigures.sloViolationMinutes / STEPS / BURST_RESERVE;
        const dropShare = wholeFigures.droppedRequests / wholeFigures.requests / BURST_RESERVE;
        const edges = [0.999, 1.001].flatMap((f) => [
          { minuteShare: minuteShare * f, dropShare: 1 },
          { minuteShare: 1, dropShare: dropShare * f },
        ]);
        return [...FIXED, ...edges].map((t) => {
          const env = {
            ...ctx.env,
            decision: { ...ctx.env.decision, sloMinuteShare: t.minuteShare, dropShare: t.dropShare },
          };
          const tol = toleranceOf(env, STEPS);
          const giveUp = giveUpBeyond(load, ctx, BURST_RESERVE * tol.minutes, BURST_RESERVE * tol.dropShare);
          const tried = simulateBurst(load, ctx, base, giveUp);
          return {
            c: { ...l, isAsync, base, ...t },
            tol,
            whole,
            wholeFigures,
            tried,
            triedFigures: tried.stats.finish(),
          };
        });
      });
    }),
  );

  it.each(
    results.map((r) => [
      `${r.c.name}${r.c.isAsync ? ', async' : ''}, base ${r.c.base}, ${r.c.minuteShare} of minutes, ${r.c.dropShare} of requests`,
      r,
    ]),
  )('%s: the same verdict as the whole run, and its figures when it does not give up', (_, r) => {
    expect(fitsBurstReserve(r.triedFigures, r.tol)).toBe(fitsBurstReserve(r.wholeFigures, r.tol));
    if (r.tried.gaveUp) {
      expect(fitsBurstReserve(r.wholeFigures, r.tol)).toBe(false);
      expect(r.triedFigures.sloViolationMinutes).toBeLessThanOrEqual(r.wholeFigures.sloViolationMinutes);
      expect(r.triedFigures.droppedRequests).toBeLessThanOrEqual(r.wholeFigures.droppedRequests);
      expect(r.triedFigures.requests).toBeLessThan(r.wholeFigures.requests);
    } else {
      expect(r.triedFigures).toEqual(r.wholeFigures);
      expect(r.tried.instanceHours).toBe(r.whole.instanceHours);
      expect(r.tried.cloudServed).toBe(r.whole.cloudServed);
    }
  });

  it('gives up on most runs beyond the share, and never on one within it', () => {
    const beyond = results.filter((r) => !fitsBurstReserve(r.wholeFigures, r.tol));
    expect(beyond.length).toBeGreaterThanOrEqual(10);
    expect(beyond.filter((r) => r.tried.gaveUp).length).toBeGreaterThanOrEqual(beyond.length / 2);
    expect(results.some((r) => fitsBurstReserve(r.wholeFigures, r.tol))).toBe(true);
  });
});
