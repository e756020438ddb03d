/**
 * A caller's figures with its sync calls across the link (R8) against the per-request reference:
 * the web shop of examples/cloud-bursting.json at a tenth of its load, over two days at 5-minute
 * steps, its twelve-hour sale on the first evening. Its catalogue bursts (a base in the data centre,
 * VMs behind a traffic manager for the sale's overflow); the cart and the database stay in the data
 * centre. Each option of the web shop as the plan shows it (assessEveryOption, the engine) against
 * the same option simulated request by request at the plan's sizing, each request making its calls
 * and each call crossing as the catalogue's own per-request simulation routed that minute
 * (call-delays.ts). The old reading — the whole of every crossing call on every percentile once 5 %
 * of the catalogue's requests cross — put the median of the data-centre option at its own plus 44 ms.
 */
import { describe, expect, it } from 'vitest';
import { functionMsOf, priceDesign } from '../cost/tariff';
import { loadDesign } from '../model';
import type { Placement } from '../model/design';
import cloudBursting from '../../examples/cloud-bursting.json';
import { runToEnd, simulateDesign } from '../plan/build-plan';
import { assessEveryOption, toleranceOf } from '../recommend/assess-assignment';
import { propagateDemand } from '../simulate/propagate-demand';
import { type CalleeCalls, callDelays } from './call-delays';
import { simulateRequests } from './simulate-requests';

const SEEDS = 2;

function tenthOfTheShop() {
  const raw = structuredClone(cloudBursting);
  raw.simulation = { days: 2, stepMinutes: 5, seed: 3 };
  const web = raw.components.find((c) => c.id === 'web');
  if (!web?.workload) throw new Error('the example has no web shop');
  web.workload = { ...web.workload, baseRps: 4, peakRps: 60, peakStartHour: 18 };
  const checked = loadDesign(raw);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return priceDesign(checked.value);
}

describe("the web shop's calls across the link against the per-request reference", () => {
  const design = tenthOfTheShop();
  const { facts, horizonMinutes } = runToEnd(simulateDesign(design, 50));
  const tol = toleranceOf(design.environments, horizonMinutes);
  const demand = propagateDemand(design);
  const steps = horizonMinutes / design.simulation.stepMinutes;
  const horizon = { steps, dt: design.simulation.stepMinutes * 60, env: design.environments };
  const loadOf = (id: string) => {
    const c = design.components.find((x) => x.id === id);
    const load = demand.get(id)?.load;
    if (!c || !load) throw new Error(`no load for ${id}`);
    return { ...load, functionDurationMs: functionMsOf(c.demand, design.tariff) };
  };
  const coresOf = (id: string, placement: Placement) => {
    const usage = facts.get(id)?.runs.find((r) => r.placement === placement)?.usage;
    return usage?.placement === 'static' ? usage.cores : usage?.placement === 'burst' ? usage.baseCores : 1;
  };
  const latencyMs = design.tariff.env.link.latencyMs;

  /** The web shop's option on `placement`, request by request, averaged over SEEDS seeds of both. */
  function reference(placement: Placement) {
    const runs = Array.from({ length: SEEDS }, (_, i) => {
      const seed = 11 + i;
      const catalog = simulateRequests(loadOf('catalog'), 'burst', { ...horizon, seed }, coresOf('catalog', 'burst'));
      const shares = catalog.cloudShareByMinute;
      if (!shares) throw new Error('a burst reports its shares');
      const callees: CalleeCalls[] = [
        { callsPerRequest: 2, latencyMs, cloudShareAt: (m) => shares[m] ?? 0 },
        { callsPerRequest: 0.2, latencyMs, cloudShareAt: () => 0 },
      ];
      const callDelay = callDelays(callees, seed);
      return simulateRequests(loadOf('web'), placement, { ...horizon, seed, callDelay }, coresOf('web', placement))
        .figures;
    });
    const mean = (key: 'meanLatencyMs' | 'p50LatencyMs' | 'p95LatencyMs' | 'p99LatencyMs') =>
      runs.reduce((s, r) => s + r[key], 0) / runs.length;
    return {
      mean: mean('meanLatencyMs'),
      p50: mean('p50LatencyMs'),
      p95: mean('p95LatencyMs'),
      p99: mean('p99LatencyMs'),
    };
  }

  const assignment = new Map<string, Placement>([
    ['web', 'static'],
    ['catalog', 'burst'],
    ['cart', 'static'],
    ['shop-db', 'static'],
  ]);
  const options = assessEveryOption(design, facts, assignment, tol).get('web') ?? [];

  it('the catalogue bursts for part of the sale, so some calls cross and most do not', () => {
    const catalog = facts.get('catalog')?.runs.find((r) => r.placement === 'burst');
    expect(catalog?.cloudShare).toBeGreaterThan(0.05);
    expect(catalog?.cloudShare).toBeLessThan(0.5);
  });

  for (const placement of ['static', 'elastic-vm', 'burst'] as const) {
    it(`${placement}: mean, p50, p95 and p99 within 10 % of the requests'`, () => {
      const option = options.find((o) => o.placement === placement);
      if (!option) throw new Error(`no ${placement} option`);
      const f = option.figures;
      const r = reference(placement);
      const misses = (
        [
          ['mean', f.meanLatencyMs, r.mean],
          ['p50', f.p50LatencyMs, r.p50],
          ['p95', f.p95LatencyMs, r.p95],
          ['p99', f.p99LatencyMs, r.p99],
        ] as const
      )
        .filter(([, engine, requests]) => Math.abs(engine - requests) > 0.1 * requests)
        .map(([name, engine, requests]) => `${name}: engine ${engine.toFixed(1)}, requests ${requests.toFixed(1)}`);
      expect(misses).toEqual([]);
      // The case is the one the old reading got wrong: in the data centre the link moves the tail
      // (calls cross while the catalogue bursts) and leaves the median within one call of its own,
      // where the old reading added both calls.
      if (placement === 'static') {
        const own = option.run.figures;
        expect(r.p99).toBeGreaterThan(own.p99LatencyMs + 5);
        expect(r.p50).toBeLessThan(own.p50LatencyMs + latencyMs);
      }
    });
  }
});
