/**
 * Sessions in the database: a row per sign-in, revoked on sign-out. Kept in the database rather than
 * in memory so that signing out holds for every copy of the cookie and, once several app instances
 * share a database, on all of them. Expired rows are swept when someone signs in.
 */
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { newSessionId, SESSION_TTL_MS, signSession } from './session';

/** Records a new session and returns its cookie value, signed with `key`. */
export async function startSession(db: Tx, key: Uint8Array, now: number, ttlMs = SESSION_TTL_MS): Promise<string> {
  const { sessions } = db.tables;
  await db.orm.delete(sessions).where(lt(sessions.expiresAt, now));
  const session = { id: newSessionId(), expiresAt: now + ttlMs };
  await db.orm.insert(sessions).values({ ...session, createdAt: now });
  return signSession(key, session);
}

export async function isSessionLive(db: Tx, id: string, now: number): Promise<boolean> {
  const { sessions } = db.tables;
  const rows = await db.orm
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  return rows.length > 0;
}

export async function endSession(db: Tx, id: string, now: number): Promise<void> {
  const { sessions } = db.tables;
  await db.orm
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}
