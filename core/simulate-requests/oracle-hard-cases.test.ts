/**
 * The engine against the per-request simulator on issue 11's hard cases — a daily peak, an overload
 * (sync, and half async), a step from 10 to 500 rps — on static cores, elastic VMs and functions:
 * mean, p95, drops and SLO-violation minutes within the tolerances of oracle-expect.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ComponentLoad } from '../simulate/component-load';
import { simulateStatic } from '../simulate/simulate-static';
import { simulateVm } from '../simulate/simulate-vm';
import { defaultEnvironments, makeContext, makeLoad } from '../testing/load-fixture';
import { createPrng } from '../workload/prng';
import { compareEngine, runEngine } from './compare-engine';
import { averageFigures, findMisses } from './oracle-expect';
import type { RequestPlacement } from './simulate-requests';

function check(load: ComponentLoad, placement: RequestPlacement, cores?: number) {
  const steps = load.total.length;
  const run = compareEngine(
    load,
    placement,
    makeContext(steps),
    cores === undefined ? { seed: 3 } : { cores, seed: 3 },
  );
  return { ...run, misses: findMisses(run.engine, run.requests, steps) };
}

/**
 * The engine against the simulator's mean over seeds 1…`seeds`: where minutes sit near the SLO, one
 * seed's count of violation minutes is one draw of a wide distribution, and the engine computes its
 * expectation.
 */
function checkMean(
  load: ComponentLoad,
  placement: RequestPlacement,
  seeds: number,
  ctx = makeContext(load.total.length),
) {
  const steps = load.total.length;
  const runs = Array.from({ length: seeds }, (_, i) => compareEngine(load, placement, ctx, { seed: i + 1 }));
  const engine = (runs[0] as (typeof runs)[number]).engine;
  const requests = averageFigures(runs.map((r) => r.requests));
  return { engine, requests, misses: findMisses(engine, requests, steps, seeds) };
}

describe('a daily peak (one day, 100 ms requests, 5 → 37 rps, SLO 400 ms)', () => {
  const day = (i: number) => 5 + 32 * Math.max(0, Math.sin((Math.PI * i) / 1440)) ** 4;
  const load = makeLoad(day, 1440, { cpuMs: 100, durationMs: 100, functionDurationMs: 100, sloMs: 400 });
  for (const cores of [4, 5]) {
    it(`on ${cores} static cores`, () => {
      const { misses, requests } = check(load, 'static', cores);
      expect(requests.sloViolationMinutes).toBeGreaterThan(0);
      expect(misses).toEqual([]);
    });
  }
  it('on elastic VMs, against the mean of 8 seeds', () => {
    // Seed 3 alone finds 86 minutes, the most of 30 seeds (their mean: 59, σ 8.5): the engine's 56
    // is held to the mean. Most minutes over are while one instance carries 8–11 rps at dawn and
    // dusk, a p95 within 10 % of the SLO (minute-spread.ts).
    const { misses, requests } = checkMean(load, 'elastic-vm', 8);
    expect(requests.sloViolationMinutes).toBeGreaterThan(30);
    expect(misses).toEqual([]);
  });
  it('on functions', () => {
    expect(check(load, 'serverless').misses).toEqual([]);
  });
});

describe('an overload (4 cores of 50 ms, 60 rps with an hour at 120 rps)', () => {
  const rate = (i: number) => (i >= 60 && i < 120 ? 120 : 60);
  it('sync: the excess times out after 29 s and is dropped', () => {
    const load = makeLoad(rate, 300, { sloMs: 200 });
    const { misses, requests } = check(load, 'static', 4);
    expect(requests.droppedRequests).toBeGreaterThan(100_000);
    expect(misses).toEqual([]);
  });
  it('half async: messages wait out the backlog, the drain lasts past the peak', () => {
    const load = makeLoad(rate, 300, { sloMs: 200, async: Float32Array.from({ length: 300 }, (_, i) => rate(i) / 2) });
    const run = check(load, 'static', 4);
    expect(run.requests.p95LatencyMs).toBeGreaterThan(60_000);
    // A minute misses its SLO on all its requests together: while half of them are messages stuck
    // behind the backlog, every minute misses, whatever its sync requests do. Counting each class's
    // share of the minute apart found 238 minutes where the simulator finds 278 (seed 3).
    expect(run.misses).toEqual([]);
  });
});

describe('a step from 10 to 500 rps (50 ms requests, SLO 200 ms)', () => {
  const load = makeLoad((i) => (i < 60 ? 10 : 500), 120, { sloMs: 200 });
  it('on elastic VMs: drops while instances boot', () => {
    const { misses, requests } = check(load, 'elastic-vm');
    expect(requests.droppedRequests).toBeGreaterThan(0);
    expect(misses).toEqual([]);
  });
  it('on functions', () => {
    expect(check(load, 'serverless').misses).toEqual([]);
  });
  it('on 30 static cores', () => {
    expect(check(load, 'static', 30).misses).toEqual([]);
  });
});

describe('the step again, where a boot ends on a datapoint (boot and evaluation both 300 s)', () => {
  // The instances that finish booting at a datapoint are in the fleet it measures against: taken
  // after it, the scaler saw the old fleet over target and launched again (violation minutes 61
  // against the simulator's 101; a boot of 290 s gave 101).
  for (const bootSeconds of [290, 300]) {
    it(`boot ${bootSeconds} s: drops, latency and violation minutes as the simulator's`, () => {
      const steps = 360;
      const load = makeLoad((i) => (i < 120 ? 10 : 500), steps, { sloMs: 200 });
      const base = makeContext(steps);
      const ctx = { ...base, env: { ...base.env, vm: { ...base.env.vm, bootSeconds, evaluationSeconds: 300 } } };
      const { engine, requests } = compareEngine(load, 'elastic-vm', ctx, { seed: 3 });
      expect(requests.droppedRequests).toBeGreaterThan(0);
      expect(findMisses(engine, requests, steps)).toEqual([]);
    });
  }
});

