/**
 * Positions for components the layout leaves out (a design imported without `layout`, or with it for
 * only some components). A design with no positions at all takes a layered layout whole: callers
 * left, callees right, as demand flows. Components that have a position keep it; the ones without
 * are laid out among themselves and each connected group of them is set, as one block, beside its
 * callers (or before its callees) in the nearest free space, else below everything.
 *
 * The layered block comes from elk in the browser (components/canvas/auto-layout.ts); `layeredBlock`
 * is a pure stand-in of the same shape, so the canvas never draws an unplaced component anywhere
 * arbitrary while elk works, and views that never run elk (a share page, a comparison) read well.
 */
import type { Design } from '../model/design';
import { GRID, type Point } from './edit-design';
import type { Size } from './free-spot';
import { searchRings } from './ring-search';

/** Between layers, as elk's `nodeNodeBetweenLayers` (110) on the grid. */
const LAYER_GAP = 6 * GRID;
/** Between rows of one layer (elk's `spacing.nodeNode`, 50, on the grid). */
const ROW_GAP = 3 * GRID;
/** Space kept clear around a placed block. */
const CLEARANCE = 2 * GRID;
const MAX_RINGS = 80;
/** Between the sub-columns a folded layer is split into (room for the edges passing between). */
const SUB_GAP = 3 * GRID;
/** A layout narrower than this (width ÷ height) is folded; folding aims at `FOLD_ASPECT`. */
const TALL = 0.6;
const FOLD_ASPECT = 1.4;

const snap = (v: number) => Math.round(v / GRID) * GRID;

/** The components the layout gives no position, in the design's order. */
export function unplacedIds(design: Design): string[] {
  const layout = design.layout ?? {};
  return design.components.filter((c) => !layout[c.id]).map((c) => c.id);
}

/**
 * A layered layout of `ids` among themselves: each in the column of its longest chain of callers,
 * rows ordered by the mean row of their callers (one sweep, which untangles most crossings), each
 * column centred on the tallest, folded when that makes a tall strip. Pure.
 */
export function layeredBlock(design: Design, ids: readonly string[], size: Size): Record<string, Point> {
  const inBlock = new Set(ids);
  const callers = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const c of design.connections) if (inBlock.has(c.from) && inBlock.has(c.to)) callers.get(c.to)?.push(c.from);
  // The design is acyclic (validated), so the longest path is well defined; memoised depth-first.
  const layer = new Map<string, number>();
  const depth = (id: string, seen: Set<string>): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0; // a cycle cannot be saved, but never loop on one
    seen.add(id);
    const d = Math.max(-1, ...(callers.get(id) ?? []).map((p) => depth(p, seen))) + 1;
    layer.set(id, d);
    return d;
  };
  const columns: string[][] = [];
  for (const id of ids) (columns[depth(id, new Set())] ??= []).push(id);
  const row = new Map<string, number>();
  for (const column of columns) {
    const key = (id: string) => {
      const rows = (callers.get(id) ?? []).map((p) => row.get(p) ?? 0);
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : -1;
    };
    const order = column.map((id, i) => ({ id, i, k: key(id) })).sort((a, b) => a.k - b.k || a.i - b.i);
    order.forEach(({ id }, r) => row.set(id, r));
  }
  const tallest = Math.max(0, ...columns.map((c) => c.length));
  const out: Record<string, Point> = {};
  const fold = () => foldTallLayers(out, size);
  columns.forEach((column, l) => {
    const offset = ((tallest - column.length) / 2) * (size.height + ROW_GAP);
    for (const id of column)
      out[id] = {
        x: l * (size.width + LAYER_GAP),
        y: snap(offset + (row.get(id) ?? 0) * (size.height + ROW_GAP)),
      };
  });
  return fold();
}

/**
 * A layered layout whose layers are so long that it is a tall strip (a few layers of dozens of
 * components: a fitted view of it is unreadable) is folded: each long layer is dealt, in its order,
 * into sub-columns side by side — the second one half a row lower, so edges pass between its
 * components — with as many rows as bring the whole nearest a landscape view. Every layer stays left
 * of the next, so callers stay left of their callees. Layers are the positions' distinct x.
 */
