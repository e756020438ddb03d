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
import { type PricedDesign, functionMsOf, priceDesign } from '../cost/tariff';
import { loadDesign } from '../model';
import type { Placement } from '../model/design';
import cloudBursting from '../../examples/cloud-bursting.json';
import { runToEnd, simulateDesign } from '../plan/build-plan';
import { longLinkDesign, offPeakSpikeDesign, quietMinutesDesign, shortBurstsDesign } from '../testing/design-fixture';
import { assessEveryOption, toleranceOf } from '../recommend/assess-assignment';
import type { OptionFigures } from '../simulate/option-stats';
import { propagateDemand } from '../simulate/propagate-demand';
import { type CalleeCalls, callDelays } from './call-delays';
import type { RequestFigures } from './request-record';
import { simulateRequests } from './simulate-requests';

const SEEDS = 2;

/** A design's runs as the plan makes them, and what the per-request reference needs of them. */
function setUp(design: PricedDesign) {
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
  /**
   * `caller` on `placement` request by request over SEEDS seeds from `firstSeed`, its sync calls to
   * `callees` crossing the link: to a burst callee (`burst: true`) as its own per-request simulation
   * routed that minute, else never (a callee in the data centre, whose calls cross from the cloud only).
   */
  const requestsOf = (
    caller: string,
    placement: Placement,
    callees: readonly { id: string; calls: number; burst: boolean }[],
    firstSeed: number,
  ): RequestFigures[] =>
    Array.from({ length: SEEDS }, (_, i) => {
      const seed = firstSeed + i;
      const calls: CalleeCalls[] = callees.map(({ id, calls: callsPerRequest, burst }) => {
        if (!burst) return { callsPerRequest, latencyMs, cloudShareAt: () => 0 };
        const shares = simulateRequests(
          loadOf(id),
          'burst',
          { ...horizon, seed },
          coresOf(id, 'burst'),
        ).cloudShareByMinute;
        if (!shares) throw new Error('a burst reports its shares');
        return { callsPerRequest, latencyMs, cloudShareAt: (m: number) => shares[m] ?? 0 };
      });
      const callDelay = callDelays(calls, seed);
      return simulateRequests(loadOf(caller), placement, { ...horizon, seed, callDelay }, coresOf(caller, placement))
        .figures;
    });
  return { facts, tol, requestsOf, latencyMs };
}

interface Reference {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
}

/** The seeds' runs averaged. */
function averaged(runs: readonly RequestFigures[]): Reference {
  const mean = (key: 'meanLatencyMs' | 'p50LatencyMs' | 'p95LatencyMs' | 'p99LatencyMs') =>
    runs.reduce((s, r) => s + r[key], 0) / runs.length;
  return {
    mean: mean('meanLatencyMs'),
    p50: mean('p50LatencyMs'),
    p95: mean('p95LatencyMs'),
    p99: mean('p99LatencyMs'),
  };
}

/** The engine's figures more than 10 % from the requests', named with both. */
function missesOf(f: OptionFigures, r: Reference): string[] {
  return (
    [
      ['mean', f.meanLatencyMs, r.mean],
      ['p50', f.p50LatencyMs, r.p50],
      ['p95', f.p95LatencyMs, r.p95],
      ['p99', f.p99LatencyMs, r.p99],
    ] as const
  )
    .filter(([, engine, requests]) => Math.abs(engine - requests) > 0.1 * requests)
    .map(([name, engine, requests]) => `${name}: engine ${engine.toFixed(1)}, requests ${requests.toFixed(1)}`);
}

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
  const { facts, tol, requestsOf, latencyMs } = setUp(design);

  /** The web shop's option on `placement`, request by request, averaged over SEEDS seeds of both. */
  const reference = (placement: Placement) =>
    averaged(
      requestsOf(
        'web',
        placement,
        [
          { id: 'catalog', calls: 2, burst: true },
          { id: 'cart', calls: 0.2, burst: false },
        ],
        11,
      ),
    );

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
      const r = reference(placement);
      expect(missesOf(option.figures, r)).toEqual([]);
      // The case is the one the old reading got wrong: in the data centre the link moves the tail
      // (calls cross while the catalogue bursts) and leaves the median within one call of its own,
      // where the old reading added both calls.
      if (placement === 'static') {
        const own = option.run.figures;
        expect(r.p99).toBeGreaterThan(own.p99LatencyMs + 5);
        expect(r.p50).toBeLessThan(own.p50LatencyMs + latencyMs);
      }
    }, 90_000);
  }
});

