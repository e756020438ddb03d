/**
 * Turns a validated design into the plan of spec/formats.md, plus chart series kept out of the plan.
 * Demand is propagated once (callers first); each component's four options are simulated once
 * (releasing its demand series as soon as it is done); placements are then chosen in passes (see
 * place-all.ts). The work runs as a generator that
 * yields after every component: `buildPlan` drives it straight through, `buildPlanAsync` hands the
 * thread back between slices so a Web Worker can receive a cancel message.
 */
import type { Design, Placement } from '../model/design';
import type { Plan, PlacementEntry } from '../model/plan';
import type { SimulationContext } from '../simulate/component-load';
import type { ChartSeries } from '../simulate/option-stats';
import { propagateDemand } from '../simulate/propagate-demand';
import { describeSeries } from '../simulate/series-stats';
import { choosePlacement } from '../recommend/choose-placement';
import { type ComponentFacts, placeAll } from '../recommend/place-all';
import { runPlacements } from '../recommend/run-placement';
import { planWiring } from '../recommend/plan-wiring';
import { hashDesign } from './hash-design';
import { sumTotals } from './sum-totals';
import { toPlanOption } from './to-plan-option';

export interface PlanProgress {
  phase: 'demand' | 'simulate' | 'placement' | 'wiring';
  done: number;
  total: number;
}

export interface BuildPlanOptions {
  onProgress?: (progress: PlanProgress) => void;
  /** Polled between components; when it returns true the run stops with PlanCancelledError. */
  isCancelled?: () => boolean;
  /** Points per chart series (default 720: hourly over 30 days). */
  seriesPoints?: number;
}

export interface PlanSeries {
  /** Minutes of simulated time per chart point. */
  pointMinutes: number;
  components: Record<string, Record<Placement, ChartSeries>>;
}

export interface PlanResult {
  plan: Plan;
  series: PlanSeries;
}

export class PlanCancelledError extends Error {
  constructor() {
    super('plan cancelled');
    this.name = 'PlanCancelledError';
  }
}

export function* generatePlan(design: Design, seriesPoints = 720): Generator<PlanProgress, PlanResult> {
  const n = design.components.length;
  const demand = propagateDemand(design);
  yield { phase: 'demand', done: n, total: n };
  const ctx: SimulationContext = { steps: demand.steps, stepMinutes: design.simulation.stepMinutes, dt: design.simulation.stepMinutes * 60, env: design.environments, points: seriesPoints };
  const horizonMinutes = demand.steps * ctx.stepMinutes;
  const facts = new Map<string, ComponentFacts>();
  const series: PlanSeries = { pointMinutes: horizonMinutes / Math.min(seriesPoints, demand.steps), components: {} };
  const calleesFirst = [...demand.order].reverse();
  for (let k = 0; k < calleesFirst.length; k++) {
    const id = calleesFirst[k] as string;
    const component = design.components.find((c) => c.id === id);
    const load = demand.loads.get(id);
    if (!component || !load) continue;
    const runs = runPlacements(component, load, ctx);
    const shape = describeSeries(load.total, load.peakRps);
    const pattern = demand.effectivePattern.get(id) ?? 'static';
    facts.set(id, { component, runs, pattern, shape, requestsPerMonth: shape.mean * 730 * 3600 });
    series.components[id] = Object.fromEntries(runs.map((r) => [r.placement, r.series])) as Record<Placement, ChartSeries>;
    demand.loads.delete(id); // its series is no longer needed: release it as we go
    yield { phase: 'simulate', done: k + 1, total: n };
  }
  const { chosen, results, choices } = placeAll(design, facts, calleesFirst, horizonMinutes);
  yield { phase: 'placement', done: n, total: n };
  const requestsPerMonth = new Map([...facts].map(([id, f]) => [id, f.requestsPerMonth]));
  const entries = new Map<string, PlacementEntry>();
  for (const [id, f] of facts) {
    entries.set(id, {
      componentId: id,
      placement: chosen.get(id) ?? 'static',
      effectivePattern: f.pattern,
      reasons: choices.get(id)?.reasons ?? [],
      options: (results.get(id) ?? []).map(toPlanOption),
      demand: { meanRps: round(f.shape.mean, 3), peakRps: round(f.shape.peak, 3), requestsPerMonth: Math.round(f.requestsPerMonth) },
    });
  }
  const wiring = planWiring(design, chosen, requestsPerMonth);
  yield { phase: 'wiring', done: 1, total: 1 };
  const plan: Plan = {
    format: 'tidemark.plan',
    version: 1,
    design: { name: design.name, sha256: hashDesign(design) },
    assumptions: { simulation: design.simulation, environments: design.environments },
    placements: design.components.flatMap((c) => entries.get(c.id) ?? []),
    wiring,
    totals: sumTotals(design, facts, results, chosen, wiring, horizonMinutes),
  };
  return { plan, series };
}

export function buildPlan(design: Design, options: BuildPlanOptions = {}): PlanResult {
  const run = generatePlan(design, options.seriesPoints);
  for (;;) {
    if (options.isCancelled?.()) throw new PlanCancelledError();
    const step = run.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
  }
}

/** As buildPlan, yielding to the event loop every `sliceMs` so cancellation and progress get through. */
export async function buildPlanAsync(design: Design, options: BuildPlanOptions & { sliceMs?: number } = {}): Promise<PlanResult> {
  const run = generatePlan(design, options.seriesPoints);
  const slice = options.sliceMs ?? 50;
  let since = Date.now();
  for (;;) {
    if (options.isCancelled?.()) throw new PlanCancelledError();
    const step = run.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    if (Date.now() - since >= slice) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      since = Date.now();
    }
  }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
