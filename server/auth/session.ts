/**
 * Stateless sessions: `<expiry in ms>.<HMAC-SHA256 of "v1.<expiry>">`, base64url. Nothing is stored;
 * a session is valid while its signature checks and its expiry is in the future. Signing out clears
 * the cookie; changing TIDEMARK_PASSWORD (or restarting the server) invalidates every session.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

function signatureOf(key: Uint8Array, expiresAt: number): Buffer {
  return createHmac('sha256', key).update(`v1.${expiresAt}`).digest();
}

export function signSession(key: Uint8Array, now: number, ttlMs = SESSION_TTL_MS): string {
  const expiresAt = now + ttlMs;
  return `${expiresAt}.${signatureOf(key, expiresAt).toString('base64url')}`;
}

/** The session's expiry when `token` is a valid, unexpired session signed with `key`; else null. */
export function verifySession(key: Uint8Array, token: string | undefined, now: number): { expiresAt: number } | null {
  if (!token || token.length > 200) return null;
  const match = /^(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const expiresAt = Number(match[1]);
  const given = Buffer.from(match[2]!, 'base64url');
  const expected = signatureOf(key, expiresAt);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return expiresAt > now ? { expiresAt } : null;
}
