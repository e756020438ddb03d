/**
 * tRPC context, procedures and error formatting. Domain errors (services/errors.ts) become tRPC
 * codes here, with their details in `error.data`: `problems` (path + message, for invalid input)
 * and `conflict` (for a stale save, carrying the refused document back).
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { problemsOf, type Problem } from '../core/model';
import type { Db } from '../db/client';
import type { PlanQueue } from './plans/local-runner';
import { requestEditorAccess, type EditorAccess } from './auth/editor-access';
import { BudgetError, ConflictError, NotFoundError, ProblemsError } from './services/errors';

export interface Context {
  db: Db;
  /**
   * Whether this request may edit, from its session cookie (app/api/trpc). A context without it
   * (a server-side caller) is judged as a request without a cookie: refused in password mode.
   */
  access?: EditorAccess;
  /**
   * Where plan jobs go (server/plans/plan-queue.ts). Without it (a server-side caller that does not
   * plan), saves queue no plan and a missing plan is not asked for.
   */
  plans?: PlanQueue;
}

/**
 * What the HTTP route (app/api/trpc, server/http/trpc-gate.ts) needs to know about a procedure before
 * it reads the request body.
 */
export interface ProcedureMeta {
  /** `public`: callable without a session (a share link's token is its credential). Default `editor`. */
  access?: 'editor' | 'public';
  /**
   * Its input may carry a whole design document (up to 10 MB). Such calls are never batched, and a
   * large body is parsed and validated in the validation pool, off the thread that answers everyone.
   */
  carriesDocument?: boolean;
  /**
   * A page preloads this call (components/trpc/preloaded.ts), so the client sends it alone, at the URL
   * the page named. The server still answers it in a batch.
   */
  preloaded?: boolean;
  /** A per-address budget the call takes from before its body is read (plans.submit: plan-submit-limit.ts). */
  rateLimit?: 'plan-submit';
}

export interface ConflictData {
  designId: string;
  baseRevision: number;
  latestRevision: number;
  yourDocument: unknown;
}

/** Paths inside a procedure's `document` input are reported as paths of the document itself. */
function documentProblems(problems: Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, path: p.path.replace(/^document(?:\.|(?=\[)|$)/, '') }));
}

function problemsFromCause(cause: unknown): Problem[] | undefined {
  if (cause instanceof ZodError) return documentProblems(problemsOf(cause));
  if (cause instanceof ProblemsError) return [...cause.problems];
  return undefined;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error }) {
      const problems = problemsFromCause(error.cause);
      const conflict: ConflictData | undefined =
        error.cause instanceof ConflictError
          ? {
              designId: error.cause.designId,
              baseRevision: error.cause.baseRevision,
              latestRevision: error.cause.latestRevision,
              yourDocument: error.cause.yourDocument,
            }
          : undefined;
      const message = problems
        ? `Invalid input: ${problems
            .slice(0, 5)
            .map((p) => `${p.path || '(input)'}: ${p.message}`)
            .join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`
        : shape.message;
      // Never send stack traces to the browser.
      const { stack: _stack, ...data } = shape.data;
      return { ...shape, message, data: { ...data, problems, conflict } };
    },
  });

/** Maps domain errors thrown by services to tRPC errors with the right code. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof NotFoundError) throw new TRPCError({ code: 'NOT_FOUND', message: cause.message, cause });
    if (cause instanceof ConflictError) throw new TRPCError({ code: 'CONFLICT', message: cause.message, cause });
    if (cause instanceof ProblemsError) throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
    if (cause instanceof BudgetError) throw new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(domainErrors);
export const SIGN_IN_REQUIRED = 'Sign in to edit: this Tidemark is protected by a password (TIDEMARK_PASSWORD).';

/**
 * Everything an editor does: the designs list, a design's document and every mutation. Anyone who
 * reaches the app may edit unless TIDEMARK_PASSWORD is set; then only a signed-in session may.
 * Share-link views use publicProcedure with their token instead, and never reach these.
 */
export const editorProcedure = publicProcedure.use(async ({ ctx, next }) => {
  await assertEditor(ctx);
  return next();
});

/** Refuses a caller who may not edit, as editorProcedure does (for a public procedure's editor-only forms). */
export async function assertEditor(ctx: Context): Promise<void> {
  const access = ctx.access ?? (await requestEditorAccess(new Headers(), ctx.db));
  if (access.isPasswordMode && !access.isSignedIn)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: SIGN_IN_REQUIRED });
}
