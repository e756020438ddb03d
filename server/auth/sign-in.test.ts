import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, openTwoInstances } from '../../db/testing';
import { requestEditorAccess, SESSION_COOKIE } from './editor-access';
import { signIn, signOut } from './sign-in';
import { SignInThrottle } from './sign-in-throttle';

const PASSWORD = 'tide and time';
let address = 0;

interface Init {
  address?: string;
  proto?: string;
  next?: string;
  origin?: string;
}

function request(password: unknown, init: Init = {}) {
  return new Request('http://127.0.0.1:3000/api/session', {
    method: 'POST',
    headers: {
      host: '127.0.0.1:3000',
      'content-type': 'application/json',
      'x-forwarded-for': init.address ?? `10.1.0.${address}`,
      ...(init.proto ? { 'x-forwarded-proto': init.proto } : {}),
      ...(init.origin ? { origin: init.origin } : {}),
    },
    body: JSON.stringify({ password, next: init.next }),
  });
}

const db = await openTestDatabase();

describe('signing in', () => {
  /** Waits are recorded, not slept, so the tests need no timers. */
  let waits: number[] = [];
  let throttle = new SignInThrottle(undefined, (ms) => {
    waits.push(ms);
    return Promise.resolve();
  });
  const attempt = (password: unknown, init: Init = {}) => signIn(request(password, init), { db, throttle });

  beforeEach(() => {
    address += 1;
    waits = [];
    throttle = new SignInThrottle(undefined, (ms) => {
      waits.push(ms);
      return Promise.resolve();
    });
    vi.stubEnv('TIDEMARK_PASSWORD', PASSWORD);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('sets an httpOnly, SameSite=Lax session cookie that opens the editor', async () => {
    const res = await attempt(PASSWORD, { next: '/designs/abc' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ next: '/designs/abc' });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+; Path=/; HttpOnly; SameSite=Lax; Max-Age=604800$`));
    const access = await requestEditorAccess(new Headers({ cookie: cookie.split(';')[0]! }), db);
    expect(access).toEqual({ isPasswordMode: true, isSignedIn: true });
  });

  it('marks the cookie Secure behind HTTPS and never sends people off-site', async () => {
    const res = await attempt(PASSWORD, { proto: 'https', next: '/.//evil.example/' });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
    expect(await res.json()).toEqual({ next: '/' });
  });

  it('slows an address down after five wrong passwords, without ever refusing the right one', async () => {
    const log = vi.spyOn(console, 'log');
    const error = vi.spyOn(console, 'error');
    for (let i = 0; i < 100; i++) {
      const res = await attempt('guess');
      expect(res.status).toBe(401);
      expect(await res.text()).toBe('Wrong password.');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect(waits.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(Math.max(...waits)).toBe(8000);
    // Another address is not slowed by them, and this one still signs in with the right password.
    waits = [];
    expect((await attempt(PASSWORD, { address: '10.2.0.1' })).status).toBe(200);
    expect(waits).toEqual([]);
    expect((await attempt(PASSWORD)).status).toBe(200);
    expect(waits).toEqual([8000]);
    for (const call of [...log.mock.calls, ...error.mock.calls])
      expect(JSON.stringify(call)).not.toMatch(/guess|tide and time/);
  });

  it('refuses bodies that are not a password, too large or too deep, before reading them', async () => {
    expect((await attempt(42)).status).toBe(400);
    const notJson = await signIn(new Request('http://x/api/session', { method: 'POST', body: 'password=x' }), {
      db,
      throttle,
    });
    expect(notJson.status).toBe(400);
    const huge = await signIn(
      new Request('http://x/api/session', {
        method: 'POST',
        headers: { 'content-length': String(50 * 1024 * 1024) },
        body: new ReadableStream({
          pull: () => {
            throw new Error('the body must not be read');
          },
        }),
        duplex: 'half',
      } as RequestInit),
      { db, throttle },
    );
    expect(huge.status).toBe(413);
    expect(await huge.text()).toMatch(/^A sign-in is at most 4096 bytes; this one is 52428800\. It was not read\.$/);
    const streamed = await signIn(new Request('http://x/api/session', { method: 'POST', body: 'x'.repeat(100_000) }), {
      db,
      throttle,
    });
    expect(streamed.status).toBe(413);
    const deep = await signIn(
      new Request('http://x/api/session', { method: 'POST', body: `${'['.repeat(2000)}${']'.repeat(2000)}` }),
      { db, throttle },
    );
    expect(deep.status).toBe(400);
  });

  it('refuses sign-ins and sign-outs sent by another site', async () => {
    const res = await attempt(PASSWORD, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('is not needed without a password', async () => {
    vi.stubEnv('TIDEMARK_PASSWORD', '');
    expect((await attempt('anything')).status).toBe(404);
  });

  it('a session signed in on one instance holds on another, and signing out on either ends it on both', async () => {
    const [a, b] = await openTwoInstances();
    const res = await signIn(request(PASSWORD), { db: a, throttle });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const copied = new Headers({ cookie });
    expect(await requestEditorAccess(copied, b)).toEqual({ isPasswordMode: true, isSignedIn: true });
    const out = await signOut(
      new Request('http://127.0.0.1:3000/api/session', { method: 'DELETE', headers: { cookie } }),
      { db: b },
    );
    expect(out.status).toBe(204);
    expect((await requestEditorAccess(copied, a)).isSignedIn).toBe(false);
    expect((await requestEditorAccess(copied, b)).isSignedIn).toBe(false);
  });

  it('signing out ends the session for every copy of the cookie', async () => {
    const cookie = (await attempt(PASSWORD)).headers.get('set-cookie')!.split(';')[0]!;
    const copied = new Headers({ cookie });
    expect((await requestEditorAccess(copied, db)).isSignedIn).toBe(true);
    const res = await signOut(
      new Request('http://127.0.0.1:3000/api/session', { method: 'DELETE', headers: { cookie } }),
      {
        db,
      },
    );
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toBe(`${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    expect((await requestEditorAccess(copied, db)).isSignedIn).toBe(false);
  });
});
