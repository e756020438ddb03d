/**
 * Plan jobs on PostgreSQL go through pg-boss (its own schema `pgboss` in the same database), so any
 * number of worker processes on any number of machines take them (`npm run worker`,
 * server/plans/worker-cli.ts). The app only sends; workers work. pg-boss hands a job to one worker
 * at a time; a worker that dies mid-job leaves it `active` until its expiry
 * (TIDEMARK_PLAN_JOB_TIMEOUT_SECONDS), when pg-boss's maintenance, run by any worker, fails it as
 * timed out and retries it — another worker then claims the row (force: pg-boss decided the first is
 * gone) and finishes it. (A live worker's pg-boss also gives up on a handler past that time, so the
 * timeout must exceed the longest plan.) The `plans` row stays the record readers see (plan-jobs.ts).
 */
import PgBoss from 'pg-boss';
import type { Db } from '../../db/client';
import type { RunPlan, PlanQueue } from './local-runner';
import {
  claimPlanJob,
  completePlanJob,
  failPlanJob,
  LEASE_MS,
  readPlanJob,
  renewLease,
  THIS_WORKER,
  type PlanJob,
} from './plan-jobs';

import { envSeconds, jobTimeoutSeconds } from './job-timeout';

export { jobTimeoutSeconds };

export const PLAN_QUEUE = 'tidemark-plan';

/** How often a worker's pg-boss looks for timed-out jobs (default 60 s). */
const maintenanceSeconds = () => envSeconds('TIDEMARK_PLAN_MAINTENANCE_SECONDS', 60);
/** Tries per job, counting worker deaths; an engine error is recorded as `failed` at once, not retried. */
const RETRY_LIMIT = 5;
/**
 * Workers that may die on one job before it is recorded as failed: pg-boss's tries, and once more for
 * a job a reader sent again after pg-boss had given up on it (revive). The engine is deterministic,
 * so a document that stopped this many workers would stop the next one too.
 */
export const MAX_ATTEMPTS = RETRY_LIMIT + 2;
/** Stranded jobs whose last send this instance remembers. */
const REVIVED_KEPT = 1000;

export interface BossOptions {
  /** Whether this instance runs pg-boss's maintenance (workers do; app instances only send). */
  supervise?: boolean;
  /** Connections pg-boss keeps open. */
  max?: number;
}

/** Starts pg-boss on `url` (creating its schema once, under its own lock) and its plan queue. */
export async function startBoss(url: string, { supervise = false, max = 2 }: BossOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    max,
    supervise,
    schedule: false,
    maintenanceIntervalSeconds: maintenanceSeconds(),
    // pg-boss logs through 'error' events; without a listener Node would throw them.
  });
  boss.on('error', (error: Error) => console.error('pg-boss:', error.message));
  await retryDeadlock(() => boss.start());
  await retryDeadlock(() => boss.createQueue(PLAN_QUEUE));
  return boss;
}

/** Attempts at a start-up step that PostgreSQL aborted as a deadlock, and the wait before the first retry. */
const DEADLOCK_ATTEMPTS = 5;
const DEADLOCK_WAIT_MS = 100;

/**
 * Runs `step` again when PostgreSQL aborts it as a deadlock (40P01). An app instance and a worker
 * that start together on a new database both create the plan queue — a row and a partition, DML and
 * DDL — and one of them can be chosen as the deadlock's victim: the worker then exited and no plan
 * was ever computed (seen once in `npm test`, 2026-12-05). The step is idempotent: the other side
 * has created what it was creating.
 */
export async function retryDeadlock<T>(step: () => Promise<T>, attempts = DEADLOCK_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== '40P01' || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, DEADLOCK_WAIT_MS * attempt));
    }
  }
}

/** The app's side: hands a queued job's id to pg-boss. */
export class PgBossPlanQueue implements PlanQueue {
  /** When this instance last sent each stranded job again: readers poll, one send per maintenance round is enough. */
  private readonly revived = new Map<string, number>();

  constructor(private readonly boss: PgBoss) {}

  async submit(id: string): Promise<void> {
    await this.boss.send(
      PLAN_QUEUE,
      { id },
      { singletonKey: id, retryLimit: RETRY_LIMIT, retryDelay: 1, expireInSeconds: jobTimeoutSeconds() },
    );
  }

  /**
   * A job still `running` well past the timeout has no delivery left: its workers died and pg-boss
   * gave up on it. Readers find it so and send it once more; its next worker records it as failed if
   * it has already stopped MAX_ATTEMPTS workers (runDeliveredJob), so a reader then learns why.
   * A share page polls every half second while it waits: the job is sent again at most once per
   * maintenance interval by this instance, not on every poll.
   */
  async revive(job: PlanJob, now = Date.now()): Promise<void> {
    const stranded = (jobTimeoutSeconds() + maintenanceSeconds()) * 1000;
    if (job.status !== 'running' || job.startedAt === null || now - job.startedAt <= stranded) return;
    const last = this.revived.get(job.id);
    if (last !== undefined && now - last < maintenanceSeconds() * 1000) return;
    this.revived.delete(job.id);
    this.revived.set(job.id, now);
    // Bounded: the oldest entry goes first (a Map keeps insertion order).
    if (this.revived.size > REVIVED_KEPT) this.revived.delete(this.revived.keys().next().value as string);
    await this.submit(job.id);
  }

  close(): Promise<void> {
    return this.boss.stop({ graceful: false, wait: true });
  }
}

/** Runs one delivered job: claims its row, plans, stores the plan or the reason it failed. */
export async function runDeliveredJob(db: Db, id: string, run: RunPlan, worker = THIS_WORKER): Promise<void> {
  const before = await readPlanJob(db, id).catch(() => null);
  if (before && before.status === 'running' && before.attempts >= MAX_ATTEMPTS) {
    await failPlanJob(db, id, `The plan workers stopped ${before.attempts} times while computing this plan.`);
    return;
  }
  const document = await claimPlanJob(db, id, { worker, force: true });
  if (document === null) return; // already done or failed
  const renew = setInterval(() => void renewLease(db, id, worker).catch(() => false), LEASE_MS / 3);
  renew.unref();
  try {
    const result = await run(document);
    await completePlanJob(db, id, result);
  } catch (error) {
    await failPlanJob(db, id, error instanceof Error ? error.message : String(error));
  } finally {
    clearInterval(renew);
  }
}

/** A worker's side: takes plan jobs one at a time until `boss.stop()`. */
export async function workPlans(boss: PgBoss, db: Db, run: RunPlan, worker = THIS_WORKER): Promise<string> {
  return boss.work<{ id: string }>(PLAN_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) {
      // Our own sends put it there; anything else in the queue is not ours to run.
      const id = job.data?.id;
      if (typeof id === 'string' && /^[a-f0-9]{32}$/.test(id)) await runDeliveredJob(db, id, run, worker);
    }
  });
}