describe('a group scaled in to zero: an idle hour, then 20 rps of 100 ms requests (minimum 0 instances)', () => {
  // Nothing arriving on no instances was taken for saturation (0 ≥ 0): 0 ÷ 0 made every figure of the
  // run NaN, served and dropped included, and the latencies read 0.
  it('drops while the first instance boots, then latency and drops as the simulator’s', () => {
    const steps = 180;
    const load = makeLoad((i) => (i < 60 ? 0 : 20), steps, { sloMs: 500 });
    const base = makeContext(steps);
    const ctx = { ...base, env: { ...base.env, vm: { ...base.env.vm, minInstances: 0 } } };
    const { engine, requests } = compareEngine(load, 'elastic-vm', ctx, { seed: 3 });
    expect(Number.isFinite(engine.served)).toBe(true);
    expect(engine.droppedRequests).toBeGreaterThan(0);
    expect(findMisses(engine, requests, steps)).toEqual([]);
  });
  it('a day of 1 s requests from 0 to 12 rps and back: every figure a number, the fleet as the simulator’s', () => {
    // Fewer than 40 requests a timeout on no instance (here 0.5 rps × 29 s) asked the M/M/c+D share of
    // no server, 0 ÷ 0: the drops were NaN, the latencies 0, and the NaN readings took the fleet to
    // 90 instances where the simulator held 5.5 (a helper's sweep, 2026-12-04).
    const steps = 360;
    const load = makeLoad((i) => 12 * Math.max(0, Math.sin((Math.PI * i) / steps)), steps, {
      cpuMs: 1000,
      durationMs: 1000,
      sloMs: 4000,
    });
    const base = makeContext(steps);
    const ctx = { ...base, env: { ...base.env, vm: { ...base.env.vm, minInstances: 0 } } };
    const { engine, requests } = checkMean(load, 'elastic-vm', 4, ctx);
    for (const v of Object.values(engine)) expect(Number.isFinite(v)).toBe(true);
    expect(Math.abs((engine.meanInstances ?? 0) / (requests.meanInstances ?? 1) - 1)).toBeLessThan(0.05);
  });
});

describe('a sporadic load on a group whose minimum is zero (5 ms requests, one day, 6 seeds)', () => {
  // With no instance the datapoints count requests, and a period with none reads zero: a Poisson
  // count, not its mean. Read as the mean, one request in 13 minutes scaled out after any three
  // periods (the simulator never does: a third of the drops), and a reading of zero never came, so
  // the last instance never stopped (21 drops of 4,320 at 3 a minute where the simulator has 793).
  // Each drop among so few requests is a minute over the target. Drops and violation minutes only:
  // the simulator's latencies are those of the few requests served (3 of 112 at 0.0013 rps).
  const zeroMinimum = (steps: number) => {
    const base = makeContext(steps);
    return { ...base, env: { ...base.env, vm: { ...base.env.vm, minInstances: 0 } } };
  };
  it.each([
    [0.0013, 12.3, 0.1],
    [0.01, 29000, 0.1],
    [0.02, 1000, 0.1],
    [0.05, 29000, 0.1],
    // Known gap: 901 drops against the simulator's 787 (its six seeds 648–891), its mean instances
    // within 3 %: the cycles of scaling out and in are right, the drops in them 14 % high.
    [0.05, 1000, 0.2],
  ])('%s rps, timeout %s ms: drops and violation minutes within %s of the simulator’s', (rps, timeoutMs, tolerance) => {
    const steps = 1440;
    const load = makeLoad(() => rps, steps, { cpuMs: 5, durationMs: 5, functionDurationMs: 5, sloMs: 100, timeoutMs });
    const { engine, requests } = checkMean(load, 'elastic-vm', 6, zeroMinimum(steps));
    for (const v of Object.values(engine)) expect(Number.isFinite(v)).toBe(true);
    expect(requests.droppedRequests).toBeGreaterThan(0);
    expect(Math.abs(engine.droppedRequests / requests.droppedRequests - 1)).toBeLessThan(tolerance);
    expect(Math.abs(engine.sloViolationMinutes - requests.sloViolationMinutes)).toBeLessThan(
      Math.max(10, tolerance * requests.sloViolationMinutes),
    );
    // Instances held within 5 %, or a fiftieth of one where the fleet is all but always at zero.
    const held = requests.meanInstances ?? 0;
    expect(Math.abs((engine.meanInstances ?? 0) - held)).toBeLessThan(Math.max(0.05 * held, 0.02));
  });
});

describe('a planned sale (the same step, known in advance: a scheduled minimum boots before it)', () => {
  const sale = [{ startSeconds: 3600, endSeconds: 7200, peakRps: 500 }];
  const load = makeLoad((i) => (i < 60 ? 10 : 500), 120, { sloMs: 200, planned: sale });
  it('on elastic VMs: nothing dropped, the instances held agree with the simulator', () => {
    const { misses, engine, requests } = check(load, 'elastic-vm');
    expect(requests.droppedRequests).toBe(0);
    expect(misses).toEqual([]);
    expect(Math.abs((engine.meanInstances ?? 0) - (requests.meanInstances ?? 0))).toBeLessThan(
      0.1 * (requests.meanInstances ?? 0),
    );
  });
});

describe('a steady load at the edge of a fleet: the scaler acts on what it measures (one day, 1.5 s jobs)', () => {
  // 0.8 rps of 1.5 s: 1.2 busy cores, the target of one 2-vCPU instance at 60 %. Each datapoint
  // scatters around 1.2 (autoscaler.ts, DatapointNoise): three high ones launch a second instance,
  // 15 low ones stop it. The mean alone held two instances all day: 2.00 against the simulator's
  // 1.54, the mean latency 22 % short of its 1,957 ms.
  for (const [label, async] of [
    ['messages', true],
    ['sync requests', false],
  ] as const) {
    it(`${label}: latency, and the instances held within 5 % (4 seeds)`, () => {
      const steps = 1440;
      const load = makeLoad(() => 0.8, steps, {
        cpuMs: 1500,
        durationMs: 1500,
        functionDurationMs: 1500,
        sloMs: 5000,
        async: async ? Float32Array.from({ length: steps }, () => 0.8) : null,
      });
      const { misses, engine, requests } = checkMean(load, 'elastic-vm', 4);
      expect(misses).toEqual([]);
      expect(requests.meanInstances ?? 0).toBeLessThan(1.8);
      expect(Math.abs((engine.meanInstances ?? 0) / (requests.meanInstances ?? 1) - 1)).toBeLessThan(0.05);
    });
  }
});

describe('functions at a steady rate (1.2 s invocations, 10-minute keep-alive)', () => {
  // Mean concurrency from 0.006 to 120: instances held are the most in flight within the keep-alive,
  // and an arrival starts cold when it finds them all busy (cold-starts.ts).
  for (const rps of [0.005, 0.1, 2, 20, 100]) {
    it(`${rps} rps: instances held within 10 % and cold starts within 15 % of the simulator`, () => {
      // A month at the slow rates, so the simulator counts hundreds of cold starts (not a few dozen).
      const steps = rps < 1 ? 43_200 : 720;
      const load = makeLoad(() => rps, steps, { cpuMs: 1200, durationMs: 1200, functionDurationMs: 1200 });
      const { engine, requests } = compareEngine(load, 'serverless', makeContext(steps), { seed: 5 });
      const held = requests.meanInstances ?? 0;
      expect(held).toBeGreaterThan(0);
      expect(Math.abs((engine.meanInstances ?? 0) - held)).toBeLessThan(0.1 * held);
      // And the share of invocations that start cold, within 15 % (a month holds the first minute's
      // ramp too: every instance alive starts cold once).
      const share = requests.coldStartShare ?? 0;
      expect(share).toBeGreaterThan(0);
      expect(Math.abs((engine.coldStartShare ?? 0) - share)).toBeLessThan(0.15 * share);
    });
  }
});

