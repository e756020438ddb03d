/**
 * Turns a validated design into the plan of spec/formats.md, plus chart series kept out of the plan.
 * Demand is streamed callers first (propagate-demand.ts); each component's four options are
 * simulated as soon as its demand is known, so only the graph's frontier of series is alive at a
 * time; the placements are then chosen together (decide-plan.ts). The work runs as a generator that
 * yields after every component: `buildPlan` drives it straight through, `buildPlanAsync` hands the
 * thread back between slices so a Web Worker can receive a cancel message. The design is priced first
 * (core/cost/tariff.ts: environments resolved from its price book); `simulateDesigns` runs the same
 * design under several tariffs in one pass over the demand, sharing every run whose inputs agree.
 */
import { type PricedDesign, type Tariff, priceDesign } from '../cost/tariff';
import { HOURS_PER_MONTH } from '../model/defaults';
import type { Component, Design, Placement } from '../model/design';
import type { Plan } from '../model/plan';
import type { ComponentLoad, SimulationContext } from '../simulate/component-load';
import type { ChartSeries } from '../simulate/option-stats';
import { type DemandItem, streamDemand } from '../simulate/propagate-demand';
import { countSteps } from '../workload/generate-workload';
import { type SeriesShape, describeSeries } from '../simulate/series-stats';
import { stepLoadsOf } from '../simulate/step-loads';
import { type ComponentFacts, type Tolerance, toleranceOf } from '../recommend/assess-assignment';
import { mostCallDelays } from '../recommend/build-joint-problem';
import { prepareSlack } from '../recommend/choose-jointly';
import { type RunCache, runPlacements } from '../recommend/run-placement';
import { decidePlanSteps } from './decide-plan';
import { sweepRunMemo } from './run-memo';
import { assignShards } from './shards';

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
  /**
   * Runs kept from earlier plans (run-memo.ts): what they already simulated is billed again, not
   * simulated again. A plan that completes lets go of the runs it did not use.
   */
  memo?: RunCache;
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
  /** Every component's id in the order its demand was known (callers first), simulated here or not. */
  order: string[];
}

/**
 * One of `count` parts of a design's simulation (shards.ts): the components whose id hashes to
 * `index`. Each part streams the whole demand (a few per cent of a plan) and simulates its own.
 */
export interface Shard {
  index: number;
  count: number;
}

/** The simulation stage: every component's four options, callers first, yielding after each. */
export function* simulateDesign(
  design: PricedDesign,
  seriesPoints = 720,
  memo?: RunCache,
  shard?: Shard,
): Generator<PlanProgress, SimulatedDesign> {
  const { results } = yield* simulateDesigns([design], seriesPoints, memo, shard);
  return results[0] as SimulatedDesign;
}

export interface SimulatedDesigns {
  /** One per tariff, in the order given. */
  results: SimulatedDesign[];
  /** Capacity-model runs made, and runs billed again from one already made (several tariffs only). */
  simulatedRuns: number;
  reusedRuns: number;
}

/**
 * The same design (components, connections, simulation) under several tariffs — another provider,
 * region or commitment — in one pass over the demand: a run whose inputs agree with one already made
 * for the component is billed again, not simulated again (run-placement.ts). Prices never change a
 * load; they change a function's duration (the CPU its memory buys), its cold starts and a burst's
 * base (Weinman's premium), and those runs are made once per distinct value.
 */
