/**
 * A minute is over its SLO once, whichever way it misses: through its drops, its p95, or the messages
 * queued with it that carry its minutes (serve-pool.ts: Stretch.isCarried, OptionStats.left). Sync
 * requests and messages on one pool, the messages stuck behind a backlog: the sync part's drop
 * minutes were counted on top of the whole minutes the messages carry (a static pool read 210
 * minutes in 120, a VM fleet 1,491 in a 1,440-minute day); and a burst's segment counted the base's
 * carried part again (1,442 in 1,440). Against the per-request simulator where it is cheap.
 */
import { describe, expect, it } from 'vitest';
import type { DesignInput } from '../model/design';
import { validateDesign } from '../model/validate';
import { buildPlan } from '../plan/build-plan';
import { compareEngine } from '../simulate-requests/compare-engine';
import { makeContext, makeLoad } from '../testing/load-fixture';

const MINUTES = 120;

/** 50 ms requests on 4 cores: sync at `syncRho`, messages at `asyncRho` (over the cores left: a backlog). */
function carried(placement: 'static' | 'burst', syncRho: number, asyncRho: number, timeoutMs: number, sloMs: number) {
  const cpuMs = 50;
  const cores = 4;
  const sync = (syncRho * cores * 1000) / cpuMs;
  const messages = (asyncRho * cores * 1000) / cpuMs;
  const load = makeLoad(() => sync + messages, MINUTES, {
    cpuMs,
    durationMs: cpuMs,
    functionDurationMs: cpuMs,
    sloMs,
    timeoutMs,
    async: Float32Array.from({ length: MINUTES }, () => messages),
  });
  return compareEngine(load, placement, makeContext(MINUTES), { seed: 1, seeds: 2, cores });
}

describe('a minute carried by queued messages counts once', () => {
  it.each([
    ['static', 0.7, 0.5, 200, 250],
    ['static', 0.9, 0.3, 100, 250],
    ['static', 0.95, 0.2, 60, 1000],
    ['burst', 0.7, 0.5, 200, 250],
  ] as const)('%s: sync at ρ %s, messages at ρ %s, timeout %s ms, SLO %s ms', (placement, s, a, timeoutMs, sloMs) => {
    const { engine, requests } = carried(placement, s, a, timeoutMs, sloMs);
    // Sync requests time out behind the backlog: the drops the fix must not count a second time.
    expect(engine.droppedRequests).toBeGreaterThan(0);
    expect(engine.sloViolationMinutes).toBeLessThanOrEqual(MINUTES + 1e-6);
    expect(requests.sloViolationMinutes).toBeGreaterThan(10);
    expect(Math.abs(engine.sloViolationMinutes - requests.sloViolationMinutes)).toBeLessThan(
      Math.max(0.1 * requests.sloViolationMinutes, 3),
    );
  });
});

type C = DesignInput['components'][number];

/** A design of one day whose `slow` component serves every request slower than its SLO. */
function slowDay(components: C[], connections: DesignInput['connections'], seed: number) {
  const checked = validateDesign({
    format: 'tidemark.design',
    version: 1,
    name: 'minutes within the horizon',
    simulation: { days: 1, stepMinutes: 15, seed },
    components,
    connections,
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return { plan: buildPlan(checked.value).plan, minutes: checked.value.simulation.days * 1440 };
}

describe('no option counts more minutes than the horizon has (H40’s fuzzer, minimised)', () => {
  it('an elastic VM fleet of sync requests and a backlog of messages', () => {
    const { plan, minutes } = slowDay(
      [
        {
          id: 'c1',
          name: 'Comp 1',
          kind: 'queue',
          demand: { cpuMs: 224.214 },
          workload: { pattern: 'static', baseRps: 321.714 },
        },
        { id: 'c2', name: 'Comp 2', kind: 'data-access', demand: { cpuMs: 2316.121 } },
        {
          id: 'c3',
          name: 'Comp 3',
          kind: 'ui',
          demand: { cpuMs: 4357.705, timeoutMs: 12.187 },
          workload: { pattern: 'unpredictable', baseRps: 11.462, peakRps: 23.288 },
          latencySloMs: 6.378,
        },
      ],
      [
        { id: 'k1', from: 'c1', to: 'c2' },
        { id: 'k2', from: 'c2', to: 'c3', mode: 'async' },
      ],
      264890,
    );
    expectWithin(plan, minutes, 'c3');
  });

  it('a burst whose base carries its sync requests’ minutes behind a backlog', () => {
    const { plan, minutes } = slowDay(
      [
        {
          id: 'c0',
          name: 'Comp 0',
          kind: 'batch',
          demand: { cpuMs: 0.089 },
          workload: { pattern: 'once-in-a-lifetime', baseRps: 140.239, peakRps: 521.379 },
        },
        { id: 'c1', name: 'Comp 1', kind: 'queue', demand: { cpuMs: 0.653 } },
        {
          id: 'c2',
          name: 'Comp 2',
          kind: 'service',
          demand: { cpuMs: 3946.967 },
          workload: { pattern: 'once-in-a-lifetime', baseRps: 44.949, peakRps: 49.749 },
          latencySloMs: 116.35,
        },
      ],
      [
        { id: 'k0', from: 'c0', to: 'c1', callsPerRequest: 3.7 },
        { id: 'k1', from: 'c1', to: 'c2', mode: 'async', callsPerRequest: 0.1 },
      ],
      801475,
    );
    expectWithin(plan, minutes, 'c2');
  });
});

/** Every option at most the horizon's minutes; `slow`'s (its requests all slower than the SLO, every minute) all of them. */
function expectWithin(plan: ReturnType<typeof buildPlan>['plan'], minutes: number, slow: string) {
  for (const p of plan.placements) {
    for (const o of p.options) {
      expect(o.sloViolationMinutes, `${p.componentId} ${o.placement}`).toBeLessThanOrEqual(minutes + 1e-6);
      if (p.componentId === slow)
        expect(o.sloViolationMinutes, `${p.componentId} ${o.placement}`).toBeGreaterThan(minutes - 1);
    }
  }
}
