/** Auto-layout with elkjs's layered algorithm: callers left, callees right, as demand flows. */
import type { ELK } from 'elkjs/lib/elk-api';
import type { Design } from '@/core/model';
import type { Point } from '@/core/edit';

/** elkjs (≈1.5 MB) loads on the first auto-layout, not with the editor page. */
let elk: Promise<ELK> | null = null;
function loadElk(): Promise<ELK> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default());
  return elk;
}

export const NODE_WIDTH = 200;
/** A component node's drawn size at zoom 1 (name, kind and pattern tags, placement line). */
export const NODE_HEIGHT = 100;

export async function layoutDesign(design: Design): Promise<Record<string, Point>> {
  const graph = await (
    await loadElk()
  ).layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '50',
      'elk.layered.spacing.nodeNodeBetweenLayers': '110',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: design.components.map((c) => ({ id: c.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: design.connections.map((c) => ({ id: c.id, sources: [c.from], targets: [c.to] })),
  });
  const out: Record<string, Point> = {};
  for (const child of graph.children ?? [])
    out[child.id] = { x: Math.round((child.x ?? 0) / 20) * 20, y: Math.round((child.y ?? 0) / 20) * 20 };
  return out;
}
