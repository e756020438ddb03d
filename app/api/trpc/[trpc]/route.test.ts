/**
 * The tRPC endpoint as HTTP sees it: what is refused before tRPC runs, and how. Calls the route's
 * handler with real Requests on an in-memory database (the validation pool off: its worker is tested
 * on its own in server/http/validation-pool.test.ts).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { testDatabaseUrl } from '@/db/testing';
import { createDesign } from '@/server/services/design-store';
import { createShareLink } from '@/server/services/share-links';
import { blankDesign } from '@/server/routers/designs';
import { bigDesign } from '@/server/testing';

vi.stubEnv('DATABASE_URL', await testDatabaseUrl());
(globalThis as Record<symbol, unknown>)[Symbol.for('tidemark.validationPool')] = null;
const { GET, POST } = await import('./route');

const BASE = 'http://127.0.0.1:3000/api/trpc';
let address = 0;

function call(path: string, init: { body?: BodyInit; headers?: Record<string, string>; method?: string } = {}) {
  address += 1;
  const req = new Request(`${BASE}/${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      host: '127.0.0.1:3000',
      'content-type': 'application/json',
      'x-forwarded-for': `10.9.0.${address % 250}`,
      ...init.headers,
    },
    body: init.body,
    duplex: 'half',
  } as RequestInit);
  return req.method === 'GET' ? GET(req) : POST(req);
}

/** A body that fails the test if anyone reads it. */
function unreadable(declaredBytes: number): { body: ReadableStream; headers: Record<string, string> } {
  return {
    body: new ReadableStream({
      pull: () => {
        throw new Error('the body must not be read');
      },
    }),
    headers: { 'content-length': String(declaredBytes) },
  };
}

const messageOf = async (res: Response) => {
  const json = (await res.json()) as { error?: { message: string } } | { error?: { message: string } }[];
  return (Array.isArray(json) ? json[0]?.error?.message : json.error?.message) ?? '';
};

let token = '';
beforeAll(async () => {
  const db = await getDb();
  const design = await createDesign(db, blankDesign('Shared'));
  token = (await createShareLink(db, { designId: design.id, revision: null, expiresAt: null })).token;
});
afterEach(() => vi.unstubAllEnvs());

