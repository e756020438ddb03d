/**
 * Documents known to pass `validateDesign`, by identity. The plan worker validates every design it
 * is asked to plan (plan-worker.ts) and says so; the autosaver then need not validate the same
 * document again on the main thread before saving it (a 50-component design: 15–35 ms of zod, one
 * of the longest tasks after an edit, profiled in Chromium). Documents are immutable snapshots of
 * the editor store, so one that passed once passes for good; anything not here is validated as before.
 */
import { moveComponents, type Point } from '@/core/edit';
import type { Design } from '@/core/model';

const valid = new WeakSet<Design>();

export function markValid(design: Design): void {
  valid.add(design);
}

export function isKnownValid(design: Design): boolean {
  return valid.has(design);
}

/**
 * moveComponents, and the moved document known valid when the one moved was: a move writes only
 * positions within bounds for components the design has (core/edit/edit-design.ts, whose test checks
 * it on any positions). A move re-plans nothing, so no worker would validate it; without this, the
 * autosave after each drag ran the whole design's schema on this thread (500 components: 20–35 ms of
 * zod in a CPU profile of five drops, 2026-12-06).
 */
export function moved(design: Design, positions: Record<string, Point>): Design {
  const next = moveComponents(design, positions);
  if (valid.has(design)) valid.add(next);
  return next;
}
