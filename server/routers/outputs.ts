/**
 * What every procedure returns, declared (documenso's `.output()` habit): the client's types come
 * from here, and tRPC strips anything a service returns beyond these fields, so a field added to a
 * row or a service result never reaches a browser unless it is added here too. Each schema is held
 * to its service's type (`satisfies`), so the two cannot drift apart silently.
 *
 * Documents are typed, not re-validated here: every document read from the database has just come
 * through the versioned loader (design-store.ts), and validating a 2,000-component design again on
 * its way out would double the cost of opening it.
 */
import { z } from 'zod';
import type { Design, Plan } from '../../core/model';
import type { PlanJob } from '../plans/plan-jobs';
import type { DesignSummary, RevisionSummary, StoredDesign, WrittenRevision } from '../services/design-store';
import type { ShareLinkSummary, SharedDesign } from '../services/share-links';

const documentSchema = z.custom<Design>((value) => typeof value === 'object' && value !== null);

export const designSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  componentCount: z.number(),
  latestRevision: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
}) satisfies z.ZodType<DesignSummary>;

/** What a save answers: the design as it stands and the revision this save wrote (not the document). */
export const writtenRevisionSchema = designSummarySchema.extend({
  revision: z.number(),
}) satisfies z.ZodType<WrittenRevision>;

export const storedDesignSchema = designSummarySchema.extend({
  revision: z.number(),
  revisionCreatedAt: z.number(),
  document: documentSchema,
}) satisfies z.ZodType<StoredDesign>;

export const revisionSummarySchema = z.object({
  number: z.number(),
  name: z.string(),
  componentCount: z.number(),
  connectionCount: z.number(),
  bytes: z.number(),
  note: z.string(),
  changes: z.string(),
  createdAt: z.number(),
}) satisfies z.ZodType<RevisionSummary>;

export const deletedSchema = z.object({ id: z.string() });

export const shareLinkSummarySchema = z.object({
  id: z.string(),
  revision: z.number().nullable(),
  createdAt: z.number(),
  expiresAt: z.number().nullable(),
  revokedAt: z.number().nullable(),
  lastViewedAt: z.number().nullable(),
  state: z.enum(['active', 'revoked', 'expired']),
}) satisfies z.ZodType<ShareLinkSummary>;

/** The raw token appears in exactly one answer, the one that creates it. */
export const createdShareSchema = z.object({ link: shareLinkSummarySchema, token: z.string() });

/**
 * The public answer: the shared document and what the page says about it; no design id, no link id,
 * no token hash, no timestamps of the design's other revisions.
 */
export const sharedDesignSchema = z.object({
  name: z.string(),
  revision: z.number(),
  following: z.enum(['latest', 'pinned']),
  document: documentSchema,
}) satisfies z.ZodType<SharedDesign>;

/** A plan job as the automation endpoint and plans.get report it (server/plans/plan-jobs.ts). */
export const planJobSchema = z.object({
  id: z.string(),
  designHash: z.string(),
  engineVersion: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  error: z.string().nullable(),
  attempts: z.number(),
  createdAt: z.number(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
}) satisfies z.ZodType<PlanJob>;

/** A stored plan: the job, and the plan document once it is done (made by our own engine: typed, not re-validated). */
export const storedPlanSchema = planJobSchema.extend({
  plan: z.custom<Plan>((value) => typeof value === 'object' && value !== null).nullable(),
});
