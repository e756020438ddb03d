/**
 * Messages between the editor page and the plan worker (plan-worker.ts). Every message names the run
 * it belongs to; a newer `run` supersedes every older one, so a late answer to a stale run is simply
 * ignored by the page. On `done` a placement entry travels only if it is not the one posted last time,
 * and the chart series only for components whose series changed since the worker's last `done`
 * (createResultSender / createResultReceiver), their Float32Array buffers transferred: copies of them,
 * since the worker keeps its runs for the next plan. "Last time" is the worker's, whatever it planned:
 * every page that talks to a plan worker (the editor's use-plan-runner.ts, the comparison's
 * scenario-runs.ts) takes each `done` it posts through one receiver, in order, never the posted plan as
 * it is.
 * Comparing providers (issue 14) is a job of its own beside the plan runs, numbered apart
 * (`compareId`): a re-plan does not stop a comparison, and a newer comparison or a cancel does.
 */
import type { ChartSeries, PlanProgress, PlanResult, ProviderComparison, ProviderRow } from '@/core/plan';
import equal from 'fast-deep-equal';
import type { Plan, PlacementEntry, Problem } from '@/core/model';

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
  /**
   * Whether the author looks about to edit (use-plan-runner.ts): the worker may then warm its code
   * with made-up edits while idle (plan-worker.ts, its rehearsals).
   */
  | { type: 'editing'; on: boolean }
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
  /** Still there, waiting (for HiGHS to load): tells the page's stall watch (stall-watch.ts) it is not hung. */
  | { type: 'alive' }
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
export function seriesBuffers(result: Pick<PlanResult, 'series'>): ArrayBuffer[] {
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
 * A plan as the worker posts it. Its placement entries only where an entry differs from the one
 * posted last time for that component (on the 500-component canvas design an entry is ~4 KB and a
 * leaf edit changes one of 500: cloning the whole plan took 16–22 ms in Node against 4 ms to compare
 * the entries and ~1 ms to clone the rest, 2026-12-04; ~40 ms of each re-plan in Chromium's worker).
 * The chart series only of components whose series are not the ones it posted last time (5 × 720
 * floats a run, four runs a component: on that design every series is 28 MB). With each, the ids of
 * all, in order: the placements' (the design's) and the series' (the demand's).
 * It is not a plan: `plan.placements` is null (in its place, so a rebuilt plan keeps its keys' order)
 * and the entries that travelled are in `placements.changed`, so that only createResultReceiver, which
 * took in every plan posted before it, can make it whole — a page that read the entries that
 * travelled as the plan's would lose every component whose entry had not changed.
 */
export interface PostedResult {
  plan: Omit<Plan, 'placements'> & { placements: null };
  placements: { order: string[]; changed: PlacementEntry[] };
  series: { pointMinutes: number; order: string[]; changed: PlanResult['series']['components'] };
}

/**
 * The worker's side. A kept run's series is the same object from plan to plan (run-memo.ts), so a
 * component whose four series are the objects posted last time is left out. What is posted is a copy
 * (the kept runs keep theirs: the copies' buffers are transferred, see seriesBuffers). An entry is
 * left out when it equals, value for value, the one posted last time for its component.
 */
export function createResultSender(): (result: PlanResult) => PostedResult {
  let posted = new Map<string, ComponentSeries>();
  let entries = new Map<string, PlacementEntry>();
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
      if (!same) changed[id] = copyComponentSeries(options);
    }
    posted = now;
    const nowEntries = new Map<string, PlacementEntry>();
    const changedEntries: PlacementEntry[] = [];
    const entryOrder: string[] = [];
    for (const entry of result.plan.placements) {
      entryOrder.push(entry.componentId);
      nowEntries.set(entry.componentId, entry);
      const last = entries.get(entry.componentId);
      if (last === undefined || !equal(last, entry)) changedEntries.push(entry);
    }
    entries = nowEntries;
    return {
      plan: { ...result.plan, placements: null },
      placements: { order: entryOrder, changed: changedEntries },
      series: { pointMinutes: result.series.pointMinutes, order, changed },
    };
  };
}

/**
 * The page's side: takes in every plan the worker posts, in order, shown or stale, so that it holds
 * what the worker thinks it posted, and gives back the whole result. An entry that did not travel is
 * the object held from before, so what draws it need not draw it again.
 */
export function createResultReceiver(): (posted: PostedResult) => PlanResult {
  let held = new Map<string, ComponentSeries>();
  let heldEntries = new Map<string, PlacementEntry>();
  return (posted) => {
    const now = new Map<string, ComponentSeries>();
    const components: PlanResult['series']['components'] = {};
    for (const id of posted.series.order) {
      const options = posted.series.changed[id] ?? held.get(id);
      if (!options) throw new Error(`the plan worker left out the series of ${id}, never posted`);
      now.set(id, options);
      components[id] = options;
    }
    const arrived = new Map(posted.placements.changed.map((e) => [e.componentId, e]));
    const nowEntries = new Map<string, PlacementEntry>();
    const placements = posted.placements.order.map((id) => {
      const entry = arrived.get(id) ?? heldEntries.get(id);
      if (!entry) throw new Error(`the plan worker left out the placement of ${id}, never posted`);
      nowEntries.set(id, entry);
      return entry;
    });
    held = now;
    heldEntries = nowEntries;
    return {
      plan: { ...posted.plan, placements },
      series: { pointMinutes: posted.series.pointMinutes, components },
    };
  };
}

/**
 * A copy of a component's chart series, all of them in one new buffer (views at their offsets): one
 * buffer a component, not one a series, because each buffer costs the copy, the transfer and the page's
 * reading of the message apart. Chromium, a worker posting 500 components' series to the page (the
 * 500-component design's first plan), medians of 20 (h26, 2026-12-06, 2 loaded cores): 10,000 buffers
 * 64 ms to post, 53 ms to arrive, 19 ms of the page's main thread to read; 500 buffers 11, 7 and
 * 1.3 ms. An edit of the 50-component design posts 32 components: 15 → 8 ms to copy, 5 → 1 ms to post
 * and arrive. A component's copy keeps no other component's series alive on the page.
 */
export function copyComponentSeries(options: ComponentSeries): ComponentSeries {
  const series = Object.entries(options) as [keyof ComponentSeries, ChartSeries][];
  let length = 0;
  for (const [, s] of series)
    length += s.demand.length + s.capacity.length + s.latencyMs.length + s.dropped.length + s.sloMinutes.length;
  const into = new Float32Array(length);
  let at = 0;
  const copy = (from: Float32Array) => {
    const view = into.subarray(at, at + from.length);
    view.set(from);
    at += from.length;
    return view;
  };
  const copied: Partial<ComponentSeries> = {};
  for (const [placement, s] of series) {
    copied[placement] = {
      demand: copy(s.demand),
      capacity: copy(s.capacity),
      latencyMs: copy(s.latencyMs),
      dropped: copy(s.dropped),
      sloMinutes: copy(s.sloMinutes),
    };
  }
  return copied as ComponentSeries;
}

/** The distinct buffers behind a posted plan's chart series, for postMessage's transfer list. */
export function postedBuffers(posted: PostedResult): ArrayBuffer[] {
  return seriesBuffers({ series: { pointMinutes: 0, components: posted.series.changed } });
}
