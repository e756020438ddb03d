/**
 * The plans router through createCaller, on SQLite and PostgreSQL: a save queues its plan once, the
 * automation endpoint submits, waits and fetches, bad documents are refused with their paths, and a
 * share token reads the stored plan and changes nothing.
 */
import { TRPCError } from '@trpc/server';
import { describe, expect, it, vi } from 'vitest';
import { designSchema } from '../../core/model';
import { ENGINE_VERSION, hashDesign } from '../../core/plan';
import type { Db } from '../../db/client';
import { openTestDatabase } from '../../db/testing';
import { computePlan } from '../plans/compute-plan';
import { LocalPlanRunner } from '../plans/local-runner';
import { createTestCaller, designOf } from '../testing';

const PASSWORD = 'correct horse battery staple';
// Each save queues its plan at once here; the pause a busy author gets is tested on its own below.
vi.stubEnv('TIDEMARK_PLAN_SAVE_DELAY_MS', '0');

async function setUp(db?: Db) {
  const opened = db ?? (await openTestDatabase());
  const runner = new LocalPlanRunner(opened, computePlan, { sweepMs: 60_000 });
  const { caller } = await createTestCaller({ db: opened, plans: runner });
  return { db: opened, runner, caller };
}

async function errorOf(p: Promise<unknown>): Promise<TRPCError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

describe('plans', () => {
  it('are queued when a revision is saved, once per document, and computed in the background', async () => {
    const { db, runner, caller } = await setUp();
    const created = await caller.designs.create({ from: 'import', document: designOf('Saved', 2) });
    const edited = designSchema.parse({ ...designOf('Saved', 2), name: 'Saved, edited' });
    await caller.designs.save({ id: created.id, baseRevision: 1, document: edited });
    // Saving the same document again is another revision but the same plan.
    await caller.designs.save({ id: created.id, baseRevision: 2, document: edited });
    await runner.whenIdle();
    const rows = await db.orm
      .select({ hash: db.tables.plans.designHash, status: db.tables.plans.status })
      .from(db.tables.plans);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.status)).toEqual(['done', 'done']);
    const stored = await caller.plans.get({ designId: created.id, revision: 3 });
    expect(stored).toMatchObject({ status: 'done', revision: 3, designHash: hashDesign(edited) });
    expect(JSON.stringify(stored.plan)).toBe((await computePlan(JSON.stringify(edited))).plan);
    await runner.close();
  });

  it('of a design saved again and again are queued once its saves pause, for the last revision', async () => {
    vi.stubEnv('TIDEMARK_PLAN_SAVE_DELAY_MS', '300');
    const { db, runner, caller } = await setUp();
    const created = await caller.designs.create({ from: 'import', document: designOf('Busy', 2) });
    let last = designOf('Busy', 2);
    for (let n = 1; n <= 4; n += 1) {
      last = { ...designOf('Busy', 2), name: `Busy, save ${n}` };
      await caller.designs.save({ id: created.id, baseRevision: n, document: last });
    }
    expect(await db.orm.select().from(db.tables.plans)).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 600));
    await runner.whenIdle();
    const rows = await db.orm.select({ hash: db.tables.plans.designHash }).from(db.tables.plans);
    expect(rows.map((r) => r.hash)).toEqual([hashDesign(designSchema.parse(last))]);
    vi.stubEnv('TIDEMARK_PLAN_SAVE_DELAY_MS', '0');
    await runner.close();
  });

  it('for automation: submit a design, wait for it, fetch the plan', async () => {
    const { runner, caller } = await setUp();
    const document = designOf('Automated', 3);
    const job = await caller.plans.submit({ document });
    expect(job).toMatchObject({ status: 'queued', engineVersion: ENGINE_VERSION });
    const finished = await caller.plans.status({ id: job.id, waitMs: 20_000 });
    expect(finished.status).toBe('done');
    const fetched = await caller.plans.get({ id: job.id });
    expect(fetched.plan?.format).toBe('tidemark.plan');
    expect(fetched.plan?.design.sha256).toBe(job.designHash);
    // The same design again: the same job, nothing computed twice.
    expect((await caller.plans.submit({ document })).id).toBe(job.id);
    await runner.whenIdle();
    expect((await caller.plans.status({ id: job.id })).attempts).toBe(1);
    await runner.close();
  });

  it('refuse a document with what is wrong and where, an unknown job, and an unbounded wait', async () => {
    const { caller, runner } = await setUp();
    const bad = { ...designOf('Bad', 2), connections: [{ id: 'x', from: 'c0', to: 'nowhere' }] };
    const refused = await errorOf(caller.plans.submit({ document: bad }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.cause).toMatchObject({ problems: [{ path: 'connections[0].to' }] });
    const unknown = await errorOf(caller.plans.status({ id: 'f'.repeat(32) }));
    expect(unknown.code).toBe('NOT_FOUND');
    const malformed = await errorOf(caller.plans.status({ id: '../etc' }));
    expect(malformed.message).toMatch(/not a plan job id/);
    const tooLong = await errorOf(caller.plans.status({ id: 'f'.repeat(32), waitMs: 60_000 }));
    expect(tooLong.code).toBe('BAD_REQUEST');
    await runner.close();
  });

  it('a share token reads the stored plan, and reaches no mutation', async () => {
    const db = await openTestDatabase();
    const { runner, caller: editor } = await setUp(db);
    const created = await editor.designs.create({ from: 'import', document: designOf('Shared plan', 2) });
    const { token } = await editor.shares.create({ designId: created.id });
    await runner.whenIdle();
    const viewer = (
      await createTestCaller({ db, password: PASSWORD, plans: runner })
    ) // password mode, no session
    .caller;
    const read = await viewer.plans.get({ token });
    expect(read).toMatchObject({ status: 'done', revision: 1 });
    const design = designSchema.parse(designOf('Shared plan', 2));
    expect(JSON.stringify(read.plan)).toBe((await computePlan(JSON.stringify(design))).plan);
    for (const attempt of [
      viewer.plans.submit({ document: designOf('Hijack', 1) }),
      viewer.designs.save({ id: created.id, baseRevision: 1, document: designOf('Hijack', 1) }),
      viewer.plans.get({ designId: created.id, revision: 1 }),
    ])
      expect((await errorOf(attempt)).code).toBe('UNAUTHORIZED');
    expect((await editor.designs.get({ id: created.id })).latestRevision).toBe(1);
    expect(await db.orm.select().from(db.tables.plans)).toHaveLength(1);
    await runner.close();
  });
});
