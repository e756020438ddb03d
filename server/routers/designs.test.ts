import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { hybridBackend } from '../../core/examples';
import { designSchema, type DesignInput } from '../../core/model';
import { createTestCaller } from '../testing';
import { appRouter } from '../root';
import { ConflictError } from '../services/errors';
import { seedExamples } from '../../db/seed';

function small(name = 'Small'): DesignInput {
  return {
    format: 'tidemark.design',
    version: 1,
    name,
    components: [
      { id: 'web', name: 'Web', kind: 'ui', workload: { pattern: 'static', baseRps: 5 }, demand: { cpuMs: 10 } },
      { id: 'db', name: 'DB', kind: 'database', demand: { cpuMs: 2 }, stateful: true },
    ],
    connections: [{ id: 'c1', from: 'web', to: 'db', mode: 'sync' }],
  };
}

async function rejection(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return e;
    throw e;
  }
  throw new Error('expected the call to be refused');
}

/** What the client would receive for this error, through the router's own error formatter. */
function shapeOf(error: TRPCError) {
  return appRouter._def._config.errorFormatter({
    error,
    shape: { message: error.message, code: -32600, data: { code: error.code, httpStatus: 400 } },
    type: 'mutation',
    path: 'designs.save',
    input: undefined,
    ctx: undefined,
  }) as {
    message: string;
    data: {
      problems?: { path: string; message: string }[];
      conflict?: { latestRevision: number; yourDocument: unknown };
    };
  };
}

