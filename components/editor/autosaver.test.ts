import { TRPCClientError } from '@trpc/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { designSchema, type Design } from '@/core/model';
import { validateDesign } from '@/core/model/validate';
import { AUTOSAVE_DEBOUNCE_MS, createAutosaver, KEEPALIVE_MAX_BYTES, type SaveDesign } from './autosaver';
import { createEditorStore } from './editor-store';
import { markValid, moved } from './known-valid';

// The real validation, counted: a document the plan worker validated is not validated again here.
// Mocked where lazy-core.ts loads it from.
vi.mock('@/core/model/validate', async (importOriginal) => {
  const model = await importOriginal<typeof import('@/core/model/validate')>();
  return { ...model, validateDesign: vi.fn(model.validateDesign) };
});

const initial: Design = designSchema.parse({
  format: 'tidemark.design',
  version: 1,
  name: 'Shop',
  components: [{ id: 'web', name: 'Web', kind: 'ui', demand: { cpuMs: 10 } }],
});
const renamed = (name: string): Design => ({ ...initial, name });

/** The error the tRPC client throws when the server refuses a save on a stale base (server/trpc.ts). */
function conflict(latestRevision: number): TRPCClientError<never> {
  return TRPCClientError.from({
    error: {
      message: 'Design "d1" was saved elsewhere',
      code: -32009,
      data: { code: 'CONFLICT', httpStatus: 409, conflict: { designId: 'd1', baseRevision: 1, latestRevision } },
    },
  });
}

/** A save the test answers by hand: calls are recorded, each resolves or rejects when told. */
function manualSave() {
  const calls: { baseRevision: number; document: Design; resolve: (r: number) => void; reject: (e: Error) => void }[] =
    [];
  const save: SaveDesign = (input) =>
    new Promise((resolve, reject) => {
      calls.push({
        baseRevision: input.baseRevision,
        document: input.document,
        resolve: (revision) => resolve({ revision }),
        reject,
      });
    });
  return { calls, save };
}

function setup() {
  const store = createEditorStore(initial, 1);
  const saver = manualSave();
  const autosaver = createAutosaver(store, 'd1', saver.save);
  const stop = autosaver.start();
  return { store, autosaver, stop, ...saver };
}

