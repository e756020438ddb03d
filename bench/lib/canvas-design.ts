/**
 * The canvas benchmark's design: a layered DAG (entry points on the left, stores on the right) with
 * a position for every component, so both the editor and the bare React Flow page draw the same
 * picture. Seeded and deterministic. Every non-entry component has at least one caller in an earlier
 * layer (so demand reaches it); the remaining connections are extra forward edges, so no cycle.
 */
import type { DesignInput } from '../../core/model';
import { createPrng } from '../../core/workload/prng';

export const LAYER_GAP_X = 320;
export const ROW_GAP_Y = 140;

export function generateLayeredDesign(components: number, connections: number, seed: number): DesignInput {
  const random = createPrng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const entries = Math.max(2, Math.round(components / 60));
  const layers = Math.max(3, Math.round(Math.sqrt(components / 5)));
  // Layer 0 holds the entry points; the others share the rest evenly.
  const layerOf: number[] = [];
  for (let i = 0; i < components; i++)
    layerOf.push(i < entries ? 0 : 1 + Math.floor(((i - entries) * (layers - 1)) / (components - entries)));
  const byLayer: number[][] = Array.from({ length: layers }, () => []);
  layerOf.forEach((l, i) => byLayer[l]?.push(i));

  const comps: DesignInput['components'] = [];
  const layout: Record<string, { x: number; y: number }> = {};
  for (let i = 0; i < components; i++) {
    const layer = layerOf[i] as number;
    const isEntry = layer === 0;
    const isStore = layer === layers - 1;
    const base = 5 + random() * 40;
    // Entry 0 is periodic so that the edit benchmark finds a "Peak load" field on it.
    const pattern =
      i === 0
        ? 'periodic'
        : pick(['periodic', 'unpredictable', 'once-in-a-lifetime', 'static', 'continuously-changing'] as const);
    comps.push({
      id: `c${i}`,
      name: `Component ${i}`,
      kind: isEntry
        ? pick(['ui', 'external'] as const)
        : isStore
          ? pick(['database', 'storage'] as const)
          : pick(['service', 'processing', 'batch', 'data-access', 'queue'] as const),
      ...(isEntry
        ? {
            workload: {
              pattern,
              baseRps: base,
              peakRps: base * (2 + random() * 8),
              peakHours: 2,
              spikesPerWeek: 1 + random() * 3,
              growthPerMonth: random() * 0.2,
              noise: random() * 0.2,
            },
          }
        : {}),
      demand: { cpuMs: 2 + random() * 30, memoryMb: pick([256, 512, 1024]) },
      stateful: isStore,
      dataClass: isStore ? pick(['internal', 'confidential', 'regulated'] as const) : 'internal',
      ...(random() < 0.4 ? { latencySloMs: 200 + Math.floor(random() * 800) } : {}),
      dataGb: isStore ? Math.floor(random() * 50) : 0,
    });
    const row = (byLayer[layer] as number[]).indexOf(i);
    const rows = (byLayer[layer] as number[]).length;
    const tallest = Math.max(...byLayer.map((l) => l.length));
    layout[`c${i}`] = { x: layer * LAYER_GAP_X, y: Math.round((row + (tallest - rows) / 2) * ROW_GAP_Y) };
  }

  const conns: NonNullable<DesignInput['connections']> = [];
  const seen = new Set<string>();
  const add = (from: number, to: number) => {
    const key = `${from}-${to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    conns.push({
      id: `k${conns.length}`,
      from: `c${from}`,
      to: `c${to}`,
      mode: random() < 0.3 ? 'async' : 'sync',
      callsPerRequest: 0.2 + random() * 0.8,
      payloadKb: 1 + Math.floor(random() * 16),
    });
    return true;
  };
  // One caller from the previous layer for every non-entry component.
  for (let i = entries; i < components && conns.length < connections; i++)
    add(pick(byLayer[(layerOf[i] as number) - 1] as number[]), i);
  // Extra forward edges: mostly to the next layer, sometimes skipping one. Bounded attempts.
  for (let attempt = 0; conns.length < connections && attempt < connections * 50; attempt++) {
    const from = Math.floor(random() * components);
    const layer = layerOf[from] as number;
    if (layer >= layers - 1) continue;
    const target = Math.min(layers - 1, layer + (random() < 0.8 ? 1 : 2));
    add(from, pick(byLayer[target] as number[]));
  }
  return {
    format: 'tidemark.design',
    version: 1,
    name: `Canvas benchmark: ${components} components, ${connections} connections`,
    simulation: { seed },
    components: comps,
    connections: conns,
    layout,
  };
}
