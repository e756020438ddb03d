import { describe, expect, it } from 'vitest';
import { deriveSessionKey, passwordMatches } from './password';
import { newSessionId, SESSION_TTL_MS, signSession, verifySession } from './session';

const secret = Buffer.alloc(32, 1);
const key = deriveSessionKey('correct horse', secret);
const now = 1_700_000_000_000;

describe('sessions', () => {
  const id = 'B'.repeat(22);
  const signed = (expiresAt: number, k = key) => signSession(k, { id, expiresAt });

  it('verifies a session it signed until it expires', () => {
    const token = signed(now + SESSION_TTL_MS);
    expect(verifySession(key, token, now)).toEqual({ id, expiresAt: now + SESSION_TTL_MS });
    expect(verifySession(key, token, now + SESSION_TTL_MS - 1)).not.toBeNull();
    expect(verifySession(key, token, now + SESSION_TTL_MS)).toBeNull();
    expect(newSessionId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('refuses a tampered id, expiry or signature', () => {
    const token = signed(now + 1000);
    const [sid, expiry, signature] = token.split('.') as [string, string, string];
    expect(verifySession(key, `${sid}.${Number(expiry) + SESSION_TTL_MS}.${signature}`, now)).toBeNull();
    expect(verifySession(key, `${'C'.repeat(22)}.${expiry}.${signature}`, now)).toBeNull();
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'AB' : 'AA'}`;
    expect(verifySession(key, `${sid}.${expiry}.${flipped}`, now)).toBeNull();
  });

  it('refuses sessions signed under another password or another secret', () => {
    const token = signed(now + SESSION_TTL_MS);
    expect(verifySession(deriveSessionKey('correct horse!', secret), token, now)).toBeNull();
    expect(verifySession(deriveSessionKey('correct horse', Buffer.alloc(32, 2)), token, now)).toBeNull();
  });

  it('refuses malformed tokens without throwing', () => {
    for (const token of [
      undefined,
      '',
      '.',
      'abc',
      '123.',
      `${now}.${'A'.repeat(43)}`,
      `${id}.${now}.${'A'.repeat(42)}`,
      `${id}.${now}.${'A'.repeat(44)}`,
      'x'.repeat(10_000),
      `${id}.-1.${'A'.repeat(43)}`,
    ]) {
      expect(verifySession(key, token, now)).toBeNull();
    }
  });
});

describe('password compare', () => {
  it('matches only the exact password, whatever the lengths', () => {
    expect(passwordMatches('correct horse', 'correct horse')).toBe(true);
    expect(passwordMatches('correct hors', 'correct horse')).toBe(false);
    expect(passwordMatches('correct horse ', 'correct horse')).toBe(false);
    expect(passwordMatches('', 'correct horse')).toBe(false);
    expect(passwordMatches('Correct horse', 'correct horse')).toBe(false);
    expect(passwordMatches('pässwörd', 'pässwörd')).toBe(true);
    expect(passwordMatches('x'.repeat(100_000), 'correct horse')).toBe(false);
  });
});
