import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { designSchema, type Design } from '../../core/model';
import type { Db } from '../../db/client';
import { openTestDatabase, testDatabaseUrl, testDialect } from '../../db/testing';
import { blankDesign } from '../routers/designs';
import { designOf } from '../testing';
import { planPruning } from './design-budget';
import { createDesign, getDesign, listRevisions, renameDesign, restoreRevision, saveDesign } from './design-store';
import { BudgetError, ConflictError } from './errors';
import { createShareLink, openShareLink, revokeShareLink } from './share-links';

const withComponents = (name: string, count: number): Design => designSchema.parse(designOf(name, count));

const bytesOf = async (db: Db, id: string) =>
  Number((await db.execute<{ b: number | string }>(sql`select stored_bytes as b from designs where id = ${id}`))[0]!.b);

/** What a promise settled to: the value, or the error's class name. */
const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: Error) => ({ ok: false as const, error }),
  );

afterEach(() => vi.unstubAllEnvs());

describe('saving', () => {
  it('lets exactly one of many saves on the same base win; the others get CONFLICT and write nothing', async () => {
    const db = await openTestDatabase();
    const { id } = await createDesign(db, blankDesign('Base'));
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => settle(saveDesign(db, id, 1, blankDesign(`Writer ${i}`)))),
    );
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) {
      expect(r.error).toBeInstanceOf(ConflictError);
      expect((r.error as ConflictError).latestRevision).toBe(2);
    }
    expect((await listRevisions(db, id)).map((r) => r.number)).toEqual([2, 1]);
    expect((await getDesign(db, id)).document.name).toBe(won[0]!.ok && won[0]!.value.name);
  });

  it('from two app instances, returns the revision each save wrote, contiguous, none lost', async () => {
    // On PostgreSQL two pools, as two instances would have; SQLite serves one process (two tabs).
    const url = await testDatabaseUrl();
    const a = await openTestDatabase(url);
    const b = testDialect === 'postgres' ? await openTestDatabase(url) : a;
    const { id } = await createDesign(a, blankDesign('Two instances'));
    // Each writer saves on the latest it knows of, and on CONFLICT takes the latest it was told about.
    const written: { writer: string; revision: number; name: string }[] = [];
    let conflicts = 0;
    const writer = async (db: Db, who: string) => {
      let base = 1;
      for (let i = 0; i < 12; i++) {
        const name = `${who} ${i}`;
        const result = await settle(saveDesign(db, id, base, blankDesign(name)));
        if (result.ok) {
          written.push({ writer: who, revision: result.value.revision, name });
          base = result.value.revision;
        } else {
          expect(result.error).toBeInstanceOf(ConflictError);
          conflicts += 1;
          base = (result.error as ConflictError).latestRevision;
        }
      }
    };
    await Promise.all([writer(a, 'A'), writer(b, 'B')]);
    const numbers = (await listRevisions(a, id)).map((r) => r.number).reverse();
    expect(numbers).toEqual(Array.from({ length: written.length + 1 }, (_, i) => i + 1));
    // Every acknowledged save is there, under the number it was told.
    for (const w of written) expect((await getDesign(b, id, w.revision)).document.name).toBe(w.name);
    expect(written.length + conflicts).toBe(24);
  });

  it('records each revision’s summary and what changed, without reading documents to list them', async () => {
    const db = await openTestDatabase();
    const { id } = await createDesign(db, withComponents('Shop', 2));
    await saveDesign(db, id, 1, withComponents('Shop', 4));
    await renameDesign(db, id, 'Shop, renamed');
    // Listing must not depend on the documents at all: damage them and it still answers.
    await db.execute(sql`update revisions set document = 'not json'`);
    const listed = await listRevisions(db, id);
    expect(listed.map((r) => [r.number, r.name, r.componentCount, r.changes])).toEqual([
      [3, 'Shop, renamed', 4, 'renamed from “Shop”'],
      [2, 'Shop', 4, '+2 components'],
      [1, 'Shop', 2, ''],
    ]);
    expect(listed.every((r) => r.bytes > 100)).toBe(true);
  });

  it('keeps millisecond timestamps beyond 32 bits', async () => {
    const db = await openTestDatabase();
    const now = Date.UTC(2026, 11, 2);
    const { id } = await createDesign(db, blankDesign('Time'));
    const saved = await saveDesign(db, id, 1, blankDesign('Later'), now);
    expect(saved.updatedAt).toBe(now);
    expect((await listRevisions(db, id))[0]!.createdAt).toBe(now);
  });
});