describe('functions at a noisy steady rate (100 ms invocations, ±10 % a step, 10-minute keep-alive)', () => {
  // Each step's rate scattered uniformly ±10 % (σ 5.8 %) around its mean, as a workload's noise is:
  // the levels a step's own rate would reach within a keep-alive are Poisson maxima the churn
  // already counts, and taking them as new levels read +27 % to +36 % cold starts.
  for (const [rps, stepMinutes, days] of [
    [20, 5, 2],
    [200, 5, 0.5],
    [20, 1, 2],
  ] as const) {
    it(`${rps} rps at ${stepMinutes}-minute steps, ${days * 24} hours: cold starts within 15 %, instances within 10 % (3 seeds)`, () => {
      const random = createPrng(5);
      const steps = (days * 1440) / stepMinutes;
      const rates = Array.from({ length: steps }, () => rps * (1 + 0.1 * Math.sqrt(3) * (2 * random() - 1)));
      const load = makeLoad((i) => rates[i] as number, steps, { cpuMs: 100, durationMs: 100, functionDurationMs: 100 });
      const runs = [1, 2, 3].map((seed) =>
        compareEngine(load, 'serverless', makeContext(steps, stepMinutes), { seed }),
      );
      const engine = (runs[0] as (typeof runs)[number]).engine;
      const share = runs.reduce((sum, r) => sum + (r.requests.coldStartShare ?? 0), 0) / runs.length;
      const held = runs.reduce((sum, r) => sum + (r.requests.meanInstances ?? 0), 0) / runs.length;
      expect(share).toBeGreaterThan(0);
      expect(Math.abs((engine.coldStartShare ?? 0) - share)).toBeLessThan(0.15 * share);
      expect(Math.abs((engine.meanInstances ?? 0) - held)).toBeLessThan(0.1 * held);
    });
  }
});

describe('functions at other durations and keep-alives: the cold-start share', () => {
  // Windows from 24 to 600 invocation times, mean concurrency 0.1 to 500.
  for (const [durationMs, rps] of [
    [200, 0.5],
    [200, 100],
    [5000, 0.5],
    [5000, 5],
    [5000, 100],
  ] as const) {
    it(`${durationMs} ms invocations at ${rps} rps, 2-minute keep-alive: within 15 %`, () => {
      const steps = rps < 1 ? 4320 : 720;
      const base = makeContext(steps);
      const ctx = { ...base, env: { ...base.env, functions: { ...base.env.functions, keepAliveMinutes: 2 } } };
      const load = makeLoad(() => rps, steps, { cpuMs: durationMs, durationMs, functionDurationMs: durationMs });
      const { engine, requests } = compareEngine(load, 'serverless', ctx, { seed: 2 });
      const share = requests.coldStartShare ?? 0;
      expect(share).toBeGreaterThan(0);
      expect(Math.abs((engine.coldStartShare ?? 0) - share)).toBeLessThan(0.15 * share);
    });
  }
});

describe('a minute of 60 requests: its p95 is late as often as the simulator finds (1 rps of 2 s, SLO 6.25 s)', () => {
  // Which minutes miss depends on how many requests the minute holds: with the count taken as exactly
  // 60 the chance was a sawtooth in the rate, and functions read 197 violation minutes of 720 against
  // the simulator's 265, a static pool (its curve tabulated by utilisation) 333.
  for (const placement of ['serverless', 'static'] as const) {
    it(`${placement}: violation minutes within 10 % of the mean of 8 seeds`, () => {
      const steps = 720;
      const load = makeLoad(() => 1, steps, { cpuMs: 2000, durationMs: 2000, functionDurationMs: 2000, sloMs: 6250 });
      const { engine, requests } = checkMean(load, placement, 8);
      expect(requests.sloViolationMinutes).toBeGreaterThan(100);
      expect(Math.abs(engine.sloViolationMinutes - requests.sloViolationMinutes)).toBeLessThan(
        0.1 * requests.sloViolationMinutes,
      );
    });
  }
});

describe('a few long requests a minute on static cores: the minutes late (one day, SLO a few services)', () => {
  // Minutes of 15–60 requests, where the queue makes late requests come together (a floor of late
  // requests from service alone, a clump from the queue) and whether a minute holds 19 or 24 requests
  // decides whether one late request or two make it late. With that count fixed, 4 cores of 5 s jobs
  // at ρ 0.5 read 30 violation minutes against the simulator's 57 — fewer than 5 cores' 58, so the
  // curve was not monotone in cores — and 3 cores at ρ 0.5 read 204 against 128.
  for (const [ms, cores, rho, sloServices] of [
    [5000, 4, 0.5, 5],
    [5000, 3, 0.5, 5],
    [2000, 4, 0.5, 3],
    [2000, 3, 0.5, 5],
    [1000, 2, 0.3, 5],
  ] as const) {
    it(`${cores} cores of ${ms / 1000} s at ρ ${rho}, SLO ${sloServices} services: within 10 % or 10 minutes of 4 seeds`, () => {
      const steps = 1440;
      const load = makeLoad(() => (rho * cores * 1000) / ms, steps, {
        cpuMs: ms,
        durationMs: ms,
        functionDurationMs: ms,
        sloMs: sloServices * ms,
      });
      const runs = [1, 2, 3, 4].map((seed) => compareEngine(load, 'static', makeContext(steps), { seed, cores }));
      const engine = (runs[0] as (typeof runs)[number]).engine;
      const requests = averageFigures(runs.map((r) => r.requests));
      expect(requests.sloViolationMinutes).toBeGreaterThan(20);
      expect(Math.abs(engine.sloViolationMinutes - requests.sloViolationMinutes)).toBeLessThan(
        Math.max(10, 0.1 * requests.sloViolationMinutes),
      );
    });
  }

  it('more cores never read more late minutes (5 s jobs at 0.38 rps, SLO 20 s, 3 to 16 cores)', () => {
    const steps = 1440;
    const load = makeLoad(() => 0.38, steps, {
      cpuMs: 5000,
      durationMs: 5000,
      functionDurationMs: 5000,
      sloMs: 20_000,
    });
    const minutes = [3, 4, 5, 6, 8, 16].map(
      (cores) => runEngine(load, 'static', makeContext(steps), cores).sloViolationMinutes,
    );
    for (let i = 1; i < minutes.length; i++)
      expect(minutes[i] as number).toBeLessThanOrEqual((minutes[i - 1] as number) + 1e-9);
  });
});

