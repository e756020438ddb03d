/**
 * Small designs for tests: a component or two with sensible defaults, validated (defaults filled in)
 * and planned. Not used by the engine itself.
 */
import type { Design, DesignInput } from '../model/design';
import type { Plan } from '../model/plan';
import { validateDesign } from '../model/validate';
import { buildPlan } from '../plan/build-plan';

type ComponentInput = DesignInput['components'][number];

/** A service whose load is random: unpredictable spikes and noise, so a new seed changes it. */
export const SPIKY_SERVICE: ComponentInput = {
  id: 'spiky',
  name: 'Spiky',
  kind: 'service',
  workload: { pattern: 'unpredictable', baseRps: 2, peakRps: 80, spikesPerWeek: 3, noise: 0.2 },
  demand: { cpuMs: 30 },
  latencySloMs: 400,
};

/**
 * H35's `slo3` over two days: Shop (p; SLO 80 ms, its own p95 ~60 ms, a fifteen-minute noon peak)
 * makes four sync calls a request to Stock (k), a one-core base that sends ~3 % of its month to the
 * cloud, all in that peak. `shop`: Shop's pin, if any.
 */
export function shortBurstsDesign(shop?: ComponentInput['pin']): DesignInput {
  return makeDesign(
    [
      {
        id: 'p',
        name: 'Shop',
        kind: 'ui',
        demand: { cpuMs: 20, memoryMb: 512 },
        latencySloMs: 80,
        ...(shop ? { pin: shop } : {}),
        workload: {
          pattern: 'periodic',
          baseRps: 20,
          peakRps: 100,
          periodHours: 24,
          peakHours: 0.25,
          peakStartHour: 12,
          noise: 0.05,
        },
      },
      {
        id: 'k',
        name: 'Stock',
        kind: 'service',
        demand: { cpuMs: 5, memoryMb: 512 },
        pin: { placement: 'burst', cores: 1 },
      },
    ],
    {
      name: 'short bursts',
      simulation: { days: 2, stepMinutes: 5, seed: 5 },
      connections: [{ id: 'p-k', from: 'p', to: 'k', mode: 'sync', callsPerRequest: 4, payloadKb: 4 }],
    },
  );
}

/**
 * H37's review, (a) the wrong way round, over two days: a shop (p; SLO 150 ms, one core pinned in the
 * data centre) with a few requests a minute at night — its worst minutes, a minute's p95 there is its
 * few requests' slowest — and an hour's peak at noon of 20 a second, in which Stock (k, a one-core
 * base) bursts; four sync calls a request. The busy minutes stay well under the SLO with the calls'
 * delay; ranked by the hour's load, they were read as missing first.
 */
export function quietMinutesDesign(): DesignInput {
  return makeDesign(
    [
      {
        id: 'p',
        name: 'Quiet shop',
        kind: 'ui',
        demand: { cpuMs: 20, memoryMb: 512 },
        latencySloMs: 150,
        pin: { placement: 'static' },
        workload: {
          pattern: 'periodic',
          baseRps: 0.05,
          peakRps: 20,
          periodHours: 24,
          peakHours: 1,
          peakStartHour: 12,
          noise: 0.05,
        },
      },
      {
        id: 'k',
        name: 'Stock',
        kind: 'service',
        demand: { cpuMs: 15, memoryMb: 512 },
        pin: { placement: 'burst', cores: 1 },
      },
    ],
    {
      name: 'quiet minutes worst',
      simulation: { days: 2, stepMinutes: 5, seed: 5 },
      connections: [{ id: 'p-k', from: 'p', to: 'k', mode: 'sync', callsPerRequest: 4, payloadKb: 4 }],
    },
  );
}

/**
 * H37's review, (b), over two days: a shop (p; SLO 80 ms, its own p95 ~62 ms, a six-hour daily hump
 * to 104 a second) makes one sync call a request over a 100 ms link to Stock (k, a one-core base),
 * which sends a few per cent of its calls to the cloud through much of the hump. 4 % of the requests
 * 100 ms later move the p95 to ~90 ms: cut at 5 % of the requests, those minutes were not read.
 */
export function longLinkDesign(): DesignInput {
  return makeDesign(
    [
      {
        id: 'p',
        name: 'Shop',
        kind: 'ui',
        demand: { cpuMs: 20, memoryMb: 512 },
        latencySloMs: 80,
        pin: { placement: 'static' },
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
        demand: { cpuMs: 8, memoryMb: 512 },
        pin: { placement: 'burst', cores: 1 },
      },
    ],
    {
      name: 'long link',
      simulation: { days: 2, stepMinutes: 5, seed: 5 },
      environments: { link: { latencyMs: 100 } },
      connections: [{ id: 'p-k', from: 'p', to: 'k', mode: 'sync', callsPerRequest: 1, payloadKb: 4 }],
    },
  );
}

/**
 * H37's review, (a), over two days: a shop (p; SLO 90 ms, three cores pinned) whose own requests peak
 * for fifteen minutes at 20:00, to 100 a second, on top of a daytime plateau of 45 a second that Front
 * (u) sends it; two sync calls a request to Stock (k, a one-core base), which bursts only in that
 * peak. The peak's minutes are the shop's slowest (p95 ~75 ms) and the calls' 20 ms take them over;
 * its hour is quieter than the plateau's, and ranked by the hour's load they were read as missing
 * after the plateau's minutes, which no such delay takes over.
 */
