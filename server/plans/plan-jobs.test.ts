/**
 * Plan jobs on the database the project runs this file on (SQLite, then PostgreSQL in the `postgres`
 * project): queued once per design hash and engine version, run by the in-app runner, failures kept
 * with their reason, and a job whose worker died finished by another.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { designSchema } from '../../core/model';
import { ENGINE_VERSION, hashDesign } from '../../core/plan';
import type { Db } from '../../db/client';
import { openTestDatabase } from '../../db/testing';
import { designOf } from '../testing';
import { computePlan } from './compute-plan';
import { LocalPlanRunner, type PlanQueue } from './local-runner';
import { claimPlanJob, LEASE_MS, readPlanJob, reclaimAbandoned, requestPlan } from './plan-jobs';
import { submitPlan } from './plan-service';

const small = (name = 'Small', count = 2) => designSchema.parse(designOf(name, count));

/** A queue that only counts what it is handed. */
function countingQueue(): PlanQueue & { ids: string[] } {
  const ids: string[] = [];
  return { ids, submit: (id) => Promise.resolve(void ids.push(id)), close: () => Promise.resolve() };
}

/** The same value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}

async function statusOf(db: Db, id: string) {
  return (await readPlanJob(db, id)).status;
}

describe('plan jobs', () => {
  it('are keyed by the design hash and the engine version, and queued once however often asked', async () => {
    const db = await openTestDatabase();
    const design = small();
    const queue = countingQueue();
    // The same document, written with its keys in another order, from five callers at once.
    const reordered = reverseKeys(design) as typeof design;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(design));
    const jobs = await Promise.all(
      [design, reordered, design, reordered, design].map((d) => submitPlan(db, queue, d, JSON.stringify(d))),
    );
    expect(new Set(jobs.map((j) => j.id)).size).toBe(1);
    expect(queue.ids).toEqual([jobs[0]!.id]);
    expect(jobs[0]).toMatchObject({ designHash: hashDesign(design), engineVersion: ENGINE_VERSION, status: 'queued' });
    const rows = await db.orm.select({ id: db.tables.plans.id }).from(db.tables.plans);
    expect(rows).toHaveLength(1);
    // Another document is another job.
    const other = await submitPlan(db, queue, small('Other'), JSON.stringify(small('Other')));
    expect(other.id).not.toBe(jobs[0]!.id);
    expect(queue.ids).toHaveLength(2);
  });

  it('are run by the in-app runner, and the stored plan is the engine’s, byte for byte', async () => {
    const db = await openTestDatabase();
    const design = small('Runner', 3);
    const runner = new LocalPlanRunner(db, computePlan, { sweepMs: 60_000 });
    const job = await submitPlan(db, runner, design, JSON.stringify(design));
    await runner.whenIdle();
    const stored = await readPlanJob(db, job.id);
    expect(stored).toMatchObject({ status: 'done', error: null, attempts: 1 });
    expect(stored.plan).toBe((await computePlan(JSON.stringify(design))).plan);
    await runner.close();
  });

  it('record a failure with its reason, and never compute a failed document again', async () => {
    const db = await openTestDatabase();
    const design = small('Fails');
    let runs = 0;
    const runner = new LocalPlanRunner(
      db,
      () => {
        runs += 1;
        return Promise.reject(new Error('the engine ran out of patience at components[1]'));
      },
      { sweepMs: 60_000 },
    );
    const job = await submitPlan(db, runner, design, JSON.stringify(design));
    await runner.whenIdle();
    expect(await readPlanJob(db, job.id)).toMatchObject({
      status: 'failed',
      error: 'the engine ran out of patience at components[1]',
      plan: null,
    });
    await submitPlan(db, runner, design, JSON.stringify(design));
    await runner.sweep();
    await runner.whenIdle();
    expect(runs).toBe(1);
    await runner.close();
  });

  it('say what is wrong with a stored document the engine cannot read', async () => {
    const broken = JSON.stringify({ ...small(), components: [] });
    await expect(computePlan(broken)).rejects.toThrow(/the stored design is not valid: components/);
  });

  it('left running by a process that was killed are queued again and finished by the next runner', async () => {
    const db = await openTestDatabase();
    const design = small('Killed');
    const { job } = await requestPlan(db, design, JSON.stringify(design));
    // A worker process that claims the job, then is SIGKILLed mid-run; its lease has not run out.
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const dead = `${os.hostname()}:${child.pid}:deadbeef`;
    expect(await claimPlanJob(db, job.id, { worker: dead })).not.toBeNull();
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(await statusOf(db, job.id)).toBe('running');

    // Another process's runner starts: it finds the job abandoned and finishes it.
    const runner = new LocalPlanRunner(db, computePlan, { sweepMs: 60_000 });
    await runner.sweep();
    await runner.whenIdle();
    expect(await readPlanJob(db, job.id)).toMatchObject({ status: 'done', attempts: 2 });
    await runner.close();
  });

  it('held by a live worker are left to it until its lease runs out', async () => {
    const db = await openTestDatabase();
    const design = small('Leased');
    const { job } = await requestPlan(db, design, JSON.stringify(design));
    const now = Date.now();
    expect(await claimPlanJob(db, job.id, { worker: 'elsewhere:1:aaaa', now })).not.toBeNull();
    // A second claim while the lease holds gets nothing; the job is not listed as waiting.
    expect(await claimPlanJob(db, job.id, { worker: 'here:2:bbbb', now: now + 1000 })).toBeNull();
    expect(await reclaimAbandoned(db, now + 1000)).toEqual([]);
    // Past the lease, it is queued again.
    expect(await reclaimAbandoned(db, now + LEASE_MS + 1)).toEqual([job.id]);
    expect(await statusOf(db, job.id)).toBe('queued');
    const { plans } = db.tables;
    const [row] = await db.orm.select({ worker: plans.worker }).from(plans).where(eq(plans.id, job.id));
    expect(row?.worker).toBeNull();
  });
});
