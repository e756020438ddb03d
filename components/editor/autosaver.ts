/**
 * Autosave: every change to the document is saved (debounced) as a new revision based on the one
 * the editor holds. A save refused with CONFLICT (another tab saved first) stops autosaving and
 * keeps the user's document in the editor until they choose what to do. A document the schema
 * refuses is not sent, and the indicator says so and why, until the next edit makes it valid again;
 * the server's own refusals (too large, over the design's budget) are shown the same way and tried
 * again on the next edit, while a busy or unreachable server is retried every few seconds.
 * Every save whose body fits the 64 KB a browser allows a `keepalive` request is sent with it, so a
 * save under way when the page unloads still arrives; before the page unloads, a change not yet
 * saved is sent the same way. When it cannot be (too large, in conflict, invalid, or a change made
 * while another save is under way), the page asks before it is left.
 */
import { TRPCClientError } from '@trpc/client';
import { formatProblems, type Design } from '@/core/model';
import type { EditorStore } from './editor-store';
import { isKnownValid } from './known-valid';
import { loadedModel, loadModel } from './lazy-core';

export const AUTOSAVE_DEBOUNCE_MS = 800;
const RETRY_MS = 5000;
/** Browsers refuse keepalive requests whose bodies add up to more than 64 KB. */
export const KEEPALIVE_MAX_BYTES = 60 * 1024;

export interface SaveInput {
  id: string;
  baseRevision: number;
  document: Design;
}

/** Sends a save; with `keepalive`, one that outlives the page (unload). */
export interface SaveDesign {
  (input: SaveInput, options: { keepalive: boolean }): Promise<{ revision: number }>;
}

interface ErrorData {
  code?: string;
  httpStatus?: number;
  conflict?: { latestRevision: number };
}

/** The tRPC error data a refused save carries (from the tRPC client, or from a keepalive fetch). */
function errorData(error: unknown): ErrorData | undefined {
  if (error instanceof TRPCClientError) return error.data as ErrorData | undefined;
  return (error as { data?: ErrorData } | null)?.data;
}

/** Worth trying again by itself: the server was busy, down or out of reach; not a refusal of the document. */
const isRetryable = (data: ErrorData | undefined) =>
  data?.httpStatus === undefined || data.httpStatus >= 500 || data.httpStatus === 429;

/** Whether a save's body fits a keepalive request: the browser counts bytes, not characters. */
function fitsKeepalive(input: SaveInput): boolean {
  const body = JSON.stringify(input);
  // A name in another script takes two or three bytes a character; no string is shorter in bytes.
  return body.length <= KEEPALIVE_MAX_BYTES && new TextEncoder().encode(body).byteLength <= KEEPALIVE_MAX_BYTES;
}

export function createAutosaver(store: EditorStore, designId: string, saveDesign: SaveDesign) {
  let lastSaved: Design = store.getState().design;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The save under way: its document, and whether it outlives the page (keepalive). */
  let inFlight: { doc: Design; keepalive: boolean } | null = null;

  const schedule = (ms = AUTOSAVE_DEBOUNCE_MS) => {
    clearTimeout(timer);
    timer = setTimeout(() => void save(), ms);
  };

  async function save(baseRevision?: number): Promise<void> {
    // The design's schema loads with the editor's first save at the latest (lazy-core.ts).
    let validation = loadedModel();
    if (!validation) {
      try {
        validation = await loadModel();
      } catch {
        store
          .getState()
          .setStatus('error', `Not saved: part of the editor did not load. Retrying in ${RETRY_MS / 1000} s…`);
        return schedule(RETRY_MS);
      }
    }
    const state = store.getState();
    const doc = state.design;
    if (inFlight) return;
    if (state.status === 'conflict' && baseRevision === undefined) return;
    if (doc === lastSaved && baseRevision === undefined) return state.setStatus('saved');
    // The plan worker has usually validated this very document already (known-valid.ts).
    const valid = isKnownValid(doc) ? null : validation.validateDesign(doc);
    if (valid && !valid.ok) {
      return state.setStatus(
        'error',
        `Not saved: ${formatProblems(valid.problems.slice(0, 2)).replace(/\n/g, '; ')}. Correct it or undo that change; until then no change is saved (they stay in this tab).`,
      );
    }
    const input = { id: designId, baseRevision: baseRevision ?? state.baseRevision, document: doc };
    const keepalive = fitsKeepalive(input);
    inFlight = { doc, keepalive };
    state.setStatus('saving');
    try {
      const saved = await saveDesign(input, { keepalive });
      lastSaved = doc;
      store.setState({ baseRevision: saved.revision, conflictRevision: null });
      const now = store.getState();
      if (now.design === doc) now.setStatus('saved', `Saved as revision ${saved.revision}`);
      else now.setStatus('unsaved');
    } catch (error) {
      const data = errorData(error);
      const message = (error as Error).message;
      if (data?.code === 'CONFLICT' && data.conflict) {
        store.setState({ conflictRevision: data.conflict.latestRevision });
        store.getState().setStatus('conflict', message);
      } else if (isRetryable(data)) {
        store
          .getState()
          .setStatus('error', `Not saved: ${message.replace(/\.?$/, '.')} Retrying in ${RETRY_MS / 1000} s…`);
        schedule(RETRY_MS);
      } else {
        store.getState().setStatus('error', `Not saved: ${message}`);
      }
    } finally {
      inFlight = null;
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

  /**
   * The page is about to unload: sends what is not saved yet with keepalive. Returns false when
   * something would be lost (a save under way that cannot outlive the page, or a change made since
   * one began; a conflict; an invalid or too large document), so the page should ask before it is left.
   */
  function flushOnUnload(): boolean {
    const state = store.getState();
    // A save under way arrives even if the page goes (keepalive); a change made since it cannot follow
    // it, as its revision is not known yet.
    if (inFlight) return inFlight.keepalive && state.design === inFlight.doc;
    if (state.design === lastSaved) return true;
    // Whatever is left waits for its usual turn (the debounce), in case the user stays on the page.
    // A document not known valid counts as invalid until the schema has loaded (lazy-core.ts).
    const valid = isKnownValid(state.design) || loadedModel()?.validateDesign(state.design).ok === true;
    if (state.status === 'conflict' || !valid) return false;
    if (!fitsKeepalive({ id: designId, baseRevision: state.baseRevision, document: state.design })) return false;
    clearTimeout(timer);
    void save();
    return true;
  }

  return {
    start,
    saveNow: () => {
      clearTimeout(timer);
      return save();
    },
    flushOnUnload,
    /** Resolves a conflict by saving this tab's document on top of the latest revision. */
    saveMineAsNew: () => save(store.getState().conflictRevision ?? store.getState().baseRevision),
    /** Marks a document loaded from the server (after reload or restore) as saved. */
    markSaved: (doc: Design) => {
      lastSaved = doc;
    },
  };
}

export type Autosaver = ReturnType<typeof createAutosaver>;
