/** A caller on a fresh database (db/testing.ts: SQLite in memory, or PostgreSQL), for router tests. */
import type { Db, Tx } from '../db/client';
import { openTestDatabase } from '../db/testing';
import { editorAccessOf, SESSION_COOKIE } from './auth/editor-access';
import { deriveSessionKey } from './auth/password';
import { isSessionLive, startSession } from './auth/sessions';
import { signSession, newSessionId } from './auth/session';
import type { PlanQueue } from './plans/local-runner';
import { createCaller } from './root';

const TEST_SECRET = Buffer.alloc(32, 7);

export interface TestCallerOptions {
  /** Password mode, as if TIDEMARK_PASSWORD were this. */
  password?: string;
  /** The request's Cookie header, e.g. from `sessionCookieFor(db, password)`. */
  cookie?: string;
  /** The database to call on; a fresh in-memory one by default. */
  db?: Db;
  /** Where plan jobs go; none by default (saves then queue no plan). */
  plans?: PlanQueue;
}

/** A Cookie header holding a live session for `password`, recorded in `db` (signed as the test caller verifies it). */
export async function sessionCookieFor(db: Tx, password: string, now = Date.now()): Promise<string> {
  return `${SESSION_COOKIE}=${await startSession(db, deriveSessionKey(password, TEST_SECRET), now)}`;
}

/** A cookie that is correctly signed but names a session that was never recorded. */
export function unrecordedSessionCookie(password: string, now = Date.now()): string {
  return `${SESSION_COOKIE}=${signSession(deriveSessionKey(password, TEST_SECRET), { id: newSessionId(), expiresAt: now + 60_000 })}`;
}

export async function createTestCaller(options: TestCallerOptions = {}) {
  const db = options.db ?? (await openTestDatabase());
  const now = Date.now();
  const access = await editorAccessOf({
    password: options.password,
    secret: TEST_SECRET,
    cookieHeader: options.cookie,
    now,
    isLive: (id) => isSessionLive(db, id, now),
  });
  return { db, caller: createCaller({ db, access, plans: options.plans }) };
}

/** A valid design input of `count` services, each with `trace(i)` as its measured load when given. */
export function designOf(name: string, count: number, trace?: (i: number) => number[]) {
  return {
    format: 'tidemark.design' as const,
    version: 1 as const,
    name,
    components: Array.from({ length: count }, (_, i) => ({
      id: `c${i}`,
      name: `Component ${i}`,
      kind: 'service' as const,
      demand: { cpuMs: 10 },
      ...(trace
        ? { workload: { pattern: 'static' as const, baseRps: 1, trace: { stepMinutes: 60, rps: trace(i) } } }
        : {}),
    })),
  };
}

/** A valid design of about `bytes` bytes of JSON: components carrying measured traces. */
export function bigDesign(bytes: number, name = 'Big design') {
  // Each sample is about 17 characters of JSON ("1234.571428571428,").
  const perComponent = 2000;
  const count = Math.max(1, Math.min(2000, Math.round(bytes / (perComponent * 16.7))));
  return designOf(name, count, (i) =>
    Array.from({ length: perComponent }, (_, k) => 1000 + ((i * 7919 + k * 104729) % 9000) / 7),
  );
}
