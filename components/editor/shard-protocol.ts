/**
 * Messages between the plan worker (plan-worker.ts) and its second thread (plan-shard-worker.ts), over
 * a MessageChannel the page sets up (use-plan-runner.ts): the plan worker asks for one part of a
 * design's simulation (core/plan/plan-sharded.ts) and gets that part's facts back. Each request
 * supersedes the ones before it: the shard worker stops an older part at its next slice.
 */
import type { Design } from '@/core/model';
import type { ShardResult } from '@/core/plan';

type Facts = ShardResult['facts'][number][1];
type Runs = Facts['runs'];

/**
 * A part as the second worker sends it: every component's facts, but the runs (and their chart
 * series, the bulk of a part: 5 × 720 floats a run) left out where they are the very runs it sent for
 * that component last time — its memo (run-memo.ts) hands back the same array when nothing the runs
 * read has changed, so identity is exact. Everything else in the facts (pattern, shape, requests) is
 * sent every time.
 */
export interface PartDelta {
  facts: [string, Omit<Facts, 'runs'> & { runs: Runs | null }][];
  series: ShardResult['series'];
}

/** Page → either worker: the port to the other one. */
export type ShardPortMessage = { type: 'shard-port'; port: MessagePort };

/** Plan worker → shard worker. The design was validated by the plan worker. */
export type ShardRequest =
  | { type: 'part'; id: number; design: Design; shard: { index: number; count: number }; points: number }
  | { type: 'cancel'; id: number };

/** Shard worker → plan worker. */
export type ShardResponse =
  | { type: 'part'; id: number; result: PartDelta }
  /** Components of the part simulated so far. */
  | { type: 'progress'; id: number; done: number }
  | { type: 'failed'; id: number; message: string }
  | { type: 'cancelled'; id: number };

/** The second worker's side: what it sent last, by component (only the last part is remembered). */
export function createPartSender(): (result: ShardResult) => PartDelta {
  let sent = new Map<string, Runs>();
  return (result) => {
    const delta: PartDelta = { facts: [], series: {} };
    const now = new Map<string, Runs>();
    for (const [id, f] of result.facts) {
      now.set(id, f.runs);
      const same = sent.get(id) === f.runs;
      delta.facts.push([id, { ...f, runs: same ? null : f.runs }]);
      const series = result.series[id];
      if (!same && series) delta.series[id] = series;
    }
    sent = now;
    return delta;
  };
}

/**
 * The plan worker's side: every part it is sent, in the order sent (a MessageChannel keeps it), so
 * that it holds what the sender thinks it holds, whether the plan that asked is still wanted or not.
 */
export function createPartReceiver(): (delta: PartDelta) => ShardResult {
  let held = new Map<string, { runs: Runs; series: ShardResult['series'][string] | undefined }>();
  return (delta) => {
    const result: ShardResult = { facts: [], series: {} };
    const now = new Map<string, { runs: Runs; series: ShardResult['series'][string] | undefined }>();
    for (const [id, f] of delta.facts) {
      const kept = f.runs === null ? held.get(id) : { runs: f.runs, series: delta.series[id] };
      if (!kept) throw new Error(`the second worker left out runs of ${id} it never sent`);
      now.set(id, kept);
      result.facts.push([id, { ...f, runs: kept.runs }]);
      if (kept.series) result.series[id] = kept.series;
    }
    held = now;
    return result;
  };
}