describe('a queue held at a short timeout just over its rate: every minute drops (static cores, four hours)', () => {
  // Held at its timeout, the queue empties now and then, and the requests that arrive then find a
  // free core and wait nothing (backlog.ts). They arrive in the same minutes as those that time out,
  // so those minutes drop as a whole: judged apart, they read 4.6 % of the minutes under the drop
  // tolerance at ρ 1.02 on 8 cores (687 of 720) and 9 % at ρ 1.05 on one, where the simulator finds
  // every minute over it.
  for (const [cores, serviceMs, rho] of [
    [8, 200, 1.02],
    [8, 200, 1.05],
    [1, 20, 1.05],
    [4, 100, 1.02],
  ] as const) {
    it(`${cores} core${cores > 1 ? 's' : ''} of ${serviceMs} ms at ρ ${rho}, timeout 3 services: every minute counted, as the simulator's`, () => {
      const steps = 240;
      const lambda = (rho * cores * 1000) / serviceMs;
      const load = makeLoad(() => lambda, steps, {
        cpuMs: serviceMs,
        durationMs: serviceMs,
        functionDurationMs: serviceMs,
        sloMs: 3 * serviceMs,
        timeoutMs: 3 * serviceMs,
      });
      const runs = [1, 2].map((seed) => compareEngine(load, 'static', makeContext(steps), { seed, cores }));
      const engine = (runs[0] as (typeof runs)[number]).engine;
      const requests = averageFigures(runs.map((r) => r.requests));
      expect(requests.sloViolationMinutes).toBeGreaterThan(0.99 * steps);
      expect(engine.sloViolationMinutes).toBeGreaterThan(0.99 * steps);
      expect(Math.abs(engine.droppedRequests - requests.droppedRequests)).toBeLessThan(0.05 * requests.droppedRequests);
    });
  }
});

describe('a queue just under its rate, its SLO far below its p95 (static cores, four hours)', () => {
  // Almost every request waits, 80 % longer than the SLO: no minute can meet it. The minute spread,
  // taken at the p95, asked a variance of the late count no count of the minute's requests can have
  // (minute-spread.ts: Bhatia–Davis), and 31 % of the minutes read under the SLO at 8 cores (557 of
  // 720 minutes in a half-day, the simulator's 720).
  for (const [cores, serviceMs] of [
    [8, 200],
    [16, 50],
  ] as const) {
    it(`${cores} cores of ${serviceMs} ms at ρ 0.98, timeout 10 services, SLO 3: violation minutes within 10 %`, () => {
      const steps = 240;
      const lambda = (0.98 * cores * 1000) / serviceMs;
      const load = makeLoad(() => lambda, steps, {
        cpuMs: serviceMs,
        durationMs: serviceMs,
        functionDurationMs: serviceMs,
        sloMs: 3 * serviceMs,
        timeoutMs: 10 * serviceMs,
      });
      const runs = [1, 2].map((seed) => compareEngine(load, 'static', makeContext(steps), { seed, cores }));
      const engine = (runs[0] as (typeof runs)[number]).engine;
      const requests = averageFigures(runs.map((r) => r.requests));
      expect(requests.sloViolationMinutes).toBeGreaterThan(0.99 * steps);
      expect(Math.abs(engine.sloViolationMinutes - requests.sloViolationMinutes)).toBeLessThan(
        0.1 * requests.sloViolationMinutes,
      );
    });
  }
});

describe('a queue that drops a few requests a minute, in bursts (static cores, a short timeout, four hours)', () => {
  // It drops only while it stands near the timeout: a minute's drop count is bunched, and most of its
  // minutes drop none. Counting every minute as dropping (the drops spread evenly) read 238 minutes
  // of 240 at 1 core and ρ 0.97 against the simulator's 69. The bursts' model (serve-pool.ts,
  // recordStationary) lands within 13 %, not the 10 %: at 1 core, 63 against 69 (ρ 0.97),
  // 182 against 206 (ρ 0.95), 120 against 107 (ρ 0.9); at 4 and 16 cores within 2 % and 11 %.
  for (const [cores, rho, timeoutMs] of [
    [1, 0.97, 5000],
    [1, 0.95, 2000],
    [1, 0.9, 2500],
    [4, 0.9, 1000],
    [16, 0.97, 800],
  ] as const) {
    it(`${cores} core${cores > 1 ? 's' : ''} at ρ ${rho}, ${timeoutMs / 1000} s timeout: drops within 15 %, violation minutes within 15 % or 10 minutes (4 seeds)`, () => {
      const steps = 240;
      const lambda = (rho * cores * 1000) / 100;
      const load = makeLoad(() => lambda, steps, { cpuMs: 100, durationMs: 100, functionDurationMs: 100, timeoutMs });
      const runs = [1, 2, 3, 4].map((seed) => compareEngine(load, 'static', makeContext(steps), { seed, cores }));
      const engine = (runs[0] as (typeof runs)[number]).engine;
      const requests = averageFigures(runs.map((r) => r.requests));
      expect(requests.droppedRequests).toBeGreaterThan(steps);
      expect(Math.abs(engine.droppedRequests - requests.droppedRequests)).toBeLessThan(0.15 * requests.droppedRequests);
      expect(requests.sloViolationMinutes).toBeLessThan(0.95 * steps);
      expect(Math.abs(engine.sloViolationMinutes - requests.sloViolationMinutes)).toBeLessThan(
        Math.max(10, 0.15 * requests.sloViolationMinutes),
      );
    });
  }
});

describe('functions when the load jumps: the herd of cold starts (50 ms invocations, 250 ms cold starts)', () => {
  // Until the first new instances are ready, each arrival beyond what the warm ones serve starts one
  // more: (50 + 250) ÷ 50 = 6× the new levels, idle after the rise until their keep-alive runs out.
  // Counting the new levels alone read −51 to −60 % cold starts and −17 to −23 % instances held.
  for (const [name, rate, steps, stepMinutes] of [
    ['500 rps from the first minute', () => 500, 60, 1],
    ['10 → 500 rps at minute 60', (i: number) => (i < 60 ? 10 : 500), 120, 1],
    ['10 → 500 rps at minute 60, 5-minute steps', (i: number) => (i < 12 ? 10 : 500), 24, 5],
  ] as const) {
    it(`${name}: cold-start share within 15 %, instances held within 10 % (4 seeds)`, () => {
      const load = makeLoad(rate, steps, { sloMs: 200 });
      const { engine, requests } = checkMean(load, 'serverless', 4, makeContext(steps, stepMinutes));
      const share = requests.coldStartShare ?? 0;
      expect(share).toBeGreaterThan(0);
      expect(Math.abs((engine.coldStartShare ?? 0) - share)).toBeLessThan(0.15 * share);
      const held = requests.meanInstances ?? 0;
      expect(Math.abs((engine.meanInstances ?? 0) - held)).toBeLessThan(0.1 * held);
    });
  }
});