/**
 * A caller whose calls are not whole: 0.3 a request to one burst callee and 2.5 to another, both
 * bursting in the caller's peak (two days at 5-minute steps, a four-hour peak each noon; both callees
 * pinned to a base of one core). Each request makes the whole part of its calls and one more with the
 * fraction's chance; the engine reads this per connection (call-delay-parts.ts crossingCalls) and the
 * two callees' crossings as independent, where request by request they cross in the same busy minutes.
 * H35 measured the same shape over 7 days with `npm run simulate` (f static: p95 98.2 against 103.6,
 * p99 139.5 against 147.3; elastic-vm within 0.2 %).
 */
describe('fractional calls to two burst callees against the per-request reference', () => {
  const raw = {
    format: 'tidemark.design',
    version: 1,
    name: 'fractional calls',
    simulation: { days: 2, stepMinutes: 5, seed: 5 },
    components: [
      {
        id: 'f',
        name: 'f',
        kind: 'ui',
        demand: { cpuMs: 20, memoryMb: 512 },
        latencySloMs: 400,
        workload: { pattern: 'periodic', baseRps: 2, peakRps: 25, periodHours: 24, peakHours: 4, peakStartHour: 12 },
      },
      {
        id: 'b',
        name: 'b',
        kind: 'service',
        demand: { cpuMs: 150, memoryMb: 512 },
        pin: { placement: 'burst', cores: 1 },
      },
      {
        id: 'c',
        name: 'c',
        kind: 'service',
        demand: { cpuMs: 25, memoryMb: 512 },
        pin: { placement: 'burst', cores: 1 },
      },
    ],
    connections: [
      { id: 'f-b', from: 'f', to: 'b', mode: 'sync', callsPerRequest: 0.3, payloadKb: 4 },
      { id: 'f-c', from: 'f', to: 'c', mode: 'sync', callsPerRequest: 2.5, payloadKb: 4 },
    ],
  };
  const checked = loadDesign(raw);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  const design = priceDesign(checked.value);
  const { facts, tol, requestsOf, latencyMs } = setUp(design);
  const options =
    assessEveryOption(
      design,
      facts,
      new Map<string, Placement>([
        ['f', 'static'],
        ['b', 'burst'],
        ['c', 'burst'],
      ]),
      tol,
    ).get('f') ?? [];

  const reference = (placement: Placement) =>
    averaged(
      requestsOf(
        'f',
        placement,
        [
          { id: 'b', calls: 0.3, burst: true },
          { id: 'c', calls: 2.5, burst: true },
        ],
        21,
      ),
    );

  it('both callees burst for part of the peak', () => {
    for (const id of ['b', 'c']) {
      const share = facts.get(id)?.runs.find((r) => r.placement === 'burst')?.cloudShare ?? 0;
      expect(share).toBeGreaterThan(0.05);
      expect(share).toBeLessThan(0.6);
    }
  });

  for (const placement of ['static', 'elastic-vm'] as const) {
    it(`${placement}: mean, p50, p95 and p99 within 10 % of the requests'`, () => {
      const option = options.find((o) => o.placement === placement);
      if (!option) throw new Error(`no ${placement} option`);
      const r = reference(placement);
      expect(missesOf(option.figures, r)).toEqual([]);
      // The fractions count: 2.8 calls a request on average. From the cloud most calls cross (the
      // callees' bases answer most of them: H35 read 2.1 calls' delay), from the data centre only
      // those of the busy minutes.
      const delay = r.mean - option.run.figures.meanLatencyMs;
      if (placement === 'elastic-vm') expect(delay).toBeGreaterThan(1.5 * latencyMs);
      else expect(delay).toBeLessThan(1.4 * latencyMs);
    }, 90_000);
  }
});

