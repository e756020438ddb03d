/**
 * A plan whose simulation is split between threads. A component's four runs depend only on its own
 * demand, so each thread streams the whole demand (a few per cent of a plan) and simulates the
 * components whose id hashes to its part (shards.ts); this thread then gathers every part in the
 * demand's order and makes the one joint decision. The plan is the one buildPlan makes, byte for byte
 * (plan-sharded.test.ts): each part runs the same code on the same inputs, and the gathered facts
 * enter the decision in the same order.
 *
 * The other parts run wherever the caller puts them (a worker thread in Node, a Web Worker in the
 * browser): a ShardRunner sends the design and a part, and answers with that part's ShardResult, which
 * is structured-cloneable. A part that fails (a worker that died) is simulated here instead.
 */
import { priceDesign } from '../cost/tariff';
import type { Design, Placement } from '../model/design';
import type { ComponentFacts } from '../recommend/assess-assignment';
import type { RunCache } from '../recommend/run-placement';
import { type ChartSeries, OptionStats } from '../simulate/option-stats';
import {
  type BuildPlanOptions,
  type PlanProgress,
  type PlanResult,
  type Shard,
  PlanCancelledError,
  buildPlanAsync,
  runAsync,
  simulateDesign,
} from './build-plan';
import { decidePlanSteps } from './decide-plan';

/** One part's simulated components: their facts and chart series, by id. */
export interface ShardResult {
  facts: [string, ComponentFacts][];
  series: Record<string, Record<Placement, ChartSeries>>;
}

/** Simulates one part of a design; another thread's answer to a ShardRunner. */
export function* simulateShard(
  input: Design,
  shard: Shard,
  seriesPoints = 720,
  memo?: RunCache,
): Generator<PlanProgress, ShardResult> {
  const sim = yield* simulateDesign(priceDesign(input), seriesPoints, memo, shard);
  return { facts: [...sim.facts], series: sim.series.components };
}

/** simulateShard driven to its end, yielding to the event loop as buildPlanAsync does (a Web Worker's). */
export function simulateShardAsync(
  input: Design,
  shard: Shard,
  seriesPoints: number,
  options: Pick<BuildPlanOptions, 'memo' | 'isCancelled' | 'onProgress'> & { sliceMs?: number } = {},
): Promise<ShardResult> {
  return runAsync(simulateShard(input, shard, seriesPoints, options.memo), options);
}

/**
 * Runs one part elsewhere. The design is the one being planned, already validated. A runner may report
 * how many of its part's components it has simulated so far (`onProgress`), for the plan's progress.
 */
export type ShardRunner = (
  design: Design,
  shard: Shard,
  seriesPoints: number,
  onProgress?: (done: number) => void,
) => Promise<ShardResult>;

/**
 * How long this thread waits for another part once its own is done, beyond twice its own part's time,
 * before it simulates that part itself: a thread that died without a word must not stall the plan.
 */
export const PART_GRACE_MS = 5_000;

/**
 * As buildPlanAsync, with the parts after the first simulated by `others` (one part each) while this
 * thread simulates the first. With no others it is buildPlanAsync. `options.memo` keeps this thread's
 * part only: each runner keeps its own.
 */
export async function buildPlanSharded(
  input: Design,
  others: readonly ShardRunner[],
  options: BuildPlanOptions & { sliceMs?: number; partGraceMs?: number } = {},
): Promise<PlanResult> {
  if (others.length === 0) return buildPlanAsync(input, options);
  const points = options.seriesPoints ?? 720;
  const count = others.length + 1;
  // Progress over the whole design: this part's components and what the others report of theirs.
  const total = input.components.length;
  let localDone = 0;
  const remoteDone = others.map(() => 0);
  const report = () => {
    const done = localDone + remoteDone.reduce((a, b) => a + b, 0);
    options.onProgress?.({ phase: 'simulate', done, total });
  };
  const remote = others.map((run, k) =>
    run(input, { index: k + 1, count }, points, (done) => {
      remoteDone[k] = done;
      report();
    }).then(
      (result) => result,
      () => null,
    ),
  );
  const design = priceDesign(input);
  const started = Date.now();
  const local = await runAsync(simulateDesign(design, points, options.memo, { index: 0, count }), {
    ...options,
    onProgress: (p) => {
      localDone = p.done;
      report();
    },
  });
  const deadline = (options.partGraceMs ?? PART_GRACE_MS) + 2 * (Date.now() - started);
  const parts = await Promise.all(remote.map((part) => orNullAfter(part, deadline)));
  const facts = new Map<string, ComponentFacts>(local.facts);
  const series: Record<string, Record<Placement, ChartSeries>> = { ...local.series.components };
  const byId = new Map(design.components.map((c) => [c.id, c]));
  for (let k = 0; k < parts.length; k++) {
    // A part that failed is simulated here, without a memo (its runner's memo is out of reach).
    const part = parts[k] ?? (await runAsync(simulateShard(input, { index: k + 1, count }, points), options));
    for (const [id, f] of part.facts) {
      const component = byId.get(id);
      if (!component) continue;
      facts.set(id, revive(f, component));
      const s = part.series[id];
      if (s) series[id] = s;
    }
  }
  // The decision reads the facts in the demand's order, as buildPlan's does.
  const ordered = new Map<string, ComponentFacts>();
  const orderedSeries: Record<string, Record<Placement, ChartSeries>> = {};
  for (const id of local.order) {
    const f = facts.get(id);
    if (!f) throw new Error(`no part simulated component ${id}`);
    ordered.set(id, f);
    if (series[id]) orderedSeries[id] = series[id];
  }
  if (options.isCancelled?.()) throw new PlanCancelledError();
  // In stages, so that a newer run (or a cancel) gets in between them.
  const plan = await runAsync(decidePlanSteps(design, ordered, local.horizonMinutes, options.memo), options);
  return { plan, series: { pointMinutes: local.series.pointMinutes, components: orderedSeries } };
}

/** The part, or null if it has not come within `ms`. */
function orNullAfter<T>(part: Promise<T | null>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout>;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([part, late]).finally(() => clearTimeout(timer));
}

/** Facts from another thread: this thread's component object, and option stats with their class. */
function revive(f: ComponentFacts, component: ComponentFacts['component']): ComponentFacts {
  for (const run of f.runs) run.stats = OptionStats.revive(run.stats);
  return { ...f, component };
}
