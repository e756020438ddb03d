/**
 * The plan's wiring as the canvas draws it: grouped, one group per crossing connection and one per
 * component for what wraps the component itself, each group placed where it covers no component and
 * no other group (wiring-placement.ts). Pure TypeScript with no React, so that the wiring worker
 * (wiring-worker.ts) runs it off the page's thread; the SVG export calls it directly.
 */
import type { Design, WiringElement } from '@/core/model';
import { NODE_SIZE, positionsOf, type Point } from '@/core/edit';
import { wiringLabel } from '@/core/present';
import { connectionLabel } from './node-text';
import { chipGroupSize, edgeLabelRect, placeWiringGroups, type Rect, type WiringAnchor } from './wiring-placement';

export interface WiringNodeData extends Record<string, unknown> {
  /** The elements inserted on one connection, or around one component (traffic manager, gateway). */
  elements: WiringElement[];
  /** What they sit on, for the accessible name: "ERP application → Analytics". */
  where: string;
}

/** A group of inserted wiring, drawn by the wiring layer at a position in flow coordinates. */
export interface WiringGroup extends WiringNodeData {
  id: string;
  position: { x: number; y: number };
}

export type GroupWiring = (
  design: Design,
  wiring: readonly WiringElement[],
  override?: ReadonlyMap<string, Point> | null,
) => WiringGroup[];

/**
 * A groupWiring with memory of its own: the last placement (reused for the same layout, connections
 * and groups) and the last groups (a group whose content is unchanged keeps its object). One per
 * canvas: the wiring worker has its own, the export shares the module's.
 */
export function createWiringGrouper(): GroupWiring {
  /** The last placement of the groups without an override: for the same layout, connections and groups. */
  let lastPlacement: {
    layout: Design['layout'];
    connections: Design['connections'];
    key: string;
    spots: Point[];
  } | null = null;
  /** The groups of the last call, by id. */
  let previousGroups = new Map<string, { signature: string; group: WiringGroup }>();

  return (design, wiring, override = null) => {
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
        kept && kept.signature === signature
          ? kept.group
          : { id, position: g.at, elements: g.elements, where: g.where };
      next.set(id, { signature, group });
      return group;
    });
    previousGroups = next;
    return result;
  };
}

/**
 * Wiring is grouped: one group per crossing connection, along it, and one per component for what
 * wraps the component itself (a traffic manager, a gateway), by it; each group placed where it covers
 * no component and no other group (wiring-placement.ts). The canvas computes this in the wiring
 * worker (its own grouper); this module-wide one serves the export and the tests.
 */
export const groupWiring: GroupWiring = createWiringGrouper();
