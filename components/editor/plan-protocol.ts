/**
 * Messages between the editor page and the plan worker (plan-worker.ts). Every message names the run
 * it belongs to; a newer `run` supersedes every older one, so a late answer to a stale run is simply
 * ignored by the page. On `done` the chart series' Float32Array buffers are transferred: copies of
 * them, since the worker keeps its runs for the next plan (`withOwnSeries`).
 * Comparing providers (issue 14) is a job of its own beside the plan runs, numbered apart
 * (`compareId`): a re-plan does not stop a comparison, and a newer comparison or a cancel does.
 */
import type { ChartSeries, PlanProgress, PlanResult, ProviderComparison, ProviderRow } from '@/core/plan';
import type { Problem } from '@/core/model';

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
  | { type: 'done'; runId: number; result: PlanResult; ms: number }
  | { type: 'failed'; runId: number; problems: Problem[] }
  | { type: 'failed'; runId: number; message: string }
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

/**
 * The result with its chart series copied, for a worker that keeps its runs (run-memo.ts): the copies'
 * buffers are transferred, and the runs it keeps hold their own series still (a transferred buffer is
 * detached, and a later plan that reused the run would post an empty chart).
 */
export function withOwnSeries(result: PlanResult): PlanResult {
  const components: PlanResult['series']['components'] = {};
  for (const [id, options] of Object.entries(result.series.components)) {
    const copied: Partial<(typeof components)[string]> = {};
    for (const [placement, s] of Object.entries(options) as [keyof typeof options, ChartSeries][]) {
      copied[placement] = {
        demand: s.demand.slice(),
        capacity: s.capacity.slice(),
        latencyMs: s.latencyMs.slice(),
        dropped: s.dropped.slice(),
        sloMinutes: s.sloMinutes.slice(),
      };
    }
    components[id] = copied as (typeof components)[string];
  }
  return { ...result, series: { ...result.series, components } };
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