export function foldTallLayers(positions: Record<string, Point>, size: Size): Record<string, Point> {
  const ids = Object.keys(positions);
  if (ids.length === 0) return positions;
  const at = (id: string) => positions[id] as Point;
  const xs = ids.map((id) => at(id).x);
  const ys = ids.map((id) => at(id).y);
  const width = Math.max(...xs) - Math.min(...xs) + size.width;
  const height = Math.max(...ys) - Math.min(...ys) + size.height;
  if (width / height >= TALL) return positions;
  const byX = new Map<number, string[]>();
  for (const id of ids) byX.set(at(id).x, [...(byX.get(at(id).x) ?? []), id]);
  const layers = [...byX.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, members]) => members.sort((a, b) => at(a).y - at(b).y || a.localeCompare(b)));
  const pitch = size.height + ROW_GAP;
  const shape = (rows: number) => {
    const subColumns = layers.map((l) => Math.ceil(l.length / rows));
    const w =
      subColumns.reduce((sum, k) => sum + k * size.width + (k - 1) * SUB_GAP, 0) + (layers.length - 1) * LAYER_GAP;
    const h = Math.min(rows, Math.max(...layers.map((l) => l.length))) * pitch + pitch / 2;
    return { subColumns, score: Math.abs(Math.log(w / h / FOLD_ASPECT)) };
  };
  const tallest = Math.max(...layers.map((l) => l.length));
  let best = shape(tallest);
  for (let rows = tallest - 1; rows >= 1; rows--) {
    const next = shape(rows);
    if (next.score < best.score) best = next;
  }
  const rowsOf = layers.map((l, i) => Math.ceil(l.length / (best.subColumns[i] as number)));
  const tallestRows = Math.max(...rowsOf);
  const out: Record<string, Point> = {};
  let x = 0;
  layers.forEach((layer, i) => {
    const k = best.subColumns[i] as number;
    const offset = ((tallestRows - (rowsOf[i] as number)) / 2) * pitch;
    layer.forEach((id, j) => {
      const sub = j % k;
      out[id] = {
        x: x + sub * (size.width + SUB_GAP),
        y: snap(offset + Math.floor(j / k) * pitch + (sub * pitch) / k),
      };
    });
    x += k * size.width + (k - 1) * SUB_GAP + LAYER_GAP;
  });
  return out;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width + CLEARANCE &&
  b.x < a.x + a.width + CLEARANCE &&
  a.y < b.y + b.height + CLEARANCE &&
  b.y < a.y + a.height + CLEARANCE;

/** The free top-left for a box nearest to `preferred`, on rings of half a node around it. */
function freeSpot(occupied: readonly Rect[], preferred: Point, box: Size, node: Size): Point {
  const start = { x: snap(preferred.x), y: snap(preferred.y) };
  const stepX = snap(node.width / 2) || GRID;
  const stepY = snap(node.height / 2) || GRID;
  const isFree = (p: Point) => occupied.every((o) => !overlaps({ ...p, ...box }, o));
  const free = searchRings(start, stepX, stepY, MAX_RINGS, isFree);
  if (free) return free;
  return { x: start.x, y: snap(Math.max(...occupied.map((o) => o.y + o.height)) + 2 * CLEARANCE) };
}

/** Groups of `ids` joined by connections among themselves, each in the design's order. */
function clustersOf(design: Design, ids: readonly string[]): string[][] {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(id, root);
    return root;
  };
  for (const c of design.connections) if (parent.has(c.from) && parent.has(c.to)) parent.set(find(c.from), find(c.to));
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const root = find(id);
    groups.set(root, [...(groups.get(root) ?? []), id]);
  }
  return [...groups.values()];
}

/**
 * Positions for the components without one. `block`: a layered layout of them among themselves
 * (elk's, or `layeredBlock`'s); a component missing from it is laid out by `layeredBlock`.
 */
