/**
 * Documents known to pass `validateDesign`, by identity. The plan worker validates every design it
 * is asked to plan (plan-worker.ts) and says so; the autosaver then need not validate the same
 * document again on the main thread before saving it (a 50-component design: 15–35 ms of zod, one
 * of the longest tasks after an edit, profiled in Chromium). Documents are immutable snapshots of
 * the editor store, so one that passed once passes for good; anything not here is validated as before.
 */
import type { Design } from '@/core/model';

const valid = new WeakSet<Design>();

export function markValid(design: Design): void {
  valid.add(design);
}

export function isKnownValid(design: Design): boolean {
  return valid.has(design);
}
