/** A caller on a fresh in-memory database migrated from db/migrations, for router tests. */
import { openDatabase } from '../db/client';
import { editorAccessOf, SESSION_COOKIE } from './auth/editor-access';
import { deriveSessionKey } from './auth/password';
import { signSession } from './auth/session';
import { createCaller } from './root';

const TEST_SECRET = Buffer.alloc(32, 7);

export interface TestCallerOptions {
  /** Password mode, as if TIDEMARK_PASSWORD were this. */
  password?: string;
  /** The request's Cookie header, e.g. from `sessionCookieFor(password)`. */
  cookie?: string;
}

/** A Cookie header holding a valid session for `password` (signed as the test caller verifies it). */
export function sessionCookieFor(password: string, now = Date.now()): string {
  return `${SESSION_COOKIE}=${signSession(deriveSessionKey(password, TEST_SECRET), now)}`;
}

export function createTestCaller(options: TestCallerOptions = {}) {
  const db = openDatabase(':memory:');
  const access = editorAccessOf({
    password: options.password,
    secret: TEST_SECRET,
    cookieHeader: options.cookie,
    now: Date.now(),
  });
  return { db, caller: createCaller({ db, access }) };
}
