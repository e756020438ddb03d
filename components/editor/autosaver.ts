/**
 * Autosave: every change to the document is saved (debounced) as a new revision based on the one
 * the editor holds. A save refused with CONFLICT (another tab saved first) stops autosaving and
 * keeps the user's document in the editor until they choose what to do.
 */
import { TRPCClientError } from '@trpc/client';
import { type Design, formatProblems, validateDesign } from '@/core/model';
import type { EditorStore } from './editor-store';

export const AUTOSAVE_DEBOUNCE_MS = 800;
const RETRY_MS = 5000;

export interface SaveDesign {
  (input: { id: string; baseRevision: number; document: Design }): Promise<{ revision: number }>;
}

export function createAutosaver(store: EditorStore, designId: string, saveDesign: SaveDesign) {
  let lastSaved: Design = store.getState().design;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;

  const schedule = (ms = AUTOSAVE_DEBOUNCE_MS) => {
    clearTimeout(timer);
    timer = setTimeout(() => void save(), ms);
  };

  async function save(baseRevision?: number): Promise<void> {
    const state = store.getState();
    const doc = state.design;
    if (inFlight) return;
    if (state.status === 'conflict' && baseRevision === undefined) return;
    if (doc === lastSaved && baseRevision === undefined) return state.setStatus('saved');
    const valid = validateDesign(doc);
    if (!valid.ok) return state.setStatus('error', `Not saved: ${formatProblems(valid.problems.slice(0, 3))}`);
    inFlight = true;
    state.setStatus('saving');
    try {
      const saved = await saveDesign({ id: designId, baseRevision: baseRevision ?? state.baseRevision, document: doc });
      lastSaved = doc;
      store.setState({ baseRevision: saved.revision, conflictRevision: null });
      const now = store.getState();
      if (now.design === doc) now.setStatus('saved', `Saved as revision ${saved.revision}`);
      else now.setStatus('unsaved');
    } catch (error) {
      const data =
        error instanceof TRPCClientError
          ? (error.data as { code?: string; conflict?: { latestRevision: number } } | undefined)
          : undefined;
      if (data?.code === 'CONFLICT' && data.conflict) {
        store.setState({ conflictRevision: data.conflict.latestRevision });
        store.getState().setStatus('conflict', (error as Error).message);
      } else {
        store.getState().setStatus('error', `Not saved: ${(error as Error).message}. Retrying…`);
        schedule(RETRY_MS);
      }
    } finally {
      inFlight = false;
    }
    // Changes made while the save was in flight go out next.
    if (store.getState().status === 'unsaved') schedule();
  }

  /** Starts watching the document; returns the function that stops it. */
  function start(): () => void {
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.design === prev.design || s.status === 'conflict') return;
      if (s.design === lastSaved) {
        clearTimeout(timer);
        if (s.status !== 'saving') s.setStatus('saved');
        return;
      }
      if (s.status !== 'saving' && s.status !== 'unsaved') s.setStatus('unsaved');
      schedule();
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }

  return {
    start,
    saveNow: () => {
      clearTimeout(timer);
      return save();
    },
    /** Resolves a conflict by saving this tab's document on top of the latest revision. */
    saveMineAsNew: () => save(store.getState().conflictRevision ?? store.getState().baseRevision),
    /** Marks a document loaded from the server (after reload or restore) as saved. */
    markSaved: (doc: Design) => {
      lastSaved = doc;
    },
  };
}

export type Autosaver = ReturnType<typeof createAutosaver>;
