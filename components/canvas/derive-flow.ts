/**
 * React Flow nodes and edges derived from the design document and the latest plan. Node objects
 * are reused while their inputs are unchanged, so React Flow re-renders only what an edit touched.
 */
import type { Edge, Node } from '@xyflow/react';
import type { Component, Connection, Design, Placement, Plan, WiringElement } from '@/core/model';
import { NODE_SIZE, positionsOf, type Point } from '@/core/edit';
import { wiringLabel } from '@/core/present';
import type { Utilisation } from '@/core/present';
import { connectionLabel, nodeLabel } from './node-text';
import { chipGroupSize, edgeLabelRect, placeWiringGroups, type Rect, type WiringAnchor } from './wiring-placement';

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
}

export interface WiringNodeData extends Record<string, unknown> {
  /** The elements inserted on one connection, or around one component (traffic manager, gateway). */
  elements: WiringElement[];
  /** What they sit on, for the accessible name: "ERP application → Analytics". */
  where: string;
}

export interface ConnectionEdgeData extends Record<string, unknown> {
  connection: Connection;
  crossing: boolean;
}

export type ComponentNode = Node<ComponentNodeData, 'component'>;
export type FlowNode = ComponentNode;

/** A group of inserted wiring, drawn by the wiring layer at a position in flow coordinates. */
export interface WiringGroup extends WiringNodeData {
  id: string;
  position: { x: number; y: number };
}
export type ConnectionEdge = Edge<ConnectionEdgeData, 'connection'>;

export interface Replay {
  at: (componentId: string, placement: Placement) => Utilisation | null;
}

const cache = new WeakMap<Component, { key: string; node: ComponentNode }>();

export function deriveNodes(
  design: Design,
  plan: Plan | null,
  selected: ReadonlySet<string>,
  replay: Replay | null,
  /** Positions that replace the layout's (the lanes view); null: the design's own layout. */
  override: ReadonlyMap<string, Point> | null = null,
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
    const key = `${position.x},${position.y},${placement},${cost},${selected.has(c.id)},${r?.utilisation.toFixed(2)},${r?.dropped},${r?.missingSlo}`;
    const hit = cache.get(c);
    if (hit && hit.key === key) return hit.node;
    const node: ComponentNode = {
      id: c.id,
      type: 'component',
      position,
      selected: selected.has(c.id),
      ariaLabel: nodeLabel(c, placement, cost, r),
      data: {
        component: c,
        placement,
        cost,
        utilisation: r ? r.utilisation : null,
        dropped: r?.dropped ?? 0,
        dropping: r?.dropping ?? false,
        missingSlo: r?.missingSlo ?? false,
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
  return derived.map((d) => {
    const o = old.get(d.id);
    if (!o) return d;
    if (
      o.data === d.data &&
      o.position.x === d.position.x &&
      o.position.y === d.position.y &&
      !!o.selected === !!d.selected
    )
      return o;
    return o.measured ? { ...d, measured: o.measured } : d;
  });
}

/**
 * Wiring is grouped: one group per crossing connection, along it, and one per component for what
 * wraps the component itself (a traffic manager, a gateway), by it; each group placed where it covers
 * no component and no other group (wiring-placement.ts).
 */
export function groupWiring(
  design: Design,
  wiring: readonly WiringElement[],
  override: ReadonlyMap<string, Point> | null = null,
): WiringGroup[] {
  const layout = override ?? positionsOf(design);
  const names = new Map(design.components.map((c) => [c.id, c.name]));
  const connections = new Map(design.connections.map((c) => [c.id, c]));
  const rect = (p: Point): Rect => ({ ...p, ...NODE_SIZE });
  const groups = new Map<string, { elements: WiringElement[]; anchor: WiringAnchor; where: string }>();
  for (const element of wiring) {
    const conn = element.connectionId ? connections.get(element.connectionId) : undefined;
    const a = conn && layout.get(conn.from);
    const b = conn && layout.get(conn.to);
    let key: string;
    let anchor: WiringAnchor;
    let where: string;
    if (conn && a && b) {
      key = `conn:${conn.id}`;
      anchor = { kind: 'connection', from: rect(a), to: rect(b) };
      where = `${names.get(conn.from)} → ${names.get(conn.to)}`;
    } else {
      const id = element.componentIds[0] as string;
      const p = layout.get(id);
      if (!p) continue;
      key = `comp:${id}`;
      anchor = { kind: 'component', on: rect(p) };
      where = names.get(id) ?? id;
    }
    const group = groups.get(key) ?? { elements: [], anchor, where };
    group.elements.push(element);
    groups.set(key, group);
  }
  // A component's own group has the fewer good spots (by the component): placed first.
  const entries = [...groups].map(([key, g]) => {
    const texts = g.elements.map(wiringLabel);
    return { key, ...g, texts, size: chipGroupSize(texts) };
  });
  const order = [
    ...entries.filter((e) => e.anchor.kind === 'component'),
    ...entries.filter((e) => e.anchor.kind === 'connection'),
  ];
  // The same groups on the same layout and connections land on the same spots: a plan that changes a
  // figure but not the wiring (most edits) reuses them. Placing the 535 groups of a 500-component
  // design was a main-thread task of 60–190 ms after each edit's plan (bench:canvas, 2026-12-05).
  const placementKey = order.map((e) => `${e.key}:${e.texts.join('|')}`).join(';');
  const cached = override === null ? lastPlacement : null;
  let spots: Point[];
  if (
    cached &&
    design.layout !== undefined &&
    cached.layout === design.layout &&
    cached.connections === design.connections &&
    cached.key === placementKey
  ) {
    spots = cached.spots;
  } else {
    const labels = design.connections.flatMap((c) => {
      const a = layout.get(c.from);
      const b = layout.get(c.to);
      return a && b ? [edgeLabelRect(rect(a), rect(b), connectionLabel(c))] : [];
    });
    spots = placeWiringGroups(order, [...[...layout.values()].map(rect), ...labels]);
    if (override === null)
      lastPlacement = { layout: design.layout, connections: design.connections, key: placementKey, spots };
  }
  const at = new Map(order.map((e, k) => [e, spots[k] as Point]));
  const next = new Map<string, { signature: string; group: WiringGroup }>();
  const result = entries.map((e) => {
    const g = { elements: e.elements, where: e.where, at: at.get(e) as Point };
    const id = `wiring:${e.key}`;
    // A new plan brings new element objects: a group whose content is the same keeps its object, so
    // the wiring layer redraws only the groups that changed.
    const signature = JSON.stringify([g.at, g.where, g.elements]);
    const kept = previousGroups.get(id);
    const group =
      kept && kept.signature === signature ? kept.group : { id, position: g.at, elements: g.elements, where: g.where };
    next.set(id, { signature, group });
    return group;
  });
  previousGroups = next;
  return result;
}

/** The last placement of the groups without an override: for the same layout, connections and groups. */
let lastPlacement: {
  layout: Design['layout'];
  connections: Design['connections'];
  key: string;
  spots: Point[];
} | null = null;

/** The groups of the last call, by id (one canvas at a time shows wiring). */
let previousGroups = new Map<string, { signature: string; group: WiringGroup }>();

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