describe('batches', () => {
  it('refuses a batch of 200 share opens without opening one', async () => {
    const paths = Array.from({ length: 200 }, () => 'shares.open').join(',');
    const input = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [i, { token }]));
    const res = await call(`${paths}?batch=1`, { body: JSON.stringify(input) });
    expect(res.status).toBe(400);
    expect(await messageOf(res)).toBe('A batch may hold at most 10 calls; this one holds 200. Nothing was run.');
    const views = await (await getDb()).execute(sql`select last_viewed_at as v from share_links`);
    expect(views).toEqual([{ v: null }]);
  });

  it('never batches the public shares.open or a document-carrying call, even two of them', async () => {
    const res = await call(`shares.open,shares.open?batch=1`, { body: JSON.stringify({ 0: { token }, 1: { token } }) });
    expect(res.status).toBe(400);
    expect(await messageOf(res)).toBe('shares.open cannot be batched: send each call on its own.');
    const save = await call(`designs.save,designs.rename?batch=1`, { body: '{}' });
    expect(await messageOf(save)).toMatch(/^designs.save cannot be batched/);
  });

  it('answers a batch of small editor calls, and a lone shares.open', async () => {
    const res = await call(`designs.list,designs.list,designs.list?batch=1&input=${encodeURIComponent('{}')}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveLength(3);
    const open = await call('shares.open', { body: JSON.stringify({ token }) });
    expect(open.status).toBe(200);
    expect(((await open.json()) as { result: { data: { name: string } } }).result.data.name).toBe('Shared');
  });
});

describe('bodies', () => {
  it('refuses five million levels of nesting in 10 MB before parsing, with a clear message', async () => {
    const deep = `{"from":"import","document":${'['.repeat(4_999_990)}${']'.repeat(4_999_990)}}`;
    const res = await call('designs.create', { body: deep });
    expect(res.status).toBe(400);
    expect(await messageOf(res)).toMatch(/^The request body is nested deeper than 64 levels \(at byte 92\)/);
    const small = await call('designs.rename', { body: `{"id":${'['.repeat(100)}${']'.repeat(100)}}` });
    expect(small.status).toBe(400);
    expect(await messageOf(small)).toMatch(/nested deeper than 64 levels/);
  });

  it('limits each call’s body to what it needs, reading none of a body declared larger', async () => {
    const rename = await call('designs.rename', unreadable(65 * 1024));
    expect(rename.status).toBe(413);
    expect(await messageOf(rename)).toBe('The request body is over 65 KB; the limit is 64 KB. Nothing was saved.');
    const open = await call('shares.open', unreadable(5000));
    expect(open.status).toBe(413);
    const create = await call('designs.create', unreadable(11 * 1024 * 1024));
    expect(await messageOf(create)).toMatch(/over 11\.0 MB; the limit is 10\.0 MB/);
  });

  it('imports a large design through the document path, nothing parsed twice', async () => {
    const document = bigDesign(1_000_000, 'Imported big');
    const res = await call('designs.create', { body: JSON.stringify({ from: 'import', document }) });
    expect(res.status).toBe(200);
    const { id } = ((await res.json()) as { result: { data: { id: string } } }).result.data;
    const input = encodeURIComponent(JSON.stringify({ id }));
    const revisions = (await (await call(`designs.revisions?input=${input}`)).json()) as {
      result: { data: { name: string; componentCount: number; bytes: number }[] };
    };
    expect(revisions.result.data[0]).toMatchObject({
      name: 'Imported big',
      componentCount: document.components.length,
    });
    expect(revisions.result.data[0]!.bytes).toBeGreaterThan(1_000_000);
  });

  it('reports a refused document’s problems at their paths', async () => {
    const document = { ...blankDesign('Bad'), connections: [{ id: 'c1', from: 'service', to: 'ordrs' }] };
    const res = await call('designs.create', { body: JSON.stringify({ from: 'import', document }) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; data: { problems: { path: string }[] } } };
    expect(body.error.data.problems.map((p) => p.path)).toEqual(['connections[0].to']);
    expect(body.error.message).toBe('Invalid input: connections[0].to: unknown component "ordrs"');
  });
});

describe('who may call', () => {
  it('refuses a mutation sent by another site, before reading it', async () => {
    const res = await call('designs.delete', {
      ...unreadable(100),
      headers: { ...unreadable(100).headers, origin: 'http://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(await messageOf(res)).toMatch(/comes from http:\/\/evil\.example, not from this Tidemark/);
  });

  it('in password mode refuses an editor call without a session before reading its body', async () => {
    vi.stubEnv('TIDEMARK_PASSWORD', 'a long password');
    const res = await call('designs.save', unreadable(10 * 1024 * 1024));
    expect(res.status).toBe(401);
    expect(await messageOf(res)).toMatch(/^Sign in to edit/);
    expect((await call('shares.open', { body: JSON.stringify({ token }) })).status).toBe(200);
  });

  it('limits share opens per address, with Retry-After', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 61; i++) {
      last = await POST(
        new Request(`${BASE}/shares.open`, {
          method: 'POST',
          headers: { host: '127.0.0.1:3000', 'content-type': 'application/json', 'x-forwarded-for': '10.77.0.1' },
          body: JSON.stringify({ token }),
        }),
      );
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await messageOf(last!)).toMatch(/^Too many views of shared designs from your address/);
  });

  it('limits plan submissions per address before reading the body, with Retry-After', async () => {
    const submit = (body: BodyInit, headers: Record<string, string> = {}) =>
      POST(
        new Request(`${BASE}/plans.submit`, {
          method: 'POST',
          headers: {
            host: '127.0.0.1:3000',
            'content-type': 'application/json',
            'x-forwarded-for': '10.78.0.1',
            ...headers,
          },
          body,
          duplex: 'half',
        } as RequestInit),
      );
    // Thirty refused documents (read, checked, nothing queued), each taking one from the budget.
    for (let i = 0; i < 30; i++) {
      const res = await submit(
        JSON.stringify({ document: { format: 'tidemark.design', version: 1, name: 'x', components: [] } }),
      );
      expect(res.status).toBe(400);
      if (i === 0) expect(await messageOf(res)).toMatch(/components/);
    }
    const { body, headers } = unreadable(10 * 1024 * 1024);
    const limited = await submit(body, headers);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await messageOf(limited)).toMatch(/^Too many plans submitted from your address/);
  });

  it('marks every answer Cache-Control: no-store', async () => {
    for (const res of [
      await call('designs.list'),
      await call('nope.nothing'),
      await call('designs.rename', { body: '{' }),
    ])
      expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
