/**
 * Plan jobs inside the app, on SQLite: the job rows (plan-jobs.ts) are the queue, and a piscina pool
 * of worker threads (plan-thread.ts, built like the validation pool's) runs them, so planning never
 * holds the thread that answers requests. At most `concurrency` jobs run at once; the rest wait in
 * the table. On start, and every few seconds, jobs left `running` by a process that died (or whose
 * lease ran out) are queued again and taken, so a job killed mid-run is finished by the next runner.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { Db } from '../../db/client';
import type { ComputedPlan } from './compute-plan';
import { jobTimeoutSeconds } from './job-timeout';
import {
  claimPlanJob,
  completePlanJob,
  failPlanJob,
  LEASE_MS,
  reclaimAbandoned,
  renewLease,
  THIS_WORKER,
  type PlanJob,
} from './plan-jobs';

export const PLAN_WORKER_FILE = path.join(process.cwd(), '.next', 'tidemark-workers', 'plan.mjs');

export type RunPlan = (documentJson: string) => Promise<ComputedPlan>;

/** Where jobs go once their row is queued: the app's own runner, or pg-boss (pg-boss-queue.ts). */
export interface PlanQueue {
  submit(id: string): Promise<void>;
  /** Sends again a job whose deliveries ran out while it was left `running` (pg-boss); readers call it with any job they find. */
  revive?(job: PlanJob): Promise<void>;
  close(): Promise<void>;
}

export interface LocalRunnerOptions {
  concurrency?: number;
  /** How often abandoned and waiting jobs are looked for (ms). */
  sweepMs?: number;
  worker?: string;
  leaseMs?: number;
}

export class LocalPlanRunner implements PlanQueue {
  private readonly running = new Set<string>();
  private readonly waiting: string[] = [];
  private readonly idle: (() => void)[] = [];
  private readonly timer: ReturnType<typeof setInterval>;
  /** The lease renewals of the jobs under way: a closed runner renews nothing, like a dead one. */
  private readonly renewals = new Set<ReturnType<typeof setInterval>>();
  private readonly concurrency: number;
  private readonly worker: string;
  private readonly leaseMs: number;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly run: RunPlan,
    { concurrency = 1, sweepMs = 10_000, worker = THIS_WORKER, leaseMs = LEASE_MS }: LocalRunnerOptions = {},
  ) {
    this.concurrency = concurrency;
    this.worker = worker;
    this.leaseMs = leaseMs;
    this.timer = setInterval(() => void this.sweep(), sweepMs);
    this.timer.unref();
  }

  /** Queues again what dead workers left, and takes every waiting job. */
  async sweep(): Promise<void> {
    if (this.closed) return;
    const ids = await reclaimAbandoned(this.db, Date.now(), 100).catch((error: Error) => {
      console.error('Looking for plan jobs failed:', error.message);
      return [];
    });
    for (const id of ids) if (!this.running.has(id) && !this.waiting.includes(id)) this.waiting.push(id);
    this.pump();
  }

  submit(id: string): Promise<void> {
    // The table is the queue: past a bounded list, the next sweep finds the rest there.
    if (!this.running.has(id) && !this.waiting.includes(id) && this.waiting.length < 1000) this.waiting.unshift(id);
    this.pump();
    return Promise.resolve();
  }

  /** Resolves once no job runs or waits (for tests and benchmarks). */
  whenIdle(): Promise<void> {
    if (this.running.size === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.concurrency) {
      const id = this.waiting.shift();
      if (id === undefined) break;
      this.running.add(id);
      void this.runOne(id).finally(() => {
        this.running.delete(id);
        this.pump();
      });
    }
    if (this.running.size === 0 && this.waiting.length === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  private async runOne(id: string): Promise<void> {
    const { db, worker, leaseMs } = this;
    try {
      const document = await claimPlanJob(db, id, { worker, leaseMs });
      if (document === null) return; // done, failed, or held by a live worker
      const renew = setInterval(
        () => void renewLease(db, id, worker, Date.now(), leaseMs).catch(() => false),
        leaseMs / 3,
      );
      renew.unref();
      this.renewals.add(renew);
      try {
        const result = await this.run(document);
        await completePlanJob(db, id, result);
      } catch (error) {
        await failPlanJob(db, id, error instanceof Error ? error.message : String(error));
      } finally {
        clearInterval(renew);
        this.renewals.delete(renew);
      }
    } catch (error) {
      console.error(`Plan job ${id} could not be recorded:`, error instanceof Error ? error.message : error);
    }
  }

  close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    for (const renew of this.renewals) clearInterval(renew);
    this.renewals.clear();
    return Promise.resolve();
  }
}

/**
 * A pool of plan threads (one by default: the other core answers requests). A job that runs past
 * TIDEMARK_PLAN_JOB_TIMEOUT_SECONDS is stopped — piscina ends its thread — and fails with that said:
 * planning is a loop a stranger's design drives, and one that never ended held its thread for good.
 */
export function createPlanPool(filename = PLAN_WORKER_FILE, threads = Number(process.env.TIDEMARK_PLAN_THREADS) || 1) {
  const pool = new Piscina({ filename, minThreads: 0, maxThreads: threads, idleTimeout: 60_000 });
  const run = async (documentJson: string): Promise<ComputedPlan> => {
    const limit = jobTimeoutSeconds();
    const signal = AbortSignal.timeout(limit * 1000);
    try {
      return (await pool.run(documentJson, { signal })) as ComputedPlan;
    } catch (error) {
      if (signal.aborted) {
        throw new Error(
          `Planning this design took longer than ${limit} s and was stopped (TIDEMARK_PLAN_JOB_TIMEOUT_SECONDS).`,
        );
      }
      throw error;
    }
  };
  return { pool, run, threads };
}

/** The app's runner on SQLite: the pool when it is built, else planning inline (a bare `next dev`), said once. */
export async function startLocalRunner(db: Db): Promise<LocalPlanRunner> {
  let run: RunPlan;
  let concurrency = 1;
  if (existsSync(PLAN_WORKER_FILE)) {
    const created = createPlanPool();
    run = created.run;
    concurrency = created.threads;
  } else {
    console.warn(`Plan pool off: ${PLAN_WORKER_FILE} is missing (npm start builds it); plans are computed inline.`);
    run = (json) => import('./compute-plan').then((m) => m.computePlan(json));
  }
  const runner = new LocalPlanRunner(db, run, { concurrency });
  await runner.sweep();
  return runner;
}
