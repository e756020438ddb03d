/**
 * Share links. Managing them (create, list, revoke) is an editor action on editorProcedure. Opening
 * one is the only public procedure: it takes the token alone, resolves it to (design, revision) on
 * the server and returns that document; it never accepts a design id from the client. It is a
 * mutation (POST) because it records the view, and so that the token never sits in a query string.
 */
import { z } from 'zod';
import { createShareLink, listShareLinks, openShareLink, revokeShareLink } from '../services/share-links';
import { editorProcedure, publicProcedure, router } from '../trpc';
import { createdShareSchema, sharedDesignSchema, shareLinkSummarySchema } from './outputs';
import { designId, revision } from './ids';

const linkId = z.string().regex(/^[a-z0-9]{1,64}$/, 'not a share link id');
/** Any string up to a bound: a malformed token is just another unknown token (the same NOT_FOUND). */
const token = z.string().max(256);
const HOUR_MS = 3_600_000;

export const sharesRouter = router({
  create: editorProcedure
    .input(
      z.strictObject({
        designId,
        /** Omitted: the link follows the latest revision. */
        revision: revision.optional(),
        /** Omitted: the link never expires. At most a year. */
        expiresInHours: z
          .number()
          .int()
          .min(1)
          .max(24 * 366)
          .optional(),
      }),
    )
    .output(createdShareSchema)
    .mutation(({ ctx, input }) => {
      const now = Date.now();
      const expiresAt = input.expiresInHours === undefined ? null : now + input.expiresInHours * HOUR_MS;
      return createShareLink(ctx.db, { designId: input.designId, revision: input.revision ?? null, expiresAt }, now);
    }),

  list: editorProcedure
    .input(z.strictObject({ designId }))
    .output(z.array(shareLinkSummarySchema))
    .query(({ ctx, input }) => listShareLinks(ctx.db, input.designId)),

  revoke: editorProcedure
    .input(z.strictObject({ designId, id: linkId }))
    .output(shareLinkSummarySchema)
    .mutation(({ ctx, input }) => revokeShareLink(ctx.db, input.designId, input.id)),

  /** Public: the token is the only credential and the only input. */
  open: publicProcedure
    .meta({ access: 'public' })
    .input(z.strictObject({ token }))
    .output(sharedDesignSchema)
    .mutation(({ ctx, input }) => openShareLink(ctx.db, input.token)),
});
