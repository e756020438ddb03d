/**
 * A pool serving sync requests and messages together (sync first), steady: its SLO-violation minutes
 * against the per-request simulator's mean over four seeds. A minute's share late is both classes'
 * (minute-spread.ts, computeMixedMinuteSpread); from the class doing most of the work alone, the
 * engine read no minute over where the simulator finds one in ten (8 cores of 50 ms, ρ 0.85, 30 %
 * messages), and half as many again as it finds elsewhere (4 cores of 200 ms, ρ 0.8, half messages).
 */
import { describe, expect, it } from 'vitest';
import { makeContext, makeLoad } from '../testing/load-fixture';
import { compareEngine } from './compare-engine';
import { averageFigures, findMisses } from './oracle-expect';

const MINUTES = 240;
const SEEDS = 4;

function check(cpuMs: number, cores: number, rho: number, asyncShare: number, sloMs: number) {
  const rps = (rho * cores * 1000) / cpuMs;
  const load = makeLoad(() => rps, MINUTES, {
    cpuMs,
    durationMs: cpuMs,
    functionDurationMs: cpuMs,
    sloMs,
    async: Float32Array.from({ length: MINUTES }, () => rps * asyncShare),
  });
  const ctx = makeContext(MINUTES);
  const runs = Array.from({ length: SEEDS }, (_, k) => compareEngine(load, 'static', ctx, { seed: k + 1, cores }));
  const engine = (runs[0] as (typeof runs)[number]).engine;
  const requests = averageFigures(runs.map((r) => r.requests));
  return { engine, requests, misses: findMisses(engine, requests, MINUTES, SEEDS) };
}

describe('sync requests and messages on one pool: violation minutes of both classes together', () => {
  it.each([
    [50, 8, 0.85, 0.3, 250],
    [50, 8, 0.85, 0.2, 250],
    [200, 8, 0.85, 0.5, 1000],
    [200, 4, 0.8, 0.5, 1000],
    [200, 4, 0.8, 0.3, 1000],
  ])('%s ms on %s cores at ρ %s, %s of it messages, SLO %s ms', (cpuMs, cores, rho, asyncShare, sloMs) => {
    const { engine, requests, misses } = check(cpuMs, cores, rho, asyncShare, sloMs);
    // Minutes the simulator finds over: these are not pools that meet their SLO.
    expect(requests.sloViolationMinutes).toBeGreaterThan(10);
    expect(engine.sloViolationMinutes).toBeGreaterThan(0.5 * requests.sloViolationMinutes);
    expect(misses).toEqual([]);
  });
});
