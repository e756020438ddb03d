/**
 * Pure edits of a design document, for the editor: update, move, remove, copy and paste (adding a
 * component and connecting two are in new-elements.ts, which fills them in with the design's schemas,
 * loaded only when the editor first adds or connects). Each returns a new document (never mutates),
 * keeps ids unique, cascades removals to connections and layout, and refuses an edit that would make
 * the design invalid with a sentence the editor can show.
 */
import type { Component, Connection, Design } from '../model/design';
import { COORDINATE_LIMIT } from '../model/design-fields';

export interface Point {
  x: number;
  y: number;
}

export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const stem =
    base
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'c';
  if (!taken.has(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

/** `base`, or `base 2`, `base 3`… when a component already has that name. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`)) return `${base} ${i}`;
}

export function updateComponent(design: Design, id: string, next: Component): Design {
  return { ...design, components: design.components.map((c) => (c.id === id ? next : c)) };
}

export function updateConnection(design: Design, id: string, next: Connection): Design {
  return { ...design, connections: design.connections.map((c) => (c.id === id ? next : c)) };
}

/**
 * Puts components at positions, rounded and held within the canvas's bounds (COORDINATE_LIMIT). An id
 * that names no component of the design (one removed while it was dragged or laid out) and a position
 * that is not a number are left out: a valid design moved is a valid design (the editor's autosave
 * relies on it, components/editor/known-valid.ts).
 */
export function moveComponents(design: Design, positions: Record<string, Point>): Design {
  const ids = new Set(design.components.map((c) => c.id));
  const layout = { ...design.layout };
  const place = (v: number) => Math.min(COORDINATE_LIMIT, Math.max(-COORDINATE_LIMIT, Math.round(v)));
  for (const [id, p] of Object.entries(positions))
    if (ids.has(id) && Number.isFinite(p.x) && Number.isFinite(p.y)) layout[id] = { x: place(p.x), y: place(p.y) };
  return { ...design, layout };
}

/** Removes components (with their connections and positions) and connections; keeps at least one component. */
export function removeElements(
  design: Design,
  componentIds: Iterable<string>,
  connectionIds: Iterable<string>,
): Design | { refused: string } {
  const gone = new Set(componentIds);
  const goneEdges = new Set(connectionIds);
  const components = design.components.filter((c) => !gone.has(c.id));
  if (components.length === 0) return { refused: 'A design keeps at least one component.' };
  const layout = Object.fromEntries(Object.entries(design.layout ?? {}).filter(([id]) => !gone.has(id)));
  const connections = design.connections.filter((c) => !goneEdges.has(c.id) && !gone.has(c.from) && !gone.has(c.to));
  return { ...design, components, connections, layout };
}

/** What the clipboard holds: the chosen components, the connections among them, their positions. */
export interface Fragment {
  kind: 'tidemark.fragment';
  components: Component[];
  connections: Connection[];
  layout: Record<string, Point>;
}

export function copyElements(design: Design, componentIds: Iterable<string>): Fragment {
  const ids = new Set(componentIds);
  return {
    kind: 'tidemark.fragment',
    components: design.components.filter((c) => ids.has(c.id)),
    connections: design.connections.filter((c) => ids.has(c.from) && ids.has(c.to)),
    layout: Object.fromEntries(Object.entries(design.layout ?? {}).filter(([id]) => ids.has(id))),
  };
}

/** Where a fragment's component was when copied (one copied without a position: down a diagonal). */
const copiedAt = (fragment: Fragment, id: string, i: number): Point => fragment.layout[id] ?? { x: i * 40, y: i * 40 };

/** How far a paste lands from what was copied, on screen: as drawing tools do (Figma, draw.io). */
export const PASTE_SCREEN_STEP = 24;

/**
 * The step of a paste (pasteOffset's `step`) at a canvas zoom: about `screenStep` screen pixels down
 * and right at any zoom, a whole number of grid cells and never less than one, so a pasted component
 * lands on the grid and visibly beside what was copied.
 */
export function pasteStep(zoom: number, screenStep = PASTE_SCREEN_STEP): Point {
  const cells = Math.round(screenStep / zoom / GRID);
  const side = GRID * (Number.isFinite(cells) ? Math.max(1, cells) : 1);
  return { x: side, y: side };
}

/**
 * How far to shift a paste so that the user sees it: `step` (down and right), or twice, three times
 * it… — the first multiple at which no copy lands on a component already there (within half a step).
 * A second paste of the same fragment so cascades beside the first, as a paste of the original
 * copied again, or into a design where something sits at the copied spot, does: as drawing tools
 * (Figma, draw.io) do.
 */
export function pasteOffset(design: Design, fragment: Fragment, step: Point): Point {
  const [w, h] = [Math.max(1, Math.abs(step.x)), Math.max(1, Math.abs(step.y))];
  // Components bucketed by cells a step wide: a copy looks in its cell and the eight around it.
  const cells = new Map<string, Point[]>();
  const cellOf = (p: Point) => [Math.floor(p.x / w), Math.floor(p.y / h)] as const;
  for (const t of Object.values(design.layout ?? {})) {
    const [i, j] = cellOf(t);
    const key = `${i},${j}`;
    const cell = cells.get(key);
    if (cell) cell.push(t);
    else cells.set(key, [t]);
  }
  const isTaken = (p: Point) => {
    const [i, j] = cellOf(p);
    for (let di = -1; di <= 1; di++)
      for (let dj = -1; dj <= 1; dj++)
        for (const t of cells.get(`${i + di},${j + dj}`) ?? [])
          if (Math.abs(p.x - t.x) < w / 2 && Math.abs(p.y - t.y) < h / 2) return true;
    return false;
  };
  const copies = fragment.components.map((c, i) => copiedAt(fragment, c.id, i));
  // Bounded: past this many pastes in a row the cascade has left the screen anyway; then one step.
  for (let k = 1; k <= 100; k++) {
    const offset = { x: k * step.x, y: k * step.y };
    if (!copies.some((p) => isTaken(snap({ x: p.x + offset.x, y: p.y + offset.y })))) return offset;
  }
  return step;
}

/** Pastes a fragment with fresh ids and names, shifted by `offset`; returns the new component ids. */
export function pasteFragment(design: Design, fragment: Fragment, offset: Point): { design: Design; ids: string[] } {
  const takenIds = new Set(design.components.map((c) => c.id));
  const takenNames = new Set(design.components.map((c) => c.name));
  const takenEdges = new Set(design.connections.map((c) => c.id));
  const rename = new Map<string, string>();
  const components = fragment.components.map((c) => {
    const id = uniqueId(c.id, takenIds);
    takenIds.add(id);
    rename.set(c.id, id);
    const name = uniqueName(c.name, takenNames);
    takenNames.add(name);
    return { ...c, id, name };
  });
  const connections = fragment.connections.map((c) => {
    const id = uniqueId(c.id, takenEdges);
    takenEdges.add(id);
    return { ...c, id, from: rename.get(c.from) ?? c.from, to: rename.get(c.to) ?? c.to };
  });
  const layout = { ...design.layout };
  fragment.components.forEach((c, i) => {
    const p = copiedAt(fragment, c.id, i);
    layout[rename.get(c.id) as string] = snap({ x: p.x + offset.x, y: p.y + offset.y });
  });
  return {
    ids: components.map((c) => c.id),
    design: {
      ...design,
      components: [...design.components, ...components],
      connections: [...design.connections, ...connections],
      layout,
    },
  };
}

/** The canvas grid, 20 px: dragged, new and pasted components snap to it, and its dots are drawn on it. */
export const GRID = 20;
export function snap(p: Point): Point {
  return { x: Math.round(p.x / GRID) * GRID, y: Math.round(p.y / GRID) * GRID };
}
