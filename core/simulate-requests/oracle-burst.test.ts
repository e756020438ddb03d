/**
 * The engine's burst (simulate-burst.ts) against the per-request simulator's
 * (simulate-burst-requests.ts, written from the rules alone): a base of 4 cores in the data centre
 * (full at 64 rps of 50 ms requests, its headroom kept) and elastic VMs for the overflow behind a
 * traffic manager that notices it after 10 minutes. Mean, p95, drops and violation minutes within
 * issue 11's tolerances (oracle-expect.ts), against the mean of three seeds, over one day at
 * 1-minute steps: a sustained step, a daily peak (sync, and half async), short spikes, a planned
 * peak, a short timeout, long requests, and a base of one core that queues messages (an hour, and
 * three overflows).
 */
import { describe, expect, it } from 'vitest';
import type { ComponentLoad } from '../simulate/component-load';
import { makeContext, makeLoad } from '../testing/load-fixture';
import { compareEngine } from './compare-engine';
import { averageFigures, findMisses } from './oracle-expect';

const MINUTES = 1440;
const SEEDS = 3;

function check(load: ComponentLoad, baseCores: number) {
  const ctx = makeContext(MINUTES);
  const runs = Array.from({ length: SEEDS }, (_, i) =>
    compareEngine(load, 'burst', ctx, { seed: i + 1, cores: baseCores }),
  );
  const engine = (runs[0] as (typeof runs)[number]).engine;
  const requests = averageFigures(runs.map((r) => r.requests));
  return { engine, requests, misses: findMisses(engine, requests, MINUTES, SEEDS) };
}

const dailyPeak = (i: number) => 40 + 360 * Math.exp(-(((i - 720) / 90) ** 2));
const twoHours = (rps: number) => (i: number) => (i >= 600 && i < 720 ? rps : 40);

describe('a burst against the per-request simulator (one day, 4 base cores of 50 ms)', () => {
  it('two hours at 400 rps: the base drops until the cloud takes the overflow', () => {
    const { engine, requests, misses } = check(makeLoad(twoHours(400), MINUTES, { sloMs: 200 }), 4);
    expect(requests.droppedRequests).toBeGreaterThan(100_000);
    expect(requests.cloudServed).toBeGreaterThan(1_000_000);
    expect(misses).toEqual([]);
    // Most of the overflow goes to the cloud on both sides (within 10 %).
    expect(Math.abs((engine.cloudServed ?? 0) / (requests.cloudServed ?? 1) - 1)).toBeLessThan(0.1);
  });

  it('a daily peak to 400 rps, sync only and half async', () => {
    for (const asyncShare of [0, 0.5]) {
      const load = makeLoad(dailyPeak, MINUTES, {
        sloMs: 200,
        async: asyncShare > 0 ? Float32Array.from({ length: MINUTES }, (_, i) => asyncShare * dailyPeak(i)) : null,
      });
      const { requests, misses } = check(load, 4);
      expect(requests.sloViolationMinutes).toBeGreaterThan(50);
      expect(misses).toEqual([]);
    }
    // Six days of requests one by one (two loads, three seeds): 20 s on a quiet CI machine
    // (2026-12-06), more while other suites run.
  }, 90_000);

  it('three spikes of 20 minutes: the base drops until detection and boot bring the cloud in', () => {
    const spikes = (i: number) => ([300, 700, 1100].some((s) => i >= s && i < s + 20) ? 500 : 30);
    const { engine, requests, misses } = check(makeLoad(spikes, MINUTES, { sloMs: 300 }), 4);
    expect(requests.droppedRequests).toBeGreaterThan(500_000);
    expect(misses).toEqual([]);
    // The cloud group counts the requests routed to it from the moment the manager routes them, so
    // both sides boot it in the same minute: the cloud's share within 2 % (the simulator's counted the
    // minute before routing too, and served 17 % more in the cloud, a minute of each spike).
    expect(Math.abs((engine.cloudServed ?? 0) / (requests.cloudServed ?? 1) - 1)).toBeLessThan(0.02);
  });

  it('the same two hours planned: routed and booted ahead, no minute over', () => {
    const load = makeLoad(twoHours(400), MINUTES, {
      sloMs: 200,
      planned: [{ startSeconds: 600 * 60, endSeconds: 720 * 60, peakRps: 400 }],
    });
    const { engine, requests, misses } = check(load, 4);
    expect(requests.droppedRequests).toBe(0);
    expect(engine.sloViolationMinutes).toBeLessThan(5);
    expect(misses).toEqual([]);
  });

  it('a 1 s timeout: the base times out what it cannot serve until the cloud takes it', () => {
    const { requests, misses } = check(makeLoad(twoHours(300), MINUTES, { sloMs: 200, timeoutMs: 1000 }), 4);
    expect(requests.droppedRequests).toBeGreaterThan(100_000);
    expect(misses).toEqual([]);
  });

  it('an hour of messages at 100 rps on one base core of 800 ms: the cloud takes its backlog', () => {
    // The hybrid-serverless example's image resizer in small: the base queues ten minutes of messages
    // before the manager routes, and the cloud group scales on that queue's length. Read at the
    // datapoint where routing starts, it boots the cloud a minute before a reading averaged over the
    // period would (the engine's mean was 13 % high on this case, the example's 14 %).
    const hour = (i: number) => (i >= 400 && i < 460 ? 100 : 0.5);
    const load = makeLoad(hour, MINUTES, {
      sloMs: 10_000,
      cpuMs: 800,
      durationMs: 1200,
      async: Float32Array.from({ length: MINUTES }, (_, i) => hour(i)),
    });
    const { engine, requests, misses } = check(load, 1);
    expect(requests.meanLatencyMs).toBeGreaterThan(60_000);
    expect(misses).toEqual([]);
    expect(Math.abs((engine.cloudServed ?? 0) / (requests.cloudServed ?? 1) - 1)).toBeLessThan(0.02);
    expect(Math.abs((engine.meanInstances ?? 0) / (requests.meanInstances ?? 1) - 1)).toBeLessThan(0.1);
  });

  it('three overflows of messages on one base core: a minute misses until the cloud runs', () => {
    // The minutes of each overflow are those queued at the base before the cloud group runs (detection,
    // three datapoints, boot); after that the cloud takes every new message and the base's queue with
    // what is left of its share, its own first. (Handed the base's queue in bulk at each stretch's
    // start, ahead of its own, the cloud's own messages waited up to 13 s behind it: 69 minutes over
    // against the simulator's 51.)
    const three = (i: number) =>
      i >= 300 && i < 345 ? 90 : i >= 800 && i < 830 ? 120 : i >= 1100 && i < 1200 ? 70 : 0.5;
    const load = makeLoad(three, MINUTES, {
      sloMs: 10_000,
      cpuMs: 800,
      durationMs: 1200,
      async: Float32Array.from({ length: MINUTES }, (_, i) => three(i)),
    });
    const { requests, misses } = check(load, 1);
    expect(requests.sloViolationMinutes).toBeGreaterThan(30);
    expect(misses).toEqual([]);
  });

  it('a daily peak of 500 ms requests on 8 base cores, SLO 2 s', () => {
    const day = (i: number) => 4 + 36 * Math.exp(-(((i - 720) / 120) ** 2));
    const load = makeLoad(day, MINUTES, { sloMs: 2000, cpuMs: 500, durationMs: 500, timeoutMs: 10_000 });
    const { requests, misses } = check(load, 8);
    expect(requests.sloViolationMinutes).toBeGreaterThan(5);
    expect(misses).toEqual([]);
  });
});