describe('designs router', () => {
  it('creates, gets, lists, saves and deletes a design', async () => {
    const { caller } = await createTestCaller();
    const created = await caller.designs.create({ from: 'import', document: small('First') });
    expect(created.latestRevision).toBe(1);

    const got = await caller.designs.get({ id: created.id });
    expect(got.document.name).toBe('First');
    expect(got.document.environments.vm.bootSeconds).toBe(120); // defaults are filled in
    expect(got.document.environments.vm.hourlyPrice).toBeUndefined(); // prices are left to the price book
    expect(got.componentCount).toBe(2);

    const edited = { ...got.document, name: 'First, edited' };
    const saved = await caller.designs.save({ id: created.id, baseRevision: 1, document: edited });
    expect(saved.revision).toBe(2);
    expect((await caller.designs.get({ id: created.id, revision: 1 })).document.name).toBe('First');
    expect((await caller.designs.list()).map((d) => d.name)).toEqual(['First, edited']);

    await caller.designs.delete({ id: created.id });
    expect(await caller.designs.list()).toEqual([]);
    expect((await rejection(caller.designs.get({ id: created.id }))).code).toBe('NOT_FOUND');
  });

  it('creates blank designs and designs from every example', async () => {
    const { caller } = await createTestCaller();
    const blank = await caller.designs.create({ from: 'blank', name: 'Scratch' });
    expect((await caller.designs.get({ id: blank.id })).document.components).toHaveLength(1);
    for (const example of ['hybrid-backend', 'hybrid-serverless', 'cloud-bursting']) {
      const d = await caller.designs.create({ from: 'example', example });
      expect(d.componentCount).toBeGreaterThan(3);
    }
    expect(await caller.designs.list()).toHaveLength(4);
  });

  it('keeps every revision, renames and duplicates, and restores an old revision as a new one', async () => {
    const { caller } = await createTestCaller();
    const { id } = await caller.designs.create({ from: 'import', document: small('V1') });
    const v1 = await caller.designs.get({ id });
    await caller.designs.save({ id, baseRevision: 1, document: { ...v1.document, name: 'V2' } });
    await caller.designs.rename({ id, name: 'V3 renamed' });
    const revs = await caller.designs.revisions({ id });
    expect(revs.map((r) => [r.number, r.name])).toEqual([
      [3, 'V3 renamed'],
      [2, 'V2'],
      [1, 'V1'],
    ]);

    const restored = await caller.designs.restore({ id, revision: 1 });
    expect(restored.revision).toBe(4);
    expect(restored.document.name).toBe('V1');
    expect((await caller.designs.revisions({ id }))[0]?.note).toBe('restored revision 1');

    const copy = await caller.designs.duplicate({ id });
    expect(copy.id).not.toBe(id);
    expect(copy.name).toBe('Copy of V1');
    expect((await caller.designs.get({ id: copy.id })).document.components).toEqual(restored.document.components);
  });

  it('refuses a save on a stale revision with CONFLICT and overwrites nothing', async () => {
    const { caller } = await createTestCaller();
    const { id } = await caller.designs.create({ from: 'import', document: small('Base') });
    const base = await caller.designs.get({ id });
    await caller.designs.save({ id, baseRevision: 1, document: { ...base.document, name: 'Theirs' } });
    const mine = { ...base.document, name: 'Mine' };
    const error = await rejection(caller.designs.save({ id, baseRevision: 1, document: mine }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('latest is revision 2');
    const shape = shapeOf(error);
    expect(shape.data.conflict?.latestRevision).toBe(2);
    expect((shape.data.conflict?.yourDocument as { name: string }).name).toBe('Mine');
    expect((await caller.designs.get({ id })).document.name).toBe('Theirs');
    expect(await caller.designs.revisions({ id })).toHaveLength(2);
  });

  it('lets exactly one of two concurrent saves on the same base win', async () => {
    const { caller } = await createTestCaller();
    const { id } = await caller.designs.create({ from: 'import', document: small('Base') });
    const base = (await caller.designs.get({ id })).document;
    const a = { ...base, name: 'Tab A' };
    const b = { ...base, name: 'Tab B' };
    const results = await Promise.allSettled([
      caller.designs.save({ id, baseRevision: 1, document: a }),
      caller.designs.save({ id, baseRevision: 1, document: b }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const cause = (lost[0]?.reason as TRPCError).cause;
    expect(cause).toBeInstanceOf(ConflictError);
    const winner = (won[0] as PromiseFulfilledResult<{ revision: number }>).value.revision;
    const winnerName = (await caller.designs.get({ id, revision: winner })).document.name;
    const loserDoc = (cause as ConflictError).yourDocument as { name: string };
    // Both documents survive: the winner's in the database, the loser's handed back.
    expect(new Set([winnerName, loserDoc.name])).toEqual(new Set(['Tab A', 'Tab B']));
    expect((await caller.designs.get({ id })).document.name).toBe(winnerName);
    expect(designSchema.safeParse(loserDoc).success).toBe(true);
  });

  it('seeds the three examples once, and not again after they are deleted', async () => {
    const { db, caller } = await createTestCaller();
    expect(await seedExamples(db)).toBe(3);
    const list = await caller.designs.list();
    expect(list.map((d) => d.name)).toContain(hybridBackend.name);
    for (const d of list) await caller.designs.delete({ id: d.id });
    expect(await seedExamples(db)).toBe(0);
    expect(await caller.designs.list()).toEqual([]);
  });
});

describe('designs router refuses bad input with the path of each problem', () => {
  const cases: [
    string,
    (c: Awaited<ReturnType<typeof createTestCaller>>['caller'], id: string) => Promise<unknown>,
    string,
  ][] = [
    [
      'a wrong type',
      (c) =>
        c.designs.create({
          from: 'import',
          document: { ...small(), components: [{ ...small().components[0], demand: { cpuMs: 'fast' } }] },
        }),
      'components[0].demand.cpuMs',
    ],
    [
      'a connection to an unknown component',
      (c) =>
        c.designs.create({
          from: 'import',
          document: { ...small(), connections: [{ id: 'c1', from: 'web', to: 'ordrs' }] },
        }),
      'connections[0].to',
    ],
    [
      'a cycle',
      (c) =>
        c.designs.create({
          from: 'import',
          document: {
            ...small(),
            connections: [
              { id: 'c1', from: 'web', to: 'db' },
              { id: 'c2', from: 'db', to: 'web' },
            ],
          },
        }),
      'connections[1]',
    ],
    [
      'a component id with spaces',
      (c) =>
        c.designs.create({
          from: 'import',
          document: { ...small(), components: [{ ...small().components[0], id: 'my web' }] },
        }),
      'components[0].id',
    ],
    ['a design id with spaces', (c) => c.designs.get({ id: 'not an id' }), 'id'],
    ['a revision that is not a number', (c, id) => c.designs.get({ id, revision: 'one' as never }), 'revision'],
    ['an empty name', (c, id) => c.designs.rename({ id, name: '   ' }), 'name'],
    ['an unknown example', (c) => c.designs.create({ from: 'example', example: 'nope' }), 'example'],
    [
      '10,000-deep nested arrays',
      (c) => {
        let deep: unknown = [];
        for (let i = 0; i < 10_000; i++) deep = [deep];
        return c.designs.create({ from: 'import', document: { ...small(), components: deep } });
      },
      'components[0]',
    ],
    [
      'a __proto__ key',
      (c) =>
        c.designs.create({
          from: 'import',
          document: JSON.parse(
            `{"format":"tidemark.design","version":1,"name":"x","__proto__":{"admin":true},"components":[]}`,
          ),
        }),
      '__proto__',
    ],
    ['a name with a line break', (c, id) => c.designs.rename({ id, name: 'Shop\n# Pwned' }), 'name'],
    [
      'a component name with a right-to-left override',
      (c) =>
        c.designs.create({
          from: 'import',
          document: { ...small(), components: [{ ...small().components[0]!, name: 'Web \u202Egnp.exe' }] },
        }),
      'components[0].name',
    ],
    [
      'a name of zero-width characters only',
      (c) => c.designs.create({ from: 'blank', name: '\u200B\u200D\uFEFF' }),
      'name',
    ],
    [
      '__proto__ as a layout key',
      (c) =>
        c.designs.create({
          from: 'import',
          document: JSON.parse(
            `{"format":"tidemark.design","version":1,"name":"x","components":[{"id":"a","name":"A","kind":"service","demand":{"cpuMs":1}}],"layout":{"__proto__":{"x":1,"y":2}}}`,
          ),
        }),
      'layout.__proto__',
    ],
    [
      'a design of a future version',
      (c) => c.designs.create({ from: 'import', document: { ...small(), version: 2 } }),
      'version',
    ],
  ];

  it.each(cases)('%s', async (_name, call, path) => {
    const { caller } = await createTestCaller();
    const { id } = await caller.designs.create({ from: 'import', document: small('Keep me') });
    const error = await rejection(call(caller, id));
    expect(error.code).toBe('BAD_REQUEST');
    const problems = shapeOf(error).data.problems ?? [];
    expect(problems.map((p) => p.path)).toContain(path);
    // Nothing was written, and the design that was there is untouched.
    expect((await caller.designs.list()).map((d) => d.name)).toEqual(['Keep me']);
    expect(await caller.designs.revisions({ id })).toHaveLength(1);
  });
});