/** Lets a settled save's continuation run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

/** An editor whose first save, of a document named "Mine", was refused: revision `latest` won. */
async function inConflict(latest: number) {
  const editor = setup();
  editor.store.getState().setDesign(renamed('Mine'));
  await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
  editor.calls[0]?.reject(conflict(latest));
  await settle();
  return editor;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('autosaver', () => {
  it('saves a document the plan worker validated without validating it again; others it validates', async () => {
    const { store, calls, stop } = setup();
    const checked = renamed('Checked by the worker');
    markValid(checked);
    vi.mocked(validateDesign).mockClear();
    store.getState().setDesign(checked);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(calls[0]?.document).toBe(checked);
    expect(validateDesign).not.toHaveBeenCalled();
    calls[0]?.resolve(2);
    await settle();

    const unchecked = renamed('Not planned yet');
    store.getState().setDesign(unchecked);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(validateDesign).toHaveBeenCalledWith(unchecked);
    expect(calls[1]?.document).toBe(unchecked);
    stop();
  });

  it('saves a move of a validated document without validating it; a move of an unchecked one it validates', async () => {
    const { store, calls, stop } = setup();
    const checked = renamed('Checked by the worker');
    markValid(checked);
    vi.mocked(validateDesign).mockClear();
    const dragged = moved(checked, { web: { x: 123.4, y: -56.7 } });
    store.getState().setDesign(dragged);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(calls[0]?.document.layout?.web).toEqual({ x: 123, y: -57 });
    expect(validateDesign).not.toHaveBeenCalled();
    calls[0]?.resolve(2);
    await settle();

    const unchecked = moved(renamed('Not planned yet'), { web: { x: 1, y: 2 } });
    store.getState().setDesign(unchecked);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(validateDesign).toHaveBeenCalledWith(unchecked);
    stop();
  });

  it('saves an edit once the typing pauses, on the revision it holds, then says saved', async () => {
    const { store, calls, stop } = setup();
    store.getState().setDesign(renamed('Shop 2'));
    expect(store.getState().status).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS - 1);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.baseRevision).toBe(1);
    expect(store.getState().status).toBe('saving');
    calls[0]?.resolve(2);
    await settle();
    expect(store.getState()).toMatchObject({ status: 'saved', baseRevision: 2, statusDetail: 'Saved as revision 2' });
    stop();
  });

  it('stops on a conflict, keeps the document, and saves nothing more until the user chooses', async () => {
    const { store, calls, stop } = await inConflict(5);
    expect(store.getState()).toMatchObject({ status: 'conflict', conflictRevision: 5, baseRevision: 1 });
    expect(store.getState().design.name).toBe('Mine');

    store.getState().setDesign(renamed('Mine, edited after the conflict'));
    await vi.advanceTimersByTimeAsync(10 * AUTOSAVE_DEBOUNCE_MS);
    expect(calls).toHaveLength(1);
    expect(store.getState().status).toBe('conflict');
    stop();
  });

  it('"keep mine" saves this document on top of the latest revision and resumes', async () => {
    const { store, calls, autosaver, stop } = await inConflict(5);

    const kept = autosaver.saveMineAsNew();
    expect(calls[1]).toMatchObject({ baseRevision: 5 });
    expect(calls[1]?.document.name).toBe('Mine');
    calls[1]?.resolve(6);
    await kept;
    expect(store.getState()).toMatchObject({ status: 'saved', baseRevision: 6, conflictRevision: null });

    store.getState().setDesign(renamed('Mine again'));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(calls[2]?.baseRevision).toBe(6);
    stop();
  });

  it('"take theirs" (a document loaded from the server) ends the conflict without saving', async () => {
    const { store, calls, autosaver, stop } = await inConflict(5);

    const theirs = renamed('Theirs');
    autosaver.markSaved(theirs);
    store.getState().reset(theirs, 5);
    expect(store.getState()).toMatchObject({ status: 'saved', baseRevision: 5, conflictRevision: null });
    await vi.advanceTimersByTimeAsync(10 * AUTOSAVE_DEBOUNCE_MS);
    expect(calls).toHaveLength(1);
    stop();
  });

  it('retries after any other failure, and says so meanwhile', async () => {
    const { store, calls, stop } = setup();
    store.getState().setDesign(renamed('Offline'));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    calls[0]?.reject(new Error('Failed to fetch'));
    await settle();
    expect(store.getState().status).toBe('error');
    expect(store.getState().statusDetail).toMatch(/Failed to fetch\. Retrying/);
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.baseRevision).toBe(1);
    calls[1]?.resolve(2);
    await settle();
    expect(store.getState().status).toBe('saved');
    stop();
  });

  it('sends an edit made while a save is in flight right after it, on the new revision', async () => {
    const { store, calls, stop } = setup();
    store.getState().setDesign(renamed('First'));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    store.getState().setDesign(renamed('Second'));
    calls[0]?.resolve(2);
    await settle();
    expect(store.getState().status).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ baseRevision: 2 });
    expect(calls[1]?.document.name).toBe('Second');
    stop();
  });

  it('does not send a document the schema refuses, and says why', async () => {
    const { store, calls, stop } = setup();
    store.getState().setDesign({ ...initial, name: '' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(calls).toHaveLength(0);
    expect(store.getState().status).toBe('error');
    expect(store.getState().statusDetail).toMatch(/^Not saved: name/);
    stop();
  });

  it('does not send a document the schema refuses, and says why, until an edit makes it valid', async () => {
    const { store, calls, stop } = setup();
    store.getState().setDesign({ ...initial, name: 'Bad \u202Ename' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(calls).toHaveLength(0);
    expect(store.getState().status).toBe('error');
    expect(store.getState().statusDetail).toMatch(/^Not saved: name: must not contain a bidirectional override/);
    store.getState().setDesign(renamed('Good'));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    calls[0]?.resolve(2);
    await settle();
    expect(store.getState().status).toBe('saved');
    stop();
  });

  it('does not retry in a loop what the server refused (over budget), and tries again on the next edit', async () => {
    const { store, calls, stop } = setup();
    store.getState().setDesign(renamed('Huge'));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    calls[0]?.reject(
      TRPCClientError.from({
        error: {
          message: 'Not saved: over budget.',
          code: -32600,
          data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 },
        },
      }),
    );
    await settle();
    expect(store.getState().statusDetail).toBe('Not saved: Not saved: over budget.');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toHaveLength(1);
    store.getState().setDesign(renamed('Smaller'));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(calls).toHaveLength(2);
    stop();
  });

  /** An autosaver whose saves never answer (the page is going away), recording how each was sent. */
  function unloading() {
    const sent: { keepalive: boolean }[] = [];
    const store = createEditorStore(initial, 1);
    const autosaver = createAutosaver(store, 'd1', (_input, options) => {
      sent.push(options);
      return new Promise(() => undefined);
    });
    return { sent, store, autosaver, stop: autosaver.start() };
  }

  it('sends every save that fits with keepalive, so one under way when the page unloads still arrives', async () => {
    const { sent, store, stop } = unloading();
    store.getState().setDesign(renamed('Typed a while ago'));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(sent).toEqual([{ keepalive: true }]);
    stop();
  });

  it('before unload, sends the change with keepalive when it fits, and asks when it cannot', () => {
    const { sent, store, autosaver, stop } = unloading();
    expect(autosaver.flushOnUnload()).toBe(true); // nothing to send
    store.getState().setDesign(renamed('Just typed'));
    expect(autosaver.flushOnUnload()).toBe(true);
    expect(sent).toEqual([{ keepalive: true }]);
    // Leaving again while that save is under way: it outlives the page, nothing more to send or ask.
    expect(autosaver.flushOnUnload()).toBe(true);
    expect(sent).toHaveLength(1);
    // A change made since cannot follow it from a page that is going away (its base is not known): ask.
    store.getState().setDesign(renamed('And more'));
    expect(autosaver.flushOnUnload()).toBe(false);
    stop();
  });

  it('asks before unload when a valid change is too large for keepalive, counting bytes, not characters', async () => {
    // A measured trace of 20,000 points: valid, and well over the 64 KB a keepalive request may carry.
    const traced: Design = designSchema.parse({
      ...initial,
      components: [
        {
          ...initial.components[0],
          workload: {
            pattern: 'static',
            baseRps: 1,
            trace: { stepMinutes: 5, rps: Array.from({ length: 20_000 }, (_, i) => 100 + (i % 97)) },
          },
        },
      ],
    });
    // 200 components named in three-byte characters: about 35,000 characters, but about 83 KB sent.
    const wide: Design = designSchema.parse({
      ...initial,
      components: Array.from({ length: 200 }, (_, i) => ({
        id: `c${i}`,
        name: '€'.repeat(119) + String(i % 10),
        kind: 'ui',
        demand: { cpuMs: 10 },
      })),
    });
    expect(JSON.stringify(wide).length).toBeLessThan(KEEPALIVE_MAX_BYTES);
    const cases: [string, Design, boolean][] = [
      ['small', renamed('Just typed'), true],
      ['a large trace', traced, false],
      ['multi-byte names, over the limit in bytes only', wide, false],
    ];
    for (const [what, document, fits] of cases) {
      const { sent, store, autosaver, stop } = unloading();
      store.getState().setDesign(document);
      expect(autosaver.flushOnUnload(), what).toBe(fits);
      expect(sent, what).toEqual(fits ? [{ keepalive: true }] : []);
      // Its ordinary save, once the typing pauses, outlives the page only if it fits.
      if (!fits) {
        await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
        expect(sent, what).toEqual([{ keepalive: false }]);
        // A save under way that the page's end would cut off: ask.
        expect(autosaver.flushOnUnload(), what).toBe(false);
      }
      stop();
    }
  });
});
