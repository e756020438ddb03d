/**
 * A worker that stops mid-job (killed, frozen) does not lose the job: another worker finishes it. On
 * PostgreSQL through pg-boss, as `npm run worker` runs it: worker A takes the job and never comes
 * back; pg-boss's maintenance (run by worker B) times it out and retries it, and B stores the plan.
 * On SQLite through the in-app runners: A's lease runs out and B's sweep takes the job.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { designSchema } from '../../core/model';
import type { Db } from '../../db/client';
import { openTestDatabase, testDatabaseUrl, testDialect } from '../../db/testing';
import { designOf } from '../testing';
import { computePlan } from './compute-plan';
import { LocalPlanRunner, type PlanQueue, type RunPlan } from './local-runner';
import type PgBoss from 'pg-boss';
import {
  MAX_ATTEMPTS,
  jobTimeoutSeconds,
  PgBossPlanQueue,
  PLAN_QUEUE,
  runDeliveredJob,
  startBoss,
  workPlans,
} from './pg-boss-queue';
import { claimPlanJob, readPlanJob, type PlanJob } from './plan-jobs';
import { submitPlan } from './plan-service';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.unstubAllEnvs();
});

async function waitFor(db: Db, id: string, status: PlanJob['status'], ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    const job = await readPlanJob(db, id);
    if (job.status === status || Date.now() > deadline) return job;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Two workers on one database: A hangs on whatever it takes (and says when it took it), B plans. */
async function twoWorkers(
  url: string,
  db: Db,
  hang: RunPlan,
): Promise<{ queue: PlanQueue; startB: () => Promise<void> }> {
  if (testDialect === 'postgres') {
    vi.stubEnv('TIDEMARK_PLAN_JOB_TIMEOUT_SECONDS', '2');
    vi.stubEnv('TIDEMARK_PLAN_MAINTENANCE_SECONDS', '1');
    const bossA = await startBoss(url);
    cleanups.push(() => bossA.stop({ graceful: false }));
    await workPlans(bossA, db, hang, 'worker-a:1:aaaa');
    return {
      queue: new PgBossPlanQueue(bossA),
      startB: async () => {
        // A takes nothing more, as a killed process would not.
        await bossA.offWork(PLAN_QUEUE);
        const bossB = await startBoss(url, { supervise: true });
        cleanups.push(() => bossB.stop({ graceful: false }));
        await workPlans(bossB, db, computePlan, 'worker-b:2:bbbb');
      },
    };
  }
  const a = new LocalPlanRunner(db, hang, { worker: 'worker-a:1:aaaa', leaseMs: 1500, sweepMs: 60_000 });
  cleanups.push(() => a.close());
  return {
    queue: a,
    startB: async () => {
      const b = new LocalPlanRunner(db, computePlan, { worker: 'worker-b:2:bbbb', sweepMs: 500 });
      cleanups.push(() => b.close());
      // A is gone: it renews its lease no more.
      await a.close();
    },
  };
}

describe('a plan job whose worker stopped mid-run', () => {
  it(`is finished by another worker (${testDialect})`, { timeout: 60_000 }, async () => {
    const url = await testDatabaseUrl({ shared: true });
    const db = await openTestDatabase(url);
    let taken: () => void = () => undefined;
    const tookIt = new Promise<void>((resolve) => (taken = resolve));
    const hang: RunPlan = () => {
      taken();
      return new Promise(() => undefined);
    };
    const { queue, startB } = await twoWorkers(url, db, hang);
    const design = designSchema.parse(designOf('Abandoned', 2));
    const job = await submitPlan(db, queue, design, JSON.stringify(design));
    await tookIt;
    expect((await readPlanJob(db, job.id)).status).toBe('running');
    await startB();
    const finished = await waitFor(db, job.id, 'done', 30_000);
    expect(finished).toMatchObject({ status: 'done', attempts: 2, error: null });
    expect(finished.plan).toBe((await computePlan(JSON.stringify(design))).plan);
  });
});

describe('a plan job whose workers keep dying', () => {
  it(`is recorded as failed, with why, once it has stopped ${MAX_ATTEMPTS} workers (${testDialect})`, async () => {
    const db = await openTestDatabase(await testDatabaseUrl({ shared: true }));
    const design = designSchema.parse(designOf('Poison', 2));
    const job = await submitPlan(db, undefined, design, JSON.stringify(design));
    // Each delivery to a worker that died: claimed, never finished.
    for (let i = 0; i < MAX_ATTEMPTS; i++) expect(await claimPlanJob(db, job.id, { force: true })).not.toBeNull();
    const run = vi.fn<RunPlan>(() => computePlan(JSON.stringify(design)));
    await runDeliveredJob(db, job.id, run, 'worker-c:3:cccc');
    expect(run).not.toHaveBeenCalled();
    expect(await readPlanJob(db, job.id)).toMatchObject({
      status: 'failed',
      error: `The plan workers stopped ${MAX_ATTEMPTS} times while computing this plan.`,
    });
  });

  it('is sent to pg-boss again by a reader once pg-boss can no longer be delivering it', async () => {
    const sent: unknown[] = [];
    const boss = { send: (...args: unknown[]) => (sent.push(args), Promise.resolve('job')) } as unknown as PgBoss;
    const queue = new PgBossPlanQueue(boss);
    const now = 10_000_000_000;
    const running = (ageMs: number): PlanJob => ({
      id: 'a'.repeat(32),
      designHash: 'h',
      engineVersion: 'v',
      status: 'running',
      error: null,
      attempts: 6,
      createdAt: now - ageMs,
      startedAt: now - ageMs,
      finishedAt: null,
    });
    const limit = (jobTimeoutSeconds() + 60) * 1000;
    await queue.revive(running(limit - 1000), now);
    await queue.revive({ ...running(limit + 1000), status: 'done' }, now);
    expect(sent).toHaveLength(0);
    await queue.revive(running(limit + 1000), now);
    expect(sent).toHaveLength(1);
    // Readers poll while they wait: not sent again on every poll, but again after a maintenance round.
    await queue.revive(running(limit + 1500), now + 500);
    expect(sent).toHaveLength(1);
    await queue.revive(running(limit + 1000 + 60_001), now + 60_001);
    expect(sent).toHaveLength(2);
  });
});
