import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { earlyDesignScript, takeEarlyDesign } from './early-design';

/** Runs the page's inline script here, with `fetch` answering `reply` (or failing). */
function runScript(id: string, reply: () => Promise<Response>): string[] {
  const asked: string[] = [];
  const scope = {
    fetch: (url: string) => {
      asked.push(url);
      return reply();
    },
  };
  (globalThis as unknown as { window: unknown }).window = scope;
  runInNewContext(earlyDesignScript(id), { window: scope, fetch: scope.fetch });
  return asked;
}

afterEach(() => {
  delete (globalThis as unknown as { window?: unknown }).window;
});

const answer =
  (data: unknown, status = 200) =>
  () =>
    Promise.resolve(new Response(JSON.stringify(status === 200 ? { result: { data } } : { error: {} }), { status }));

describe('the early design request', () => {
  it("asks the procedure's own GET for that design, and hands its answer to the page once", async () => {
    const asked = runScript('abc123', answer({ id: 'abc123', revision: 4 }));
    expect(asked).toEqual([`/api/trpc/designs.get?input=${encodeURIComponent('{"id":"abc123"}')}`]);
    expect(await takeEarlyDesign('abc123')).toEqual({ id: 'abc123', revision: 4 });
    // Taken: a second look (the page reached again in the tab) asks afresh.
    expect(await takeEarlyDesign('abc123')).toBeNull();
  });

  it('leaves another design, a refusal and a failed request to the query', async () => {
    runScript('abc123', answer({ id: 'abc123' }));
    expect(await takeEarlyDesign('other')).toBeNull();
    expect(await takeEarlyDesign('abc123')).toEqual({ id: 'abc123' });
    runScript('abc123', answer(null, 401));
    expect(await takeEarlyDesign('abc123')).toBeNull();
    runScript('abc123', () => Promise.reject(new Error('offline')));
    expect(await takeEarlyDesign('abc123')).toBeNull();
  });
});
