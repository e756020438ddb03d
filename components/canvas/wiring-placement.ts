/**
 * Where the wiring chips go: clear of every component and of the chips already placed. A
 * connection's group is tried along its drawn curve (React Flow's bezier from the caller's right
 * handle to the callee's left one), middle first, just under the curve then just over it, then
 * beside it, then further out; a component's group (a traffic manager, a gateway) above the component, then below
 * it, then beside it. The first spot that covers nothing wins; when every spot covers something, the
 * one that covers least. Edges' own labels count as obstacles too. Pure, and linear in the groups: obstacles are bucketed on a coarse grid.
 */
import type { Point, Size } from '@/core/edit';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A chip row's height (11 px bold text, 2 px padding, 1.5 px border) and the gap between chips. */
const CHIP_HEIGHT = 20;
const CHIP_GAP = 3;
/** A chip's width: icon 14 + gap 4 + padding 14 + border 3, and about 6.6 px a character. */
const chipWidth = (label: string) => 35 + Math.ceil(label.length * 6.6);
/** `.tm-wiring`'s max-width: the chips wrap onto rows within it. */
const MAX_WIDTH = 320;
/** Space kept between a group and what it must not cover. */
const MARGIN = 6;

/** The drawn size of a group of chips with these labels (estimated: the layout is derived before render). */
export function chipGroupSize(labels: readonly string[]): Size {
  let rows = 1;
  let row = 0;
  let width = 0;
  for (const label of labels) {
    const w = Math.min(MAX_WIDTH, chipWidth(label));
    if (row > 0 && row + CHIP_GAP + w > MAX_WIDTH) {
      rows++;
      row = 0;
    }
    row = row === 0 ? w : row + CHIP_GAP + w;
    width = Math.max(width, row);
  }
  return { width, height: rows * CHIP_HEIGHT + (rows - 1) * CHIP_GAP };
}

/** A point of React Flow's bezier edge from a right-side handle to a left-side one, at t in 0..1. */
export function pointOnEdge(source: Point, target: Point, t: number): Point {
  // @xyflow/system's getBezierPath: each control point is pushed out along its handle's side by half
  // the distance when the target is ahead, else by 0.25 × 25 × √distance.
  const dx = target.x - source.x;
  const offset = dx >= 0 ? 0.5 * dx : 0.25 * 25 * Math.sqrt(-dx);
  const c1 = { x: source.x + offset, y: source.y };
  const c2 = { x: target.x - offset, y: target.y };
  const u = 1 - t;
  const b = (p0: number, p1: number, p2: number, p3: number) =>
    u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
  return { x: b(source.x, c1.x, c2.x, target.x), y: b(source.y, c1.y, c2.y, target.y) };
}

/** A connection's end points: its caller's right handle and its callee's left one. */
function handles(from: Rect, to: Rect): [Point, Point] {
  return [
    { x: from.x + from.width, y: from.y + from.height / 2 },
    { x: to.x, y: to.y + to.height / 2 },
  ];
}

/** Where a connection's own label ("sync, 2 calls": 11 px text at the curve's middle) is drawn. */
export function edgeLabelRect(from: Rect, to: Rect, text: string): Rect {
  const mid = pointOnEdge(...handles(from, to), 0.5);
  const width = text.length * 6 + 4;
  return { x: mid.x - width / 2, y: mid.y - 8, width, height: 16 };
}

export type WiringAnchor = { kind: 'connection'; from: Rect; to: Rect } | { kind: 'component'; on: Rect };

