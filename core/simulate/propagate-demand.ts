/**
 * Demand propagation (spec): a component's demand is its own workload plus, for every connection
 * into it, the caller's demand times `callsPerRequest`, computed in topological order. Demand does
 * not depend on placement, so each component's series is computed once, handed to the caller (who
 * simulates it straight away), and released as soon as every callee has added it in: memory holds
 * only the "frontier" of the graph, not every series at once. Series are Float32Array (4 bytes a
 * step); the async share is stored only where some arrives. The effective pattern is the pattern
 * of the largest contributor to the mean demand.
 */
import type { Design, Pattern } from '../model/design';
import {
  resolveDurationSeconds,
  resolveFunctionSeconds,
  resolveTimeoutMs,
  resolveWorkload,
} from '../model/design-fields';
import { topologicalOrder } from '../model/graph';
import { countSteps, generateWorkload } from '../workload/generate-workload';
import type { ComponentLoad, PlannedPeak } from './component-load';

export interface DemandItem {
  id: string;
  load: ComponentLoad;
  effectivePattern: Pattern;
  meanRps: number;
  /** Mean of its own workload alone: the traffic that reaches it from outside the design. */
  ownMeanRps: number;
}

/** Component ids with callers before callees (the design must be valid: no cycle). */
export function orderCallersFirst(design: Design): string[] {
  const order = topologicalOrder(
    design.components.map((c) => c.id),
    design.connections,
  );
  if (!order) throw new Error('connections form a cycle: validate the design first');
  return order;
}

/**
 * Demand kept from one plan to the next (the editor re-plans on every edit), so that an edit
 * recomputes only the series it changes. A component's series is a function of the horizon, its id
 * and workload, and its callers' series with each connection's calls and mode, in the design's
 * order (the order of the sums): those make its key, with each caller named by its own key, so the
 * key changes exactly when the series would. The kept series are never written to.
 */
export interface DemandMemo {
  /** Key text → a short number that stands for it in the callees' keys. */
  keys: Map<string, number>;
  series: Map<number, KeptDemand>;
  /** Keys used by the plan under way; `sweepDemandMemo` lets the rest go. */
  used: Set<number>;
}

interface KeptDemand {
  total: Float32Array;
  async: Float32Array | null;
  pattern: Pattern;
  mean: number;
  ownMeanRps: number;
  peak: number;
  windows: Window[];
  /**
   * The windows as the load's planned peaks, made on the first item yielded from this series and
   * kept with it: never written to, so a kept series' item hands on the same array from plan to
   * plan, and the run memo hashes it once (run-memo.ts).
   */
  planned?: PlannedPeak[];
}

/** Beyond this many kept values (4 bytes a step) the memo starts afresh: 64 MB of series. */
const MAX_KEPT_VALUES = 16_000_000;

export function createDemandMemo(): DemandMemo {
  return { keys: new Map(), series: new Map(), used: new Set() };
}

/** After a completed plan: drops the series it did not use. */
export function sweepDemandMemo(memo: DemandMemo): void {
  for (const key of memo.series.keys()) if (!memo.used.has(key)) memo.series.delete(key);
  if (memo.series.size === 0) memo.keys.clear();
  memo.used.clear();
}

/**
 * Yields every component's demand, callers first; a yielded series stays valid until the next step
 * (with a memo: for as long as the memo keeps it).
 */
