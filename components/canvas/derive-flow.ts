/**
 * React Flow nodes and edges derived from the design document and the latest plan. Node objects
 * are reused while their inputs are unchanged, so React Flow re-renders only what an edit touched.
 */
import type { Edge, Node } from '@xyflow/react';
import type { Component, Connection, Design, Placement, Plan } from '@/core/model';
import { positionsOf, type Point } from '@/core/edit';
import type { Utilisation } from '@/core/present';
import { nodeLabel } from './node-text';

// The wiring's groups live in wiring-groups.ts (no React: the wiring worker runs them).
export { groupWiring, type WiringGroup, type WiringNodeData } from './wiring-groups';

export interface ComponentNodeData extends Record<string, unknown> {
  component: Component;
  placement: Placement | null;
  /** The recommended option's monthly cost, dollars; null before the first plan. */
  cost: number | null;
  /** 0..1+ while the timeline replays; null otherwise. */
  utilisation: number | null;
  /** Requests dropped in the replayed point (0 when none, or not replaying). */
  dropped: number;
  dropping: boolean;
  /** The replayed point missed the component's latency SLO. */
  missingSlo: boolean;
  /** Why a value typed into its form was refused and is not saved (editor-store.ts `refused`); null: none. */
  unsaved: string | null;
}

export interface ConnectionEdgeData extends Record<string, unknown> {
  connection: Connection;
  crossing: boolean;
}

export type ComponentNode = Node<ComponentNodeData, 'component'>;
export type FlowNode = ComponentNode;

export type ConnectionEdge = Edge<ConnectionEdgeData, 'connection'>;

export interface Replay {
  at: (componentId: string, placement: Placement) => Utilisation | null;
}

const cache = new WeakMap<Component, { key: string; node: ComponentNode }>();
const NONE_UNSAVED: ReadonlyMap<string, string> = new Map();

/**
 * The components holding a refused value (editor-store.ts `refused`, keyed `components:<id>` by the
 * inspector's form), with why: the canvas marks them, so that a value kept while another component is
 * selected can be found again.
 */
export function unsavedComponents(refused: Readonly<Record<string, string>>): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [key, why] of Object.entries(refused)) if (key.startsWith('components:')) out.set(key.slice(11), why);
  return out.size > 0 ? out : NONE_UNSAVED;
}

export function deriveNodes(
  design: Design,
  plan: Plan | null,
  selected: ReadonlySet<string>,
  replay: Replay | null,
  /** Positions that replace the layout's (the lanes view); null: the design's own layout. */
  override: ReadonlyMap<string, Point> | null = null,
  /** Why each component's refused value is not saved, by component id. */
  unsaved: ReadonlyMap<string, string> = NONE_UNSAVED,
): ComponentNode[] {
  const entries = new Map(plan?.placements.map((p) => [p.componentId, p]));
  // A component without a position is drawn where the auto-layout would put it (core/edit's
  // provisional layout), until the editor saves elk's layout for it.
  const layout = positionsOf(design);
  return design.components.map((c) => {
    const position: Point = override?.get(c.id) ?? layout.get(c.id) ?? { x: 0, y: 0 };
    const entry = entries.get(c.id);
    const placement = entry?.placement ?? null;
    const cost = entry?.options.find((o) => o.placement === entry.placement)?.monthlyCost ?? null;
    const r = placement && replay ? replay.at(c.id, placement) : null;
    const why = unsaved.get(c.id) ?? null;
    const key = `${position.x},${position.y},${placement},${cost},${selected.has(c.id)},${r?.utilisation.toFixed(2)},${r?.dropped},${r?.missingSlo},${why}`;
    const hit = cache.get(c);
    if (hit && hit.key === key) return hit.node;
    const node: ComponentNode = {
      id: c.id,
      type: 'component',
      position,
      selected: selected.has(c.id),
      ariaLabel: nodeLabel(c, placement, cost, r, why !== null),
      data: {
        component: c,
        placement,
        cost,
        utilisation: r ? r.utilisation : null,
        dropped: r?.dropped ?? 0,
        dropping: r?.dropping ?? false,
        missingSlo: r?.missingSlo ?? false,
        unsaved: why,
      },
    };
    cache.set(c, { key, node });
    return node;
  });
}

/**
 * React Flow keeps its own copies of the nodes (with their measured sizes): when a node is derived
 * anew but nothing React Flow shows has changed, its old object is kept, so it does not re-render
 * and re-measure; otherwise the new node takes over the old measurements.
 */
export function mergeNodes(previous: FlowNode[], derived: FlowNode[]): FlowNode[] {
  const old = new Map(previous.map((n) => [n.id, n]));
  const merged = derived.map((d) => {
    const o = old.get(d.id);
    if (!o) return d;
    // A node being dragged stays under the pointer (a plan that lands mid-drag would put it back where
    // the design has it for a frame); the drop then writes its position to the design.
    const position = o.dragging ? o.position : d.position;
    if (
      o.data === d.data &&
      o.position.x === position.x &&
      o.position.y === position.y &&
      !!o.selected === !!d.selected
    )
      return o;
    const next = position === d.position ? d : { ...d, position, dragging: true };
    return o.measured ? { ...next, measured: o.measured } : next;
  });
  return sameItems(previous, merged);
}

/**
 * `previous` itself when `next` holds the same objects in the same order, else `next`. React Flow
 * takes a new nodes or edges array in whole (on the 500-component design, 500 nodes and 800 edges
 * looked up again, each node's and edge's selectors run again): an edit that changes none of them
 * (most edits change one node, and no edge) hands it the array it has.
 */
export function sameItems<T>(previous: T[], next: T[]): T[] {
  return previous.length === next.length && next.every((x, i) => x === previous[i]) ? previous : next;
}

const edgeCache = new WeakMap<Connection, { key: string; edge: ConnectionEdge }>();

/**
 * One edge per connection. Like the nodes, an edge whose inputs are unchanged keeps its object, so a
 * new plan re-renders only the edges whose crossing changed (not all 800 of a large design's).
 */
export function deriveEdges(design: Design, plan: Plan | null, selected: ReadonlySet<string>): ConnectionEdge[] {
  const placements = new Map(plan?.placements.map((p) => [p.componentId, p.placement]));
  const names = new Map(design.components.map((c) => [c.id, c.name]));
  const side = (p: Placement | undefined) =>
    p === undefined ? null : p === 'static' ? 'dc' : p === 'burst' ? 'both' : 'cloud';
  return design.connections.map((c) => {
    const a = side(placements.get(c.from));
    const b = side(placements.get(c.to));
    const crossing = a !== null && b !== null && (a !== b || a === 'both');
    const from = names.get(c.from) ?? c.from;
    const to = names.get(c.to) ?? c.to;
    const isSelected = selected.has(c.id);
    const key = JSON.stringify([crossing, isSelected, from, to]);
    const hit = edgeCache.get(c);
    if (hit && hit.key === key) return hit.edge;
    const edge: ConnectionEdge = {
      id: c.id,
      source: c.from,
      target: c.to,
      type: 'connection',
      selected: isSelected,
      ariaLabel: `${c.mode === 'async' ? 'Async' : 'Sync'} connection from ${from} to ${to}${crossing ? ', crosses between data centre and cloud' : ''}`,
      data: { connection: c, crossing },
    };
    edgeCache.set(c, { key, edge });
    return edge;
  });
}