export function offPeakSpikeDesign(): DesignInput {
  return makeDesign(
    [
      {
        id: 'u',
        name: 'Front',
        kind: 'ui',
        demand: { cpuMs: 1, memoryMb: 256 },
        pin: { placement: 'static' },
        workload: {
          pattern: 'periodic',
          baseRps: 0.5,
          peakRps: 45,
          periodHours: 24,
          peakHours: 8,
          peakStartHour: 8,
          noise: 0.05,
        },
      },
      {
        id: 'p',
        name: 'Shop',
        kind: 'service',
        demand: { cpuMs: 20, memoryMb: 512 },
        latencySloMs: 90,
        pin: { placement: 'static', cores: 3 },
        workload: {
          pattern: 'periodic',
          baseRps: 5,
          peakRps: 100,
          periodHours: 24,
          peakHours: 0.25,
          peakStartHour: 20,
          noise: 0.05,
        },
      },
      {
        id: 'k',
        name: 'Stock',
        kind: 'service',
        demand: { cpuMs: 6, memoryMb: 512 },
        pin: { placement: 'burst', cores: 1 },
      },
    ],
    {
      name: 'spike off the busy hours',
      simulation: { days: 2, stepMinutes: 5, seed: 5 },
      connections: [
        { id: 'u-p', from: 'u', to: 'p', mode: 'sync', callsPerRequest: 1, payloadKb: 4 },
        { id: 'p-k', from: 'p', to: 'k', mode: 'sync', callsPerRequest: 2, payloadKb: 4 },
      ],
    },
  );
}

/**
 * A 2 s request against a 3 s target, 20 a second with a 100 ms timeout (a reviewer's design,
 * 2026-12-05): over its target every minute wherever it runs, and dropping more in some places than
 * others. `simulation`: the design's, if not the default month.
 */
export function slowEverywhereDesign(simulation?: DesignInput['simulation']): DesignInput {
  return {
    format: 'tidemark.design',
    version: 1,
    name: 't',
    ...(simulation ? { simulation } : {}),
    connections: [],
    components: [
      {
        id: 'a',
        name: 'Slow service',
        kind: 'service',
        workload: { pattern: 'static', baseRps: 20 },
        demand: { cpuMs: 50, durationSeconds: 2, timeoutMs: 100 },
        latencySloMs: 3000,
      },
    ],
  };
}

/**
 * A spiky queue (c5) feeding a slow consumer on elastic VMs (c6, 1.7 s a message): the queue built
 * while VMs boot after a spike drains on so many cores that Erlang C reads 0 (H40's fuzzing: the
 * option's mean latency was 0 ÷ 0). Three days, 5-minute steps.
 */
export function drainingQueueDesign(): DesignInput {
  return {
    format: 'tidemark.design',
    version: 1,
    name: 'Spiky queue, slow consumer',
    simulation: { days: 3, stepMinutes: 5, seed: 585982 },
    components: [
      {
        id: 'c5',
        name: 'Comp 5',
        kind: 'queue',
        demand: { cpuMs: 5.634 },
        workload: { pattern: 'unpredictable', baseRps: 18.922, peakRps: 309.125, spikesPerWeek: 10.151, noise: 0.779 },
      },
      { id: 'c6', name: 'Comp 6', kind: 'data-access', demand: { cpuMs: 1704.625 }, pin: { placement: 'elastic-vm' } },
    ],
    connections: [{ id: 'k5', from: 'c5', to: 'c6', mode: 'async' }],
  };
}

/**
 * Three minutes at 200 rps every six hours over 16 rps (50 ms requests, SLO 500 ms), one-minute
 * steps: elastic VMs fall behind in each burst, and the minute their backlog drains in, at ρ 0.2 or
 * so, is over the SLO whole (OptionStats.followLate; the engine read 15.2 SLO minutes, the
 * per-request simulator 16.0, now 16.0).
 */
export function burstThenQuietDesign(): DesignInput {
  const rps = Array.from({ length: 1440 }, (_, i) => (i % 360 >= 100 && i % 360 < 103 ? 200 : 16));
  return {
    format: 'tidemark.design',
    version: 1,
    name: 'Bursts, then quiet',
    simulation: { days: 1, stepMinutes: 1, seed: 1 },
    components: [
      {
        id: 'svc',
        name: 'Service',
        kind: 'service',
        demand: { cpuMs: 50 },
        latencySloMs: 500,
        workload: { pattern: 'static', baseRps: 16, trace: { stepMinutes: 1, rps } },
      },
    ],
    connections: [],
  };
}

export function makeDesign(components: ComponentInput[], extra: Partial<DesignInput> = {}): DesignInput {
  return {
    format: 'tidemark.design',
    version: 1,
    name: 'Test design',
    simulation: { days: 7, stepMinutes: 15, seed: 1 },
    components,
    ...extra,
  };
}

/** The design validated, every default filled in; a test's own mistake throws with its problems. */
export function validDesign(input: DesignInput): Design {
  const checked = validateDesign(input);
  if (!checked.ok) throw new Error(checked.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return checked.value;
}

export function planOf(input: DesignInput): Plan {
  return buildPlan(validDesign(input)).plan;
}

export function entryOf(plan: Plan, id: string): Plan['placements'][number] {
  const entry = plan.placements.find((p) => p.componentId === id);
  if (!entry) throw new Error(`no placement for ${id}`);
  return entry;
}

export function optionOf(plan: Plan, id: string, placement: string): Plan['placements'][number]['options'][number] {
  const option = entryOf(plan, id).options.find((o) => o.placement === placement);
  if (!option) throw new Error(`no ${placement} option for ${id}`);
  return option;
}
