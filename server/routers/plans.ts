/**
 * Plans computed once, on the server (server/plans/). For automation: `submit` a design document
 * (validated like an import, through the same body limits and validation pool; rate-limited per
 * address), get a job; `status` polls it or waits for it (at most 25 s a call); `get` fetches the
 * plan. `get` also serves what a share link shows, by its token alone (public, like shares.open):
 * a token reads a plan and can reach nothing else. Every other form is an editor's.
 */
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Plan } from '../../core/model';
import type { Tx } from '../../db/client';
import { readPlanJob, type PlanJob, type StoredPlan } from '../plans/plan-jobs';
import { planForRevision, planForShare, submitPlan } from '../plans/plan-service';
import { assertEditor, editorProcedure, publicProcedure, router } from '../trpc';
import { importedDocumentInput } from './document-input';
import { planJobSchema, storedPlanSchema } from './outputs';
import { designId, revision } from './ids';

const jobId = z.string().regex(/^[a-f0-9]{32}$/, 'not a plan job id (32 hexadecimal characters, from plans.submit)');
/** Any string up to a bound: a malformed token is just another unknown token (the same NOT_FOUND). */
const token = z.string().max(256);

/** The longest a `status` call waits for a job to finish, and how often it looks meanwhile. */
export const MAX_WAIT_MS = 25_000;
const POLL_MS = 250;
/** Jobs waiting at most, before a submission of a new design is refused (503): a full queue is a busy server. */
export const MAX_QUEUED_JOBS = 1000;

const isFinished = (job: PlanJob) => job.status === 'done' || job.status === 'failed';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withPlan({ plan, series: _series, ...job }: StoredPlan) {
  return { ...job, plan: plan === null ? null : (JSON.parse(plan) as Plan) };
}

async function jobOf(db: Tx, id: string): Promise<PlanJob> {
  const { plan: _plan, series: _series, ...job } = await readPlanJob(db, id);
  return job;
}

async function queuedJobs(db: Tx): Promise<number> {
  const [row] = await db.execute<{ n: number | string }>(
    // Counted up to the bound only: a long queue costs this query no more than a short one.
    sql`SELECT count(*) AS n FROM (SELECT 1 FROM plans WHERE status = 'queued' LIMIT ${MAX_QUEUED_JOBS}) q`,
  );
  return Number(row?.n ?? 0);
}

const noQueue = () =>
  new TRPCError({
    code: 'SERVICE_UNAVAILABLE',
    message: 'Plans cannot be computed here: the plan queue did not start.',
  });

export const plansRouter = router({
  /** A design document in, a job out (the same job for a document already submitted or saved). */
  submit: editorProcedure
    .meta({ carriesDocument: true, rateLimit: 'plan-submit' })
    .input(z.strictObject({ document: importedDocumentInput }))
    .output(planJobSchema)
    .mutation(async ({ ctx, input }) => {
      if (!ctx.plans) throw noQueue();
      if ((await queuedJobs(ctx.db)) >= MAX_QUEUED_JOBS)
        throw new TRPCError({
          code: 'SERVICE_UNAVAILABLE',
          message: `${MAX_QUEUED_JOBS} plans are waiting to be computed already. Try again in a minute.`,
        });
      return submitPlan(ctx.db, ctx.plans, input.document.document, input.document.json);
    }),

  /** A job's state; with `waitMs`, answered as soon as it is done or failed, or when the wait runs out. */
  status: editorProcedure
    .input(z.strictObject({ id: jobId, waitMs: z.number().int().min(0).max(MAX_WAIT_MS).optional() }))
    .output(planJobSchema)
    .query(async ({ ctx, input }) => {
      const deadline = Date.now() + (input.waitMs ?? 0);
      let job = await jobOf(ctx.db, input.id);
      while (!isFinished(job) && Date.now() + POLL_MS <= deadline) {
        await sleep(POLL_MS);
        job = await jobOf(ctx.db, input.id);
      }
      return job;
    }),

  /**
   * A stored plan: by job id, by design revision (asked for when missing), or by share token (what
   * the link shows now; public). `plan` is null until the job is done.
   */
  get: publicProcedure
    .meta({ access: 'public' })
    .input(z.union([z.strictObject({ token }), z.strictObject({ id: jobId }), z.strictObject({ designId, revision })]))
    .output(storedPlanSchema.extend({ revision: z.number().optional() }))
    .query(async ({ ctx, input }) => {
      if ('token' in input) return withPlan(await planForShare(ctx.db, ctx.plans, input.token));
      await assertEditor(ctx);
      if ('id' in input) return withPlan(await readPlanJob(ctx.db, input.id));
      const stored = await planForRevision(ctx.db, ctx.plans, input.designId, input.revision);
      return { ...withPlan(stored), revision: input.revision };
    }),
});