describe('functions held at their limit with a short keep-alive (limit 10, 7 rps of 1 s, 6 s keep-alive)', () => {
  // 70 % of the sync requests are turned away. The cold starts follow the instances the load offered
  // (Erlang's loss system, a Poisson of 7 truncated at 10), not the load carried: taken from the
  // carried load the share came out +43 %. What is left is about −14 % (0.0082 against 0.0096).
  it('the cold-start share within 20 % and the instances held within 10 % of the simulator (4 seeds)', () => {
    const steps = 240;
    const load = makeLoad(() => 7, steps, { cpuMs: 1000, durationMs: 1000, functionDurationMs: 1000, sloMs: 3000 });
    const base = makeContext(steps);
    const ctx = {
      ...base,
      env: { ...base.env, functions: { ...base.env.functions, concurrencyLimit: 10, keepAliveMinutes: 0.1 } },
    };
    const { engine, requests } = checkMean(load, 'serverless', 4, ctx);
    const share = requests.coldStartShare ?? 0;
    expect(share).toBeGreaterThan(0);
    expect(Math.abs((engine.coldStartShare ?? 0) - share)).toBeLessThan(0.2 * share);
    const held = requests.meanInstances ?? 0;
    expect(Math.abs((engine.meanInstances ?? 0) - held)).toBeLessThan(0.1 * held);
    expect(Math.abs(engine.droppedRequests - requests.droppedRequests)).toBeLessThan(0.1 * requests.droppedRequests);
  });
});

describe('functions at coarse steps: the keep-alive against the step, and none at all', () => {
  // A keep-alive from half a step to 1.5 steps reaches into the step before (every book's default at
  // 15-minute steps); one shorter than the step lets a fallen load's instances go within the step.
  const withKeepAlive = (steps: number, stepMinutes: number, keepAliveMinutes: number) => {
    const base = makeContext(steps, stepMinutes);
    return { ...base, env: { ...base.env, functions: { ...base.env.functions, keepAliveMinutes } } };
  };
  for (const [rps, stepMinutes, keepAlive, durationMs, days] of [
    [0.002, 15, 10, 100, 90],
    [0.002, 15, 20, 2000, 90],
    [0.01, 5, 6, 100, 30],
  ] as const) {
    it(`${rps} rps at ${stepMinutes}-minute steps, ${keepAlive}-minute keep-alive: cold starts and instances within 10 %`, () => {
      const steps = (days * 1440) / stepMinutes;
      const load = makeLoad(() => rps, steps, { cpuMs: durationMs, durationMs, functionDurationMs: durationMs });
      const { engine, requests } = compareEngine(load, 'serverless', withKeepAlive(steps, stepMinutes, keepAlive), {
        seed: 4,
      });
      const share = requests.coldStartShare ?? 0;
      expect(share).toBeGreaterThan(0);
      expect(Math.abs((engine.coldStartShare ?? 0) - share)).toBeLessThan(0.1 * share);
      const held = requests.meanInstances ?? 0;
      expect(Math.abs((engine.meanInstances ?? 0) - held)).toBeLessThan(0.1 * held);
    });
  }

  it('a daily peak of 30× at hourly steps, 2-minute keep-alive: instances held within 10 %', () => {
    const steps = 24;
    const load = makeLoad((i) => (i >= 18 && i < 22 ? 600 : 20), steps, {
      cpuMs: 100,
      durationMs: 100,
      functionDurationMs: 100,
    });
    const { engine, requests } = compareEngine(load, 'serverless', withKeepAlive(steps, 60, 2), { seed: 4 });
    const held = requests.meanInstances ?? 0;
    expect(Math.abs((engine.meanInstances ?? 0) - held)).toBeLessThan(0.1 * held);
  });

  it('no keep-alive: every invocation starts cold, and instances are held while busy or starting', () => {
    const steps = 288;
    const load = makeLoad(() => 5, steps, { cpuMs: 100, durationMs: 100, functionDurationMs: 100 });
    const { engine, requests } = compareEngine(load, 'serverless', withKeepAlive(steps, 5, 0), { seed: 4 });
    expect(engine.coldStartShare).toBe(1);
    const held = requests.meanInstances ?? 0;
    expect(held).toBeGreaterThan(1);
    expect(Math.abs((engine.meanInstances ?? 0) - held)).toBeLessThan(0.1 * held);
  });
});

describe('a long backlog: the horizon’s p95 at any step size', () => {
  // A day with 10 → 500 rps for four hours, on VMs evaluated every 300 s: the queue holds requests for up to the
  // timeout, and a departure's waits span seconds. Four points of each range put the p95 a fifth off
  // the simulator's, and differently at each step size.
  const minutes = 1440;
  const perMinute = (m: number) => (m >= 120 && m < 360 ? 500 : 10);
  const env = (ctx: ReturnType<typeof makeContext>) => ({
    ...ctx,
    env: { ...ctx.env, vm: { ...ctx.env.vm, bootSeconds: 45, evaluationSeconds: 300, cooldownSeconds: 100 } },
  });
  it('within 10 % of the simulator at 1-, 5- and 15-minute steps', () => {
    const fine = makeLoad(perMinute, minutes, { sloMs: 200 });
    const { requests } = compareEngine(fine, 'elastic-vm', env(makeContext(minutes)), { seed: 3 });
    expect(requests.p95LatencyMs).toBeGreaterThan(2000);
    for (const stepMinutes of [1, 5, 15]) {
      const steps = minutes / stepMinutes;
      const load = makeLoad((i) => perMinute(i * stepMinutes), steps, { sloMs: 200 });
      const engine = simulateVm(load, env(makeContext(steps, stepMinutes))).stats.finish();
      expect(Math.abs(engine.p95LatencyMs / requests.p95LatencyMs - 1), `${stepMinutes}-minute steps`).toBeLessThan(
        0.1,
      );
    }
  });
});

