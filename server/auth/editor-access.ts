/**
 * Who may edit. Without TIDEMARK_PASSWORD anyone who reaches the app may; with it, only a request
 * carrying a valid session cookie. The tRPC context, the proxy and the sign-in route all ask here.
 */
import { getDb, type Tx } from '../../db/client';
import { deriveSessionKey } from './password';
import { sessionSecret } from './session-secret';
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

/**
 * What `sessionOf` and `editorAccessOf` need to judge an incoming request. Without a password the
 * database is not asked anything.
 */
export async function requestAccessInputs(headers: Headers, db?: Tx, now = Date.now()): Promise<AccessInputs> {
  const password = configuredPassword();
  return {
    password,
    // The same on every instance (session-secret.ts), so a session signed by one holds on all.
    secret: password ? await sessionSecret(db) : new Uint8Array(),
    cookieHeader: headers.get('cookie'),
    now,
    isLive: async (id) => isSessionLive(db ?? (await getDb()), id, now),
  };
}

/** Access for an incoming request, from its Cookie header and the sessions table. */
export async function requestEditorAccess(headers: Headers, db?: Tx, now = Date.now()): Promise<EditorAccess> {
  return editorAccessOf(await requestAccessInputs(headers, db, now));
}