describe('reading stored documents goes through the versioned loader', () => {
  it('fills in defaults and repairs names that a later rule refuses', async () => {
    const db = await openTestDatabase();
    const { id } = await createDesign(db, blankDesign('Stored'));
    // As an older Tidemark could have written it: no defaults, a name with a right-to-left override.
    const raw = {
      format: 'tidemark.design',
      version: 1,
      name: 'Invoice \u202Efdp.exe',
      components: [{ id: 'api', name: 'API\u0000', kind: 'service', demand: { cpuMs: 5 } }],
    };
    await db.execute(sql`update revisions set document = ${JSON.stringify(raw)} where design_id = ${id}`);
    const got = await getDesign(db, id);
    expect(got.document.name).toBe('Invoice fdp.exe');
    expect(got.document.components[0]?.name).toBe('API');
    // Prices come from the price book at plan time; a non-price default is filled in.
    expect(got.document.environments.vm.bootSeconds).toBeGreaterThan(0);
    const link = await createShareLink(db, { designId: id, revision: null, expiresAt: null });
    expect((await openShareLink(db, link.token)).document.simulation.days).toBe(30);
  });

  it('refuses a stored revision of a future version with a message that names it', async () => {
    const db = await openTestDatabase();
    const { id } = await createDesign(db, blankDesign('Future'));
    const future = JSON.stringify({ ...blankDesign('Future'), version: 2 });
    await db.execute(sql`update revisions set document = ${future} where design_id = ${id}`);
    await expect(getDesign(db, id)).rejects.toThrow(
      /revision 1 of design .* cannot be read: version: .*version 2 is newer/,
    );
  });
});

describe('the storage budget', () => {
  it('prunes the oldest revisions, never the latest nor a pinned one', async () => {
    const db = await openTestDatabase();
    const doc = (n: number) => withComponents(`Rev ${n}`, 20);
    const { id } = await createDesign(db, doc(1));
    const size = (await listRevisions(db, id))[0]!.bytes;
    // Room for four revisions of this size.
    vi.stubEnv('TIDEMARK_DESIGN_BUDGET_MB', String((4.5 * size) / 1024 / 1024));
    await createShareLink(db, { designId: id, revision: 1, expiresAt: null });
    for (let n = 2; n <= 8; n++) await saveDesign(db, id, n - 1, doc(n));
    expect((await listRevisions(db, id)).map((r) => r.number)).toEqual([8, 7, 6, 1]);
    expect(await bytesOf(db, id)).toBeLessThanOrEqual(4.5 * size);
    expect((await getDesign(db, id)).document.name).toBe('Rev 8');
    expect((await getDesign(db, id, 1)).document.name).toBe('Rev 1');
    await expect(getDesign(db, id, 2)).rejects.toThrow(/revision 2 .* not found/);
    // Restoring and renaming keep the budget too.
    await restoreRevision(db, id, 1);
    await renameDesign(db, id, 'Renamed');
    expect((await listRevisions(db, id)).map((r) => r.number)).toEqual([10, 9, 8, 1]);
  });

  it('refuses a save, writing nothing, when pinned revisions leave no room; revoking makes room', async () => {
    const db = await openTestDatabase();
    const { id } = await createDesign(db, withComponents('Pinned', 20));
    const size = (await listRevisions(db, id))[0]!.bytes;
    vi.stubEnv('TIDEMARK_DESIGN_BUDGET_MB', String((2.5 * size) / 1024 / 1024));
    await saveDesign(db, id, 1, withComponents('Pinned 2', 20));
    const bytesBefore = await bytesOf(db, id);
    const pins = await Promise.all(
      [1, 2].map((revision) => createShareLink(db, { designId: id, revision, expiresAt: null })),
    );
    const refused = await settle(saveDesign(db, id, 2, withComponents('Pinned 3', 20)));
    expect(!refused.ok && refused.error).toBeInstanceOf(BudgetError);
    expect(!refused.ok && refused.error.message).toMatch(/^Not saved: .* Revoke a pinned share link/);
    expect((await listRevisions(db, id)).map((r) => r.number)).toEqual([2, 1]);
    // Rolled back whole: the design row was not touched either.
    expect(await bytesOf(db, id)).toBe(bytesBefore);
    expect((await getDesign(db, id)).latestRevision).toBe(2);
    await revokeShareLink(db, id, pins[0]!.link.id);
    expect((await saveDesign(db, id, 2, withComponents('Pinned 3', 20))).revision).toBe(3);
    expect((await listRevisions(db, id)).map((r) => r.number)).toEqual([3, 2]);
  });

  it('plans pruning oldest first and reports what is left', () => {
    const revs = [1, 2, 3, 4, 5].map((number) => ({ number, bytes: 10 }));
    expect(planPruning(revs, 50, 30, 5, new Set([2]))).toEqual({ prune: [1, 3], storedBytes: 30 });
    expect(planPruning(revs, 50, 5, 5, new Set([1, 2, 3, 4]))).toEqual({ prune: [], storedBytes: 50 });
  });
});