describe('at ρ = 1 and either side of it (5 cores of 50 ms, ten minutes at about 100 rps)', () => {
  // At λ = cμ to the bit the fluid queue "caught up" at once and the step's requests were cut,
  // never counted; just below 1 a timeout's truncated queue made the waits 7 s where the queue had
  // grown to about one; messages at a total ρ of 1 waited nothing. Requests are all counted now, and
  // the minutes over the SLO agree.
  for (const [rate, asyncShare] of [
    [99.99, 0],
    [100, 0],
    [100, 0.5],
    [100.01, 0],
  ] as const) {
    it(`${rate} rps${asyncShare > 0 ? ', half async' : ''}: every request counted, violation minutes as the simulator’s`, () => {
      const steps = 30;
      const load = makeLoad((i) => (i >= 10 && i < 20 ? rate : 60), steps, { sloMs: 200 });
      if (asyncShare > 0) load.async = Float32Array.from(load.total, (v) => v * asyncShare);
      let arriving = 0;
      for (const v of load.total) arriving += v * 60;
      const { engine, requests } = compareEngine(load, 'static', makeContext(steps), { cores: 5, seed: 2 });
      expect(engine.requests).toBeCloseTo(arriving, 0);
      expect(Math.abs(engine.sloViolationMinutes - requests.sloViolationMinutes)).toBeLessThanOrEqual(2);
    });
  }
});

describe('a timeout of a few services just over the rate: more time out than the excess (four hours, steady)', () => {
  // The queue is held below its timeout and empties now and then, its cores idle: the share that
  // times out is the stationary M/M/c+D's (backlog.ts), not the fluid excess (ρ − 1)/ρ. The excess
  // read 23 %, 18 % and 16 % short of the simulator's drops in the first three. And those served
  // when it has emptied wait nothing: spread up to the timeout alone, the mean read 450 ms against
  // the simulator's 379, 387 and 415 on one core of 200 ms with a 0.5 s timeout, 950 against 890 on
  // four with 1.5 s. (Eight cores of 100 ms at ρ 1.01 under 1 s, and two at ρ 1.02 under 2 s: the
  // walk's drops near the rate (serve-pool.ts) once turned away more than the queue held, which then
  // emptied, walked again, and dropped 17–19 % too few, H50.)
  for (const [cores, cpuMs, rho, timeoutMs] of [
    [8, 200, 1.01, 1500],
    [8, 200, 1.03, 1500],
    [8, 100, 1.01, 1000],
    [2, 100, 1.02, 2000],
    [1, 20, 1.02, 2000],
    [1, 200, 1, 500],
    [1, 200, 1.05, 500],
    [1, 200, 1.2, 500],
    [4, 200, 1, 1500],
  ] as const) {
    it(`${cores} core${cores > 1 ? 's' : ''} of ${cpuMs} ms at ρ ${rho}, ${timeoutMs} ms timeout: drops, mean and p95 (3 seeds)`, () => {
      const steps = 240;
      const rps = (rho * cores * 1000) / cpuMs;
      const load = makeLoad(() => rps, steps, { cpuMs, durationMs: cpuMs, timeoutMs });
      const runs = Array.from({ length: 3 }, (_, i) =>
        compareEngine(load, 'static', makeContext(steps), { cores, seed: i + 1 }),
      );
      const engine = (runs[0] as (typeof runs)[number]).engine;
      const requests = averageFigures(runs.map((r) => r.requests));
      expect(requests.droppedRequests).toBeGreaterThan(1.1 * (1 - 1 / rho) * rps * steps * 60);
      // (Not the minutes over the drop tolerance: the engine counts every minute, where the
      // simulator's queue, emptying now and then, drops nothing in 14 % of them at ρ 1.01.)
      const misses = findMisses(engine, requests, steps, 3).filter((m) => !m.startsWith('violation minutes'));
      expect(misses).toEqual([]);
    });
  }
});

describe('a queue under a short timeout, its SLO at or just under it (four hours, steady, 3 seeds)', () => {
  // A served request waited less than the timeout: the late share counts only them. It counted the
  // requests that had timed out as late too (the exponential wait, untruncated), and 4 cores of
  // 500 ms at ρ 0.97 with a 5 s timeout and a 4 s SLO read 234 violation minutes of 240 against the
  // simulator's 131.5. And a queue held under its timeout forgets its state within seconds (a walk
  // between empty and the timeout, minute-spread.ts): 16 cores at the same load, SLO = timeout =
  // 2.5 s, read 123 against 84.
  for (const [cores, cpuMs, rho, timeoutMs, sloMs] of [
    [4, 500, 0.97, 5000, 4000],
    [16, 500, 0.97, 2500, 2500],
    [16, 50, 0.97, 250, 250],
  ] as const) {
    it(`${cores} cores of ${cpuMs} ms at ρ ${rho}, ${timeoutMs} ms timeout, ${sloMs} ms SLO: mean, p95, drops and violation minutes`, () => {
      const steps = 240;
      const rps = (rho * cores * 1000) / cpuMs;
      const load = makeLoad(() => rps, steps, { cpuMs, durationMs: cpuMs, timeoutMs, sloMs });
      const runs = Array.from({ length: 3 }, (_, i) =>
        compareEngine(load, 'static', makeContext(steps), { cores, seed: i + 1 }),
      );
      const engine = (runs[0] as (typeof runs)[number]).engine;
      expect(findMisses(engine, averageFigures(runs.map((r) => r.requests)), steps, 3)).toEqual([]);
    });
  }
});

