import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { designSchema } from '../../core/model';
import type { Db } from '../../db/client';
import { openTestDatabase } from '../../db/testing';
import { blankDesign } from '../routers/designs';
import { createDesign, saveDesign } from './design-store';
import { NotFoundError } from './errors';
import { DocumentCache, sharedDocument } from './share-cache';
import { createShareLink, hashToken, listShareLinks, openShareLink, revokeShareLink } from './share-links';

async function setup() {
  const db = await openTestDatabase();
  const design = await createDesign(db, blankDesign('Shared'));
  await saveDesign(db, design.id, 1, designSchema.parse({ ...blankDesign('Shared, edited') }));
  return { db, designId: design.id };
}

/** Every row of every table, as text: what someone holding a copy of the database would see. */
async function dump(db: Db): Promise<string> {
  const tables = await db.execute<{ name: string }>(
    db.dialect === 'sqlite'
      ? sql`select name from sqlite_master where type = 'table'`
      : sql`select table_name as name from information_schema.tables where table_schema = 'public'`,
  );
  const rows = await Promise.all(tables.map((t) => db.execute(sql`select * from ${sql.identifier(t.name)}`)));
  return rows.map((r) => JSON.stringify(r)).join('\n');
}

describe('share links', () => {
  it('makes 256-bit base64url tokens and stores only their sha256', async () => {
    const { db, designId } = await setup();
    const tokens: string[] = [];
    for (let i = 0; i < 20; i++)
      tokens.push((await createShareLink(db, { designId, revision: null, expiresAt: null })).token);
    expect(new Set(tokens).size).toBe(20);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
    const everything = await dump(db);
    for (const token of tokens) {
      expect(everything).not.toContain(token);
      expect(everything).toContain(hashToken(token));
    }
  });

  it('opens a pinned link at its revision and a following link at the latest, recording the view', async () => {
    const { db, designId } = await setup();
    const pinned = await createShareLink(db, { designId, revision: 1, expiresAt: null }, 1000);
    const latest = await createShareLink(db, { designId, revision: null, expiresAt: null }, 2000);
    expect(await openShareLink(db, pinned.token, 5000)).toMatchObject({
      name: 'Shared',
      revision: 1,
      following: 'pinned',
    });
    expect(await openShareLink(db, latest.token, 6000)).toMatchObject({
      name: 'Shared, edited',
      revision: 2,
      following: 'latest',
    });
    await saveDesign(db, designId, 2, blankDesign('Third'));
    expect((await openShareLink(db, latest.token, 7000)).revision).toBe(3);
    expect((await openShareLink(db, pinned.token, 70_000)).revision).toBe(1);
    // A view is recorded at most once a minute per link: 7000 came too soon after 6000.
    const listed = await listShareLinks(db, designId);
    expect(listed.map((l) => [l.id, l.revision, l.lastViewedAt])).toEqual([
      [latest.link.id, null, 6000],
      [pinned.link.id, 1, 70_000],
    ]);
  });

  it('loads a shared revision once: later views, of any link to it, come from the cache', async () => {
    const { db, designId } = await setup();
    const cache = new DocumentCache();
    const a = await createShareLink(db, { designId, revision: null, expiresAt: null });
    const b = await createShareLink(db, { designId, revision: 2, expiresAt: null });
    expect((await openShareLink(db, a.token, Date.now(), cache)).document.environments.vm.bootSeconds).toBeGreaterThan(
      0,
    );
    // The stored document is not read again: damage it, and both links still open.
    await db.execute(sql`update revisions set document = 'damaged' where design_id = ${designId}`);
    expect((await openShareLink(db, a.token, Date.now(), cache)).name).toBe('Shared, edited');
    expect((await openShareLink(db, b.token, Date.now(), cache)).revision).toBe(2);
    expect(cache.size).toBe(1);
    expect((await sharedDocument(db, designId, 2, cache)).etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  });

  it('bounds the cache by bytes, forgetting the least recently viewed', () => {
    const cache = new DocumentCache(2500);
    const entry = (n: number) => ({ json: 'x'.repeat(n), etag: '"e"' });
    cache.set('a', entry(500));
    cache.set('b', entry(500));
    cache.get('a');
    cache.set('c', entry(500));
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map(Boolean)).toEqual([true, false, true]);
    cache.set('huge', entry(5000));
    expect(cache.get('huge')).toBeUndefined();
  });

  it('refuses unknown, revoked and expired tokens with the same error', async () => {
    const { db, designId } = await setup();
    const revoked = await createShareLink(db, { designId, revision: null, expiresAt: null }, 1000);
    const expiring = await createShareLink(db, { designId, revision: null, expiresAt: 10_000 }, 1000);
    expect((await openShareLink(db, expiring.token, 9_999)).revision).toBe(2);
    await revokeShareLink(db, designId, revoked.link.id, 2000);
    const errors = await Promise.all(
      [revoked.token, expiring.token, 'x'.repeat(43), '', 'not even base64 ✓'].map((t) =>
        openShareLink(db, t, 10_000).then(
          () => null,
          (e: unknown) => e,
        ),
      ),
    );
    for (const e of errors) {
      expect(e).toBeInstanceOf(NotFoundError);
      expect((e as Error).message).toBe('share link not found');
    }
    const states = Object.fromEntries((await listShareLinks(db, designId, 10_000)).map((l) => [l.id, l.state]));
    expect(states).toEqual({ [expiring.link.id]: 'expired', [revoked.link.id]: 'revoked' });
  });

  it("refuses links to unknown designs or revisions, and revoking another design's link", async () => {
    const { db, designId } = await setup();
    const other = await createDesign(db, blankDesign('Other'));
    await expect(createShareLink(db, { designId, revision: 9, expiresAt: null })).rejects.toThrow(NotFoundError);
    await expect(createShareLink(db, { designId: 'nope', revision: null, expiresAt: null })).rejects.toThrow(
      NotFoundError,
    );
    const { link, token } = await createShareLink(db, { designId, revision: null, expiresAt: null });
    await expect(revokeShareLink(db, other.id, link.id)).rejects.toThrow(NotFoundError);
    expect((await openShareLink(db, token)).name).toBe('Shared, edited');
  });
});