/**
 * A burst callee with two callers of different shapes (H35's review): x busy through the day, y for
 * one evening hour in which the callee bursts. Weighted by the callee's own requests, y's steps read
 * x's day too: y in the data centre read p50 −25 % and p95 −11 % against its requests, x +21 % on p50.
 * Weighted by each caller's own requests hour by hour, both within 10 %.
 */
describe('a burst callee with two callers of different shapes against the per-request reference', () => {
  const periodic = (baseRps: number, peakRps: number, peakHours: number, peakStartHour: number) => ({
    pattern: 'periodic',
    baseRps,
    peakRps,
    periodHours: 24,
    peakHours,
    peakStartHour,
    noise: 0.1,
  });
  const raw = {
    format: 'tidemark.design',
    version: 1,
    name: 'two callers',
    simulation: { days: 2, stepMinutes: 5, seed: 5 },
    components: [
      { id: 'x', name: 'x', kind: 'ui', demand: { cpuMs: 20 }, workload: periodic(10, 40, 8, 6), latencySloMs: 400 },
      { id: 'y', name: 'y', kind: 'ui', demand: { cpuMs: 20 }, workload: periodic(5, 150, 1, 18), latencySloMs: 400 },
      { id: 'c', name: 'c', kind: 'service', demand: { cpuMs: 5 }, pin: { placement: 'burst', cores: 1 } },
    ],
    connections: [
      { id: 'x-c', from: 'x', to: 'c', mode: 'sync', callsPerRequest: 2, payloadKb: 4 },
      { id: 'y-c', from: 'y', to: 'c', mode: 'sync', callsPerRequest: 2, payloadKb: 4 },
    ],
  };
  const checked = loadDesign(raw);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  const design = priceDesign(checked.value);
  const { facts, tol, requestsOf } = setUp(design);
  const assignment = new Map<string, Placement>([
    ['x', 'static'],
    ['y', 'static'],
    ['c', 'burst'],
  ]);
  const every = assessEveryOption(design, facts, assignment, tol);

  const reference = (caller: 'x' | 'y') =>
    averaged(requestsOf(caller, 'static', [{ id: 'c', calls: 2, burst: true }], 31));

  for (const caller of ['x', 'y'] as const) {
    it(`${caller} in the data centre: mean, p50, p95 and p99 within 10 % of the requests'`, () => {
      const option = every.get(caller)?.find((o) => o.placement === 'static');
      if (!option) throw new Error(`no static option of ${caller}`);
      expect(missesOf(option.figures, reference(caller))).toEqual([]);
    }, 90_000);
  }
});

/**
 * SLO minutes where a burst callee routes a small share of its month, all of it in the caller's busy
 * minutes (H35's `slo3`): a caller with a fifteen-minute noon peak makes four sync calls a request to
 * a callee pinned to a base of one core, which sends ~3 % of its requests to the cloud, every one of
 * them in that peak. Request by request, every minute it routes misses the caller's 80 ms SLO (four
 * calls of 20 ms on a p95 of 60); the month's share (under 5 %) read none of them.
 */