describe('an hour just over ρ = 1: the queue fills to the timeout, as a real one does', () => {
  // Each stretch was asked afresh whether diffusion outgrew the excess, and at ρ 1.01–1.02 a minute
  // always said yes: the queue stopped at the ρ → 1 limit (waits of half the timeout) and its
  // minutes were read from curves tabulated below ρ = 1, which counted none. 22 violation minutes
  // against the simulator's 61 on 20 cores at ρ 1.01; 19 against 43 on one core at ρ 1.02.
  for (const [cores, cpuMs, rho] of [
    [20, 100, 1.01],
    [20, 100, 1.02],
    [1, 20, 1.05],
  ] as const) {
    it(`${cores} core${cores > 1 ? 's' : ''} of ${cpuMs} ms at ρ ${rho}: mean, p95, drops and violation minutes`, () => {
      const full = (cores * 1000) / cpuMs;
      const load = makeLoad((i) => (i >= 30 && i < 90 ? rho * full : 0.5 * full), 120, {
        sloMs: 200,
        cpuMs,
        durationMs: cpuMs,
      });
      const steps = load.total.length;
      const runs = Array.from({ length: 3 }, (_, i) =>
        compareEngine(load, 'static', makeContext(steps), { cores, seed: i + 1 }),
      );
      const engine = (runs[0] as (typeof runs)[number]).engine;
      const requests = averageFigures(runs.map((r) => r.requests));
      expect(requests.sloViolationMinutes).toBeGreaterThan(55);
      expect(findMisses(engine, requests, steps, 3)).toEqual([]);
    });
  }
  it('1 core of 20 ms at ρ 1.02: mean and violation minutes (drops start later than the simulator’s)', () => {
    // The fluid queue reaches the timeout at its mean's pace; the simulator's fluctuates there ten
    // minutes sooner, so its drops are 12 % more (2,513 against 2,212).
    const load = makeLoad((i) => (i >= 30 && i < 90 ? 51 : 25), 120, { sloMs: 200, cpuMs: 20, durationMs: 20 });
    const steps = load.total.length;
    const runs = Array.from({ length: 3 }, (_, i) =>
      compareEngine(load, 'static', makeContext(steps), { cores: 1, seed: i + 1 }),
    );
    const engine = (runs[0] as (typeof runs)[number]).engine;
    const requests = averageFigures(runs.map((r) => r.requests));
    expect(Math.abs(engine.sloViolationMinutes - requests.sloViolationMinutes)).toBeLessThanOrEqual(6);
    expect(Math.abs(engine.meanLatencyMs / requests.meanLatencyMs - 1)).toBeLessThan(0.1);
  });
  it('hourly steps hovering at ρ 1.005 on 5 cores: every request is counted', () => {
    // A cut left 10⁻⁸ of a cohort of millions at the backlog's head, "caught up" at every call: the
    // pool made no progress, its eight tries ran out, and the rest of the step was never counted
    // (8 % of the month's requests).
    const steps = 60;
    const load = makeLoad((i) => 5000 * 1.0048 * (0.97 + (0.06 * ((i * 7919) % 13)) / 13), steps, {
      cpuMs: 1,
      durationMs: 5,
      sloMs: 10,
    });
    let arriving = 0;
    for (const v of load.total) arriving += v * 3600;
    const figures = simulateStatic(load, makeContext(steps, 60), 5).stats.finish();
    expect(figures.requests / arriving).toBeCloseTo(1, 6);
    expect((figures.served + figures.droppedRequests) / arriving).toBeCloseTo(1, 4);
  });
  it('a backlog whose head nears its timeout within the clock’s resolution returns, every request counted', () => {
    // One core at 2.3× for two hourly steps, 100 ms timeout: the head's age came to 10⁻¹³ s short of
    // the patience, a step too small to move the clock, and serving never returned.
    const load = makeLoad((i) => (i === 0 ? 2307.17 : 2272.49), 2, { cpuMs: 1, durationMs: 50, timeoutMs: 100 });
    const figures = simulateStatic(load, makeContext(2, 60), 1).stats.finish();
    const arriving = (2307.17 + 2272.49) * 3600;
    expect(figures.requests / arriving).toBeCloseTo(1, 6);
    expect((figures.served + figures.droppedRequests) / arriving).toBeGreaterThan(0.999);
  });
  it('a spike after a quiet stretch starts its backlog from a queue of less than one request: counted', () => {
    // A stationary queue of 0.001 became a ghost over a microsecond, "caught up" at once and cut the
    // spike's 36 M requests, which were never counted.
    const full = 40_000;
    const load = makeLoad((i) => (i < 10 ? 0.776 * full : 3 * full), 11, {
      cpuMs: 5,
      durationMs: 5,
      timeoutMs: 60_000,
    });
    let arriving = 0;
    for (const v of load.total) arriving += v * 300;
    const figures = simulateStatic(load, makeContext(11, 5), 200).stats.finish();
    expect(figures.requests / arriving).toBeCloseTo(1, 6);
  });
  for (const rho of [1.01, 1.03]) {
    it(`six hours at ρ ${rho} on one core: waits held below the timeout as the simulator's, not pinned at it`, () => {
      // At the timeout a real queue is a walk held below it: its requests waited 25.7 s of 29 at ρ
      // 1.03 and 19.7 s at ρ 1.01, where the fluid backlog made every one wait 29 s (+13 %, +40 %).
      const load = makeLoad(() => rho * 10, 360, { cpuMs: 100, durationMs: 100, sloMs: 500 });
      const runs = Array.from({ length: 3 }, (_, i) =>
        compareEngine(load, 'static', makeContext(360), { cores: 1, seed: i + 1 }),
      );
      const engine = (runs[0] as (typeof runs)[number]).engine;
      const requests = averageFigures(runs.map((r) => r.requests));
      expect(Math.abs(engine.meanLatencyMs / requests.meanLatencyMs - 1)).toBeLessThan(0.05);
      expect(Math.abs(engine.p95LatencyMs / requests.p95LatencyMs - 1)).toBeLessThan(0.05);
      expect(findMisses(engine, requests, 360, 3)).toEqual([]);
    });
  }
});

describe('functions at their concurrency limit (50 instances of 500 ms, two hours at ρ, 40 rps around)', () => {
  // As the simulator has it: async work waits for the next instance to free and takes it first, sync
  // requests that find all 50 busy are turned away, and no more than 50 instances are ever held.
  const minutes = 240;
  const limit = 50;
  const env = defaultEnvironments();
  const ctx = makeContext(minutes, 1, { ...env, functions: { ...env.functions, concurrencyLimit: limit } });
  for (const [rho, asyncShare] of [
    [0.8, 0.5],
    [1.02, 0.5],
    [1.1, 0.5],
    [1.1, 0],
    [1.1, 1],
  ] as const) {
    it(`ρ ${rho}, ${asyncShare * 100} % async: mean, p95, drops, violation minutes, instances and cold starts`, () => {
      const rate = (i: number) => (i >= 60 && i < 180 ? (rho * limit * 1000) / 500 : 40);
      const load = makeLoad(rate, minutes, {
        cpuMs: 500,
        durationMs: 500,
        functionDurationMs: 500,
        sloMs: 1500,
        async: asyncShare > 0 ? Float32Array.from({ length: minutes }, (_, i) => rate(i) * asyncShare) : null,
      });
      const seeds = 6;
      const runs = Array.from({ length: seeds }, (_, i) => compareEngine(load, 'serverless', ctx, { seed: i + 1 }));
      const engine = (runs[0] as (typeof runs)[number]).engine;
      const requests = averageFigures(runs.map((r) => r.requests));
      expect(findMisses(engine, requests, minutes, seeds)).toEqual([]);
      const held = requests.meanInstances ?? 0;
      expect(held).toBeLessThanOrEqual(limit);
      expect(Math.abs((engine.meanInstances ?? 0) - held)).toBeLessThan(0.1 * held);
      const cold = requests.coldStartShare ?? 0;
      expect(cold).toBeGreaterThan(0);
      expect(Math.abs((engine.coldStartShare ?? 0) - cold)).toBeLessThan(0.15 * cold);
    });
  }
});