export function* streamDemand(design: Design, memo?: DemandMemo): Generator<DemandItem, void> {
  const steps = countSteps(design.simulation);
  const byId = new Map(design.components.map((c) => [c.id, c]));
  const incoming = new Map<string, Design['connections'][number][]>();
  const unread = new Map<string, number>(); // callees that have not yet added a caller's series
  for (const c of design.connections) {
    const list = incoming.get(c.to);
    if (list) list.push(c);
    else incoming.set(c.to, [c]);
    unread.set(c.from, (unread.get(c.from) ?? 0) + 1);
  }
  const live = new Map<string, KeptDemand>();
  const horizonSeconds = steps * design.simulation.stepMinutes * 60;
  const stepSeconds = design.simulation.stepMinutes * 60;
  const horizonKey = JSON.stringify(design.simulation);
  const keyOf = new Map<string, number>();
  if (memo && memo.series.size * steps > MAX_KEPT_VALUES) {
    memo.series.clear();
    memo.keys.clear();
  }
  for (const id of orderCallersFirst(design)) {
    const comp = byId.get(id);
    if (!comp) continue;
    let key = -1;
    if (memo) {
      const from = (incoming.get(id) ?? []).map((c) => `${keyOf.get(c.from) ?? -1}*${c.callsPerRequest}${c.mode}`);
      const text = `${horizonKey}|${JSON.stringify(id)}|${JSON.stringify(comp.workload ?? null)}|${from.join(',')}`;
      key = memo.keys.get(text) ?? memo.keys.size;
      memo.keys.set(text, key);
      keyOf.set(id, key);
      memo.used.add(key);
      const kept = memo.series.get(key);
      if (kept) {
        yield itemOf(id, comp, kept, stepSeconds);
        continue;
      }
    }
    const callers = incoming.get(id) ?? [];
    const total = new Float32Array(steps);
    let asyncPart: Float32Array | null = null;
    const contributions = new Map<Pattern, number>();
    let ownMeanRps = 0;
    const windows: Window[] = [];
    if (comp.workload) {
      const w = resolveWorkload(comp.workload);
      total.set(generateWorkload(w, design.simulation, design.simulation.seed, id));
      // Without callers the series stays its own: its mean is taken with its peak, below.
      if (callers.length > 0) ownMeanRps = computeMean(total);
      contributions.set(comp.workload.pattern, ownMeanRps);
      // A generated once-in-a-lifetime peak is known in advance ("often known in advance ...
      // provisioning can be planned", placement-rules.md [CCP]); a measured series is not.
      if (w.pattern === 'once-in-a-lifetime' && !w.trace && w.peakRps > w.baseRps) {
        const start = w.peakStartHour * 3600;
        const end = Math.min(horizonSeconds, start + w.peakHours * 3600);
        if (end > start) windows.push({ start, end });
      }
      // So is a periodic one: its schedule is the pattern (predictive scaling plans for it).
      if (w.pattern === 'periodic' && !w.trace && w.peakRps > w.baseRps) {
        for (let k = -1; ; k++) {
          const start = (w.peakStartHour + k * w.periodHours) * 3600;
          if (start >= horizonSeconds) break;
          const end = Math.min(horizonSeconds, start + w.peakHours * 3600);
          if (end > 0) windows.push({ start: Math.max(0, start), end });
        }
      }
    }
    // Windows already held, by start and end (seconds).
    const seen = new Map<number, Set<number>>();
    for (const w of windows) {
      let ends = seen.get(w.start);
      if (!ends) seen.set(w.start, (ends = new Set()));
      ends.add(w.end);
    }
    for (const conn of callers) {
      const caller = memo ? memo.series.get(keyOf.get(conn.from) ?? -1) : live.get(conn.from);
      const k = conn.callsPerRequest;
      if (caller && k > 0) {
        if (conn.mode === 'async') {
          asyncPart ??= new Float32Array(steps);
          addScaledTwice(total, asyncPart, caller.total, k, steps);
        } else addScaled(total, caller.total, k, steps);
        contributions.set(caller.pattern, (contributions.get(caller.pattern) ?? 0) + k * caller.mean);
        // The callers' planned peaks reach this component too (each window once).
        addWindows(windows, seen, caller.windows);
      }
      const left = (unread.get(conn.from) ?? 1) - 1;
      unread.set(conn.from, left);
      if (left === 0) live.delete(conn.from);
    }
    // The peak and the mean (computeMean's sum, in its order) in one pass.
    const { peak, sum } = measurePeakAndSum(total, steps);
    const mean = steps > 0 ? sum / steps : 0;
    if (comp.workload && callers.length === 0) {
      ownMeanRps = mean;
      contributions.set(comp.workload.pattern, mean);
    }
    const pattern = pickLargest(contributions);
    const made: KeptDemand = { total, async: asyncPart, pattern, mean, ownMeanRps, peak, windows };
    if (memo) memo.series.set(key, made);
    else if ((unread.get(id) ?? 0) > 0) live.set(id, made);
    yield itemOf(id, comp, made, stepSeconds);
  }
}

/*
 * The loops over series and windows live in plain functions, not in streamDemand's body: a CPU
 * profile of the canvas bench's edit in Chromium's two plan workers put streamDemand's own time at
 * 59–269 ms a worker, most of it on these loops' lines — interpreter speed, against ~6 ms a re-plan
 * in Node (H24, 2026-12-06). The profile does not say why the generator stays slow there; a small
 * plain function's loop is optimised in place (on-stack replacement) whatever tier the generator is
 * in. The arithmetic is the same, in the same order.
 */

