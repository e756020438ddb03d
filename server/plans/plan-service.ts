/**
 * What the routers and pages ask of stored plans: a design's plan, queued when missing (a save, a
 * reader finding none), and read back by job, by revision or by share link. The queue is the
 * process's (plan-queue.ts): the in-app runner on SQLite, pg-boss on PostgreSQL.
 */
import type { Design } from '../../core/model';
import type { Tx } from '../../db/client';
import { sharedDocument } from '../services/share-cache';
import { resolveShareLink } from '../services/share-links';
import type { PlanQueue } from './local-runner';
import {
  dropQueuedJob,
  findPlanByHash,
  findPlanFor,
  readPlanJob,
  requestPlan,
  type PlanJob,
  type StoredPlan,
} from './plan-jobs';

/** The job for `design`, created and handed to `queue` when there is none yet. */
export async function submitPlan(db: Tx, queue: PlanQueue | undefined, design: Design, json: string): Promise<PlanJob> {
  const { job, isNew } = await requestPlan(db, design, json);
  if (isNew && queue) {
    try {
      await queue.submit(job.id);
    } catch (error) {
      await dropQueuedJob(db, job.id);
      throw error;
    }
  }
  return job;
}

/** A design's stored plan, asking for it (lazily) when none was made for this engine version. */
export async function planForDesign(db: Tx, queue: PlanQueue | undefined, design: Design, json: string) {
  const found = await findPlanFor(db, design);
  if (found) {
    await queue?.revive?.(found); // a running job whose workers all died is sent again
    return found;
  }
  const job = await submitPlan(db, queue, design, json);
  return { ...job, plan: null, series: null } satisfies StoredPlan;
}

/**
 * Design hashes of revisions, which never change: a share page waiting for its plan asks every few
 * seconds, and hashing a large document each time would cost a parse and a sha256 of megabytes.
 */
const revisionHashes = new Map<string, string>();
const MAX_REVISION_HASHES = 10_000;

/** The stored plan of revision `revision` of design `designId` (NotFoundError when there is no such revision). */
export async function planForRevision(db: Tx, queue: PlanQueue | undefined, designId: string, revision: number) {
  const key = `${designId}:${revision}`;
  const known = revisionHashes.get(key);
  const found = known === undefined ? undefined : await findPlanByHash(db, known);
  if (found) {
    await queue?.revive?.(found); // a running job whose workers all died is sent again
    return found;
  }
  const { json } = await sharedDocument(db, designId, revision);
  const design = JSON.parse(json) as Design;
  const stored = await planForDesign(db, queue, design, json);
  if (revisionHashes.size >= MAX_REVISION_HASHES) revisionHashes.delete(revisionHashes.keys().next().value!);
  revisionHashes.set(key, stored.designHash);
  return stored;
}

/** The stored plan of what a share link shows now (NotFoundError for unknown, revoked, expired links). */
export async function planForShare(db: Tx, queue: PlanQueue | undefined, token: string) {
  const share = await resolveShareLink(db, token);
  return { revision: share.revision, ...(await planForRevision(db, queue, share.designId, share.revision)) };
}

export { readPlanJob };