describe('functions throttled at their limit now and then (four hours, sync only): the minutes that drop', () => {
  // Sync invocations that find every instance busy are turned away in bursts, while the instances
  // stay at the limit: most minutes of a step that throttles a few requests a minute throttle none.
  // Taking each step's minutes as dropping alike read 0 minutes over the 0.1 % tolerance where
  // 0.065 % of requests were dropped (the simulator: 46 of 240), and all 240 at 0.19 % (it: 190).
  for (const [limit, rho, durationMs] of [
    [20, 0.45, 100],
    [20, 0.5, 100],
    [50, 0.65, 100],
    [10, 0.3, 1000],
  ] as const) {
    it(`limit ${limit}, offered ${rho * 100} % of it, ${durationMs} ms: drops within 10 %, violation minutes within 10 % or 10 (4 seeds)`, () => {
      const steps = 240;
      const env = defaultEnvironments();
      const ctx = makeContext(steps, 1, { ...env, functions: { ...env.functions, concurrencyLimit: limit } });
      const rps = (rho * limit * 1000) / durationMs;
      const load = makeLoad(() => rps, steps, { cpuMs: durationMs, durationMs, functionDurationMs: durationMs });
      const { engine, requests } = checkMean(load, 'serverless', 4, ctx);
      expect(requests.droppedRequests).toBeGreaterThan(20);
      expect(Math.abs(engine.droppedRequests - requests.droppedRequests)).toBeLessThan(0.1 * requests.droppedRequests);
      expect(requests.sloViolationMinutes).toBeGreaterThan(10);
      expect(requests.sloViolationMinutes).toBeLessThan(0.95 * steps);
      expect(Math.abs(engine.sloViolationMinutes - requests.sloViolationMinutes)).toBeLessThan(
        Math.max(10, 0.1 * requests.sloViolationMinutes),
      );
    });
  }
});

describe('functions under a small concurrency limit, below half of it (1-second invocations, four hours)', () => {
  // Erlang B is not small at half of a small limit: the engine throttles there too.
  const minutes = 240;
  const env = defaultEnvironments();
  for (const [limit, rps, asyncShare] of [
    [1, 0.45, 0],
    [1, 0.45, 0.5],
    [5, 2.4, 0],
    [5, 2.4, 0.5],
  ] as const) {
    it(`limit ${limit} at ${rps} rps, ${asyncShare * 100} % async: mean, p95, drops and violation minutes`, () => {
      const ctx = makeContext(minutes, 1, { ...env, functions: { ...env.functions, concurrencyLimit: limit } });
      const load = makeLoad(() => rps, minutes, {
        cpuMs: 1000,
        durationMs: 1000,
        functionDurationMs: 1000,
        sloMs: 3000,
        async: asyncShare > 0 ? Float32Array.from({ length: minutes }, () => rps * asyncShare) : null,
      });
      const seeds = 6;
      const runs = Array.from({ length: seeds }, (_, i) => compareEngine(load, 'serverless', ctx, { seed: i + 1 }));
      const engine = (runs[0] as (typeof runs)[number]).engine;
      const requests = averageFigures(runs.map((r) => r.requests));
      expect(requests.droppedRequests).toBeGreaterThan(0.01 * requests.requests * (1 - asyncShare));
      expect(findMisses(engine, requests, minutes, seeds)).toEqual([]);
    });
  }

  it('a function called once in a long while holds next to no instance, whatever its limit', () => {
    const minutes = 1440;
    // Mean concurrency 10⁻¹⁰ under a limit of 29: the limit's truncation once overflowed here.
    const ctx = makeContext(minutes, 1, { ...env, functions: { ...env.functions, concurrencyLimit: 29 } });
    const load = makeLoad(() => 1e-9, minutes, { cpuMs: 100, durationMs: 100, functionDurationMs: 100 });
    const run = compareEngine(load, 'serverless', ctx, { seed: 1 });
    expect(run.engine.meanInstances ?? NaN).toBeLessThan(1e-3);
    expect(run.engine.coldStartShare ?? NaN).toBeGreaterThan(0.99);
  });
});

describe('async work at and near the rate of a concurrency limit (20 instances of 500 ms = 40 rps, three hours)', () => {
  // The async queue is random: just under the rate it takes hours to reach its stationary length,
  // and at the rate it grows as a reflected random walk (√t), where a fluid backlog stays empty.
  const minutes = 180;
  const limit = 20;
  const cap = (limit * 1000) / 500;
  const env = defaultEnvironments();
  const ctx = makeContext(minutes, 1, { ...env, functions: { ...env.functions, concurrencyLimit: limit } });
  const compare = (k: number, asyncShare: number, afterBacklog: boolean) => {
    // "after": a quarter of an hour at 1.1× the rate first (from minute 30), then back to k×.
    const rate = (i: number) => ((afterBacklog && i >= 30 && i < 45 ? 1.1 : k) * cap) / asyncShare;
    const load = makeLoad(rate, minutes, {
      cpuMs: 500,
      durationMs: 500,
      functionDurationMs: 500,
      sloMs: 1500,
      async: Float32Array.from({ length: minutes }, (_, i) => rate(i) * asyncShare),
    });
    const seeds = 6;
    const runs = Array.from({ length: seeds }, (_, i) => compareEngine(load, 'serverless', ctx, { seed: i + 1 }));
    return { engine: (runs[0] as (typeof runs)[number]).engine, requests: averageFigures(runs.map((r) => r.requests)) };
  };
  for (const [k, asyncShare, afterBacklog] of [
    [1.005, 1, false],
    [1.005, 1, true],
    [0.98, 1, true],
    [0.995, 0.5, true],
  ] as const) {
    it(`${k}× the rate, ${asyncShare * 100} % async${afterBacklog ? ', after a backlog' : ''}: mean, p95, drops and violation minutes`, () => {
      const { engine, requests } = compare(k, asyncShare, afterBacklog);
      expect(findMisses(engine, requests, minutes, 6)).toEqual([]);
    });
  }
  for (const [k, asyncShare] of [
    [1, 1],
    [1, 0.5],
    [0.995, 1],
    [0.995, 0.5],
  ] as const) {
    // A random walk's time average varies widely between seeds here (the six seeds' own spread is
    // about as wide), so the mean is held to 15 %; the p95 is the known miss (an exponential wait's
    // tail, where the walk's is lighter: up to +90 % at the rate).
    it(`${k}× the rate from the start, ${asyncShare * 100} % async: the mean wait within 15 %`, () => {
      const { engine, requests } = compare(k, asyncShare, false);
      expect(requests.meanLatencyMs).toBeGreaterThan(2 * 500);
      expect(Math.abs(engine.meanLatencyMs / requests.meanLatencyMs - 1)).toBeLessThan(0.15);
    });
  }
});