/** total[i] += k · src[i] for i < steps (each sum rounded to a float32 as it is stored). */
function addScaled(total: Float32Array, src: Float32Array, k: number, steps: number): void {
  for (let i = 0; i < steps; i++) total[i] = (total[i] as number) + k * (src[i] as number);
}

/** addScaled into both `total` and `part` (a caller's messages count in the whole and in the async part). */
function addScaledTwice(total: Float32Array, part: Float32Array, src: Float32Array, k: number, steps: number): void {
  for (let i = 0; i < steps; i++) {
    const x = k * (src[i] as number);
    total[i] = (total[i] as number) + x;
    part[i] = (part[i] as number) + x;
  }
}

/** Adds to `windows` those of `from` not yet in `seen` (by start and end), in order. */
function addWindows(windows: Window[], seen: Map<number, Set<number>>, from: readonly Window[]): void {
  for (let i = 0; i < from.length; i++) {
    const cw = from[i] as Window;
    let ends = seen.get(cw.start);
    if (!ends) seen.set(cw.start, (ends = new Set()));
    if (!ends.has(cw.end)) {
      ends.add(cw.end);
      windows.push(cw);
    }
  }
}

/** The largest of the first `steps` values (at least 0), and their sum in order. */
function measurePeakAndSum(total: Float32Array, steps: number): { peak: number; sum: number } {
  let peak = 0;
  let sum = 0;
  for (let i = 0; i < steps; i++) {
    const v = total[i] as number;
    if (v > peak) peak = v;
    sum += v;
  }
  return { peak, sum };
}

function itemOf(id: string, comp: Design['components'][number], d: KeptDemand, stepSeconds: number): DemandItem {
  return {
    id,
    load: {
      total: d.total,
      async: d.async,
      ...requestOf(comp),
      peakRps: d.peak,
      planned: (d.planned ??= d.windows.map((w) => plannedPeak(w, d.total, stepSeconds))),
    },
    effectivePattern: d.pattern,
    meanRps: d.mean,
    ownMeanRps: d.ownMeanRps,
  };
}

/** What one request of a component asks of whatever serves it: the part of its load that is not demand. */
export function requestOf(
  c: Design['components'][number],
): Pick<ComponentLoad, 'cpuMs' | 'durationMs' | 'functionDurationMs' | 'memoryMb' | 'timeoutMs' | 'sloMs'> {
  return {
    cpuMs: c.demand.cpuMs,
    durationMs: resolveDurationSeconds(c.demand) * 1000,
    functionDurationMs: resolveFunctionSeconds(c.demand) * 1000,
    memoryMb: c.demand.memoryMb,
    timeoutMs: resolveTimeoutMs(c.demand),
    sloMs: c.latencySloMs ?? Number.POSITIVE_INFINITY,
  };
}

/** A planned peak's time, seconds from the start of the horizon. */
interface Window {
  start: number;
  end: number;
}

/** A window with this component's largest demand in the steps it touches. */
function plannedPeak(w: Window, total: Float32Array, stepSeconds: number): PlannedPeak {
  const first = Math.max(0, Math.floor(w.start / stepSeconds));
  const last = Math.min(total.length - 1, Math.ceil(w.end / stepSeconds) - 1);
  let peakRps = 0;
  for (let i = first; i <= last; i++) if ((total[i] as number) > peakRps) peakRps = total[i] as number;
  return { startSeconds: w.start, endSeconds: w.end, peakRps };
}

/** Every component's demand at once (tests and the benchmark; the plan streams instead). */
export function propagateDemand(design: Design): Map<string, DemandItem> {
  const all = new Map<string, DemandItem>();
  for (const item of streamDemand(design)) all.set(item.id, item);
  return all;
}

function computeMean(series: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < series.length; i++) sum += series[i] as number;
  return series.length > 0 ? sum / series.length : 0;
}

function pickLargest(contributions: Map<Pattern, number>): Pattern {
  let best: Pattern = 'static';
  let bestValue = -1;
  for (const [pattern, value] of contributions) {
    if (value > bestValue) {
      best = pattern;
      bestValue = value;
    }
  }
  return best;
}
