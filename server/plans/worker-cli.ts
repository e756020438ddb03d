/**
 * `npm run worker`: one plan worker process for PostgreSQL (DATABASE_URL=postgres://…). Start as
 * many as you like, on any machines that reach the database: pg-boss hands each job to one of them,
 * and a job whose worker dies is retried by another once it times out
 * (TIDEMARK_PLAN_JOB_TIMEOUT_SECONDS). Each worker plans one design at a time, on a thread of its own
 * (the app's plan pool, createPlanPool): a job past the timeout is stopped there and fails with that
 * said, so a design that never finishes planning cannot hold the worker — nor, delivered again, the
 * next one — for good. On SQLite the app computes plans itself (the same pool) and this command says so.
 * SIGTERM or SIGINT: stop taking jobs, finish the one under way (its lease and pg-boss keep it
 * otherwise), close.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describeDatabase, isPostgresUrl, openDatabase } from '../../db/client';
import { buildWorkers, workersDir } from '../../scripts/build-workers.mjs';
import { jobTimeoutSeconds } from './job-timeout';
import { createPlanPool } from './local-runner';
import { startBoss, workPlans } from './pg-boss-queue';
import { hasEnded, THIS_WORKER } from './plan-jobs';

/**
 * The plan thread bundled from this checkout's source (as tsx runs this command), in a directory of
 * this process's own beside the app's workers: inside the project, so the bundle finds `highs` in
 * node_modules; per process, so workers started together do not write over each other's files.
 */
function bundlePlanThread(): { file: string; remove: () => void } {
  const parent = path.join(path.dirname(workersDir()), 'tidemark-worker-cli');
  // A worker killed outright (SIGKILL) leaves its directory: those of processes gone are removed.
  for (const name of existsSync(parent) ? readdirSync(parent) : []) {
    if (/^\d+$/.test(name) && hasEnded(Number(name))) rmSync(path.join(parent, name), { recursive: true, force: true });
  }
  const dir = path.join(parent, String(process.pid));
  mkdirSync(dir, { recursive: true });
  const file = buildWorkers(dir).plan;
  if (!file) throw new Error('scripts/build-workers.mjs no longer builds the plan thread');
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!isPostgresUrl(url)) {
    console.error(
      'npm run worker is for PostgreSQL (DATABASE_URL=postgres://…). On SQLite, the app computes plans itself.',
    );
    process.exitCode = 2;
    return;
  }
  const thread = bundlePlanThread();
  const { pool, run } = createPlanPool(thread.file, 1);
  const db = await openDatabase(url, { poolSize: 3 });
  const boss = await startBoss(url!.trim(), { supervise: true });
  await workPlans(boss, db, run);
  console.log(
    `plan worker ${THIS_WORKER} working on ${describeDatabase(url)}, a job stopped after ${jobTimeoutSeconds()} s`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    await pool.destroy();
    thread.remove();
    await db.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());
}

main().catch((error: unknown) => {
  // The message only: a connection error can carry the URL, and with it a password.
  console.error(`plan worker on ${describeDatabase()}: ${(error as Error).message}`);
  process.exitCode = 1;
});
