/**
 * The designs router: thin procedures over services/design-store.ts. Every input is validated by
 * Zod; documents by the design schema itself, so an invalid document never reaches the database.
 */
import { z } from 'zod';
import { EXAMPLE_DESIGNS } from '../../core/examples';
import { designSchema, nameSchema } from '../../core/model';
import {
  createDesign,
  deleteDesign,
  duplicateDesign,
  getDesign,
  listDesigns,
  listRevisions,
  renameDesign,
  restoreRevision,
  saveDesign,
} from '../services/design-store';
import { queuePlanAfterSave } from '../plans/after-save';
import { toPrepared } from '../services/prepared-document';
import { editorProcedure, router, type Context } from '../trpc';
import { importedDocumentInput, savedDocumentInput } from './document-input';
import {
  deletedSchema,
  designSummarySchema,
  revisionSummarySchema,
  storedDesignSchema,
  writtenRevisionSchema,
} from './outputs';
import { designId, revision } from './ids';

const exampleKey = z.enum(EXAMPLE_DESIGNS.map((e) => e.key) as [string, ...string[]]);

export const designsRouter = router({
  list: editorProcedure.output(z.array(designSummarySchema)).query(({ ctx }) => listDesigns(ctx.db)),

  get: editorProcedure
    .meta({ preloaded: true })
    .input(z.strictObject({ id: designId, revision: revision.optional() }))
    .output(storedDesignSchema)
    .query(({ ctx, input }) => getDesign(ctx.db, input.id, input.revision)),

  create: editorProcedure
    .meta({ carriesDocument: true })
    .input(
      z.discriminatedUnion('from', [
        z.strictObject({ from: z.literal('blank'), name: nameSchema.optional() }),
        z.strictObject({ from: z.literal('example'), example: exampleKey }),
        z.strictObject({ from: z.literal('import'), document: importedDocumentInput }),
      ]),
    )
    .output(designSummarySchema)
    .mutation(async ({ ctx, input }) => {
      if (input.from === 'import') {
        const created = await createDesign(ctx.db, input.document, 'imported');
        await queuePlan(ctx, created.id, input.document);
        return created;
      }
      if (input.from === 'example') {
        const example = EXAMPLE_DESIGNS.find((e) => e.key === input.example);
        return createDesign(ctx.db, designSchema.parse(example?.design), `from example ${input.example}`);
      }
      return createDesign(ctx.db, blankDesign(input.name ?? 'Untitled design'), 'created blank');
    }),

  save: editorProcedure
    .meta({ carriesDocument: true })
    .input(z.strictObject({ id: designId, baseRevision: revision, document: savedDocumentInput }))
    .output(writtenRevisionSchema)
    .mutation(async ({ ctx, input }) => {
      const written = await saveDesign(ctx.db, input.id, input.baseRevision, input.document);
      await queuePlan(ctx, input.id, input.document);
      return written;
    }),

  rename: editorProcedure
    .input(z.strictObject({ id: designId, name: nameSchema }))
    .output(designSummarySchema)
    .mutation(({ ctx, input }) => renameDesign(ctx.db, input.id, input.name)),

  duplicate: editorProcedure
    .input(z.strictObject({ id: designId }))
    .output(designSummarySchema)
    .mutation(({ ctx, input }) => duplicateDesign(ctx.db, input.id)),

  delete: editorProcedure
    .input(z.strictObject({ id: designId }))
    .output(deletedSchema)
    .mutation(async ({ ctx, input }) => {
      await deleteDesign(ctx.db, input.id);
      return { id: input.id };
    }),

  revisions: editorProcedure
    .input(z.strictObject({ id: designId }))
    .output(z.array(revisionSummarySchema))
    .query(({ ctx, input }) => listRevisions(ctx.db, input.id)),

  restore: editorProcedure
    .input(z.strictObject({ id: designId, revision }))
    .output(storedDesignSchema)
    .mutation(({ ctx, input }) => restoreRevision(ctx.db, input.id, input.revision)),
});

/** Asks for the plan of a revision just written (server/plans/after-save.ts): once the design's saves pause. */
function queuePlan(ctx: Context, designId: string, document: Parameters<typeof toPrepared>[0]): Promise<void> {
  return ctx.plans ? queuePlanAfterSave(ctx.db, ctx.plans, designId, toPrepared(document)) : Promise.resolve();
}

/** A blank canvas still needs one component (a design has 1..2000): a single service to start from. */
export function blankDesign(name: string) {
  return designSchema.parse({
    format: 'tidemark.design',
    version: 1,
    name,
    components: [{ id: 'service', name: 'Service', kind: 'service', demand: { cpuMs: 20 } }],
    connections: [],
    layout: { service: { x: 0, y: 0 } },
  });
}
