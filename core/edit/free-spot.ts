/**
 * Where a new component goes: beside what is selected (to its right, level with it, else a little
 * above or below, else further right), or at the point asked for (a drop, the middle of the view),
 * and never on top of another component. Candidates are tried ring by ring around the preferred spot
 * on the grid, nearest first, so a new component lands as close as it can to where the person was
 * working.
 */
import type { Design } from '../model/design';
import { provisionalLayout } from './complete-layout';
import { GRID, type Point } from './edit-design';
import { searchRings } from './ring-search';

export interface Size {
  width: number;
  height: number;
}

/** A component node's drawn size at zoom 1 (name, kind and pattern tags, placement line). */
export const NODE_SIZE: Size = { width: 200, height: 100 };

/** Space kept clear around every component, so a new one never touches its neighbour. */
export const CLEARANCE = GRID;
/** How far from the selection the first candidate sits (room for the connection between them). */
const BESIDE_GAP = 3 * GRID;
/** Rings searched before giving up and stacking below everything. */
const MAX_RINGS = 60;

const snap = (v: number) => Math.round(v / GRID) * GRID;

/** Every component's top-left, where the canvas draws it (a component without a position included). */
export function positionsOf(design: Design): ReadonlyMap<string, Point> {
  return provisionalLayout(design, NODE_SIZE);
}

function overlaps(a: Point, b: Point, size: Size): boolean {
  return Math.abs(a.x - b.x) < size.width + CLEARANCE && Math.abs(a.y - b.y) < size.height + CLEARANCE;
}

/**
 * The free top-left nearest to `preferred` (snapped to the grid) among the occupied top-lefts, none of
 * them left of `minX` when it is given.
 */
export function nearestFreeSpot(occupied: readonly Point[], preferred: Point, size: Size, minX = -Infinity): Point {
  const start = { x: snap(preferred.x), y: snap(preferred.y) };
  const stepX = snap(size.width / 2) || GRID;
  const stepY = snap(size.height / 2) || GRID;
  const isFree = (p: Point) => p.x >= minX && occupied.every((o) => !overlaps(p, o, size));
  const free = searchRings(start, stepX, stepY, MAX_RINGS, isFree);
  if (free) return free;
  const bottom = Math.max(...occupied.map((o) => o.y));
  return { x: start.x, y: snap(bottom + size.height + 2 * CLEARANCE) };
}

/**
 * The spot for a new component: beside the selected components (right of the rightmost one, level
 * with it) when there are any, else at `fallback` (the middle of the view: the top-left it asks for).
 * Beside the selection it is kept clear of the rightmost one's right edge even when that spot is
 * taken: demand flows left to right, and a component pushed below or left of the one selected would
 * take the connection drawn to it back round the selection.
 */
export function spotForNew(design: Design, selected: readonly string[], fallback: Point, size: Size): Point {
  const positions = positionsOf(design);
  const anchors = selected.map((id) => positions.get(id)).filter((p): p is Point => p !== undefined);
  const preferred =
    anchors.length > 0
      ? anchors.reduce((best, p) => (p.x > best.x || (p.x === best.x && p.y < best.y) ? p : best))
      : null;
  if (!preferred) return nearestFreeSpot([...positions.values()], fallback, size);
  const start = { x: preferred.x + size.width + BESIDE_GAP, y: preferred.y };
  return nearestFreeSpot([...positions.values()], start, size, preferred.x + size.width + CLEARANCE);
}
