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
import { resolveDurationSeconds, resolveFunctionSeconds, resolveTimeoutMs, resolveWorkload } from '../model/design';
import { topologicalOrder } from '../model/graph';
import { countSteps, generateWorkload } from '../workload/generate-workload';
import type { ComponentLoad } from './component-load';

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

/** Yields every component's demand, callers first; a yielded series stays valid until the next step. */
export function* streamDemand(design: Design): Generator<DemandItem, void> {
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
  const live = new Map<string, { total: Float32Array; pattern: Pattern; mean: number }>();
  for (const id of orderCallersFirst(design)) {
    const comp = byId.get(id);
    if (!comp) continue;
    const total = new Float32Array(steps);
    let asyncPart: Float32Array | null = null;
    const contributions = new Map<Pattern, number>();
    let ownMeanRps = 0;
    if (comp.workload) {
      total.set(generateWorkload(resolveWorkload(comp.workload), design.simulation, design.simulation.seed, id));
      ownMeanRps = computeMean(total);
      contributions.set(comp.workload.pattern, ownMeanRps);
    }
    for (const conn of incoming.get(id) ?? []) {
      const caller = live.get(conn.from);
      const k = conn.callsPerRequest;
      if (caller && k > 0) {
        const src = caller.total;
        for (let i = 0; i < steps; i++) total[i] = (total[i] as number) + k * (src[i] as number);
        if (conn.mode === 'async') {
          asyncPart ??= new Float32Array(steps);
          for (let i = 0; i < steps; i++) asyncPart[i] = (asyncPart[i] as number) + k * (src[i] as number);
        }
        contributions.set(caller.pattern, (contributions.get(caller.pattern) ?? 0) + k * caller.mean);
      }
      const left = (unread.get(conn.from) ?? 1) - 1;
      unread.set(conn.from, left);
      if (left === 0) live.delete(conn.from);
    }
    let peak = 0;
    for (let i = 0; i < steps; i++) if ((total[i] as number) > peak) peak = total[i] as number;
    const mean = computeMean(total);
    const pattern = pickLargest(contributions);
    if ((unread.get(id) ?? 0) > 0) live.set(id, { total, pattern, mean });
    yield {
      id,
      load: {
        total,
        async: asyncPart,
        cpuMs: comp.demand.cpuMs,
        durationMs: resolveDurationSeconds(comp.demand) * 1000,
        functionDurationMs: resolveFunctionSeconds(comp.demand) * 1000,
        memoryMb: comp.demand.memoryMb,
        timeoutMs: resolveTimeoutMs(comp.demand),
        sloMs: comp.latencySloMs ?? Number.POSITIVE_INFINITY,
        peakRps: peak,
      },
      effectivePattern: pattern,
      meanRps: mean,
      ownMeanRps,
    };
  }
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
