/**
 * A short overload that leaves a backlog, then low load (ρ 0.2) while it drains: the engine against
 * the per-request simulator (mean over seeds), within oracle-expect.ts's tolerances.
 *
 * The minute the backlog drains in is over the SLO whole: its first seconds' requests wait out what
 * is left of the backlog, more than 5 % of the minute's. The backlog's requests count the minutes
 * of their own arrival in proportion (backlog.ts, OptionStats.left), so that minute read as the share
 * of it they arrived in: 0.6 of a minute on 4 cores of 50 ms after a minute at ρ 1.5 (the engine 77
 * minutes in a day of 48 such bursts, the simulator 96.0 over three seeds). OptionStats.followLate
 * makes such minutes whole: now 96.1 (messages: 78 → 96.1, the simulator 96.0).
 *
 * The draining queue's mean wait (serve-pool.ts: a queue above its stationary length, reach ÷ λ)
 * is not biased by the low load: reach ÷ λ is the area under the queue over the stretch shared among
 * its arrivals, and the area includes the older requests' remaining waits, which the stretch that
 * left them did not count (Little's law over both stretches). Each arrival behind a draining queue
 * waits about the queue ÷ cμ, so the split between the two stretches is off by cμ ÷ λ, but not the
 * horizon's mean; the case below on four cores of 500 ms holds it.
 */
import { describe, expect, it } from 'vitest';
import type { ComponentLoad } from '../simulate/component-load';
import { makeContext, makeLoad } from '../testing/load-fixture';
import { compareEngine } from './compare-engine';
import { findMisses } from './oracle-expect';
import type { RequestPlacement } from './simulate-requests';

const DAY = 1440;
const SEEDS = 3;

function check(load: ComponentLoad, placement: RequestPlacement, cores?: number) {
  const ctx = makeContext(load.total.length);
  const run = compareEngine(load, placement, ctx, cores === undefined ? { seeds: SEEDS } : { cores, seeds: SEEDS });
  return { ...run, misses: findMisses(run.engine, run.requests, load.total.length, SEEDS) };
}

/** `peak` for `length` minutes every `period`, else `low` (rps). */
function bursts(peak: number, low: number, length: number, period: number) {
  return (i: number) => (i % period < length ? peak : low);
}

describe('a backlog draining at low load', () => {
  // 4 cores of 50 ms (80 rps): a minute at 120 rps every half hour, else 16 (ρ 0.2); SLO 200 ms.
  const rate = bursts(120, 16, 1, 30);
  for (const share of [0, 1]) {
    it(`on static cores, ${share ? 'messages' : 'sync requests'}: the minute it drains in counts whole`, () => {
      const async = share > 0 ? Float32Array.from({ length: DAY }, (_, i) => rate(i) * share) : null;
      const { engine, requests, misses } = check(makeLoad(rate, DAY, { sloMs: 200, async }), 'static', 4);
      // Two minutes a burst: its own and the drain's (48 bursts).
      expect(requests.sloViolationMinutes).toBeGreaterThan(90);
      expect(Math.abs(engine.sloViolationMinutes - requests.sloViolationMinutes)).toBeLessThan(
        0.05 * requests.sloViolationMinutes,
      );
      expect(misses).toEqual([]);
    });
  }

  it('on elastic VMs: two minutes of 150 rps every 3 hours over a base of 10 (100 ms, SLO 400 ms)', () => {
    const load = makeLoad(bursts(150, 10, 2, 180), 2 * DAY, { cpuMs: 100, durationMs: 100, sloMs: 400 });
    const { requests, misses } = check(load, 'elastic-vm');
    expect(requests.droppedRequests).toBeGreaterThan(100_000);
    expect(misses).toEqual([]);
  });

  it('a queue near saturation draining at ρ 0.2 (4 cores of 500 ms): the mean held by Little', () => {
    // A minute at ρ 0.98 every 6 minutes: the queue it grows drains in the next at ρ 0.2 through the
    // walk of a draining queue (relaxation.ts followQueue), not a backlog.
    const load = makeLoad(bursts(7.84, 1.6, 1, 6), DAY, { cpuMs: 500, durationMs: 500, sloMs: 2000 });
    const { engine, requests } = check(load, 'static', 4);
    expect(Math.abs(engine.meanLatencyMs - requests.meanLatencyMs)).toBeLessThan(0.1 * requests.meanLatencyMs);
  });
});
