/**
 * The probes of issue 9, over real HTTP against the production server (no password): batching,
 * nesting, the redirect variants, Host and Origin, headers, hostile names. Each is refused with a
 * clear message, and a cheap page stays fast while they run.
 */
import http from 'node:http';
import { z } from 'zod';
import offSite from './data/off-site-next.json';
import { expect, test } from './fixtures';
import { createdSchema, problemPaths, trpcData, trpcError } from './trpc-json';

const json = { 'content-type': 'application/json' };

/** A raw request, so that Host and the path reach the server exactly as written. */
function raw(
  baseURL: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path, headers, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('one POST batching shares.open 200 times is refused at once, and a cheap page stays fast', async ({ request }) => {
  const created = await request.post('/api/trpc/designs.create', {
    data: { from: 'example', example: 'hybrid-backend' },
  });
  const { id } = await trpcData(created, createdSchema);
  const { token } = await trpcData(
    await request.post('/api/trpc/shares.create', { data: { designId: id } }),
    z.object({ token: z.string() }),
  );
  const paths = Array.from({ length: 200 }, () => 'shares.open').join(',');
  const input = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [i, { token }]));
  const started = Date.now();
  const [batch, cheap] = await Promise.all([
    request.post(`/api/trpc/${paths}?batch=1`, { headers: json, data: input }),
    request.get('/icon.svg'),
  ]);
  expect(batch.status()).toBe(400);
  expect(JSON.stringify(await batch.json())).toContain('A batch may hold at most 10 calls; this one holds 200.');
  expect(cheap.ok()).toBe(true);
  expect(Date.now() - started).toBeLessThan(5_000);
  // Even two in a batch are refused; alone, it opens.
  const two = await request.post('/api/trpc/shares.open,shares.open?batch=1', {
    headers: json,
    data: { 0: { token }, 1: { token } },
  });
  expect(JSON.stringify(await two.json())).toContain('shares.open cannot be batched');
  expect((await request.post('/api/trpc/shares.open', { data: { token } })).status()).toBe(200);
});

test('5 million levels of nesting in 10 MB are refused before parsing', async ({ request }) => {
  const deep = Buffer.alloc(10 * 1024 * 1024 - 64, '[');
  deep.fill(']', deep.length / 2);
  const body = Buffer.concat([Buffer.from('{"from":"import","document":'), deep, Buffer.from('}')]);
  const res = await request.post('/api/trpc/designs.create', { headers: json, data: body });
  expect(res.status()).toBe(400);
  expect((await trpcError(res)).message).toMatch(/^The request body is nested deeper than 64 levels \(at byte \d+\)/);
});

test('no variant of next= leaves the site', async ({ baseURL }) => {
  for (const next of offSite.paths) {
    const res = await raw(baseURL!, `/sign-in?next=${encodeURIComponent(next)}`);
    expect(res.status, next).toBe(307);
    expect(res.headers.location, next).toBe('/');
  }
  // Unencoded in the query too (as the probe sent it).
  for (const path of [
    '/sign-in?next=/.//evil.example',
    '/sign-in?next=//evil.example',
    '/sign-in?next=/%5Cevil.example',
  ]) {
    const res = await raw(baseURL!, path);
    expect(res.headers.location, path).toBe('/');
  }
  expect((await raw(baseURL!, '/sign-in?next=/designs/abc')).headers.location).toBe('/designs/abc');
});

test('bound to loopback: another Host is refused, forged forwarding headers are ignored', async ({ baseURL }) => {
  const rebound = await raw(baseURL!, '/api/trpc/designs.list', { host: 'evil.example' });
  expect(rebound.status).toBe(421);
  expect(rebound.body).toMatch(/answers to localhost/);
  const forged = await raw(baseURL!, '/', { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' });
  expect(forged.headers['strict-transport-security']).toBeUndefined();
});

test('mutations from another Origin are refused; API answers are never cached', async ({ request }) => {
  const cross = await request.post('/api/trpc/designs.create', {
    headers: { origin: 'http://evil.example' },
    data: { from: 'blank', name: 'Cross-site' },
  });
  expect(cross.status()).toBe(403);
  expect((await trpcError(cross)).message).toMatch(/comes from http:\/\/evil\.example/);
  const list = await request.get('/api/trpc/designs.list');
  expect(list.headers()['cache-control']).toBe('no-store');
  expect((await request.get('/api/trpc/designs.list')).headers()['cache-control']).toBe('no-store');
});

test('hostile names are refused with their path; <script> stays text', async ({ request }) => {
  const component = { id: 'a', name: 'A', kind: 'service', demand: { cpuMs: 1 } };
  const base = { format: 'tidemark.design', version: 1, components: [component] };
  for (const [name, path] of [
    ['Shop\n# Pwned', 'name'],
    ['\u200B\u200B', 'name'],
    ['Pay \u202Eexe.pdf', 'name'],
  ] as const) {
    const res = await request.post('/api/trpc/designs.create', {
      data: { from: 'import', document: { ...base, name } },
    });
    expect(res.status(), JSON.stringify(name)).toBe(400);
    expect(await problemPaths(res)).toContain(path);
  }
  const proto = await request.post('/api/trpc/designs.create', {
    headers: json,
    data: `{"from":"import","document":{"format":"tidemark.design","version":1,"name":"x","components":[{"id":"a","name":"A","kind":"service","demand":{"cpuMs":1}}],"layout":{"__proto__":{"x":1,"y":2}}}}`,
  });
  expect((await trpcError(proto)).data?.problems).toEqual([
    { path: 'layout.__proto__', message: 'not a component id: "__proto__" is never one' },
  ]);
  const script = await request.post('/api/trpc/designs.create', {
    data: { from: 'import', document: { ...base, name: '<script>alert(1)</script>' } },
  });
  expect(script.status()).toBe(200);
});