/** Candidate top-lefts for a group of `size` at `anchor`, best first. */
function candidates(anchor: WiringAnchor, size: Size): Point[] {
  const out: Point[] = [];
  if (anchor.kind === 'connection') {
    const [source, target] = handles(anchor.from, anchor.to);
    const along = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8].map((t) => pointOnEdge(source, target, t));
    // Under the curve first (the edge's own label sits on it at the middle), then over it, then
    // beside it (a steep edge), then further out.
    for (const gap of [16, 40])
      for (const p of along) {
        const x = p.x - size.width / 2;
        out.push({ x, y: p.y + gap }, { x, y: p.y - gap - size.height });
      }
    for (const p of along)
      out.push({ x: p.x + 16, y: p.y - size.height / 2 }, { x: p.x - 16 - size.width, y: p.y - size.height / 2 });
    for (const p of along) {
      const x = p.x - size.width / 2;
      out.push({ x, y: p.y + 72 }, { x, y: p.y - 72 - size.height });
    }
    return out;
  }
  const n = anchor.on;
  for (const lift of [8, 36, 64]) {
    out.push({ x: n.x, y: n.y - lift - size.height });
    out.push({ x: n.x + n.width - size.width, y: n.y - lift - size.height });
  }
  out.push({ x: n.x, y: n.y + n.height + 8 });
  out.push({ x: n.x - size.width - 12, y: n.y });
  out.push({ x: n.x + n.width + 12, y: n.y + n.height - size.height });
  return out;
}

const CELL = 400;
/** A grid cell's key as one number (cells from −2²⁰ to 2²⁰ either way: ±400 million px). */
const cellKey = (cx: number, cy: number) => (cx + 1048576) * 2097152 + (cy + 1048576);

interface Obstacle extends Rect {
  /** The last query that counted it (each rectangle sits in every cell it touches). */
  seen: number;
}

/**
 * Rectangles bucketed on a coarse grid, so a candidate is checked against its neighbours only. Numeric
 * cell keys and a query stamp instead of string keys and a Set per query: with those, placing the 535
 * groups of the canvas bench's 500-component design took 130 ms on the main thread after every plan
 * update (measured in Node, 2026-12-05); now a fraction of that.
 */
class Obstacles {
  private cells = new Map<number, Obstacle[]>();
  private query = 0;
  add(r: Rect): void {
    const o: Obstacle = { x: r.x, y: r.y, width: r.width, height: r.height, seen: 0 };
    for (let cx = Math.floor(r.x / CELL); cx <= Math.floor((r.x + r.width) / CELL); cx++)
      for (let cy = Math.floor(r.y / CELL); cy <= Math.floor((r.y + r.height) / CELL); cy++) {
        const key = cellKey(cx, cy);
        const cell = this.cells.get(key);
        if (cell) cell.push(o);
        else this.cells.set(key, [o]);
      }
  }
  /** The area of the rectangle at (x, y) of `size` (grown by the margin) that the obstacles cover. */
  covered(x: number, y: number, size: Size): number {
    const gx = x - MARGIN;
    const gy = y - MARGIN;
    const gw = size.width + 2 * MARGIN;
    const gh = size.height + 2 * MARGIN;
    const query = ++this.query;
    let area = 0;
    for (let cx = Math.floor(gx / CELL); cx <= Math.floor((gx + gw) / CELL); cx++)
      for (let cy = Math.floor(gy / CELL); cy <= Math.floor((gy + gh) / CELL); cy++) {
        const cell = this.cells.get(cellKey(cx, cy));
        if (!cell) continue;
        for (const o of cell) {
          if (o.seen === query) continue;
          o.seen = query;
          const w = Math.min(gx + gw, o.x + o.width) - Math.max(gx, o.x);
          const h = Math.min(gy + gh, o.y + o.height) - Math.max(gy, o.y);
          if (w > 0 && h > 0) area += w * h;
        }
      }
    return area;
  }
}

/**
 * Top-lefts for the groups, in order, each clear of the `obstacles` (the components, the edges'
 * labels) and of the groups placed before it, where any candidate is.
 */
export function placeWiringGroups(
  groups: readonly { anchor: WiringAnchor; size: Size }[],
  avoid: readonly Rect[],
): Point[] {
  const obstacles = new Obstacles();
  for (const r of avoid) obstacles.add(r);
  return groups.map(({ anchor, size }) => {
    let best: Point | null = null;
    let least = Infinity;
    for (const c of candidates(anchor, size)) {
      const area = obstacles.covered(c.x, c.y, size);
      if (area < least) {
        least = area;
        best = c;
        if (area === 0) break;
      }
    }
    const at = { x: Math.round((best as Point).x), y: Math.round((best as Point).y) };
    obstacles.add({ ...at, ...size });
    return at;
  });
}
