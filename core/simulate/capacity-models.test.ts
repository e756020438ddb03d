import { describe, expect, it } from 'vitest';
import type { Environments } from '../model/design';
import { computeErlangB } from './erlang';
import { defaultEnvironments, makeContext, makeLoad } from '../testing/load-fixture';
import { simulateBurst } from './simulate-burst';
import { simulateServerless } from './simulate-serverless';
import { simulateStatic } from './simulate-static';
import { simulateVm } from './simulate-vm';

const env = defaultEnvironments();
const ctx = (steps: number, stepMinutes = 1, e: Environments = env) => makeContext(steps, stepMinutes, e);
const load = makeLoad;

describe('static', () => {
  it('drops sync requests beyond its cores and keeps async ones in a backlog that drains later', () => {
    const steps = 120;
    const burst = (i: number) => (i < 10 ? 100 : 5); // 100 rps on 2 cores of 20 rps each
    const sync = simulateStatic(load(burst, steps), ctx(steps), 2).stats.finish();
    expect(sync.droppedRequests).toBeGreaterThan(10 * 60 * 50);
    const asyncLoad = load(burst, steps);
    asyncLoad.async = asyncLoad.total;
    const queued = simulateStatic(asyncLoad, ctx(steps), 2).stats.finish();
    expect(queued.droppedRequests).toBe(0);
    expect(queued.served).toBeCloseTo(queued.requests, 0);
    expect(queued.meanLatencyMs).toBeGreaterThan(1000);
  });

  it('sizes for the peak plus 25 % headroom', () => {
    expect(
      simulateStatic(
        load(() => 40, 10),
        ctx(10),
      ).cores,
    ).toBe(3); // 40 × 0.05 × 1.25 = 2.5
  });
});

describe('elastic VM autoscaler', () => {
  const steps = 600;
  it('a sudden tenfold spike hurts: requests are dropped while instances boot and cool down', () => {
    const spike = simulateVm(
      load((i) => (i >= 300 && i < 360 ? 400 : 40), steps),
      ctx(steps),
    );
    expect(spike.stats.finish().droppedRequests).toBeGreaterThan(1000);
    expect(spike.peakInstances).toBeGreaterThan(10);
  });

  it('the same rise spread over hours is followed without a drop', () => {
    const ramp = simulateVm(
      load((i) => 40 + Math.min(360, Math.max(0, i - 100)), steps),
      ctx(steps),
    );
    expect(ramp.stats.finish().droppedRequests).toBe(0);
  });

  it('never goes below minInstances nor above maxInstances', () => {
    const capped = { ...env, vm: { ...env.vm, maxInstances: 3 } };
    const run = simulateVm(
      load(() => 1000, 60),
      ctx(60, 1, capped),
    );
    expect(run.peakInstances).toBe(3);
    expect(run.instanceHours).toBeCloseTo(3, 0);
    const idle = simulateVm(
      load(() => 0, 60),
      ctx(60),
    );
    expect(idle.instanceHours).toBeCloseTo(1, 6);
  });
});

describe('serverless', () => {
  it('a sporadic load pays cold starts after keepAliveMinutes idle; a busy one almost never', () => {
    const sporadic = simulateServerless(
      load(() => 1 / 3600, 1440),
      ctx(1440),
    );
    expect(sporadic.coldStarts / sporadic.invocations).toBeGreaterThan(0.8);
    expect(sporadic.stats.finish().meanLatencyMs).toBeGreaterThan(200);
    const busy = simulateServerless(
      load(() => 50, 1440),
      ctx(1440),
    );
    expect(busy.coldStarts / busy.invocations).toBeLessThan(0.001);
  });

  it('throttles sync requests beyond the concurrency limit', () => {
    // No cold start, so an instance is held for the duration alone (the next test adds it).
    const limited = { ...env, functions: { ...env.functions, concurrencyLimit: 10, coldStartMs: 0 } };
    const run = simulateServerless(
      load(() => 400, 10, { durationMs: 100, functionDurationMs: 100 }),
      ctx(10, 1, limited),
    ); // 40 in flight on average against a limit of 10: the Erlang loss formula, a quarter served
    const blocked = computeErlangB(10, 40);
    expect(blocked).toBeGreaterThan(0.74);
    expect(run.stats.finish().droppedRequests).toBeCloseTo(blocked * 400 * 600, -1);
  });

  it('counts a cold start’s seconds in the instances the limit allows', () => {
    // No keep-alive: every invocation starts cold and holds its instance 250 ms + 100 ms, so 40 rps
    // offer 14 instances' worth to a limit of 20. Erlang B depends on the holding time's mean alone.
    const fn = { ...env.functions, concurrencyLimit: 20, keepAliveMinutes: 0, coldStartMs: 250 };
    const run = simulateServerless(
      load(() => 40, 120, { durationMs: 100, functionDurationMs: 100 }),
      ctx(120, 1, { ...env, functions: fn }),
    );
    const blocked = computeErlangB(20, 40 * 0.35);
    expect(blocked).toBeGreaterThan(0.02);
    expect(run.stats.finish().droppedRequests).toBeCloseTo(blocked * 40 * 7200, -1);
  });
});

describe('burst', () => {
  it('the traffic manager reacts detectionMinutes late: later detection drops more', () => {
    const steps = 240;
    const demand = load((i) => (i >= 60 && i < 180 ? 200 : 20), steps);
    const run = (minutes: number) =>
      simulateBurst(
        demand,
        ctx(steps, 1, { ...env, trafficManager: { ...env.trafficManager, detectionMinutes: minutes } }),
        2,
      ).stats.finish().droppedRequests;
    const quick = run(1);
    const slow = run(20);
    expect(quick).toBeGreaterThan(0);
    expect(slow).toBeGreaterThan(quick * 2);
  });

  it('serves the overflow in the cloud and pays only for the hours it runs there', () => {
    const steps = 1440;
    const r = simulateBurst(
      load((i) => (i >= 600 && i < 720 ? 300 : 20), steps),
      ctx(steps),
      2,
    );
    expect(r.cloudServed).toBeGreaterThan(0);
    expect(r.instanceHours).toBeGreaterThan(0);
    expect(r.instanceHours).toBeLessThan(24 * 8);
  });
});
