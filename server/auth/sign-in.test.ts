import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestEditorAccess, SESSION_COOKIE } from './editor-access';
import { signIn, signOut } from './sign-in';

const PASSWORD = 'tide and time';
let address = 0;

/** Each test signs in from its own address, so the limiter's counts never leak between tests. */
function attempt(password: unknown, init: { address?: string; proto?: string; next?: string } = {}) {
  return signIn(
    new Request('http://127.0.0.1:3000/api/session', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': init.address ?? `10.1.0.${address}`,
        ...(init.proto ? { 'x-forwarded-proto': init.proto } : {}),
      },
      body: JSON.stringify({ password, next: init.next }),
    }),
  );
}

describe('signing in', () => {
  beforeEach(() => {
    address += 1;
    vi.stubEnv('TIDEMARK_PASSWORD', PASSWORD);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('sets an httpOnly, SameSite=Lax session cookie that opens the editor', async () => {
    const res = await attempt(PASSWORD, { next: '/designs/abc' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ next: '/designs/abc' });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+; Path=/; HttpOnly; SameSite=Lax; Max-Age=604800$`));
    const access = requestEditorAccess(new Headers({ cookie: cookie.split(';')[0]! }));
    expect(access).toEqual({ isPasswordMode: true, isSignedIn: true });
  });

  it('marks the cookie Secure behind HTTPS and never sends people off-site', async () => {
    const res = await attempt(PASSWORD, { proto: 'https', next: '//evil.example/' });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
    expect(await res.json()).toEqual({ next: '/' });
  });

  it('refuses a wrong password, then rate-limits the address after five failures', async () => {
    const log = vi.spyOn(console, 'log');
    const error = vi.spyOn(console, 'error');
    for (let i = 0; i < 5; i++) {
      const res = await attempt('guess');
      expect(res.status).toBe(401);
      expect(await res.text()).toBe('Wrong password.');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const limited = await attempt(PASSWORD); // even the right password waits
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toMatch(/^Too many failed sign-ins\. Try again in \d+ seconds\.$/);
    expect(limited.headers.get('set-cookie')).toBeNull();
    expect((await attempt(PASSWORD, { address: '10.2.0.1' })).status).toBe(200);
    for (const call of [...log.mock.calls, ...error.mock.calls])
      expect(JSON.stringify(call)).not.toMatch(/guess|tide and time/);
  });

  it('refuses bodies that are not a password', async () => {
    expect((await attempt(42)).status).toBe(400);
    const notJson = await signIn(new Request('http://x/api/session', { method: 'POST', body: 'password=x' }));
    expect(notJson.status).toBe(400);
  });

  it('is not needed without a password', async () => {
    vi.stubEnv('TIDEMARK_PASSWORD', '');
    expect((await attempt('anything')).status).toBe(404);
  });

  it('signs out by clearing the cookie with the same flags', () => {
    const res = signOut(new Request('http://x/api/session', { method: 'DELETE' }));
    expect(res.headers.get('set-cookie')).toBe(`${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
  });
});
