/**
 * Messages between the plan worker (plan-worker.ts) and its second thread (plan-shard-worker.ts), over
 * a MessageChannel the page sets up (use-plan-runner.ts): the plan worker asks for one part of a
 * design's simulation (core/plan/plan-sharded.ts) and gets that part's facts back. Each request
 * supersedes the ones before it: the shard worker stops an older part at its next slice.
 */
import type { Design } from '@/core/model';
import type { ChartSeries, ShardResult } from '@/core/plan';
import { copyComponentSeries, seriesBuffers } from './plan-protocol';

type Facts = ShardResult['facts'][number][1];
type Runs = Facts['runs'];
type DemandByHour = Facts['demandByHour'];

/**
 * A part as the second worker sends it: every component's facts, but the runs (and their chart
 * series, the bulk of a part: 5 × 720 floats a run) left out where they are the very runs it sent for
 * that component last time — its memo (run-memo.ts) hands back the same array when nothing the runs
 * read has changed, so identity is exact — and likewise its demand by hour and step (`null`: the one
 * sent last time), which build-plan.ts keeps by the demand series. The rest of the facts (pattern,
 * shape, requests) is sent every time.
 */
export interface PartDelta {
  facts: [string, Omit<Facts, 'runs' | 'demandByHour'> & { runs: Runs | null; demandByHour?: DemandByHour | null }][];
  series: ShardResult['series'];
}

/**
 * Whether two demands by hour are the same arrays (build-plan.ts's demandOf wraps the arrays it keeps
 * in a new object every plan). Sent whole, a 500-component design's part carried 2.85 MB of them on
 * every edit, one leaf's changed, against 0.14 MB for the rest of its facts; v8.serialize and
 * deserialize took 4-53 ms for it against 1-2 (Node, bench design, five leaf edits, loaded machine,
 * 2026-12-06).
 */
function sameDemand(a: DemandByHour, b: DemandByHour): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.requests === b.requests && a.stepSeconds === b.stepSeconds && a.steps === b.steps;
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

/**
 * The second worker's side: what it sent last, by component (only the last part is remembered). The
 * runs that travel carry copies of their chart series, a component's in one buffer of its own
 * (copyComponentSeries), for the transfer list (partBuffers): the worker's memo keeps the originals for
 * the next part. Cloned with the rest, the series were most of the message's cost: on the canvas
 * bench's edit (17 components' runs) v8.serialize and deserialize took 41 ms for the part and 3 ms
 * for it without its series (Node, median of 15, h26, 2026-12-06).
 */
export function createPartSender(): (result: ShardResult) => PartDelta {
  let sent = new Map<string, Pick<Facts, 'runs' | 'demandByHour'>>();
  return (result) => {
    const delta: PartDelta = { facts: [], series: {} };
    const now = new Map<string, Pick<Facts, 'runs' | 'demandByHour'>>();
    for (const [id, facts] of result.facts) {
      const last = sent.get(id);
      now.set(id, facts);
      const f = last && sameDemand(last.demandByHour, facts.demandByHour) ? { ...facts, demandByHour: null } : facts;
      const same = last?.runs === f.runs;
      const series = result.series[id];
      if (same || !series) {
        delta.facts.push([id, { ...f, runs: same ? null : f.runs }]);
        continue;
      }
      const copy = copyComponentSeries(series);
      delta.series[id] = copy;
      const copyOf = new Map<ChartSeries, ChartSeries>();
      for (const placement of Object.keys(series) as (keyof typeof series)[])
        copyOf.set(series[placement], copy[placement]);
      delta.facts.push([id, { ...f, runs: f.runs.map((run) => withSeries(run, copyOf.get(run.series))) }]);
    }
    sent = now;
    return delta;
  };
}

/**
 * The run with `series` in place of its own, in the run and in its stats (the same object in both, as
 * a clone keeps it); unchanged without one. The stats stay an OptionStats, the memo's untouched.
 */
function withSeries(run: Runs[number], series: ChartSeries | undefined): Runs[number] {
  if (!series) return run;
  const stats = Object.assign(Object.create(Object.getPrototypeOf(run.stats) as object) as typeof run.stats, run.stats);
  (stats as { series: ChartSeries }).series = series;
  return { ...run, series, stats: run.stats.series === run.series ? stats : run.stats };
}

/** The buffers of a part's series copies, for postMessage's transfer list (one a component). */
export function partBuffers(delta: PartDelta): ArrayBuffer[] {
  return seriesBuffers({ series: { pointMinutes: 0, components: delta.series } });
}

/**
 * The plan worker's side: every part it is sent, in the order sent (a MessageChannel keeps it), so
 * that it holds what the sender thinks it holds, whether the plan that asked is still wanted or not.
 */
export function createPartReceiver(): (delta: PartDelta) => ShardResult {
  type Held = { runs: Runs; series: ShardResult['series'][string] | undefined; demandByHour: DemandByHour };
  let held = new Map<string, Held>();
  return (delta) => {
    const result: ShardResult = { facts: [], series: {} };
    const now = new Map<string, Held>();
    for (const [id, f] of delta.facts) {
      const last = held.get(id);
      const runs = f.runs === null ? last : { runs: f.runs, series: delta.series[id] };
      if (!runs) throw new Error(`the second worker left out runs of ${id} it never sent`);
      if (f.demandByHour === null && !last)
        throw new Error(`the second worker left out the demand of ${id} it never sent`);
      const demandByHour = f.demandByHour === null ? last?.demandByHour : f.demandByHour;
      const kept: Held = { runs: runs.runs, series: runs.series, demandByHour };
      now.set(id, kept);
      const { demandByHour: _sent, ...rest } = f;
      result.facts.push([id, { ...rest, runs: kept.runs, ...(demandByHour !== undefined ? { demandByHour } : {}) }]);
      if (kept.series) result.series[id] = kept.series;
    }
    held = now;
    return result;
  };
}
