/**
 * The plan of a saved revision, asked for once the design's saves pause. The editor autosaves every
 * change, so a busy author writes a revision a second or more; planning each (a second to minutes of
 * CPU) would spend a worker on revisions nobody will open. Saves of one design within
 * TIDEMARK_PLAN_SAVE_DELAY_MS (5 s) of each other queue one plan, of the last; with 0 each save
 * queues its own at once; with `off` saves queue nothing (a benchmark that shares the machine with
 * the browser it measures). A revision whose plan was never queued (this process ended first, a
 * later save superseded it, or `off`) is still planned when someone reads it: readers ask lazily.
 */
import type { Tx } from '../../db/client';
import type { PreparedDocument } from '../services/prepared-document';
import type { PlanQueue } from './local-runner';
import { submitPlan } from './plan-service';

/** The pause, ms; null when saves queue no plan (`off`). */
export const saveDelayMs = (): number | null => {
  const raw = process.env.TIDEMARK_PLAN_SAVE_DELAY_MS;
  if (raw?.trim().toLowerCase() === 'off') return null;
  const value = Number(raw);
  return raw !== undefined && raw.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : 5000;
};
/** Designs waiting at most; past it a save's plan is queued at once (each waiting one holds its document). */
const MAX_WAITING = 100;

const waiting = new Map<string, ReturnType<typeof setTimeout>>();

async function submit(db: Tx, queue: PlanQueue, document: PreparedDocument): Promise<void> {
  try {
    await submitPlan(db, queue, document.document, document.json);
  } catch (error) {
    // The save stands: its plan is asked for again when someone reads it.
    console.error('Queueing the plan of a saved design failed:', error instanceof Error ? error.message : error);
  }
}

/** Queues the plan of `document`, just saved as design `designId`'s latest revision, once its saves pause. */
export async function queuePlanAfterSave(
  db: Tx,
  queue: PlanQueue,
  designId: string,
  document: PreparedDocument,
  delayMs = saveDelayMs(),
): Promise<void> {
  if (delayMs === null) return;
  const earlier = waiting.get(designId);
  if (earlier) clearTimeout(earlier);
  waiting.delete(designId);
  if (delayMs === 0 || (!earlier && waiting.size >= MAX_WAITING)) return submit(db, queue, document);
  const timer = setTimeout(() => {
    waiting.delete(designId);
    void submit(db, queue, document);
  }, delayMs);
  timer.unref();
  waiting.set(designId, timer);
}
