/**
 * Turns a validated design into the plan of spec/formats.md, plus chart series kept out of the plan.
 * Demand is streamed callers first (propagate-demand.ts); each component's four options are
 * simulated as soon as its demand is known, so only the graph's frontier of series is alive at a
 * time; the placements are then chosen together (decide-plan.ts). The work runs as a generator that
 * yields after every component: `buildPlan` drives it straight through, `buildPlanAsync` hands the
 * thread back between slices so a Web Worker can receive a cancel message.
 */
import { HOURS_PER_MONTH } from '../model/defaults';
import type { Design, Placement } from '../model/design';
import type { Plan } from '../model/plan';
import type { SimulationContext } from '../simulate/component-load';
import type { ChartSeries } from '../simulate/option-stats';
import { streamDemand } from '../simulate/propagate-demand';
import { countSteps } from '../workload/generate-workload';
import { describeSeries } from '../simulate/series-stats';
import type { ComponentFacts } from '../recommend/assess-assignment';
import { runPlacements } from '../recommend/run-placement';
import { decidePlan } from './decide-plan';

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

export interface SimulatedDesign {
  facts: Map<string, ComponentFacts>;
  series: PlanSeries;
  horizonMinutes: number;
}

/** The simulation stage: every component's four options, callers first, yielding after each. */
export function* simulateDesign(design: Design, seriesPoints = 720): Generator<PlanProgress, SimulatedDesign> {
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
  for (const { id, load, effectivePattern, meanRps, ownMeanRps } of streamDemand(design)) {
    const component = byId.get(id);
    if (!component) continue;
    const runs = runPlacements(component, load, ctx, meanRps > 0 ? ownMeanRps / meanRps : 0);
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
  return { facts, series, horizonMinutes };
}

/** Drives a generator to its end, handing progress on; returns what it returns. */
export function runToEnd<T>(run: Generator<PlanProgress, T>, options: BuildPlanOptions = {}): T {
  for (;;) {
    if (options.isCancelled?.()) throw new PlanCancelledError();
    const step = run.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
  }
}

export function* generatePlan(design: Design, seriesPoints = 720): Generator<PlanProgress, PlanResult> {
  const { facts, series, horizonMinutes } = yield* simulateDesign(design, seriesPoints);
  const n = design.components.length;
  yield { phase: 'placement', done: n, total: n };
  const plan = decidePlan(design, facts, horizonMinutes);
  yield { phase: 'wiring', done: 1, total: 1 };
  return { plan, series };
}

export function buildPlan(design: Design, options: BuildPlanOptions = {}): PlanResult {
  return runToEnd(generatePlan(design, options.seriesPoints), options);
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
