/**
 * Demand propagation (spec): a component's demand is its own workload plus, for every connection
 * into it, the caller's demand times `callsPerRequest`, computed in topological order. Demand does
 * not depend on placement, so it is computed once and shared by every option. Series are kept as
 * Float32Array (4 bytes a step) to bound memory; the async share is stored only where some arrives.
 * The effective pattern is the pattern of the largest contributor to the mean demand.
 */
import type { Design, Pattern } from '../model/design';
import { resolveDurationSeconds, resolveWorkload } from '../model/design';
import { topologicalOrder } from '../model/graph';
import { countSteps, generateWorkload } from '../workload/generate-workload';
import type { ComponentLoad } from './component-load';

export interface DemandSet {
  /** Component ids, callers before callees. */
  order: string[];
  loads: Map<string, ComponentLoad>;
  effectivePattern: Map<string, Pattern>;
  meanRps: Map<string, number>;
  steps: number;
}

export function propagateDemand(design: Design, onComponent?: (done: number) => void): DemandSet {
  const steps = countSteps(design.simulation);
  const order = topologicalOrder(
    design.components.map((c) => c.id),
    design.connections,
  );
  if (!order) throw new Error('connections form a cycle: validate the design first');
  const byId = new Map(design.components.map((c) => [c.id, c]));
  const incoming = new Map<string, Design['connections']>();
  for (const c of design.connections) incoming.set(c.to, [...(incoming.get(c.to) ?? []), c]);
  const loads = new Map<string, ComponentLoad>();
  const effectivePattern = new Map<string, Pattern>();
  const meanRps = new Map<string, number>();
  order.forEach((id, done) => {
    const comp = byId.get(id);
    if (!comp) return;
    const total = new Float32Array(steps);
    let asyncPart: Float32Array | null = null;
    const contributions = new Map<Pattern, number>();
    if (comp.workload) {
      const own = generateWorkload(resolveWorkload(comp.workload), design.simulation, design.simulation.seed, id);
      total.set(own);
      contributions.set(comp.workload.pattern, computeMean(total));
    }
    for (const conn of incoming.get(id) ?? []) {
      const caller = loads.get(conn.from);
      if (!caller || conn.callsPerRequest === 0) continue;
      const k = conn.callsPerRequest;
      const src = caller.total;
      if (conn.mode === 'async') asyncPart ??= new Float32Array(steps);
      for (let i = 0; i < steps; i++) total[i] = (total[i] as number) + k * (src[i] as number);
      if (asyncPart) {
        if (conn.mode === 'async') for (let i = 0; i < steps; i++) asyncPart[i] = (asyncPart[i] as number) + k * (src[i] as number);
      }
      const pattern = effectivePattern.get(conn.from) ?? 'static';
      contributions.set(pattern, (contributions.get(pattern) ?? 0) + k * (meanRps.get(conn.from) ?? 0));
    }
    let peak = 0;
    for (let i = 0; i < steps; i++) if ((total[i] as number) > peak) peak = total[i] as number;
    const mean = computeMean(total);
    loads.set(id, {
      total,
      async: asyncPart,
      cpuMs: comp.demand.cpuMs,
      durationMs: resolveDurationSeconds(comp.demand) * 1000,
      memoryMb: comp.demand.memoryMb,
      sloMs: comp.latencySloMs ?? Number.POSITIVE_INFINITY,
      peakRps: peak,
    });
    effectivePattern.set(id, pickLargest(contributions));
    meanRps.set(id, mean);
    onComponent?.(done + 1);
  });
  return { order, loads, effectivePattern, meanRps, steps };
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
