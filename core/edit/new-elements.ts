/**
 * The two edits that make a new element: a component dropped from the palette and a connection drawn
 * between two. Each is filled in with the defaults of the design's own schemas (design.ts), so this
 * module loads zod: the editor imports it when it first adds or connects, never before its first
 * draw (issue 17). A connection that would make a cycle, a duplicate or a self-connection is refused
 * with a sentence the editor can show.
 */
import { componentSchema, connectionSchema, type ComponentKind, type Connection, type Design } from '../model/design';
import { findCycle } from '../model/graph';
import { snap, uniqueId, uniqueName, type Point } from './edit-design';

/** Sensible starting figures per kind, so a dropped component simulates before it is tuned. */
const KIND_STARTERS: Record<ComponentKind, { name: string; cpuMs: number; stateful?: boolean; rps?: number }> = {
  ui: { name: 'Web front end', cpuMs: 20, rps: 10 },
  service: { name: 'Service', cpuMs: 20 },
  processing: { name: 'Processing', cpuMs: 200 },
  batch: { name: 'Batch job', cpuMs: 1000 },
  'data-access': { name: 'Data access', cpuMs: 10 },
  database: { name: 'Database', cpuMs: 5, stateful: true },
  storage: { name: 'Storage', cpuMs: 2, stateful: true },
  queue: { name: 'Queue', cpuMs: 1 },
  external: { name: 'External system', cpuMs: 10 },
};

export function addComponent(design: Design, kind: ComponentKind, at: Point): { design: Design; id: string } {
  const starter = KIND_STARTERS[kind];
  const id = uniqueId(kind, new Set(design.components.map((c) => c.id)));
  const component = componentSchema.parse({
    id,
    name: uniqueName(starter.name, new Set(design.components.map((c) => c.name))),
    kind,
    demand: { cpuMs: starter.cpuMs },
    stateful: starter.stateful ?? false,
    ...(starter.rps ? { workload: { pattern: 'static', baseRps: starter.rps } } : {}),
  });
  return {
    id,
    design: { ...design, components: [...design.components, component], layout: { ...design.layout, [id]: snap(at) } },
  };
}

export type ConnectResult = { ok: true; design: Design; id: string } | { ok: false; reason: string };

export function connect(design: Design, from: string, to: string, mode: Connection['mode'] = 'sync'): ConnectResult {
  const name = (id: string) => design.components.find((c) => c.id === id)?.name ?? id;
  if (from === to) return { ok: false, reason: 'A component cannot call itself.' };
  if (design.connections.some((c) => c.from === from && c.to === to)) {
    return { ok: false, reason: `${name(from)} already calls ${name(to)}.` };
  }
  const cycle = findCycle(
    design.components.map((c) => c.id),
    [...design.connections, { from, to }],
  );
  if (cycle) {
    return {
      ok: false,
      reason: `That connection would make a cycle (${cycle.path.map(name).join(' → ')}); demand must flow one way.`,
    };
  }
  const id = uniqueId(`${from}-${to}`, new Set(design.connections.map((c) => c.id)));
  const connection = connectionSchema.parse({ id, from, to, mode });
  return { ok: true, id, design: { ...design, connections: [...design.connections, connection] } };
}
