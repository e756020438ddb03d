/**
 * Password mode, against the second e2e server (TIDEMARK_PASSWORD set, port 3211): the designs
 * list, the editor and the API need a session; share pages do not; failed sign-ins are limited;
 * every page runs under its Content-Security-Policy without a single violation.
 * Serial: the sign-in throttle test slows this address down, so it runs near the end.
 */
import { expect, test, type Page } from '@playwright/test';
import offSite from './data/off-site-next.json';
import { E2E_PASSWORD } from './password-mode';
import { z } from 'zod';
import { createdSchema, trpcData, trpcError } from './trpc-json';

test.describe.configure({ mode: 'serial' });

async function signIn(page: Page, password: string) {
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The sign-in form's message (Next.js has its own, empty, route-announcer alert). */
function message(page: Page) {
  return page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
}

/** Records CSP violations across navigations: each securitypolicyviolation event, and the console line Chromium prints. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { reportCspViolation: (v: string) => Promise<void> }).reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  return violations;
}

test('the designs list and the editor send visitors to sign in; a wrong password says so', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);
  await page.goto('/designs/abc');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdesigns%2Fabc$/);
  // Comparing two scenarios is an editor page too.
  await page.goto('/compare?a=abc&b=def');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcompare%3Fa%3Dabc%26b%3Ddef$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signIn(page, 'not the password');
  await expect(message(page)).toHaveText('Wrong password.');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('the right password opens the designs list, survives a reload, and signing out ends it', async ({
  page,
  context,
}) => {
  // An off-site `next` is ignored: signing in lands on the designs list.
  await page.goto('/sign-in?next=//evil.example/');
  await signIn(page, E2E_PASSWORD);
  // Lands on this server's own root (whatever port the password-mode project runs on), not off-site.
  await expect.poll(() => new URL(page.url()).pathname).toBe('/');
  expect(new URL(page.url()).host).not.toContain('evil.example');
  await expect(page.getByRole('heading', { name: 'Designs', exact: true })).toBeVisible();
  await expect(page.getByText('Loading designs…')).toHaveCount(0);

  const cookie = (await context.cookies()).find((c) => c.name === 'tidemark_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
  expect(cookie?.expires).toBeGreaterThan(Date.now() / 1000 + 6 * 24 * 3600);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Designs', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New design' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await context.cookies()).find((c) => c.name === 'tidemark_session')).toBeUndefined();
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);
});

test('the API refuses editor calls without a session, with a 401 the client can read; share pages stay open', async ({
  request,
}) => {
  const create = await request.post('/api/trpc/designs.create', { data: { from: 'blank', name: 'Intruder' } });
  expect(create.status()).toBe(401);
  const error = await trpcError(create);
  expect(error.data?.code).toBe('UNAUTHORIZED');
  expect(error.message).toMatch(/Sign in to edit/);

  const list = await request.get('/api/trpc/designs.list');
  expect(list.status()).toBe(401);

  const forged = await request.post('/api/trpc/designs.create', {
    data: { from: 'blank' },
    headers: { cookie: 'tidemark_session=9999999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
  });
  expect(forged.status()).toBe(401);

  // A share page never redirects to sign-in (an unknown token is simply not found).
  const share = await request.get('/s/unknown-token', { maxRedirects: 0 });
  expect(share.status()).toBe(404);
  const comparison = await request.get('/s/unknown-token/vs/another-token', { maxRedirects: 0 });
  expect(comparison.status()).toBe(404);
});

test('pages carry a nonce CSP and the editor runs under it without a single violation', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto('/sign-in');
  const signInCsp = (await page.request.get('/sign-in')).headers()['content-security-policy'];
  expect(signInCsp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  await signIn(page, E2E_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Designs', exact: true })).toBeVisible();

  const list = await page.request.get('/');
  expect(list.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(list.headers()['x-frame-options']).toBe('DENY');
  expect(list.headers()['x-content-type-options']).toBe('nosniff');
  expect(list.headers()['referrer-policy']).toBe('same-origin');

  // The editor: an example (the plan worker runs), its charts, auto-layout (elkjs), a save.
  await page
    .getByRole('button', { name: /^Use this example:/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/designs\/[a-z0-9]+$/);
  const editorCsp = (await page.request.get(page.url())).headers()['content-security-policy'];
  expect(editorCsp).toMatch(/'nonce-/);
  expect(editorCsp).not.toBe(signInCsp); // a fresh nonce per response
  await expect(page.locator('[data-testid^="placement-"]').first()).toBeVisible({ timeout: 20_000 });
  await page.locator('.react-flow__node-component').first().click();
  await expect(page.locator('.tm-chart svg').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Whole design' }).click();
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 15_000 });
  // The image exports (html-to-image: data: and blob: images, inline styles).
  for (const item of ['Canvas image (PNG)', 'Canvas image (SVG)']) {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: item }).click(),
    ]);
    expect(await download.failure()).toBeNull();
  }
  await page.reload();
  await expect(page.locator('[data-testid^="placement-"]').first()).toBeVisible({ timeout: 20_000 });

  expect(violations).toEqual([]);
});

test('a share link opens without signing in, under the CSP, and its viewer can change nothing', async ({
  page,
  browser,
}) => {
  // The architect, signed in through the API (the cookie lands in this page's context).
  expect((await page.request.post('/api/session', { data: { password: E2E_PASSWORD } })).status()).toBe(200);
  const created = await page.request.post('/api/trpc/designs.create', {
    data: { from: 'example', example: 'hybrid-backend' },
  });
  const { id } = await trpcData(created, createdSchema);
  const link = await page.request.post('/api/trpc/shares.create', { data: { designId: id } });
  const { token } = await trpcData(link, z.object({ token: z.string() }));

  const reviewer = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const view = await reviewer.newPage();
  const violations = await watchCsp(view);
  const response = await view.goto(`/s/${token}`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toMatch(/'nonce-/);
  await expect(view.getByRole('heading', { name: 'ERP with nightly analytics' })).toBeVisible();
  await expect(view.locator('[data-testid^="placement-"]').first()).toBeVisible({ timeout: 20_000 });
  await view.locator('.react-flow__node-component').first().click();
  await expect(view.locator('.tm-chart svg').first()).toBeVisible();
  expect(violations).toEqual([]);

  // Holding the token is no session: the editor and its API stay closed to the reviewer.
  await view.goto(`/designs/${id}`);
  await expect(view).toHaveURL(/\/sign-in\?next=/);
  const rename = await view.request.post('/api/trpc/designs.rename', { data: { id, name: 'Hijacked' } });
  expect(rename.status()).toBe(401);
  await reviewer.close();
});

test('sign-in bodies are limited, other sites refused, and signing out ends every copy of the cookie', async ({
  request,
  playwright,
  baseURL,
}) => {
  const huge = await request.post('/api/session', {
    headers: { 'content-type': 'application/json' },
    data: Buffer.alloc(50 * 1024 * 1024, 'a'),
  });
  expect(huge.status()).toBe(413);
  expect(await huge.text()).toMatch(/^A sign-in is at most 4096 bytes/);
  const cross = await request.post('/api/session', {
    headers: { origin: 'http://evil.example' },
    data: { password: E2E_PASSWORD },
  });
  expect(cross.status()).toBe(403);

  const signedIn = await request.post('/api/session', { data: { password: E2E_PASSWORD } });
  expect(signedIn.status()).toBe(200);
  const cookie = signedIn.headers()['set-cookie']!.split(';')[0]!;
  // A copy of the cookie, in another client altogether.
  const copy = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie } });
  expect((await copy.get('/api/trpc/designs.list')).status()).toBe(200);
  expect((await request.delete('/api/session', { headers: { cookie } })).status()).toBe(204);
  expect((await copy.get('/api/trpc/designs.list')).status()).toBe(401);
  await copy.dispose();
});

test('wrong passwords slow their address down, forged X-Forwarded-For included, and never lock out the right one', async ({
  request,
}) => {
  const attempt = async (password: string, forged: string) => {
    const started = Date.now();
    const res = await request.post('/api/session', { headers: { 'x-forwarded-for': forged }, data: { password } });
    return { status: res.status(), ms: Date.now() - started };
  };
  const results = [];
  for (let i = 0; i < 6; i++) results.push(await attempt(`guess ${i}`, `203.0.113.${i + 1}`));
  expect(results.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401]);
  // Every spelling of the address counted as the same client: the sixth failure waited.
  expect(results[5]!.ms).toBeGreaterThanOrEqual(900);
  // The right password is slowed too, but not refused.
  const right = await attempt(E2E_PASSWORD, '198.51.100.7');
  expect(right.status).toBe(200);
  expect(right.ms).toBeGreaterThanOrEqual(900);
  // Signing in cleared the address: the next guess is answered at once.
  expect((await attempt('one more guess', '198.51.100.8')).ms).toBeLessThan(900);
});

test('signed in, no variant of next= leaves the site', async ({ page }) => {
  expect((await page.request.post('/api/session', { data: { password: E2E_PASSWORD } })).status()).toBe(200);
  for (const next of offSite.paths) {
    const res = await page.request.get(`/sign-in?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
    expect(res.status(), next).toBe(307);
    expect(res.headers().location, next).toBe('/');
  }
});
