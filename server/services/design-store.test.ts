import { afterEach, describe, expect, it, vi } from 'vitest';
import { designSchema, type Design } from '../../core/model';
import { openDatabase, type Db } from '../../db/client';
import { blankDesign } from '../routers/designs';
import { designOf } from '../testing';
import { planPruning } from './design-budget';
import { createDesign, getDesign, listRevisions, renameDesign, restoreRevision, saveDesign } from './design-store';
import { BudgetError } from './errors';
import { createShareLink, openShareLink, revokeShareLink } from './share-links';

const withComponents = (name: string, count: number): Design => designSchema.parse(designOf(name, count));

const bytesOf = (db: Db, id: string) =>
  (db.$client.prepare('select stored_bytes as b from designs where id = ?').get(id) as { b: number }).b;

afterEach(() => vi.unstubAllEnvs());

describe('saving', () => {
  it('returns the revision it wrote, even when another writer appends right after it commits', () => {
    const db = openDatabase(':memory:');
    const { id } = createDesign(db, blankDesign('Base'));
    const transaction = db.transaction.bind(db);
    let intruded = false;
    // A second writer (another tab, another app instance) commits the moment the first one has.
    db.transaction = ((fn: never, options: never) => {
      const result = transaction(fn, options);
      if (!intruded) {
        intruded = true;
        saveDesign(db, id, 2, blankDesign('Theirs'));
      }
      return result;
    }) as typeof db.transaction;
    const written = saveDesign(db, id, 1, blankDesign('Mine'));
    expect(written).toMatchObject({ revision: 2, name: 'Mine' });
    expect(getDesign(db, id, written.revision).document.name).toBe('Mine');
    expect(getDesign(db, id).revision).toBe(3);
  });

  it('records each revision’s summary and what changed, without reading documents to list them', () => {
    const db = openDatabase(':memory:');
    const { id } = createDesign(db, withComponents('Shop', 2));
    saveDesign(db, id, 1, withComponents('Shop', 4));
    renameDesign(db, id, 'Shop, renamed');
    // Listing must not depend on the documents at all: damage them and it still answers.
    db.$client.prepare("update revisions set document = 'not json'").run();
    const listed = listRevisions(db, id);
    expect(listed.map((r) => [r.number, r.name, r.componentCount, r.changes])).toEqual([
      [3, 'Shop, renamed', 4, 'renamed from “Shop”'],
      [2, 'Shop', 4, '+2 components'],
      [1, 'Shop', 2, ''],
    ]);
    expect(listed.every((r) => r.bytes > 100)).toBe(true);
  });
});

describe('reading stored documents goes through the versioned loader', () => {
  it('fills in defaults and repairs names that a later rule refuses', () => {
    const db = openDatabase(':memory:');
    const { id } = createDesign(db, blankDesign('Stored'));
    // As an older Tidemark could have written it: no defaults, a name with a right-to-left override.
    const raw = {
      format: 'tidemark.design',
      version: 1,
      name: 'Invoice \u202Efdp.exe',
      components: [{ id: 'api', name: 'API\u0000', kind: 'service', demand: { cpuMs: 5 } }],
    };
    db.$client.prepare('update revisions set document = ? where design_id = ?').run(JSON.stringify(raw), id);
    const got = getDesign(db, id);
    expect(got.document.name).toBe('Invoice fdp.exe');
    expect(got.document.components[0]?.name).toBe('API');
    expect(got.document.environments.vm.hourlyPrice).toBeGreaterThan(0);
    const link = createShareLink(db, { designId: id, revision: null, expiresAt: null });
    expect(openShareLink(db, link.token).document.simulation.days).toBe(30);
  });

  it('refuses a stored revision of a future version with a message that names it', () => {
    const db = openDatabase(':memory:');
    const { id } = createDesign(db, blankDesign('Future'));
    db.$client
      .prepare('update revisions set document = ? where design_id = ?')
      .run(JSON.stringify({ ...blankDesign('Future'), version: 2 }), id);
    expect(() => getDesign(db, id)).toThrow(/revision 1 of design .* cannot be read: version: .*version 2 is newer/);
  });
});

describe('the storage budget', () => {
  it('prunes the oldest revisions, never the latest nor a pinned one', () => {
    const db = openDatabase(':memory:');
    const doc = (n: number) => withComponents(`Rev ${n}`, 20);
    const { id } = createDesign(db, doc(1));
    const size = listRevisions(db, id)[0]!.bytes;
    // Room for four revisions of this size.
    vi.stubEnv('TIDEMARK_DESIGN_BUDGET_MB', String((4.5 * size) / 1024 / 1024));
    createShareLink(db, { designId: id, revision: 1, expiresAt: null });
    for (let n = 2; n <= 8; n++) saveDesign(db, id, n - 1, doc(n));
    expect(listRevisions(db, id).map((r) => r.number)).toEqual([8, 7, 6, 1]);
    expect(bytesOf(db, id)).toBeLessThanOrEqual(4.5 * size);
    expect(getDesign(db, id).document.name).toBe('Rev 8');
    expect(getDesign(db, id, 1).document.name).toBe('Rev 1');
    expect(() => getDesign(db, id, 2)).toThrow(/revision 2 .* not found/);
    // Restoring and renaming keep the budget too.
    restoreRevision(db, id, 1);
    renameDesign(db, id, 'Renamed');
    expect(listRevisions(db, id).map((r) => r.number)).toEqual([10, 9, 8, 1]);
  });

  it('refuses a save, writing nothing, when pinned revisions leave no room; revoking makes room', () => {
    const db = openDatabase(':memory:');
    const { id } = createDesign(db, withComponents('Pinned', 20));
    const size = listRevisions(db, id)[0]!.bytes;
    vi.stubEnv('TIDEMARK_DESIGN_BUDGET_MB', String((2.5 * size) / 1024 / 1024));
    saveDesign(db, id, 1, withComponents('Pinned 2', 20));
    const pins = [1, 2].map((revision) => createShareLink(db, { designId: id, revision, expiresAt: null }));
    let refused: unknown;
    try {
      saveDesign(db, id, 2, withComponents('Pinned 3', 20));
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(BudgetError);
    expect((refused as Error).message).toMatch(/^Not saved: .* Revoke a pinned share link/);
    expect(listRevisions(db, id).map((r) => r.number)).toEqual([2, 1]);
    revokeShareLink(db, id, pins[0]!.link.id);
    expect(saveDesign(db, id, 2, withComponents('Pinned 3', 20)).revision).toBe(3);
    expect(listRevisions(db, id).map((r) => r.number)).toEqual([3, 2]);
  });

  it('plans pruning oldest first and reports what is left', () => {
    const revs = [1, 2, 3, 4, 5].map((number) => ({ number, bytes: 10 }));
    expect(planPruning(revs, 50, 30, 5, new Set([2]))).toEqual({ prune: [1, 3], storedBytes: 30 });
    expect(planPruning(revs, 50, 5, 5, new Set([1, 2, 3, 4]))).toEqual({ prune: [], storedBytes: 50 });
  });
});
