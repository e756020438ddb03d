/**
 * The editor's state: one zustand store per open design, with zundo recording the design document
 * (and only it) for undo and redo. The document is the source of truth; React Flow's nodes and edges
 * are derived from it. Selection, save status and results are not history.
 */
import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';
import type { Design } from '@/core/model';
import { sameValue } from '@/core/edit';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'error';

export interface Selection {
  components: string[];
  connections: string[];
}

export interface KeptDrafts {
  /** The fields' texts as they were typed. */
  drafts: Readonly<Record<string, string>>;
  /** The stored value they were typed over. */
  basis: unknown;
  /** The item's stored value in a document (undefined once it is gone). */
  current: (design: Design) => unknown;
  /** What the item is called, for the words that name it ("ERP front end", "Assumptions"). */
  where: string;
  /** How to show it again, in words: "select ERP front end", "open the Assumptions tab". */
  reopen: string;
}

export interface EditorState {
  design: Design;
  /** The revision the working document is based on (what the next save names). */
  baseRevision: number;
  selection: Selection;
  status: SaveStatus;
  statusDetail: string | null;
  /** When a save was refused because another tab saved first: the revision that is now the latest. */
  conflictRevision: number | null;
  /** A sentence about the last refused edit ("That connection would make a cycle…"). */
  notice: string | null;
  /** The canvas shows components in placement lanes (a view; the layout is untouched). */
  lanes: boolean;
  setLanes: (lanes: boolean) => void;
  /** The component the connect dialog (key C) is choosing a target for; null when it is closed. */
  connectFrom: string | null;
  setConnectFrom: (id: string | null) => void;
  /**
   * Fields being typed in that hold a valid value not yet committed to the document (the inspector
   * commits 400 ms after typing stops), each with the function that commits it now. While any is
   * held the edit is not saved yet, so the indicator says Unsaved and leaving the page commits them.
   */
  drafts: Readonly<Record<string, () => void>>;
  holdDraft: (key: string, commit: () => void) => void;
  releaseDraft: (key: string) => void;
  /** Commits every held draft now (before the page unloads). */
  flushDrafts: () => void;
  /**
   * Fields holding a value the design refuses (shown red where it was typed), each with why, in the
   * form's words ("Peak load (req/s) must be at least the base load (50 req/s)"). It is in no
   * document, so it is not saved: the indicator says so, and leaving the page asks first.
   */
  refused: Readonly<Record<string, string>>;
  holdRefused: (key: string, why: string) => void;
  releaseRefused: (key: string) => void;
  /**
   * Refused values whose form has closed (another component or connection selected), keyed like
   * `refused`, which keeps their why meanwhile: the form shows them again when it reopens on the same
   * stored value. Dropped with their refusal when the document no longer holds that value (undo, a
   * delete), as an open form resets such drafts.
   */
  kept: Readonly<Record<string, KeptDrafts>>;
  /** Keeps a closing form's refused drafts, and its refusal with why (in words naming the item). */
  keepDrafts: (key: string, kept: KeptDrafts, why: string) => void;
  /** Hands kept drafts back to the form reopening them (it holds their refusal again itself). */
  takeDrafts: (key: string) => KeptDrafts | null;
  /** Replaces the document; recorded for undo. */
  setDesign: (design: Design) => void;
  select: (selection: Selection) => void;
  setStatus: (status: SaveStatus, detail?: string | null) => void;
  setBaseRevision: (revision: number) => void;
  setNotice: (notice: string | null) => void;
  /** Starts over from a document loaded from the server, forgetting history. */
  reset: (design: Design, revision: number) => void;
}

export function createEditorStore(design: Design, revision: number) {
  const store = createStore<EditorState>()(
    temporal(
      (set) => ({
        design,
        baseRevision: revision,
        selection: { components: [], connections: [] },
        status: 'saved',
        statusDetail: null,
        notice: null,
        lanes: false,
        setLanes: (lanes) => set({ lanes }),
        connectFrom: null,
        setConnectFrom: (connectFrom) => set({ connectFrom }),
        conflictRevision: null,
        setDesign: (next) =>
          set((s) =>
            s.design === next ? s : { design: next, status: s.status === 'conflict' ? 'conflict' : 'unsaved' },
          ),
        select: (selection) => set({ selection }),
        setStatus: (status, detail = null) => set({ status, statusDetail: detail }),
        setBaseRevision: (baseRevision) => set({ baseRevision }),
        setNotice: (notice) => set({ notice }),
        drafts: {},
        holdDraft: (key, commit) => set((s) => ({ drafts: { ...s.drafts, [key]: commit } })),
        releaseDraft: (key) =>
          set((s) => {
            if (!(key in s.drafts)) return s;
            const { [key]: _released, ...rest } = s.drafts;
            return { drafts: rest };
          }),
        flushDrafts: () => {
          for (const commit of Object.values(store.getState().drafts)) commit();
        },
        refused: {},
        holdRefused: (key, why) => set((s) => (s.refused[key] === why ? s : { refused: { ...s.refused, [key]: why } })),
        releaseRefused: (key) =>
          set((s) => {
            if (!(key in s.refused)) return s;
            const { [key]: _released, ...rest } = s.refused;
            return { refused: rest };
          }),
        kept: {},
        keepDrafts: (key, kept, why) =>
          set((s) => ({ kept: { ...s.kept, [key]: kept }, refused: { ...s.refused, [key]: why } })),
        takeDrafts: (key): KeptDrafts | null => {
          const kept: KeptDrafts | undefined = store.getState().kept[key];
          if (!kept) return null;
          set((s) => {
            const { [key]: _taken, ...rest } = s.kept;
            return { kept: rest };
          });
          return kept;
        },
        reset: (next, rev) =>
          set({
            design: next,
            baseRevision: rev,
            status: 'saved',
            statusDetail: null,
            conflictRevision: null,
            selection: { components: [], connections: [] },
          }),
      }),
      {
        partialize: (s) => ({ design: s.design }),
        equality: (a, b) => a.design === b.design,
        limit: 200,
      },
    ),
  );
  // An undo or redo can take away what is selected (undoing a new connection while it is selected):
  // the selection keeps only what is still in the document.
  store.subscribe((state, prev) => {
    if (state.design === prev.design) return;
    dropStaleKept(state);
    const { components, connections } = state.selection;
    if (components.length === 0 && connections.length === 0) return;
    const componentIds = new Set(state.design.components.map((c) => c.id));
    const connectionIds = new Set(state.design.connections.map((c) => c.id));
    const kept = {
      components: components.filter((id) => componentIds.has(id)),
      connections: connections.filter((id) => connectionIds.has(id)),
    };
    if (kept.components.length !== components.length || kept.connections.length !== connections.length)
      state.select(kept);
  });
  return store;
}

/** Kept refused drafts whose item no longer holds the value they were typed over go, with their refusal. */
function dropStaleKept(state: EditorState): void {
  const stale = Object.entries(state.kept).filter(([, kept]) => !sameValue(kept.current(state.design), kept.basis));
  for (const [key] of stale) {
    state.releaseRefused(key);
    state.takeDrafts(key);
  }
}

export type EditorStore = ReturnType<typeof createEditorStore>;
