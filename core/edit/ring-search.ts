/**
 * The grid point nearest to `start` that `isFree` accepts, tried ring by ring (`stepX` × `stepY` apart,
 * up to `rings` rings out), nearest first; on a tie to the right before the left and below before
 * above (reading order). Null when none of them is free. Shared by a new component's spot
 * (free-spot.ts) and an unplaced group's (complete-layout.ts).
 */
import type { Point } from './edit-design';

export function searchRings(
  start: Point,
  stepX: number,
  stepY: number,
  rings: number,
  isFree: (p: Point) => boolean,
): Point | null {
  for (let ring = 0; ring <= rings; ring++) {
    const candidates: Point[] = [];
    for (let dx = -ring; dx <= ring; dx++)
      for (let dy = -ring; dy <= ring; dy++)
        if (Math.max(Math.abs(dx), Math.abs(dy)) === ring)
          candidates.push({ x: start.x + dx * stepX, y: start.y + dy * stepY });
    candidates.sort(
      (a, b) =>
        Math.hypot(a.x - start.x, a.y - start.y) - Math.hypot(b.x - start.x, b.y - start.y) || b.x - a.x || b.y - a.y,
    );
    const free = candidates.find(isFree);
    if (free) return free;
  }
  return null;
}
