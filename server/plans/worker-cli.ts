/**
 * `npm run worker`: one plan worker process for PostgreSQL (DATABASE_URL=postgres://…). Start as
 * many as you like, on any machines that reach the database: pg-boss hands each job to one of them,
 * and a job whose worker dies is retried by another once it times out
 * (TIDEMARK_PLAN_JOB_TIMEOUT_SECONDS). Each worker plans one design at a time, on its own thread.
 * On SQLite the app computes plans itself (a worker-thread pool) and this command says so.
 * SIGTERM or SIGINT: stop taking jobs, finish the one under way (its lease and pg-boss keep it
 * otherwise), close.
 */
import { describeDatabase, isPostgresUrl, openDatabase } from '../../db/client';
import { computePlan } from './compute-plan';
import { startBoss, workPlans } from './pg-boss-queue';
import { THIS_WORKER } from './plan-jobs';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!isPostgresUrl(url)) {
    console.error(
      'npm run worker is for PostgreSQL (DATABASE_URL=postgres://…). On SQLite, the app computes plans itself.',
    );
    process.exitCode = 2;
    return;
  }
  const db = await openDatabase(url, { poolSize: 3 });
  const boss = await startBoss(url!.trim(), { supervise: true });
  await workPlans(boss, db, computePlan);
  console.log(`plan worker ${THIS_WORKER} working on ${describeDatabase(url)}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    await db.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());
}

main().catch((error: unknown) => {
  // The message only: a connection error can carry the URL, and with it a password.
  console.error(`plan worker on ${describeDatabase()}: ${(error as Error).message}`);
  process.exitCode = 1;
});
