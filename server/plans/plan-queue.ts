/**
 * The process's plan queue, started once (globalThis, shared by Next.js's separately bundled routes):
 * on SQLite the in-app runner (local-runner.ts), on PostgreSQL a pg-boss sender (pg-boss-queue.ts)
 * whose jobs `npm run worker` processes take. A failed start is not cached: the next call tries again.
 */
import { getDb, isPostgresUrl } from '../../db/client';
import { startLocalRunner, type PlanQueue } from './local-runner';
import { PgBossPlanQueue, startBoss } from './pg-boss-queue';

const QUEUE = Symbol.for('tidemark.planQueue');
type WithQueue = typeof globalThis & { [QUEUE]?: Promise<PlanQueue> };

async function startQueue(): Promise<PlanQueue> {
  const url = process.env.DATABASE_URL;
  if (isPostgresUrl(url)) return new PgBossPlanQueue(await startBoss(url!.trim()));
  return startLocalRunner(await getDb());
}

export function getPlanQueue(): Promise<PlanQueue> {
  const g = globalThis as WithQueue;
  g[QUEUE] ??= startQueue();
  g[QUEUE].catch(() => (g[QUEUE] = undefined));
  return g[QUEUE];
}