export function* simulateDesigns(
  designs: readonly PricedDesign[],
  seriesPoints = 720,
  memo?: RunCache,
  shard?: Shard,
): Generator<PlanProgress, SimulatedDesigns> {
  const first = designs[0];
  if (!first) return { results: [], simulatedRuns: 0, reusedRuns: 0 };
  // A part counts its own components: the thread gathering the parts adds the others' counts.
  const parts = shard
    ? assignShards(
        first.components.map((c) => c.id),
        shard.count,
      )
    : null;
  const n = shard ? first.components.filter((c) => parts?.get(c.id) === shard.index).length : first.components.length;
  const steps = countSteps(first.simulation);
  const contexts = designs.map((d) => contextOf(d, seriesPoints));
  const horizonMinutes = steps * first.simulation.stepMinutes;
  const callDelays = designs.map((d) => mostCallDelays(d.connections, d.tariff));
  const tolerances = designs.map((d) => toleranceOf(d.environments, horizonMinutes));
  const byId = new Map(first.components.map((c) => [c.id, c]));
  const out: SimulatedDesign[] = designs.map(() => ({
    facts: new Map<string, ComponentFacts>(),
    series: { pointMinutes: horizonMinutes / Math.min(seriesPoints, steps), components: {} },
    horizonMinutes,
    order: [],
  }));
  let done = 0;
  // Shared runs only matter with more than one tariff; one plan keys nothing.
  // A memo keeps what it holds for the next plan.
  const cache: RunCache | undefined = memo ?? (designs.length > 1 ? { runs: new Map(), reused: 0 } : undefined);
  let simulatedRuns = 0;
  for (const item of streamDemand(first, memo?.demand)) {
    const component = byId.get(item.id);
    if (!component) continue;
    for (const sim of out) sim.order.push(item.id);
    if (shard && parts?.get(item.id) !== shard.index) {
      // Still a step, so that a cancel gets through while the demand streams.
      yield { phase: 'simulate', done, total: n };
      continue;
    }
    const shape = shapeOf(item.load);
    designs.forEach((d, k) => {
      const f = simulateComponent(component, item, shape, contexts[k] as SimulationContext, d.tariff, cache);
      // What the decision asks of each run, asked here: in a part, on that part's thread.
      prepareSlack(f, tolerances[k] as Tolerance, callDelays[k]?.get(item.id) ?? 0);
      const sim = out[k] as SimulatedDesign;
      sim.facts.set(item.id, f);
      sim.series.components[item.id] = Object.fromEntries(f.runs.map((r) => [r.placement, r.series])) as Record<
        Placement,
        ChartSeries
      >;
    });
    if (cache && !memo) {
      // A component's runs are not needed once its facts hold them: keep the cache to one component.
      simulatedRuns += cache.runs.size;
      cache.runs.clear();
    }
    yield { phase: 'simulate', done: ++done, total: n };
  }
  if (memo) sweepRunMemo(memo);
  return { results: out, simulatedRuns, reusedRuns: cache?.reused ?? 0 };
}

/**
 * describeSeries of a load, kept by its series while a memo keeps the series (propagate-demand.ts):
 * the same array is never written to, so its shape holds for as long as the array lives.
 */
const shapes = new WeakMap<Float32Array, SeriesShape>();
function shapeOf(load: ComponentLoad): SeriesShape {
  let shape = shapes.get(load.total);
  if (!shape) {
    shape = describeSeries(load.total, load.peakRps);
    shapes.set(load.total, shape);
  }
  return shape;
}

/** How a priced design is simulated: its horizon in steps, its environments, the chart points. */
export function contextOf(design: PricedDesign, seriesPoints = 720): SimulationContext {
  return {
    steps: countSteps(design.simulation),
    stepMinutes: design.simulation.stepMinutes,
    dt: design.simulation.stepMinutes * 60,
    env: design.environments,
    points: seriesPoints,
  };
}

/** One component's four runs on its demand, with what the decision reads beside them. */
export function simulateComponent(
  component: Component,
  item: DemandItem,
  shape: SeriesShape,
  ctx: SimulationContext,
  tariff: Tariff,
  cache?: RunCache,
): ComponentFacts {
  const { load, effectivePattern, meanRps, ownMeanRps } = item;
  const publicShare = meanRps > 0 ? ownMeanRps / meanRps : 0;
  return {
    component,
    runs: runPlacements(component, load, ctx, publicShare, tariff, cache),
    pattern: effectivePattern,
    shape,
    requestsPerMonth: meanRps * HOURS_PER_MONTH * 3600,
    plannedPeakHours: (load.planned ?? []).map((p) => p.startSeconds / 3600),
    demandByHour: demandOf(load.total, ctx, component.latencySloMs !== undefined),
  };
}

/**
 * A demand's requests hour by hour and, where the component has minutes to miss, its load step by
 * step (a burst callee's routed steps are read at them), kept by its series as shapeOf keeps its
 * shape: every plan asks for them again, and on the 500-component bench design the step loads alone
 * took ~95 ms of a leaf edit's ~600 (profiled, 2026-12-06) where only one series had changed.
 */
