/**
 * The document a share link shows, as JSON, for the share page's loader. Served from the share cache
 * (server/services/share-cache.ts): a revision is loaded through the versioned loader once and its
 * bytes reused for every view of every link to it; an unchanged revision answers 304 to a browser
 * that has it. `?revision=` must name the revision the link shows now, so a page opened before an
 * edit never mixes two revisions. Views per address are limited in proxy.ts. Any refusal is the
 * same plain 404. The body is the cached JSON as it is: Next.js compresses it for a browser that
 * accepts gzip, and drops any Content-Encoding a route sets (it assumes a fetched body was decoded),
 * so bytes gzipped here arrived gzipped twice and no browser could read them.
 */
import { getDb } from '@/db/client';
import { sharedDocument } from '@/server/services/share-cache';
import { resolveShareLink } from '@/server/services/share-links';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const notFound = () =>
  new Response('Not found.', { status: 404, headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });

export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (token.length > 256) return notFound();
  let cached: Awaited<ReturnType<typeof sharedDocument>>;
  try {
    const db = await getDb();
    const share = await resolveShareLink(db, token);
    const asked = new URL(req.url).searchParams.get('revision');
    if (asked !== null && asked !== String(share.revision)) return notFound();
    cached = await sharedDocument(db, share.designId, share.revision);
  } catch {
    return notFound();
  }
  // The document may sit in this browser's cache (it holds the link anyway), never a shared one.
  const headers = { etag: cached.etag, 'cache-control': 'private, no-cache', vary: 'Accept-Encoding' };
  if (req.headers.get('if-none-match') === cached.etag) return new Response(null, { status: 304, headers });
  return new Response(cached.json, { status: 200, headers: { ...headers, 'content-type': 'application/json' } });
}
