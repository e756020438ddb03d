/**
 * Turns a validated design into the plan of spec/formats.md, plus chart series kept out of the plan.
 * Demand is streamed callers first (propagate-demand.ts); each component's four options are
 * simulated as soon as its demand is known, so only the graph's frontier of series is alive at a
 * time; placements are then chosen in passes (see place-all.ts). The work runs as a generator that
 * yields after every component: `buildPlan` drives it straight through, `buildPlanAsync` hands the
 * thread back between slices so a Web Worker can receive a cancel message.
 */
import { HOURS_PER_MONTH } from '../model/defaults';
import type { Design, Placement } from '../model/design';
import type { Plan, PlacementEntry } from '../model/plan';
import { roundPlaces } from '../model/round';
import type { SimulationContext } from '../simulate/component-load';
import type { ChartSeries } from '../simulate/option-stats';
import { orderCallersFirst, streamDemand } from '../simulate/propagate-demand';
import { countSteps } from '../workload/generate-workload';
import { describeSeries } from '../simulate/series-stats';
import { type ComponentFacts, placeAll } from '../recommend/place-all';
import { runPlacements } from '../recommend/run-placement';
import { planWiring } from '../recommend/plan-wiring';
import { hashDesign } from './hash-design';
import { sumTotals } from './sum-totals';
import { toPlanOption } from './to-plan-option';

export interface PlanProgress {
  phase: 'simulate' | 'placement' | 'wiring';
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
  const steps = countSteps(design.simulation);
  const ctx: SimulationContext = {
    steps,
    stepMinutes: design.simulation.stepMinutes,
    dt: design.simulation.stepMinutes * 60,
    env: design.environments,
    points: seriesPoints,
  };
  const horizonMinutes = steps * ctx.stepMinutes;
  const byId = new Map(design.components.map((c) => [c.id, c]));
  const facts = new Map<string, ComponentFacts>();
  const series: PlanSeries = { pointMinutes: horizonMinutes / Math.min(seriesPoints, steps), components: {} };
  let done = 0;
  for (const { id, load, effectivePattern, meanRps } of streamDemand(design)) {
    const component = byId.get(id);
    if (!component) continue;
    const runs = runPlacements(component, load, ctx);
    const shape = describeSeries(load.total, load.peakRps);
    facts.set(id, {
      component,
      runs,
      pattern: effectivePattern,
      shape,
      requestsPerMonth: meanRps * HOURS_PER_MONTH * 3600,
    });
    series.components[id] = Object.fromEntries(runs.map((r) => [r.placement, r.series])) as Record<
      Placement,
      ChartSeries
    >;
    yield { phase: 'simulate', done: ++done, total: n };
  }
  const calleesFirst = orderCallersFirst(design).reverse();
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
      demand: {
        meanRps: roundPlaces(f.shape.mean, 3),
        peakRps: roundPlaces(f.shape.peak, 3),
        requestsPerMonth: Math.round(f.requestsPerMonth),
      },
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
export async function buildPlanAsync(
  design: Design,
  options: BuildPlanOptions & { sliceMs?: number } = {},
): Promise<PlanResult> {
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
