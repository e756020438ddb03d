/**
 * Who may edit. Without TIDEMARK_PASSWORD anyone who reaches the app may; with it, only a request
 * carrying a valid session cookie. The tRPC context, the proxy and the sign-in route all ask here.
 */
import { randomBytes } from 'node:crypto';
import { getDb, type Tx } from '../../db/client';
import { deriveSessionKey } from './password';
import { verifySession, type SignedSession } from './session';
import { isSessionLive } from './sessions';

export const SESSION_COOKIE = 'tidemark_session';

export interface EditorAccess {
  /** TIDEMARK_PASSWORD is set: editing needs a session. */
  isPasswordMode: boolean;
  isSignedIn: boolean;
}

export interface AccessInputs {
  password: string | undefined;
  secret: Uint8Array;
  cookieHeader: string | null | undefined;
  now: number;
  /** Whether the session a valid cookie names is still live (not signed out): the database says. */
  isLive: (sessionId: string) => Promise<boolean>;
}

/** The value of one cookie in a Cookie header (the first, as browsers send the most specific first). */
export function cookieValue(cookieHeader: string | null | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The signed-in session a request's cookie names (signature, expiry and database all agreeing), or null. */
export async function sessionOf({
  password,
  secret,
  cookieHeader,
  now,
  isLive,
}: AccessInputs): Promise<SignedSession | null> {
  if (!password) return null;
  const session = verifySession(deriveSessionKey(password, secret), cookieValue(cookieHeader, SESSION_COOKIE), now);
  return session && (await isLive(session.id)) ? session : null;
}

export async function editorAccessOf(inputs: AccessInputs): Promise<EditorAccess> {
  if (!inputs.password) return { isPasswordMode: false, isSignedIn: false };
  return { isPasswordMode: true, isSignedIn: (await sessionOf(inputs)) !== null };
}

export function configuredPassword(): string | undefined {
  return process.env.TIDEMARK_PASSWORD || undefined;
}

const SECRET = Symbol.for('tidemark.sessionSecret');
type WithSecret = typeof globalThis & { [SECRET]?: Buffer };

/**
 * A random secret made once per server process and shared by every bundle in it (the proxy and the
 * route handlers are bundled apart, so a module-level constant would differ between them).
 * Restarting the server signs everyone out.
 */
export function processSecret(): Buffer {
  const g = globalThis as WithSecret;
  g[SECRET] ??= randomBytes(32);
  return g[SECRET];
}

/**
 * What `sessionOf` and `editorAccessOf` need to judge an incoming request. The database is opened
 * only when a correctly signed cookie has to be looked up.
 */
export function requestAccessInputs(headers: Headers, db?: Tx, now = Date.now()): AccessInputs {
  return {
    password: configuredPassword(),
    secret: processSecret(),
    cookieHeader: headers.get('cookie'),
    now,
    isLive: async (id) => isSessionLive(db ?? (await getDb()), id, now),
  };
}

/** Access for an incoming request, from its Cookie header and the sessions table. */
export function requestEditorAccess(headers: Headers, db?: Tx, now = Date.now()): Promise<EditorAccess> {
  return editorAccessOf(requestAccessInputs(headers, db, now));
}
