/**
 * Hostile input straight at the API: each is refused with a clear message naming what is wrong,
 * nothing is written, and the server keeps serving.
 */
import { z } from 'zod';
import { expect, test } from './fixtures';
import { problemPaths, trpcData, trpcError } from './trpc-json';

const post = (path: string) => `/api/trpc/${path}`;

test('20 and 50 MB bodies, 10,000-deep nesting, __proto__ keys and wrong types are refused, and the server keeps serving', async ({
  request,
}) => {
  const count = (await trpcData(await request.get(post('designs.list')), z.array(z.unknown()))).length;

  for (const mb of [20, 50]) {
    const huge = await request.post(post('designs.create'), {
      headers: { 'content-type': 'application/json' },
      data: Buffer.alloc(mb * 1024 * 1024, 'a'),
    });
    expect(huge.status()).toBe(413);
    expect((await trpcError(huge)).message).toMatch(/limit is 10\.0 MB/);
  }

  // A __proto__ key is an unknown field like any other: refused at its path.
  const proto = await request.post(post('designs.create'), {
    headers: { 'content-type': 'application/json' },
    data: '{"from":"import","document":{"format":"tidemark.design","version":1,"name":"x","__proto__":{"polluted":true},"components":[{"id":"a","name":"A","kind":"service","demand":{"cpuMs":1}}]}}',
  });
  expect(proto.status()).toBe(400);
  expect(await problemPaths(proto)).toContain('__proto__');

  const deep = await request.post(post('designs.create'), {
    headers: { 'content-type': 'application/json' },
    data: `{"from":"import","document":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
  });
  expect(deep.status()).toBe(400);
  // Refused by a linear scan of the raw body, before anything parses it.
  expect((await trpcError(deep)).message).toMatch(/^The request body is nested deeper than 64 levels/);

  const wrongType = await request.post(post('designs.create'), {
    data: {
      from: 'import',
      document: {
        format: 'tidemark.design',
        version: 1,
        name: 'x',
        components: [{ id: 'a b', name: 'A', kind: 'service', demand: { cpuMs: 'x' } }],
      },
    },
  });
  expect(wrongType.status()).toBe(400);
  expect(await problemPaths(wrongType)).toEqual(['components[0].id', 'components[0].demand.cpuMs']);

  const notJson = await request.post(post('designs.create'), {
    headers: { 'content-type': 'application/json' },
    data: '{"from": "import", ',
  });
  expect(notJson.status()).toBe(400);

  const after = await request.get(post('designs.list'));
  expect(after.ok()).toBe(true);
  expect(await trpcData(after, z.array(z.unknown()))).toHaveLength(count);
});
