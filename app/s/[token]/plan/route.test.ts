/**
 * The share page's plan: what the link shows, computed once on the server and sent as stored; the
 * page's wait is bounded; refusals are the same 404 as the document's. On PostgreSQL a worker (as
 * `npm run worker` runs) takes the job; on SQLite the app's own runner does.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { designSchema } from '@/core/model';
import { getDb } from '@/db/client';
import { testDatabaseUrl, testDialect } from '@/db/testing';
import { computePlan } from '@/server/plans/compute-plan';
import { startBoss, workPlans } from '@/server/plans/pg-boss-queue';
import { createDesign } from '@/server/services/design-store';
import { createShareLink, revokeShareLink } from '@/server/services/share-links';
import { designOf } from '@/server/testing';

const url = await testDatabaseUrl();
vi.stubEnv('DATABASE_URL', url);
const { GET } = await import('./route');
const { getPlanQueue } = await import('@/server/plans/plan-queue');

const worker = testDialect === 'postgres' ? await startBoss(url, { supervise: true }) : undefined;
if (worker) await workPlans(worker, await getDb(), computePlan);
afterAll(async () => {
  await worker?.stop({ graceful: false });
  await (await getPlanQueue()).close();
});

const get = (token: string, query = '') =>
  GET(new Request(`http://127.0.0.1:3000/s/${token}/plan${query}`), { params: Promise.resolve({ token }) });

interface Answer {
  status: string;
  revision: number;
  plan?: unknown;
  series?: unknown;
}

describe('a shared plan', () => {
  it('is computed once on the server and sent as stored, with its series', { timeout: 60_000 }, async () => {
    const db = await getDb();
    const design = designSchema.parse(designOf('Shared plan route', 2));
    const { id } = await createDesign(db, design);
    const { token, link } = await createShareLink(db, { designId: id, revision: null, expiresAt: null });
    // The first ask finds no plan and queues it; waiting asks come back once it is done.
    let answer: Answer = { status: 'queued', revision: 1 };
    for (let i = 0; i < 8 && answer.status !== 'done'; i += 1) {
      const res = await get(token, '?revision=1&wait=1');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      answer = (await res.json()) as Answer;
    }
    expect(answer).toMatchObject({ status: 'done', revision: 1 });
    const computed = await computePlan(JSON.stringify(design));
    expect(JSON.stringify(answer.plan)).toBe(computed.plan);
    expect(JSON.stringify(answer.series)).toBe(computed.series);
    expect(await db.orm.select({ id: db.tables.plans.id }).from(db.tables.plans)).toHaveLength(1);
    // Another revision than the link shows, a revoked link, an overlong token: the same 404.
    expect((await get(token, '?revision=2')).status).toBe(404);
    await revokeShareLink(db, id, link.id);
    expect((await get(token, '?revision=1')).status).toBe(404);
    expect((await get('x'.repeat(300))).status).toBe(404);
  });
});
