/**
 * A reproducible large design for the benchmark: components in layers (entry points with every
 * pattern, services, processing, data), connections only forward (so no cycle), a mix of sync and
 * async, stateful and regulated stores, at 1-minute steps over 30 days.
 */
import { type DesignInput, PATTERNS } from '../core/model';
import { createPrng } from '../core/workload/prng';

export function generateBenchDesign(components: number, connections: number, seed: number): DesignInput {
  const random = createPrng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const entries = Math.max(1, Math.floor(components / 5));
  const comps: DesignInput['components'] = [];
  for (let i = 0; i < components; i++) {
    const isEntry = i < entries;
    const isStore = i >= components * 0.85;
    const pattern = pick(PATTERNS);
    const base = 1 + random() * 20;
    comps.push({
      id: `c${i}`,
      name: `Component ${i}`,
      kind: isEntry ? 'ui' : isStore ? 'database' : pick(['service', 'processing', 'batch'] as const),
      ...(isEntry
        ? {
            workload: {
              pattern,
              baseRps: base,
              peakRps: base * (2 + random() * 10),
              spikesPerWeek: 1 + random() * 4,
              growthPerMonth: random() * 0.3,
              noise: random() * 0.2,
            },
          }
        : {}),
      demand: { cpuMs: 2 + random() * 40, memoryMb: pick([256, 512, 1024]) },
      stateful: isStore,
      dataClass: isStore ? pick(['internal', 'confidential', 'regulated'] as const) : 'internal',
      ...(random() < 0.5 ? { latencySloMs: 200 + Math.floor(random() * 800) } : {}),
      dataGb: random() < 0.2 ? Math.floor(random() * 50) : 0,
    });
  }
  const conns: NonNullable<DesignInput['connections']> = [];
  const seen = new Set<string>();
  while (conns.length < connections) {
    const from = Math.floor(random() * (components - 1));
    const to = from + 1 + Math.floor(random() * Math.min(40, components - from - 1));
    if (seen.has(`${from}-${to}`)) continue;
    seen.add(`${from}-${to}`);
    conns.push({
      id: `k${conns.length}`,
      from: `c${from}`,
      to: `c${to}`,
      mode: random() < 0.3 ? 'async' : 'sync',
      callsPerRequest: 0.1 + random() * 0.6,
      payloadKb: 1 + Math.floor(random() * 16),
    });
  }
  return {
    format: 'tidemark.design',
    version: 1,
    name: `Benchmark: ${components} components, ${connections} connections`,
    simulation: { days: 30, stepMinutes: 1, seed },
    components: comps,
    connections: conns,
  };
}
