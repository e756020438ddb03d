/**
 * A queue still growing when the horizon ends. What it holds then leaves after it, on the capacity
 * running at the end (serve-pool.ts, drainAtEnd; the simulator runs until every request of the horizon
 * has left), so those requests' waits and minutes count. Before, the engine's pools and the simulator
 * counted only what was served within the horizon — a consumer behind a month-long overload read a
 * few minutes late out of all of them — while the serverless model read every message's wait at its
 * arrival: the same overload read three times the wait on functions that it read on VMs.
 */
import { describe, expect, it } from 'vitest';
import { defaultEnvironments, makeContext, makeLoad } from '../testing/load-fixture';
import { compareEngine } from './compare-engine';
import { findMisses } from './oracle-expect';
import type { RequestPlacement } from './simulate-requests';

const STEPS = 240;
/** 100 messages a second in the last two hours of four, on a capacity of 80 (50 ms each). */
const rate = (i: number) => (i >= 120 ? 100 : 60);
const load = makeLoad(rate, STEPS, {
  sloMs: 60_000,
  async: Float32Array.from({ length: STEPS }, (_, i) => rate(i)),
});

function check(placement: RequestPlacement, env = defaultEnvironments(), cores?: number) {
  const ctx = makeContext(STEPS, 1, env);
  const run = compareEngine(load, placement, ctx, cores === undefined ? { seed: 2 } : { cores, seed: 2 });
  return { ...run, misses: findMisses(run.engine, run.requests, STEPS) };
}

describe('a queue of messages still growing at the end of the horizon (80 a second served, 100 arriving)', () => {
  it('on 4 static cores: every request of the horizon is counted, and the last two hours are late', () => {
    const { engine, requests, misses } = check('static', defaultEnvironments(), 4);
    // 144,000 messages still wait at the end, the last of them half an hour: all are counted.
    expect(requests.served).toBeGreaterThan(0.999 * requests.requests);
    expect(engine.served).toBeGreaterThan(0.999 * engine.requests);
    // A minute is late once its messages wait over a minute: from about 3 minutes into the overload.
    expect(requests.sloViolationMinutes).toBeGreaterThan(110);
    expect(engine.sloViolationMinutes).toBeGreaterThan(110);
    expect(misses).toEqual([]);
  });

  it('on elastic VMs held at 2 instances of 2 vCPUs: the same', () => {
    const env = defaultEnvironments();
    const capped = { ...env, vm: { ...env.vm, minInstances: 2, maxInstances: 2, vcpu: 2 } };
    const { engine, requests, misses } = check('elastic-vm', capped);
    expect(requests.served).toBeGreaterThan(0.999 * requests.requests);
    expect(requests.sloViolationMinutes).toBeGreaterThan(110);
    expect(engine.sloViolationMinutes).toBeGreaterThan(110);
    expect(misses).toEqual([]);
  });

  it('as a burst on 3 base cores, its cloud held at one instance of 1 vCPU: each pool drains its own', () => {
    const env = defaultEnvironments();
    const capped = { ...env, vm: { ...env.vm, maxInstances: 1, vcpu: 1 } };
    const { engine, requests, misses } = check('burst', capped, 3);
    expect(requests.served).toBeGreaterThan(0.999 * requests.requests);
    expect(requests.sloViolationMinutes).toBeGreaterThan(110);
    expect(engine.sloViolationMinutes).toBeGreaterThan(110);
    expect(misses).toEqual([]);
  });

  it('on functions at a concurrency limit of 4: the same as the pools, waits read at arrival', () => {
    const env = defaultEnvironments();
    const { engine, requests, misses } = check('serverless', {
      ...env,
      functions: { ...env.functions, concurrencyLimit: 4 },
    });
    expect(requests.served).toBeGreaterThan(0.999 * requests.requests);
    expect(requests.sloViolationMinutes).toBeGreaterThan(110);
    expect(misses).toEqual([]);
    // The mean by hand: a message t into the overload waits t ÷ 4 (the queue grows by 20 a second
    // and 80 a second are served), 15 minutes on average, and those messages are 5/8 of all: 9.4
    // minutes. (Counted only when served within the horizon, it read 6.9.)
    const mean = (5 / 8) * 15 * 60_000;
    for (const figures of [engine, requests]) {
      expect(figures.meanLatencyMs).toBeGreaterThan(0.95 * mean);
      expect(figures.meanLatencyMs).toBeLessThan(1.05 * mean);
    }
  });
});
