/**
 * The stored plan of what a share link shows (server/plans/), for the share page, which then never
 * runs the engine itself. Answers the job's state while it is queued or running; with `?wait=1` it
 * waits up to WAIT_MS for the job to finish first, so a page waiting for a plan asks a few times a
 * minute rather than every second. Once done, the body carries the plan's JSON and its chart series
 * as stored, never parsed again here. `?revision=` must name the revision the link shows now. Any
 * refusal is the same plain 404; views per address are limited in proxy.ts.
 */
import { getDb } from '@/db/client';
import { getPlanQueue } from '@/server/plans/plan-queue';
import { planForShare } from '@/server/plans/plan-service';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** How long `?wait=1` holds the request at most, looking every POLL_MS. */
const WAIT_MS = 15_000;
const POLL_MS = 500;

const notFound = () =>
  new Response('Not found.', { status: 404, headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });

export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (token.length > 256) return notFound();
  const url = new URL(req.url);
  const asked = url.searchParams.get('revision');
  const deadline = Date.now() + (url.searchParams.get('wait') === '1' ? WAIT_MS : 0);
  const db = await getDb();
  const queue = await getPlanQueue().catch(() => undefined);
  let stored: Awaited<ReturnType<typeof planForShare>>;
  for (;;) {
    try {
      stored = await planForShare(db, queue, token);
    } catch {
      return notFound();
    }
    if (asked !== null && asked !== String(stored.revision)) return notFound();
    const finished = stored.status === 'done' || stored.status === 'failed';
    if (finished || Date.now() + POLL_MS > deadline || req.signal.aborted) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const head = JSON.stringify({
    status: stored.status,
    error: stored.error,
    revision: stored.revision,
    engineVersion: stored.engineVersion,
    designHash: stored.designHash,
  });
  const body =
    stored.status === 'done' && stored.plan !== null && stored.series !== null
      ? `${head.slice(0, -1)},"plan":${stored.plan},"series":${stored.series}}`
      : head;
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}