const demands = new WeakMap<Float32Array, NonNullable<ComponentFacts['demandByHour']> & { horizonSteps: number }>();
function demandOf(
  total: Float32Array,
  ctx: SimulationContext,
  withSteps: boolean,
): NonNullable<ComponentFacts['demandByHour']> {
  let kept = demands.get(total);
  if (!kept || kept.stepSeconds !== ctx.dt || kept.horizonSteps !== ctx.steps) {
    kept = { requests: requestsByHour(total, ctx.steps, ctx.dt), stepSeconds: ctx.dt, horizonSteps: ctx.steps };
    demands.set(total, kept);
  }
  if (!withSteps) return { requests: kept.requests, stepSeconds: kept.stepSeconds };
  kept.steps ??= stepLoadsOf(total, ctx.steps, ctx.dt);
  return { requests: kept.requests, stepSeconds: kept.stepSeconds, steps: kept.steps };
}

/** A demand series' requests in each hour of the horizon (steps are at most an hour, 720 hours a month). */
function requestsByHour(total: ArrayLike<number>, steps: number, dt: number): Float32Array {
  const out = new Float32Array(Math.max(1, Math.ceil((steps * dt) / 3600)));
  for (let i = 0; i < steps; i++) {
    const h = Math.min(out.length - 1, Math.floor((i * dt) / 3600));
    out[h] = (out[h] as number) + (total[i] as number) * dt;
  }
  return out;
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

export function* generatePlan(input: Design, seriesPoints = 720, memo?: RunCache): Generator<PlanProgress, PlanResult> {
  const design = priceDesign(input);
  const { facts, series, horizonMinutes } = yield* simulateDesign(design, seriesPoints, memo);
  const n = design.components.length;
  yield { phase: 'placement', done: n, total: n };
  const plan = yield* decidePlanSteps(design, facts, horizonMinutes, memo);
  yield { phase: 'wiring', done: 1, total: 1 };
  return { plan, series };
}

export function buildPlan(design: Design, options: BuildPlanOptions = {}): PlanResult {
  return runToEnd(generatePlan(design, options.seriesPoints, options.memo), options);
}

/** As buildPlan, yielding to the event loop every `sliceMs` so cancellation and progress get through. */
export async function buildPlanAsync(
  design: Design,
  options: BuildPlanOptions & { sliceMs?: number } = {},
): Promise<PlanResult> {
  return runAsync(generatePlan(design, options.seriesPoints, options.memo), options);
}

/** Drives a generator, yielding to the event loop every `sliceMs` (default 50). */
export async function runAsync<T>(
  run: Generator<PlanProgress, T>,
  options: BuildPlanOptions & { sliceMs?: number } = {},
): Promise<T> {
  const slice = options.sliceMs ?? 50;
  let since = Date.now();
  for (;;) {
    if (options.isCancelled?.()) throw new PlanCancelledError();
    const step = run.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    if (Date.now() - since >= slice) {
      await yieldToEventLoop();
      since = Date.now();
    }
  }
}

/**
 * Lets queued messages (a cancel, a newer run) in, and nothing else wait. Through a MessageChannel
 * rather than setTimeout(0): nested timers are clamped to 4 ms (HTML's timer nesting rule), which
 * left a worker idle for 4 ms after every 20 ms slice — a sixth of a re-plan. In Node the listening
 * port is ref'd only while a yield is pending: an idle channel never keeps a process alive, and a
 * run that nothing else keeps alive (a script awaiting buildPlanAsync) is not cut off mid-way.
 */
function yieldToEventLoop(): Promise<void> {
  channel ??= openChannel();
  if (channel === 'none') return new Promise((resolve) => setTimeout(() => resolve(), 0));
  const { port, listener, waiting } = channel;
  return new Promise((resolve) => {
    waiting.push(resolve);
    // Held while a yield is pending, so that a run awaited by nothing else still finishes.
    listener.ref?.();
    port.postMessage(null);
  });
}

/** The part of a MessagePort used here (core has neither the DOM's types nor Node's). */
interface Port {
  postMessage(message: null): void;
  onmessage: ((event: unknown) => void) | null;
  ref?: () => void;
  unref?: () => void;
}
type Channel = { port: Port; listener: Port; waiting: (() => void)[] };
let channel: Channel | 'none' | null = null;

function openChannel(): Channel | 'none' {
  const Create = (globalThis as { MessageChannel?: new () => { port1: Port; port2: Port } }).MessageChannel;
  if (typeof Create !== 'function') return 'none';
  const { port1, port2 } = new Create();
  const waiting: (() => void)[] = [];
  port1.onmessage = () => {
    waiting.shift()?.();
    if (waiting.length === 0) port1.unref?.();
  };
  port1.unref?.();
  port2.unref?.();
  return { port: port2, listener: port1, waiting };
}
