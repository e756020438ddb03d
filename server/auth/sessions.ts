/**
 * Sessions in the database: a row per sign-in, revoked on sign-out. Kept in the database rather than
 * in memory so that signing out holds for every copy of the cookie and, once several app instances
 * share a database, on all of them. Expired rows are swept when someone signs in.
 */
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions } from '../../db/schema';
import { newSessionId, SESSION_TTL_MS, signSession } from './session';

/** Records a new session and returns its cookie value, signed with `key`. */
export function startSession(db: Db, key: Uint8Array, now: number, ttlMs = SESSION_TTL_MS): string {
  db.delete(sessions).where(lt(sessions.expiresAt, now)).run();
  const session = { id: newSessionId(), expiresAt: now + ttlMs };
  db.insert(sessions)
    .values({ ...session, createdAt: now })
    .run();
  return signSession(key, session);
}

export function isSessionLive(db: Db, id: string, now: number): boolean {
  const row = db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .get();
  return row !== undefined;
}

export function endSession(db: Db, id: string, now: number): void {
  db.update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
    .run();
}
