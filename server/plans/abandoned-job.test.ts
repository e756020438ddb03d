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
import { PgBossPlanQueue, PLAN_QUEUE, startBoss, workPlans } from './pg-boss-queue';
import { readPlanJob, type PlanJob } from './plan-jobs';
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
