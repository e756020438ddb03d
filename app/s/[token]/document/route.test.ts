import { describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { testDatabaseUrl } from '@/db/testing';
import { blankDesign } from '@/server/routers/designs';
import { createDesign, saveDesign } from '@/server/services/design-store';
import { createShareLink, revokeShareLink } from '@/server/services/share-links';

vi.stubEnv('DATABASE_URL', await testDatabaseUrl());
const { GET } = await import('./route');

const get = (token: string, query = '', headers: Record<string, string> = {}) =>
  GET(new Request(`http://127.0.0.1:3000/s/${token}/document${query}`, { headers }), {
    params: Promise.resolve({ token }),
  });

describe('a shared document', () => {
  it('is served from the cache per revision, revalidated by its ETag, and only for the revision shown', async () => {
    const db = await getDb();
    const { id } = await createDesign(db, blankDesign('Shared doc'));
    const { token, link } = await createShareLink(db, { designId: id, revision: null, expiresAt: null });
    const first = await get(token, '?revision=1');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect(((await first.json()) as { name: string }).name).toBe('Shared doc');
    const etag = first.headers.get('etag')!;
    // Cached: the stored document is not read again.
    await db.execute(sql`update revisions set document = 'damaged' where design_id = ${id}`);
    expect((await get(token, '?revision=1')).status).toBe(200);
    expect((await get(token, '?revision=1', { 'if-none-match': etag })).status).toBe(304);
    // The link now follows revision 2: a page still showing revision 1 asks for it in vain.
    await saveDesign(db, id, 1, blankDesign('Shared doc, edited'));
    expect((await get(token, '?revision=1')).status).toBe(404);
    const second = await get(token, '?revision=2');
    expect(((await second.json()) as { name: string }).name).toBe('Shared doc, edited');
    await revokeShareLink(db, id, link.id);
    expect((await get(token, '?revision=2')).status).toBe(404);
    expect((await get('x'.repeat(43))).status).toBe(404);
    expect((await get('x'.repeat(300))).status).toBe(404);
  });
});

describe('a shared document, compressed', () => {
  it('leaves compression to Next.js: the route sends plain JSON even to a browser that accepts gzip', async () => {
    // Next.js drops a route's Content-Encoding and gzips the body itself: a body gzipped here reached
    // browsers gzipped twice, and the share page failed with "Unexpected token '\x1f'".
    const db = await getDb();
    const { id } = await createDesign(db, blankDesign('Zipped'));
    const { token } = await createShareLink(db, { designId: id, revision: null, expiresAt: null });
    const res = await get(token, '?revision=1', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(((await res.json()) as { name: string }).name).toBe('Zipped');
  });
});
