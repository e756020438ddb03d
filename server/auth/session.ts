/**
 * Session cookies: `<id>.<expiry in ms>.<HMAC-SHA256 of "v2.<id>.<expiry>">`, base64url. The
 * signature lets a forged or tampered cookie be refused without touching the database; the id names
 * a row in `sessions` (server/auth/sessions.ts), which signing out revokes, so a copied cookie stops
 * working the moment its session ends. Changing TIDEMARK_PASSWORD (or restarting the server, which
 * draws a new secret) changes the key and so ends every session too.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface SignedSession {
  id: string;
  expiresAt: number;
}

/** 128 random bits, base64url (22 characters). */
export const newSessionId = () => randomBytes(16).toString('base64url');

function signatureOf(key: Uint8Array, id: string, expiresAt: number): Buffer {
  return createHmac('sha256', key).update(`v2.${id}.${expiresAt}`).digest();
}

export function signSession(key: Uint8Array, session: SignedSession): string {
  return `${session.id}.${session.expiresAt}.${signatureOf(key, session.id, session.expiresAt).toString('base64url')}`;
}

/**
 * The session a cookie names when it is signed with `key` and not expired; else null. Whether the
 * session is still live (not signed out) is the database's to say.
 */
export function verifySession(key: Uint8Array, token: string | undefined, now: number): SignedSession | null {
  if (!token || token.length > 200) return null;
  const match = /^([A-Za-z0-9_-]{22})\.(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const id = match[1]!;
  const expiresAt = Number(match[2]);
  const given = Buffer.from(match[3]!, 'base64url');
  const expected = signatureOf(key, id, expiresAt);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return expiresAt > now ? { id, expiresAt } : null;
}
