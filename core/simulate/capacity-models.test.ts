import { describe, expect, it } from 'vitest';
import type { Environments } from '../model/design';
import { validateDesign } from '../model/validate';
import { makeDesign } from '../testing/design-fixture';
import type { ComponentLoad, SimulationContext } from './component-load';
import { computeErlangC } from './erlang';
import { LatencyCurve } from './latency-curve';
import { simulateBurst } from './simulate-burst';
import { simulateServerless } from './simulate-serverless';
import { simulateStatic } from './simulate-static';
import { simulateVm } from './simulate-vm';

function defaults(): Environments {
  const d = validateDesign(makeDesign([{ id: 'a', name: 'a', kind: 'service', demand: { cpuMs: 1 } }]));
  if (!d.ok) throw new Error('fixture invalid');
  return d.value.environments;
}
const env = defaults();
const ctx = (steps: number, stepMinutes = 1, e: Environments = env): SimulationContext => ({
  steps,
  stepMinutes,
  dt: stepMinutes * 60,
  env: e,
  points: 100,
});
function load(rps: (i: number) => number, steps: number, extra: Partial<ComponentLoad> = {}): ComponentLoad {
  const total = Float32Array.from({ length: steps }, (_, i) => rps(i));
  return {
    total,
    async: null,
    cpuMs: 50,
    durationMs: 50,
    memoryMb: 512,
    sloMs: Infinity,
    peakRps: Math.max(...total),
    ...extra,
  };
}

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
    const limited = { ...env, functions: { ...env.functions, concurrencyLimit: 10 } };
    const run = simulateServerless(
      load(() => 400, 10, { durationMs: 100 }),
      ctx(10, 1, limited),
    ); // needs 40
    expect(run.stats.finish().droppedRequests).toBeCloseTo(300 * 600, -2);
  });
});

describe('burst', () => {
  it('the traffic manager reacts detectionMinutes late: later detection drops more', () => {
    const steps = 240;
    const demand = load((i) => (i >= 60 && i < 180 ? 200 : 20), steps);
    const run = (minutes: number) =>
      simulateBurst(demand, ctx(steps, 1, { ...env, trafficManager: { detectionMinutes: minutes } }), 2).stats.finish()
        .droppedRequests;
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

describe('latency curve', () => {
  it('stays within 1 % (or 0.5 ms) of M/M/c computed directly, across core counts and utilisations', () => {
    for (const c of [1, 2, 3, 8, 40, 200]) {
      const mu = 20;
      const curve = new LatencyCurve(c, mu, 50);
      for (const rho of [0.05, 0.3, 0.5, 0.8, 0.9, 0.95, 0.979]) {
        const erlangC = computeErlangC(c, rho * c);
        const slack = c * mu * (1 - rho);
        const mean = 50 + (1000 * erlangC) / slack;
        const p95 = erlangC > 0.05 ? 50 + (1000 * Math.log(20 * erlangC)) / slack : 50;
        expect(Math.abs(curve.mean(rho) - mean)).toBeLessThanOrEqual(Math.max(0.5, 0.01 * mean));
        expect(Math.abs(curve.p95 - p95)).toBeLessThanOrEqual(Math.max(0.5, 0.01 * p95));
      }
    }
  });
});
