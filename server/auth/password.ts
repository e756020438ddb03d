/**
 * The password of password mode (TIDEMARK_PASSWORD): compared in constant time, and the key that
 * signs sessions derived from it, so changing the password signs everyone out.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** True when `given` is the password. Both sides are hashed first so the compare never leaks length. */
export function passwordMatches(given: string, password: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(password, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** The HMAC key for session cookies: the password bound to a secret that never leaves the server. */
export function deriveSessionKey(password: string, secret: Uint8Array): Buffer {
  return createHmac('sha256', secret).update('tidemark session key v1\0').update(password, 'utf8').digest();
}
