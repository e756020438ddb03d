import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';
import { cookieValue, editorAccessOf, SESSION_COOKIE } from './editor-access';
import { deriveSessionKey } from './password';
import { signSession } from './session';

const secret = Buffer.alloc(32, 3);
const now = 1_700_000_000_000;
const session = { id: 'A'.repeat(22), expiresAt: now + 60_000 };
const cookie = `theme=dark; ${SESSION_COOKIE}=${signSession(deriveSessionKey('pw', secret), session)}`;
const live = new Set([session.id]);
const isLive = (id: string) => Promise.resolve(live.has(id));

describe('editor access', () => {
  it('lets anyone edit without a password', async () => {
    expect(await editorAccessOf({ password: undefined, secret, cookieHeader: null, now, isLive })).toEqual({
      isPasswordMode: false,
      isSignedIn: false,
    });
  });

  it('in password mode, needs a valid session cookie', async () => {
    expect(await editorAccessOf({ password: 'pw', secret, cookieHeader: null, now, isLive })).toEqual({
      isPasswordMode: true,
      isSignedIn: false,
    });
    expect(await editorAccessOf({ password: 'pw', secret, cookieHeader: cookie, now, isLive })).toEqual({
      isPasswordMode: true,
      isSignedIn: true,
    });
    expect((await editorAccessOf({ password: 'other', secret, cookieHeader: cookie, now, isLive })).isSignedIn).toBe(
      false,
    );
    expect(
      (await editorAccessOf({ password: 'pw', secret, cookieHeader: `${SESSION_COOKIE}=forged`, now, isLive }))
        .isSignedIn,
    ).toBe(false);
  });

  it('refuses a validly signed cookie whose session has ended (signed out)', async () => {
    const ended = (id: string) => Promise.resolve(id !== session.id);
    const access = await editorAccessOf({ password: 'pw', secret, cookieHeader: cookie, now, isLive: ended });
    expect(access.isSignedIn).toBe(false);
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(cookieValue('a=1; b=2;c=3', 'b')).toBe('2');
    expect(cookieValue('ab=1; b=2', 'b')).toBe('2');
    expect(cookieValue('a=1', 'b')).toBeUndefined();
    expect(cookieValue(undefined, 'b')).toBeUndefined();
  });
});

describe('content security policy', () => {
  it('allows scripts only by nonce, never framing, and upgrades requests only over HTTPS', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc' });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    // WebAssembly may compile (the plan worker's solver); JavaScript may never be evaluated.
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp.replace("'wasm-unsafe-eval'", '')).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ nonce: 'abc', isHttps: true })).toContain('upgrade-insecure-requests');
  });
});
