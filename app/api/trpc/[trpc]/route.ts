import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getDb } from '@/db/client';
import { requestEditorAccess } from '@/server/auth/editor-access';
import { seedExamples } from '@/db/seed';
import { describeTooLarge, limitBody } from '@/server/http/limit-body';
import { appRouter } from '@/server/root';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

let seeded = false;

async function handler(req: Request) {
  const limited = await limitBody(req);
  const db = getDb();
  if (!seeded) {
    seedExamples(db);
    seeded = true;
  }
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: limited.ok ? limited.request : new Request(req.url, { method: req.method, headers: req.headers, body: '{}' }),
    router: appRouter,
    createContext: () => {
      // Refused here, inside tRPC, so the client gets an ordinary tRPC error it can show.
      if (!limited.ok) throw new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: describeTooLarge(limited.bytes) });
      return { db, access: requestEditorAccess(req.headers) };
    },
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'} failed:`, error.message);
    },
  });
}

export { handler as GET, handler as POST };
