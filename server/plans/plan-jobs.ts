/**
 * Stored plans and their jobs (table `plans`, one row per design hash and engine version), on SQLite
 * or PostgreSQL. The row is the job's record whatever runs it: created `queued` by `requestPlan` —
 * an insert that does nothing when the row exists, so the same document is never queued or computed
 * twice, however many saves and readers ask at once — claimed `running` by one worker under a lease
 * it renews while it works, and closed `done` (plan and series stored) or `failed` (the reason kept).
 * A job whose worker died keeps its `running` row until its lease runs out or its process is known
 * dead (reclaimAbandoned), then any worker may claim it again. Every transition is one conditional
 * update, so two workers never both hold a job.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Design } from '../../core/model';
import { ENGINE_VERSION, hashDesign } from '../../core/plan';
import type { Tx } from '../../db/client';
import { NotFoundError } from '../services/errors';

export type PlanStatus = 'queued' | 'running' | 'done' | 'failed';

/** A job as a reader sees it: its state, and the plan once done. */
export interface PlanJob {
  id: string;
  designHash: string;
  engineVersion: string;
  status: PlanStatus;
  /** Why it failed, in words; null unless `failed`. */
  error: string | null;
  attempts: number;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface StoredPlan extends PlanJob {
  /** The plan document's JSON, once `done`. */
  plan: string | null;
  /** Its chart series (components/share/series-codec.ts), once `done`. */
  series: string | null;
}

/** How long a claim holds without being renewed; a worker renews it every third of that. */
export const LEASE_MS = 30_000;

/** This process as a worker: host, pid and a random part, so a dead process on this host is recognised. */
export const THIS_WORKER = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

const jobColumns = ({ plans }: Tx['tables']) => ({
  id: plans.id,
  designHash: plans.designHash,
  engineVersion: plans.engineVersion,
  status: plans.status,
  error: plans.error,
  attempts: plans.attempts,
  createdAt: plans.createdAt,
  startedAt: plans.startedAt,
  finishedAt: plans.finishedAt,
});

/** What a design's plan is stored under. */
export function planKeyOf(design: Design): { designHash: string; engineVersion: string } {
  return { designHash: hashDesign(design), engineVersion: ENGINE_VERSION };
}

export interface RequestedPlan {
  job: PlanJob;
  /** Whether this call created the job (it is then the caller's to hand to a queue). */
  isNew: boolean;
}

/**
 * The job for `design` (validated; `json` its document as stored), created `queued` when there is
 * none for its hash and this engine version.
 */
export async function requestPlan(db: Tx, design: Design, json: string, now = Date.now()): Promise<RequestedPlan> {
  const { plans } = db.tables;
  const key = planKeyOf(design);
  const id = randomUUID().replace(/-/g, '');
  const inserted = await db.orm
    .insert(plans)
    .values({ id, ...key, status: 'queued', document: json, createdAt: now })
    .onConflictDoNothing()
    .returning(jobColumns(db.tables));
  if (inserted[0]) return { job: inserted[0], isNew: true };
  const [existing] = await db.orm
    .select(jobColumns(db.tables))
    .from(plans)
    .where(and(eq(plans.designHash, key.designHash), eq(plans.engineVersion, key.engineVersion)))
    .limit(1);
  if (!existing) throw new Error('a plan job vanished while it was being requested');
  return { job: existing, isNew: false };
}

/** Forgets a job that never reached a queue (its hand-over failed), so a later request queues it again. */
export async function dropQueuedJob(db: Tx, id: string): Promise<void> {
  const { plans } = db.tables;
  await db.orm.delete(plans).where(and(eq(plans.id, id), eq(plans.status, 'queued')));
}

/** A job with its plan, by id. */
export async function readPlanJob(db: Tx, id: string): Promise<StoredPlan> {
  const { plans } = db.tables;
  const [row] = await db.orm
    .select({ ...jobColumns(db.tables), plan: plans.plan, series: plans.series })
    .from(plans)
    .where(eq(plans.id, id))
    .limit(1);
  if (!row) throw new NotFoundError(`plan job "${id}"`);
  return row;
}

/** The job of a design's plan under this engine version, or undefined when none was asked for. */
export function findPlanFor(db: Tx, design: Design): Promise<StoredPlan | undefined> {
  return findPlanByHash(db, planKeyOf(design).designHash);
}

/** The job of the plan of the design hashed `designHash`, under this engine version. */
export async function findPlanByHash(db: Tx, designHash: string): Promise<StoredPlan | undefined> {
  const { plans } = db.tables;
  const key = { designHash, engineVersion: ENGINE_VERSION };
  const [row] = await db.orm
    .select({ ...jobColumns(db.tables), plan: plans.plan, series: plans.series })
    .from(plans)
    .where(and(eq(plans.designHash, key.designHash), eq(plans.engineVersion, key.engineVersion)))
    .limit(1);
  return row;
}

export interface ClaimOptions {
  worker?: string;
  now?: number;
  leaseMs?: number;
  /**
   * Take it even while another worker's lease holds it: for a queue that guarantees one delivery at a
   * time and redelivers only a job it judged abandoned (pg-boss on PostgreSQL).
   */
  force?: boolean;
}

/** Claims job `id` for a worker; returns its document, or null when it is not there to take. */
export async function claimPlanJob(db: Tx, id: string, options: ClaimOptions = {}): Promise<string | null> {
  const { worker = THIS_WORKER, now = Date.now(), leaseMs = LEASE_MS, force = false } = options;
  const { plans } = db.tables;
  const takeable = force
    ? inArray(plans.status, ['queued', 'running'])
    : or(eq(plans.status, 'queued'), and(eq(plans.status, 'running'), lt(plans.leaseUntil, now)));
  const [row] = await db.orm
    .update(plans)
    .set({
      status: 'running',
      worker,
      leaseUntil: now + leaseMs,
      startedAt: now,
      attempts: sql`${plans.attempts} + 1`,
    })
    .where(and(eq(plans.id, id), takeable))
    .returning({ document: plans.document });
  return row?.document ?? null;
}

/** Extends a running job's lease; false when the worker no longer holds it. */
export async function renewLease(db: Tx, id: string, worker = THIS_WORKER, now = Date.now(), leaseMs = LEASE_MS) {
  const { plans } = db.tables;
  const rows = await db.orm
    .update(plans)
    .set({ leaseUntil: now + leaseMs })
    .where(and(eq(plans.id, id), eq(plans.status, 'running'), eq(plans.worker, worker)))
    .returning({ id: plans.id });
  return rows.length > 0;
}

/**
 * Stores a finished job's plan. The engine is deterministic, so a late finish by a worker that lost
 * its lease writes the same plan; a job already done is left as it is.
 */
export async function completePlanJob(
  db: Tx,
  id: string,
  result: { plan: string; series: string },
  now = Date.now(),
): Promise<void> {
  const { plans } = db.tables;
  await db.orm
    .update(plans)
    .set({ status: 'done', plan: result.plan, series: result.series, error: null, leaseUntil: null, finishedAt: now })
    .where(and(eq(plans.id, id), inArray(plans.status, ['queued', 'running'])));
}

/** Records why a job failed. The engine is deterministic: the same document would fail again. */
export async function failPlanJob(db: Tx, id: string, message: string, now = Date.now()): Promise<void> {
  const { plans } = db.tables;
  await db.orm
    .update(plans)
    .set({ status: 'failed', error: message.slice(0, 2000), leaseUntil: null, finishedAt: now })
    .where(and(eq(plans.id, id), inArray(plans.status, ['queued', 'running'])));
}

/** Whether process `pid` on this host has ended. */
function isDeadHere(worker: string | null): boolean {
  const [host, pid] = (worker ?? '').split(':');
  if (worker === THIS_WORKER || host !== os.hostname() || !pid) return false;
  // Our own pid under another name: the process that had it before us has ended.
  if (Number(pid) === process.pid) return true;
  return hasEnded(Number(pid));
}

/** Whether process `pid` on this host has ended (a signal 0 finds no such process). */
export function hasEnded(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Puts back in the queue the running jobs no live worker holds — their lease ran out, or their
 * process on this host has ended (killed mid-job) — and returns the ids of every queued job, oldest
 * first (newest first), at most `limit`, for a runner to take.
 */
export async function reclaimAbandoned(db: Tx, now = Date.now(), limit = 100): Promise<string[]> {
  const { plans } = db.tables;
  const running = await db.orm
    .select({ id: plans.id, worker: plans.worker, leaseUntil: plans.leaseUntil })
    .from(plans)
    .where(eq(plans.status, 'running'))
    .limit(1000);
  const abandoned = running.filter((r) => (r.leaseUntil ?? 0) < now || isDeadHere(r.worker)).map((r) => r.id);
  if (abandoned.length > 0)
    await db.orm
      .update(plans)
      .set({ status: 'queued', worker: null, leaseUntil: null })
      .where(and(inArray(plans.id, abandoned), eq(plans.status, 'running')));
  const queued = await db.orm
    .select({ id: plans.id })
    .from(plans)
    .where(eq(plans.status, 'queued'))
    // Newest first: after a burst of saves, the latest revision's plan is the one people open.
    .orderBy(desc(plans.createdAt))
    .limit(limit);
  return queued.map((r) => r.id);
}