export function placeUnplaced(design: Design, block: Record<string, Point>, size: Size): Record<string, Point> {
  const layout = design.layout ?? {};
  const ids = unplacedIds(design);
  if (ids.length === 0) return {};
  const missing = ids.filter((id) => !block[id]);
  const laid = missing.length ? { ...block, ...layeredBlock(design, missing, size) } : block;
  const placed = design.components.filter((c) => layout[c.id]).map((c) => c.id);
  const out: Record<string, Point> = {};
  if (placed.length === 0) {
    // Nothing to keep: the layered layout as it is, from the origin.
    const minX = Math.min(...ids.map((id) => (laid[id] as Point).x));
    const minY = Math.min(...ids.map((id) => (laid[id] as Point).y));
    for (const id of ids) {
      const p = laid[id] as Point;
      out[id] = { x: snap(p.x - minX), y: snap(p.y - minY) };
    }
    return out;
  }
  const occupied: Rect[] = placed.map((id) => ({ ...(layout[id] as Point), ...size }));
  for (const cluster of clustersOf(design, ids)) {
    const members = new Set(cluster);
    const minX = Math.min(...cluster.map((id) => (laid[id] as Point).x));
    const minY = Math.min(...cluster.map((id) => (laid[id] as Point).y));
    const rel = new Map(
      cluster.map((id) => [id, { x: (laid[id] as Point).x - minX, y: (laid[id] as Point).y - minY }]),
    );
    const box = {
      width: Math.max(...[...rel.values()].map((p) => p.x)) + size.width,
      height: Math.max(...[...rel.values()].map((p) => p.y)) + size.height,
    };
    // Anchored on its placed neighbours: right of its rightmost caller, level with the member it
    // calls; else left of its leftmost callee; else below everything, at the left edge.
    let preferred: Point | null = null;
    const inbound = design.connections.filter((c) => members.has(c.to) && layout[c.from] && !members.has(c.from));
    const outbound = design.connections.filter((c) => members.has(c.from) && layout[c.to] && !members.has(c.to));
    if (inbound.length > 0) {
      const c = inbound.reduce((best, k) => ((layout[k.from] as Point).x > (layout[best.from] as Point).x ? k : best));
      const from = layout[c.from] as Point;
      const to = rel.get(c.to) as Point;
      preferred = { x: from.x + size.width + LAYER_GAP - to.x, y: from.y - to.y };
    } else if (outbound.length > 0) {
      const c = outbound.reduce((best, k) => ((layout[k.to] as Point).x < (layout[best.to] as Point).x ? k : best));
      const to = layout[c.to] as Point;
      const from = rel.get(c.from) as Point;
      preferred = { x: to.x - LAYER_GAP - size.width - from.x, y: to.y - from.y };
    }
    preferred ??= {
      x: Math.min(...occupied.map((o) => o.x)),
      y: Math.max(...occupied.map((o) => o.y + o.height)) + 2 * CLEARANCE,
    };
    const at = freeSpot(occupied, preferred, box, size);
    for (const id of cluster) {
      const p = rel.get(id) as Point;
      out[id] = { x: snap(at.x + p.x), y: snap(at.y + p.y) };
      occupied.push({ ...out[id], ...size });
    }
  }
  return out;
}

const provisional = new WeakMap<Design, { size: Size; positions: Map<string, Point> }>();

/**
 * Every component's top-left: the layout's own, and for a component without one the place
 * `placeUnplaced` gives it with `layeredBlock` (what the canvas shows until elk's layout is saved).
 * Cached per document.
 */
export function provisionalLayout(design: Design, size: Size): ReadonlyMap<string, Point> {
  const hit = provisional.get(design);
  if (hit && hit.size.width === size.width && hit.size.height === size.height) return hit.positions;
  const layout = design.layout ?? {};
  const ids = unplacedIds(design);
  const extra = ids.length ? placeUnplaced(design, layeredBlock(design, ids, size), size) : {};
  const positions = new Map(design.components.map((c) => [c.id, layout[c.id] ?? extra[c.id] ?? { x: 0, y: 0 }]));
  provisional.set(design, { size, positions });
  return positions;
}