describe("SLO minutes in a callee's bursts against the per-request reference", () => {
  const raw = shortBurstsDesign();
  const checked = loadDesign(raw);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  const design = priceDesign(checked.value);
  const { facts, tol, requestsOf } = setUp(design);
  const every = assessEveryOption(
    design,
    facts,
    new Map<string, Placement>([
      ['p', 'static'],
      ['k', 'burst'],
    ]),
    tol,
  );

  /** p on `placement` request by request, its calls crossing as k's requests were routed: SLO minutes, seeds averaged. */
  /** p on `placement` request by request, its calls crossing as k's requests were routed: SLO minutes, seeds averaged. */
  const referenceMinutes = (placement: Placement) =>
    requestsOf('p', placement, [{ id: 'k', calls: 4, burst: true }], 41).reduce(
      (m, r) => m + r.sloViolationMinutes,
      0,
    ) / SEEDS;

  it('k routes under 5 % of its requests, and p misses no minute on its own', () => {
    const k = facts.get('k')?.runs.find((r) => r.placement === 'burst');
    expect(k?.cloudShare).toBeGreaterThan(0);
    expect(k?.cloudShare).toBeLessThan(0.05);
    expect(facts.get('p')?.runs.find((r) => r.placement === 'static')?.figures.sloViolationMinutes).toBeLessThan(1);
  });

  for (const placement of ['static', 'burst'] as const) {
    it(`${placement}: the minutes k routes are counted, and whether p meets its SLO is the requests'`, () => {
      const option = every.get('p')?.find((o) => o.placement === placement);
      if (!option) throw new Error(`no ${placement} option of p`);
      const r = referenceMinutes(placement);
      expect(r).toBeGreaterThan(tol.minutes);
      expect(option.figures.sloViolationMinutes).toBeGreaterThan(0.8 * r);
      expect(option.figures.sloViolationMinutes).toBeLessThan(1.25 * r);
      expect(option.meets).toBe(false);
    }, 90_000);
  }
});

/**
 * A routed step's minutes read at the caller's own load there, and whatever share of its requests
 * cross (H37's review). `quietMinutesDesign`: the shop's worst minutes are its nights' few requests
 * a minute, and its callee bursts in its noon hour, where even the calls' delay leaves its p95 well
 * under the SLO; ranked by the hour's load, the routed minutes were taken as the first to miss (25
 * minutes read, 10 request by request, 2026-12-06). `longLinkDesign`: a 100 ms link, the callee
 * routing a few per cent of the calls through much of the shop's day; cut at 5 % of the requests,
 * those steps were not read (175 minutes, 260 request by request).
 */
describe("SLO minutes at the caller's load in a callee's bursts against the per-request reference", () => {
  for (const [name, raw, band] of [
    ['a peak of fifteen minutes in a quiet hour', offPeakSpikeDesign(), [0.8, 1.25]],
    ['its quiet minutes are its worst', quietMinutesDesign(), [0.6, 1.5]],
    ['a long link, a few per cent of the calls across', longLinkDesign(), [0.8, 1.25]],
  ] as const) {
    it(`${name}: the static option's minutes are the requests'`, () => {
      const checked = loadDesign(raw);
      if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
      const design = priceDesign(checked.value);
      const { facts, tol, requestsOf } = setUp(design);
      const every = assessEveryOption(
        design,
        facts,
        new Map<string, Placement>([
          ['u', 'static'],
          ['p', 'static'],
          ['k', 'burst'],
        ]),
        tol,
      );
      const option = every.get('p')?.find((o) => o.placement === 'static');
      if (!option) throw new Error('no static option of p');
      const calls = raw.connections?.find((c) => c.to === 'k')?.callsPerRequest ?? 0;
      const r =
        requestsOf('p', 'static', [{ id: 'k', calls, burst: true }], 41).reduce(
          (m, x) => m + x.sloViolationMinutes,
          0,
        ) / SEEDS;
      expect(r).toBeGreaterThan(tol.minutes);
      expect(option.figures.sloViolationMinutes).toBeGreaterThan(band[0] * r);
      expect(option.figures.sloViolationMinutes).toBeLessThan(band[1] * r);
      expect(option.meets).toBe(false);
    }, 90_000);
  }
});
