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
