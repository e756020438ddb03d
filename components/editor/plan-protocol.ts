/**
 * Messages between the editor page and the plan worker (plan-worker.ts). Every message names the run
 * it belongs to; a newer `run` supersedes every older one, so a late answer to a stale run is simply
 * ignored by the page. On `done` the chart series' Float32Array buffers are transferred, not copied.
 */
import type { PlanProgress, PlanResult } from '@/core/plan';
import type { Problem } from '@/core/model';

/** Page → worker. The design is unvalidated: the worker validates it (defaults filled in) first. */
export type PlanRequest = { type: 'run'; runId: number; design: unknown } | { type: 'cancel'; runId: number };

/** Worker → page. */
export type PlanResponse =
  | { type: 'progress'; runId: number; progress: PlanProgress }
  | { type: 'done'; runId: number; result: PlanResult; ms: number }
  | { type: 'failed'; runId: number; problems: Problem[] }
  | { type: 'failed'; runId: number; message: string };

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
