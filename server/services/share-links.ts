/**
 * Read-only share links. A token is 32 random bytes from node:crypto (256 bits) in base64url; only
 * its sha256 is stored, so a copy of the database opens nothing. Opening a link looks the hash up
 * (one indexed query), then decides unknown / revoked / expired / live without an early exit, and
 * every failure is the same NotFoundError: a caller cannot tell which it was. Tokens are never
 * logged and never returned again after creation.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Design } from '../../core/model';
import type { Tables, Tx } from '../../db/client';
import { findDesign, getDesign } from './design-store';
import { NotFoundError } from './errors';
import { sharedDocument, shareDocumentCache, type DocumentCache } from './share-cache';

export interface ShareLinkSummary {
  id: string;
  /** null: the link follows the latest revision. */
  revision: number | null;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  lastViewedAt: number | null;
  /** Whether the link opens the design now. */
  state: 'active' | 'revoked' | 'expired';
}

export interface SharedDesign {
  name: string;
  revision: number;
  following: 'latest' | 'pinned';
  document: Design;
}

export const TOKEN_BYTES = 32;
/** The one answer for unknown, revoked and expired tokens. */
const notFound = () => new NotFoundError('share link');
const ZERO_HASH = Buffer.alloc(32);

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

type ShareRow = Tables['shareLinks']['$inferSelect'];

const stateOf = (row: ShareRow, now: number): ShareLinkSummary['state'] =>
  row.revokedAt !== null ? 'revoked' : row.expiresAt !== null && row.expiresAt <= now ? 'expired' : 'active';

const summaryOf = (row: ShareRow, now: number): ShareLinkSummary => ({
  id: row.id,
  revision: row.revision,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  revokedAt: row.revokedAt,
  lastViewedAt: row.lastViewedAt,
  state: stateOf(row, now),
});

/** Creates a link to a design (pinned to `revision`, or following the latest when null). */
export async function createShareLink(
  db: Tx,
  input: { designId: string; revision: number | null; expiresAt: number | null },
  now = Date.now(),
): Promise<{ link: ShareLinkSummary; token: string }> {
  // Throws NotFoundError for an unknown design or revision.
  await getDesign(db, input.designId, input.revision ?? undefined);
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const row = {
    id: randomUUID().replace(/-/g, '').slice(0, 16),
    designId: input.designId,
    tokenHash: hashToken(token),
    revision: input.revision,
    createdAt: now,
    expiresAt: input.expiresAt,
    revokedAt: null,
    lastViewedAt: null,
  };
  await db.orm.insert(db.tables.shareLinks).values(row);
  return { link: summaryOf(row, now), token };
}

/** A design's links, newest first; revoked ones stay listed (marked) until the design is deleted. */
export async function listShareLinks(db: Tx, designId: string, now = Date.now()): Promise<ShareLinkSummary[]> {
  await findDesign(db, designId);
  const { shareLinks } = db.tables;
  const rows = await db.orm
    .select()
    .from(shareLinks)
    .where(eq(shareLinks.designId, designId))
    .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id));
  return rows.map((row) => summaryOf(row, now));
}

/** Revokes one of this design's links; revoking twice keeps the first time. */
export async function revokeShareLink(
  db: Tx,
  designId: string,
  id: string,
  now = Date.now(),
): Promise<ShareLinkSummary> {
  const { shareLinks } = db.tables;
  const where = and(eq(shareLinks.id, id), eq(shareLinks.designId, designId));
  // Revoke only if not yet revoked; either way read the row as it stands.
  await db.orm
    .update(shareLinks)
    .set({ revokedAt: now })
    .where(and(where, isNull(shareLinks.revokedAt)));
  const [row] = await db.orm.select().from(shareLinks).where(where).limit(1);
  if (!row) throw new NotFoundError(`share link "${id}" of design "${designId}"`);
  return summaryOf(row, now);
}

/** A live link resolved to what it shows, without reading the document. */
export interface ResolvedShare {
  linkId: string;
  designId: string;
  revision: number;
  following: 'latest' | 'pinned';
  /** The revision's name, from its summary. */
  name: string;
}

/** A view's "last viewed" is written at most this often per link: a busy link costs no write per view. */
export const VIEW_RECORD_EVERY_MS = 60_000;

/**
 * Resolves a token to the design and revision it shows, from the link and the revision's summary
 * alone. Unknown, revoked and expired tokens throw the same NotFoundError. With `recordView`, the
 * link's last view is updated (at most once a minute).
 */
export async function resolveShareLink(
  db: Tx,
  token: string,
  { now = Date.now(), recordView = false } = {},
): Promise<ResolvedShare> {
  const { designs, revisions, shareLinks } = db.tables;
  const hash = hashToken(token);
  const [row] = await db.orm.select().from(shareLinks).where(eq(shareLinks.tokenHash, hash)).limit(1);
  // Decide in one expression, comparing the hashes in constant time (against zeros when unknown).
  const stored = row ? Buffer.from(row.tokenHash, 'hex') : ZERO_HASH;
  const matches = timingSafeEqual(stored, Buffer.from(hash, 'hex'));
  const live =
    matches && row !== undefined && row.revokedAt === null && (row.expiresAt === null || row.expiresAt > now);
  if (!live || !row) throw notFound();
  const [design] = await db.orm
    .select({ latestRevision: designs.latestRevision })
    .from(designs)
    .where(eq(designs.id, row.designId))
    .limit(1);
  const revision = row.revision ?? design?.latestRevision;
  const [summary] =
    revision === undefined
      ? []
      : await db.orm
          .select({ name: revisions.name })
          .from(revisions)
          .where(and(eq(revisions.designId, row.designId), eq(revisions.number, revision)))
          .limit(1);
  if (!design || revision === undefined || !summary) throw notFound();
  if (recordView && (row.lastViewedAt === null || now - row.lastViewedAt >= VIEW_RECORD_EVERY_MS))
    await db.orm.update(shareLinks).set({ lastViewedAt: now }).where(eq(shareLinks.id, row.id));
  return {
    linkId: row.id,
    designId: row.designId,
    revision,
    following: row.revision === null ? 'latest' : 'pinned',
    name: summary.name,
  };
}

/**
 * Opens a link: the document it shows (and nothing else of the design), recording the view. The
 * document comes from the share cache (share-cache.ts): loaded through the versioned loader once per
 * revision. Unknown, revoked and expired tokens throw the same NotFoundError.
 */
export async function openShareLink(
  db: Tx,
  token: string,
  now = Date.now(),
  cache: DocumentCache = shareDocumentCache(),
): Promise<SharedDesign> {
  const share = await resolveShareLink(db, token, { now, recordView: true });
  let json: string;
  try {
    json = (await sharedDocument(db, share.designId, share.revision, cache)).json;
  } catch {
    throw notFound();
  }
  return {
    name: share.name,
    revision: share.revision,
    following: share.following,
    document: JSON.parse(json) as Design,
  };
}
