/**
 * The graph elk lays out and what its answer means on the canvas; shared by the page
 * (auto-layout.ts) and the layout worker (layout-worker.ts).
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Design } from '@/core/model';
import { NODE_SIZE, type Point } from '@/core/edit';

export interface LayoutRequest {
  id: number;
  graph: ElkNode;
}
export type LayoutResponse = { id: number; positions: Record<string, Point> } | { id: number; error: string };

/**
 * Network-simplex node placement rather than Brandes–Köpf: on a wide layer (a 500-component design
 * has ten layers of 50) Brandes–Köpf stretches the columns to align long edges — 8,200 × 32,600 px
 * against 7,200 × 8,600 px — and a fitted view of that is an unreadable strip.
 */
const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '50',
  'elk.layered.spacing.nodeNodeBetweenLayers': '110',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
};

/** elk's graph of the given components and the connections among them. */
export function elkGraph(design: Design, ids: readonly string[]): ElkNode {
  const included = new Set(ids);
  return {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: ids.map((id) => ({ id, width: NODE_SIZE.width, height: NODE_SIZE.height })),
    edges: design.connections
      .filter((c) => included.has(c.from) && included.has(c.to))
      .map((c) => ({ id: c.id, sources: [c.from], targets: [c.to] })),
  };
}

/** Top-lefts from elk's answer, on the 20 px grid. */
export function positionsFromElk(graph: ElkNode): Record<string, Point> {
  const out: Record<string, Point> = {};
  for (const child of graph.children ?? [])
    out[child.id] = { x: Math.round((child.x ?? 0) / 20) * 20, y: Math.round((child.y ?? 0) / 20) * 20 };
  return out;
}
