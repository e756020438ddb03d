/**
 * The engine's fingerprint (generator.ts) against what the engine plans now. Stored plans are keyed
 * by ENGINE_VERSION, which carries the fingerprint: an engine that plans differently under the same
 * fingerprint would serve plans it no longer makes. When this fails after a deliberate change to the
 * engine, set ENGINE_FINGERPRINT to the value it names.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLayeredDesign } from '../../bench/lib/canvas-design';
import { EXAMPLE_DESIGNS } from '../examples';
import { designArb } from '../testing/design-arbitrary';
import {
  burstThenQuietDesign,
  drainingQueueDesign,
  longLinkDesign,
  offPeakSpikeDesign,
  shortBurstsDesign,
  slowEverywhereDesign,
} from '../testing/design-fixture';
import { ENGINE_FINGERPRINT, ENGINE_VERSION, GENERATOR } from './generator';
import { planDesign } from './plan-design';

describe('the engine version stored plans are keyed by', () => {
  it('is the generator’s version and the fingerprint of what the engine plans now', () => {
    const examples = EXAMPLE_DESIGNS.map((e) => e.design);
    // The examples again with functions at a low concurrency limit, so that the throttling model
    // (sync turned away, async waiting, instances held at the limit) is in the fingerprint too.
    const limited = examples.map((d) => ({
      ...d,
      environments: { ...d.environments, functions: { concurrencyLimit: 4 } },
    }));
    // The examples over a 30 ms link: the cloud-bursting cart's cloud side then pays more than the
    // slack every request could (a burst's side budgets, build-joint-problem.ts).
    const slowLink = examples.map((d) => ({ ...d, environments: { ...d.environments, link: { latencyMs: 30 } } }));
    // A pool held just over its rate with a timeout of a few services (the M/M/c+D share that times
    // out, backlog.ts), which neither the examples nor the generated designs reach.
    const overloaded = {
      format: 'tidemark.design',
      version: 1,
      name: 'Short timeout',
      components: [
        {
          id: 'quote',
          name: 'Quote engine',
          kind: 'service',
          workload: { pattern: 'periodic', baseRps: 10, peakRps: 41, periodHours: 12, peakHours: 2, peakStartHour: 6 },
          demand: { cpuMs: 200, memoryMb: 1024, timeoutMs: 1500 },
          latencySloMs: 1000,
          pin: { placement: 'static', cores: 8 },
        },
      ],
      connections: [],
      simulation: { days: 2, stepMinutes: 5, seed: 2 },
    } as unknown as (typeof examples)[number];
    // A consumer whose queue grows to the horizon's end, where what it still holds leaves after it
    // (serve-pool.ts, drainAtEnd).
    const growing = {
      format: 'tidemark.design',
      version: 1,
      name: 'Growing queue',
      components: [
        {
          id: 'feed',
          name: 'Feed',
          kind: 'service',
          // A measured trace, replayed without its fitted pattern's noise (generate-workload.ts).
          workload: { pattern: 'static', baseRps: 12, noise: 0.3, trace: { stepMinutes: 5, rps: [11, 12, 13] } },
          demand: { cpuMs: 5 },
          pin: { placement: 'static', cores: 1 },
        },
        {
          id: 'drain',
          name: 'Drain',
          kind: 'processing',
          demand: { cpuMs: 200 },
          latencySloMs: 60000,
          pin: { placement: 'static', cores: 2 },
        },
        // The same queue with no latency target: its reasons say how long it waits (explain-choice.ts).
        { id: 'pdf', name: 'PDFs', kind: 'processing', demand: { cpuMs: 200 }, pin: { placement: 'static', cores: 2 } },
      ],
      connections: [
        { id: 'c', from: 'feed', to: 'drain', mode: 'async', callsPerRequest: 1, payloadKb: 1 },
        { id: 'd', from: 'feed', to: 'pdf', mode: 'async', callsPerRequest: 1, payloadKb: 1 },
      ],
      simulation: { days: 2, stepMinutes: 5, seed: 2 },
    } as unknown as (typeof examples)[number];
    // Sync requests and messages on one pool near its SLO (minute-spread.ts, computeMixedMinuteSpread).
    const mixed = {
      format: 'tidemark.design',
      version: 1,
      name: 'Both classes',
      components: [
        { id: 'web', name: 'Web', kind: 'ui', workload: { pattern: 'static', baseRps: 95 }, demand: { cpuMs: 5 } },
        {
          id: 'feed',
          name: 'Feed',
          kind: 'service',
          workload: { pattern: 'static', baseRps: 41 },
          demand: { cpuMs: 5 },
        },
        {
          id: 'svc',
          name: 'Pricing',
          kind: 'service',
          demand: { cpuMs: 50 },
          latencySloMs: 250,
          pin: { placement: 'static', cores: 8 },
        },
        // And one whose service time alone misses its SLO in too many minutes (sizeForSlo).
        {
          id: 'report',
          name: 'Report',
          kind: 'service',
          workload: { pattern: 'static', baseRps: 1 },
          demand: { cpuMs: 2000 },
          latencySloMs: 8000,
        },
      ],
      connections: [
        { id: 'c1', from: 'web', to: 'svc', mode: 'sync', callsPerRequest: 1, payloadKb: 2 },
        { id: 'c2', from: 'feed', to: 'svc', mode: 'async', callsPerRequest: 1, payloadKb: 2 },
      ],
      simulation: { days: 1, stepMinutes: 5, seed: 1 },
    } as unknown as (typeof examples)[number];
    // A layered design whose joint problem has a piece of 48 open components: more than the search
    // takes on when HiGHS is there (solve-jointly.ts, SEARCH_PIECE_LIMIT), so its way is in too. Two
    // days keep that piece (as 30 do) at a twelfth of the time.
    const layered = { ...generateLayeredDesign(70, 112, 1), simulation: { seed: 1, days: 2 } };
    // A burst callee on a 100 ms link whose calls cross for fewer than 5 % of its caller's requests in
    // every step: the joint choice budgets them by the minutes they add (build-joint-problem.ts).
    const fewCrossing = {
      format: 'tidemark.design',
      version: 1,
      name: 'Few calls across',
      components: [
        {
          id: 'p',
          name: 'Shop',
          kind: 'ui',
          demand: { cpuMs: 20, memoryMb: 512 },
          latencySloMs: 80,
          workload: {
            pattern: 'periodic',
            baseRps: 20,
            peakRps: 104,
            periodHours: 24,
            peakHours: 6,
            peakStartHour: 10,
            noise: 0.05,
          },
        },
        {
          id: 'k',
          name: 'Stock',
          kind: 'service',
          demand: { cpuMs: 7.6, memoryMb: 512 },
          pin: { placement: 'burst', cores: 1 },
        },
      ],
      environments: { link: { latencyMs: 100 } },
      connections: [{ id: 'p-k', from: 'p', to: 'k', mode: 'sync', callsPerRequest: 1, payloadKb: 4 }],
      simulation: { days: 2, stepMinutes: 5, seed: 5 },
    } as unknown as (typeof examples)[number];
    // Sync requests and messages on one pool whose messages back up behind the sync work, on a static
    // pool and a burst's base: the messages carry the sync requests' minutes, and the sync part's drops
    // (a 200 ms timeout) must not count them again (option-stats.ts, commit).
    const carried = {
      format: 'tidemark.design',
      version: 1,
      name: 'Carried minutes',
      components: [
        { id: 'web', name: 'Web', kind: 'ui', workload: { pattern: 'static', baseRps: 56 }, demand: { cpuMs: 5 } },
        {
          id: 'feed',
          name: 'Feed',
          kind: 'service',
          workload: { pattern: 'static', baseRps: 40 },
          demand: { cpuMs: 5 },
        },
        {
          id: 'svc',
          name: 'Pricing',
          kind: 'service',
          demand: { cpuMs: 50, timeoutMs: 200 },
          latencySloMs: 250,
          pin: { placement: 'static', cores: 4 },
        },
        {
          id: 'ship',
          name: 'Shipping',
          kind: 'service',
          demand: { cpuMs: 50, timeoutMs: 200 },
          latencySloMs: 250,
          pin: { placement: 'burst', cores: 4 },
        },
      ],
      connections: [
        { id: 'c1', from: 'web', to: 'svc', mode: 'sync', callsPerRequest: 1, payloadKb: 2 },
        { id: 'c2', from: 'feed', to: 'svc', mode: 'async', callsPerRequest: 1, payloadKb: 2 },
        { id: 'c3', from: 'web', to: 'ship', mode: 'sync', callsPerRequest: 1, payloadKb: 2 },
        { id: 'c4', from: 'feed', to: 'ship', mode: 'async', callsPerRequest: 1, payloadKb: 2 },
      ],
      simulation: { days: 1, stepMinutes: 5, seed: 1 },
    } as unknown as (typeof examples)[number];
    // A function called about once a day behind a 1 ms link, its cold start and service far past its
    // SLO: its own minutes are the minutes that hold a request, and the link's shift must keep them so
    // (OptionStats.keyChance carries the parts' late share; H40's fuzzer read all 1,440 over).
    const rareFunction = {
      format: 'tidemark.design',
      version: 1,
      name: 'Rare function',
      simulation: { days: 1, stepMinutes: 15, seed: 373836 },
      components: [
        {
          id: 'c0',
          name: 'Comp 0',
          kind: 'processing',
          demand: { cpuMs: 0.522 },
          workload: { pattern: 'unpredictable', baseRps: 0.01, peakRps: 0.05 },
        },
        { id: 'c2', name: 'Comp 2', kind: 'data-access', demand: { cpuMs: 1829.47 }, latencySloMs: 91.554 },
        { id: 'c4', name: 'Comp 4', kind: 'database', demand: { cpuMs: 1.329 } },
      ],
      connections: [
        { id: 'k0', from: 'c0', to: 'c2', callsPerRequest: 0.001 },
        { id: 'k4', from: 'c2', to: 'c4' },
      ],
      environments: { link: { latencyMs: 1 } },
    } as unknown as (typeof examples)[number];
    // A service that misses its target every minute wherever it runs: the best single environment is
    // the one short by least, not the cheapest (sum-totals.ts).
    const shortEverywhere = slowEverywhereDesign({ days: 1, stepMinutes: 5, seed: 1 });
    // An hour a day just over the rate as one hourly step, on a core of 1 s with a 100 s timeout: the
    // walk's mean would pass the timeout's queue within it, and is held below it (serve-pool.ts,
    // reflectedRateOf's growBelowCeiling); the backlog's waits spread as its walk (wait-spread.ts).
    const hourly = {
      format: 'tidemark.design',
      version: 1,
      name: 'Hourly trace',
      components: [
        {
          id: 'render',
          name: 'Renderer',
          kind: 'service',
          workload: {
            pattern: 'static',
            baseRps: 0.6,
            trace: { stepMinutes: 60, rps: [1.02, ...Array.from({ length: 23 }, () => 0.6)] },
          },
          demand: { cpuMs: 1000, timeoutMs: 100_000 },
          latencySloMs: 60_000,
          pin: { placement: 'static', cores: 1 },
        },
      ],
      connections: [],
      simulation: { days: 3, stepMinutes: 60, seed: 1 },
    } as unknown as (typeof examples)[number];
    const designs = [
      ...examples,
      ...limited,
      ...slowLink,
      overloaded,
      growing,
      mixed,
      layered,
      // A caller whose burst callee routes only in its fifteen-minute peak: its SLO minutes are those
      // routed minutes (call-delay-parts.ts routedMinutes), which no design above reaches.
      shortBurstsDesign(),
      // Routed minutes read at the caller's own minutes at their load (a spike outside its busy hours)
      // and on a long link where fewer than 5 % of requests cross: neither design above moves with them.
      offPeakSpikeDesign(),
      longLinkDesign(),
      fewCrossing,
      // A queue draining on VMs where Erlang C reads 0 (serve-pool.ts: the walk's mean alone).
      drainingQueueDesign(),
      // Bursts that leave elastic VMs a backlog, drained at low load: the minute it drains in counts
      // whole (OptionStats.followLate).
      burstThenQuietDesign(),
      carried,
      rareFunction,
      shortEverywhere,
      hourly,
      ...fc.sample(designArb, { numRuns: 6, seed: 20261202 }),
    ];
    const hash = createHash('sha256');
    for (const design of designs) {
      const planned = planDesign(design);
      if (!planned.ok) throw new Error(`a fingerprint design is invalid: ${JSON.stringify(planned.problems)}`);
      hash.update(JSON.stringify(planned.value.plan));
    }
    const fingerprint = hash.digest('hex').slice(0, 8);
    expect(
      ENGINE_FINGERPRINT,
      `the engine plans differently: set ENGINE_FINGERPRINT in core/plan/generator.ts to '${fingerprint}'`,
    ).toBe(fingerprint);
    expect(ENGINE_VERSION).toBe(`${GENERATOR.version}+${fingerprint}`);
  });
});
