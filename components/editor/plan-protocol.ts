/**
 * Messages between the editor page and the plan worker (plan-worker.ts). Every message names the run
 * it belongs to; a newer `run` supersedes every older one, so a late answer to a stale run is simply
 * ignored by the page. On `done` the chart series travel only for components whose series changed
 * since the worker's last `done` (createSeriesSender / createSeriesReceiver), their Float32Array
 * buffers transferred: copies of them, since the worker keeps its runs for the next plan.
 * Comparing providers (issue 14) is a job of its own beside the plan runs, numbered apart
 * (`compareId`): a re-plan does not stop a comparison, and a newer comparison or a cancel does.
 */
import type { ChartSeries, PlanProgress, PlanResult, ProviderComparison, ProviderRow } from '@/core/plan';
import type { Plan, Problem } from '@/core/model';

/**
 * Progress messages at most this often (ms), from either worker: ~10 a second is smooth and costs
 * the page nothing.
 */
export const PROGRESS_EVERY_MS = 100;

/** Page → worker. The design is unvalidated: the worker validates it (defaults filled in) first. */
export type PlanRequest =
  | { type: 'run'; runId: number; design: unknown }
  | { type: 'cancel'; runId: number }
  | { type: 'compare'; compareId: number; design: unknown }
  | { type: 'cancel-compare'; compareId: number }
  /** The second thread (plan-shard-worker.ts) stopped: plan alone from now on. */
  | { type: 'shard-lost' };

/** Worker → page. */
export type PlanResponse =
  /** The run's design passed validation (sent before it is simulated). */
  | { type: 'checked'; runId: number }
  | { type: 'progress'; runId: number; progress: PlanProgress }
  | { type: 'done'; runId: number; result: PostedResult; ms: number }
  | { type: 'failed'; runId: number; problems: Problem[] }
  | { type: 'failed'; runId: number; message: string }
  /** The plan worker stopped using its second thread (they fell out of step): the page may end it. */
  | { type: 'shard-lost' }
  | CompareResponse;

export type CompareResponse =
  | { type: 'compare-progress'; compareId: number; progress: PlanProgress }
  | { type: 'compared'; compareId: number; comparison: ComparisonView; ms: number }
  | { type: 'compare-failed'; compareId: number; problems: Problem[] }
  | { type: 'compare-failed'; compareId: number; message: string };

/** A comparison as the page shows it: every figure of the engine's, without each provider's whole plan. */
export type ComparisonView = Omit<ProviderComparison, 'rows'> & { rows: Omit<ProviderRow, 'plan'>[] };

export function toComparisonView(comparison: ProviderComparison): ComparisonView {
  return { ...comparison, rows: comparison.rows.map(({ plan: _plan, ...row }) => row) };
}

/** Whether a worker message belongs to the comparison job rather than to a plan run. */
export function isCompareResponse(message: PlanResponse): message is CompareResponse {
  return 'compareId' in message;
}

/** The distinct buffers behind a result's chart series, for postMessage's transfer list. */
export function seriesBuffers(result: PlanResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const options of Object.values(result.series.components)) {
    for (const s of Object.values(options)) {
      for (const a of [s.demand, s.capacity, s.latencyMs, s.dropped, s.sloMinutes])
        if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
    }
  }
  return [...buffers];
}

type ComponentSeries = PlanResult['series']['components'][string];

/**
 * A plan as the worker posts it: the chart series only of components whose series are not the ones
 * it posted last time (5 × 720 floats a run, four runs a component: on a 500-component design every
 * series is 28 MB, and a one-leaf edit changes a handful), with every component's id in order.
 */
export interface PostedResult {
  plan: Plan;
  series: { pointMinutes: number; order: string[]; changed: PlanResult['series']['components'] };
}

/**
 * The worker's side. A kept run's series is the same object from plan to plan (run-memo.ts), so a
 * component whose four series are the objects posted last time is left out. What is posted is a copy
 * (the kept runs keep theirs: the copies' buffers are transferred, see seriesBuffers).
 */
export function createSeriesSender(): (result: PlanResult) => PostedResult {
  let posted = new Map<string, ComponentSeries>();
  return (result) => {
    const now = new Map<string, ComponentSeries>();
    const changed: PlanResult['series']['components'] = {};
    const order: string[] = [];
    for (const [id, options] of Object.entries(result.series.components)) {
      order.push(id);
      now.set(id, options);
      const last = posted.get(id);
      const same =
        last !== undefined &&
        Object.keys(options).length === Object.keys(last).length &&
        (Object.keys(options) as (keyof ComponentSeries)[]).every((p) => options[p] === last[p]);
      if (!same) changed[id] = copyOptions(options);
    }
    posted = now;
    return { plan: result.plan, series: { pointMinutes: result.series.pointMinutes, order, changed } };
  };
}

/**
 * The page's side: takes in every plan the worker posts, in order, shown or stale, so that it holds
 * what the worker thinks it posted, and gives back the whole result.
 */
export function createSeriesReceiver(): (posted: PostedResult) => PlanResult {
  let held = new Map<string, ComponentSeries>();
  return (posted) => {
    const now = new Map<string, ComponentSeries>();
    const components: PlanResult['series']['components'] = {};
    for (const id of posted.series.order) {
      const options = posted.series.changed[id] ?? held.get(id);
      if (!options) throw new Error(`the plan worker left out the series of ${id}, never posted`);
      now.set(id, options);
      components[id] = options;
    }
    held = now;
    return { plan: posted.plan, series: { pointMinutes: posted.series.pointMinutes, components } };
  };
}

function copyOptions(options: ComponentSeries): ComponentSeries {
  const copied: Partial<ComponentSeries> = {};
  for (const [placement, s] of Object.entries(options) as [keyof ComponentSeries, ChartSeries][]) {
    copied[placement] = {
      demand: s.demand.slice(),
      capacity: s.capacity.slice(),
      latencyMs: s.latencyMs.slice(),
      dropped: s.dropped.slice(),
      sloMinutes: s.sloMinutes.slice(),
    };
  }
  return copied as ComponentSeries;
}

/** The distinct buffers behind a posted plan's chart series, for postMessage's transfer list. */
export function postedBuffers(posted: PostedResult): ArrayBuffer[] {
  return seriesBuffers({ plan: posted.plan, series: { pointMinutes: 0, components: posted.series.changed } });
}
