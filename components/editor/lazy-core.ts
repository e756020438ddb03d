/**
 * The parts of core/ that build Zod schemas, which the editor loads when it first needs them rather
 * than before its first draw. Importing zod and building the design's, plan's and price books'
 * schemas was most of the editor's extra start-up work against bare React Flow (issue 17,
 * bench/RESULTS.md); nothing on the canvas's path needs them until the user edits, saves or exports.
 * The editor asks for them once the canvas is drawn (`preloadCore`), so an edit rarely waits; each
 * loader keeps its module once it has it, for the callers that must answer at once (`loadedModel`).
 *
 * The modules are named by file, not through the @/core/model and @/core/edit faces (eslint.config.mjs
 * allows it here only): the first draw loads the faces' zod-free exports, and a face imported whole
 * here would be whole on the first draw too (Turbopack keeps one copy of a module, 2026-12-06).
 */
import type * as NewElementsModule from '@/core/edit/new-elements';
import type * as NamesModule from '@/core/model/names';
import type * as ValidateModule from '@/core/model/validate';
import type { EditorStore } from './editor-store';

/** validateDesign, checkName: what the editor validates with (core/model/validate.ts, names.ts). */
export type Model = Pick<typeof ValidateModule, 'validateDesign'> & Pick<typeof NamesModule, 'checkName'>;
/** addComponent and connect, which fill new elements in with the schemas' defaults. */
export type Edits = typeof NewElementsModule;

let model: Model | undefined;
let edits: Edits | undefined;

/** The validation the editor does: the design's schema and the name's. */
export async function loadModel(): Promise<Model> {
  if (!model) {
    const [{ validateDesign }, { checkName }] = await Promise.all([
      import('@/core/model/validate'),
      import('@/core/model/names'),
    ]);
    model = { validateDesign, checkName };
  }
  return model;
}

/** The validation if it has loaded, else undefined (for a caller that must answer at once). */
export function loadedModel(): Model | undefined {
  return model;
}

/** addComponent and connect (core/edit/new-elements.ts). */
export async function loadEdits(): Promise<Edits> {
  return (edits ??= await import('@/core/edit/new-elements'));
}

/** Starts loading both; a failure is tried again on first use. */
export function preloadCore(): void {
  for (const load of [loadModel, loadEdits]) load().catch(() => undefined);
}

/**
 * Preloads when the main thread is next idle, so that neither the fetch nor zod's evaluation lands
 * between the canvas's nodes being measured and their first paint; returns the cancel. A browser
 * without requestIdleCallback (Safari) waits a moment instead.
 */
export function preloadCoreWhenIdle(): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(preloadCore, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(preloadCore, 200);
  return () => clearTimeout(timer);
}

/** What an edit says when a module it needs could not be loaded (the server gone, say): try again. */
export function notLoaded(store: EditorStore): () => void {
  return () => store.getState().setNotice('That could not be done: part of the editor did not load. Try again.');
}
