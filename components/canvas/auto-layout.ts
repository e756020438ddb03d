/**
 * Auto-layout with elkjs's layered algorithm: callers left, callees right, as demand flows. Used by
 * the L command (the whole design) and when a design arrives with components that have no position
 * (imported without `layout`): those are laid out and placed by core/edit's `placeUnplaced`, the
 * others keep theirs. elk runs in a Web Worker (layout-worker.ts): 500 components take about a
 * second, which on the page's thread would freeze it.
 */
import type { Design } from '@/core/model';
import { foldTallLayers, NODE_SIZE, placeUnplaced, unplacedIds, type Point } from '@/core/edit';
import { elkGraph, positionsFromElk, type LayoutRequest, type LayoutResponse } from './elk-graph';

/** A component node's drawn size at zoom 1 (name, kind and pattern tags, placement line). */
export const NODE_WIDTH = NODE_SIZE.width;
export const NODE_HEIGHT = NODE_SIZE.height;

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (p: Record<string, Point>) => void; reject: (e: Error) => void }>();

function layoutWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'tidemark-layout' });
  w.onmessage = (event: MessageEvent<LayoutResponse>) => {
    const { id } = event.data;
    const pending = waiting.get(id);
    waiting.delete(id);
    if (!pending) return;
    if ('error' in event.data) pending.reject(new Error(event.data.error));
    else pending.resolve(event.data.positions);
  };
  w.onerror = () => {
    // A worker that cannot start (or died) fails what waits on it; the next layout starts another.
    for (const p of waiting.values()) p.reject(new Error('the layout worker stopped'));
    waiting.clear();
    worker = null;
  };
  worker = w;
  return w;
}

/**
 * elk's layered layout of `ids` among themselves, computed off the page's thread, its layers folded
 * when they make a tall strip (core/edit's `foldTallLayers`).
 */
async function layered(design: Design, ids: readonly string[]): Promise<Record<string, Point>> {
  const graph = elkGraph(design, ids);
  const positions =
    typeof Worker === 'undefined'
      ? positionsFromElk(await new (await import('elkjs/lib/elk.bundled.js')).default().layout(graph))
      : await new Promise<Record<string, Point>>((resolve, reject) => {
          const id = ++nextId;
          waiting.set(id, { resolve, reject });
          layoutWorker().postMessage({ id, graph } satisfies LayoutRequest);
        });
  return foldTallLayers(positions, NODE_SIZE);
}

/** The whole design laid out anew (the L command). */
export function layoutDesign(design: Design): Promise<Record<string, Point>> {
  return layered(
    design,
    design.components.map((c) => c.id),
  );
}

/** Positions for the components the design's layout leaves out (none: an empty record). */
export async function completeLayout(design: Design): Promise<Record<string, Point>> {
  const ids = unplacedIds(design);
  if (ids.length === 0) return {};
  return placeUnplaced(design, await layered(design, ids), NODE_SIZE);
}
