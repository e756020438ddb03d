/**
 * The tRPC endpoint. server/http/trpc-gate.ts decides first (batch size, who may call, body limits,
 * nesting, the validation pool); a refusal is thrown from createContext so the client gets an
 * ordinary tRPC error. No answer is cached anywhere (Cache-Control: no-store).
 */
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getDb } from '@/db/client';
import { requestEditorAccess } from '@/server/auth/editor-access';
import { clientAddress } from '@/server/auth/request-info';
import { getPlanQueue } from '@/server/plans/plan-queue';
import { admitTrpcRequest, refusedRequest, TRPC_ENDPOINT, type Procedures } from '@/server/http/trpc-gate';
import { appRouter } from '@/server/root';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function handler(req: Request) {
  const db = await getDb();
  const access = await requestEditorAccess(req.headers, db);
  const admitted = await admitTrpcRequest(req, {
    procedures: appRouter._def.procedures as unknown as Procedures,
    access,
    address: clientAddress(req.headers),
  });
  const res = await fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    // A refused call is answered without its body: tRPC only needs the paths.
    req: admitted.ok ? admitted.request : refusedRequest(req),
    router: appRouter,
    createContext: async () => {
      if (!admitted.ok) throw admitted.error;
      // Without a queue (it failed to start, said in the log) everything but planning still works.
      const plans = await getPlanQueue().catch((error: Error) => {
        console.error('The plan queue did not start:', error.message);
        return undefined;
      });
      return { db, access, plans };
    },
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'} failed:`, error.message);
    },
  });
  res.headers.set('cache-control', 'no-store');
  if (!admitted.ok && admitted.retryAfterSeconds) res.headers.set('retry-after', String(admitted.retryAfterSeconds));
  return res;
}

export { handler as GET, handler as POST };
