import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserClient } from './client';
import { queryUrl } from './preloaded';

describe('a preloaded call', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is requested by the browser client at exactly the URL the page preloads, even beside other calls', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      urls.push(String(url));
      return Promise.resolve(
        new Response(JSON.stringify({ error: { message: 'stub', code: -32600, data: {} } }), {
          status: 400,
          headers: { 'content-type': 'application/json' },
        }),
      );
    });
    const client = createBrowserClient();
    // Issued in the same tick as a batched call, as the editor's first render does.
    await Promise.allSettled([
      client.designs.get.query({ id: 'abc123' }),
      client.designs.list.query(),
      client.designs.revisions.query({ id: 'abc123' }),
    ]);
    const preloaded = queryUrl('designs.get', { id: 'abc123' });
    expect(preloaded).toBe('/api/trpc/designs.get?input=%7B%22id%22%3A%22abc123%22%7D');
    expect(urls).toContain(preloaded);
    // The others went together, in one batch without it.
    expect(urls.filter((u) => u.includes('batch=1'))).toHaveLength(1);
    expect(urls.filter((u) => u.includes('designs.get'))).toEqual([preloaded]);
  });
});
