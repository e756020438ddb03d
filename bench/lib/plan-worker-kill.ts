/**
 * bench:load's plan-worker fault (issue 15): two `npm run worker` processes on a fresh PostgreSQL
 * database; one large design submitted; the worker that takes it is SIGKILLed mid-job; the other
 * must finish it once pg-boss times the job out. Reports how long each stage took and whether the
 * stored plan is the engine's, byte for byte (computed again here, in this process). Every wait is
 * bounded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { designSchema } from '../../core/model';
import { openDatabase } from '../../db/client';
import { createDatabase } from '../../scripts/postgres.mjs';
import { env, root } from '../../scripts/lib.mjs';
import { computePlan } from '../../server/plans/compute-plan';
import { PgBossPlanQueue, startBoss } from '../../server/plans/pg-boss-queue';
import { submitPlan } from '../../server/plans/plan-service';
import { generateBenchDesign } from '../generate-bench-design';
import { sleep } from './bench-server';

const MAINTENANCE_SECONDS = 2;

function startWorker(url: string, timeoutSeconds: number): Promise<ChildProcess> {
  // `npm run worker`'s program in one process (node with tsx's loader), so the pid it records is the one killed.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/plans/worker-cli.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...env,
      DATABASE_URL: url,
      TIDEMARK_PLAN_JOB_TIMEOUT_SECONDS: String(timeoutSeconds),
      TIDEMARK_PLAN_MAINTENANCE_SECONDS: String(MAINTENANCE_SECONDS),
    },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('a plan worker did not start within 60 s')), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('working on')) return;
      clearTimeout(timer);
      resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`a plan worker exited (${code}) before it started`)));
  });
}

export interface WorkerKillResult {
  lines: string[];
  failed: boolean;
}

export async function killPlanWorkerMidJob(serverUrl: string, components = 200): Promise<WorkerKillResult> {
  const url = await createDatabase(serverUrl, 'tidemark_bench_plans');
  const db = await openDatabase(url, { poolSize: 2 });
  const design = designSchema.parse(generateBenchDesign(components, Math.round(components * 1.5), 1));
  const json = JSON.stringify(design);

  // The reference: the engine here, in this process. It also sets the job timeout: three times that.
  const refStarted = performance.now();
  const reference = await computePlan(json);
  const refSeconds = (performance.now() - refStarted) / 1000;
  const timeoutSeconds = Math.max(10, Math.ceil(3 * refSeconds));
  process.env.TIDEMARK_PLAN_JOB_TIMEOUT_SECONDS = String(timeoutSeconds);

  const workers = [await startWorker(url, timeoutSeconds), await startWorker(url, timeoutSeconds)];
  const boss = await startBoss(url);
  const { plans } = db.tables;
  const row = async () =>
    (
      await db.orm
        .select({ status: plans.status, worker: plans.worker, attempts: plans.attempts, plan: plans.plan })
        .from(plans)
        .where(eq(plans.id, job.id))
    )[0];
  const submitted = performance.now();
  const job = await submitPlan(db, new PgBossPlanQueue(boss), design, json);
  try {
    // Wait until a worker holds it, then give it half the reference time and kill it.
    let held = await row();
    for (let i = 0; i < 600 && held?.status !== 'running'; i++) {
      await sleep(100);
      held = await row();
    }
    const taken = performance.now();
    const pid = Number(held?.worker?.split(':')[1]);
    const victim = workers.find((w) => w.pid === pid);
    if (!victim) throw new Error(`no worker process holds the job (worker ${held?.worker ?? 'none'})`);
    await sleep(Math.max(500, (refSeconds * 1000) / 2));
    victim.kill('SIGKILL');
    const killed = performance.now();
    const firstWorker = held?.worker;

    let retaken = NaN;
    let done = await row();
    const deadline = Date.now() + (timeoutSeconds + 10 * refSeconds + 60) * 1000;
    while (done?.status !== 'done' && done?.status !== 'failed' && Date.now() < deadline) {
      await sleep(100);
      done = await row();
      if (Number.isNaN(retaken) && done?.worker && done.worker !== firstWorker) retaken = performance.now();
    }
    const finished = performance.now();
    const isEqual = done?.plan === reference.plan;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const lines = [
      `| plan worker SIGKILLed mid-job (${components} components, 2 workers) | seconds |`,
      '|---|---|',
      `| the plan in this process (reference) | ${refSeconds.toFixed(1)} |`,
      `| job timeout (TIDEMARK_PLAN_JOB_TIMEOUT_SECONDS = 3 × reference, ≥ 10) | ${timeoutSeconds} |`,
      `| submitted → a worker holds it | ${s(taken - submitted)} |`,
      `| held → SIGKILL | ${s(killed - taken)} |`,
      `| SIGKILL → the other worker holds it | ${Number.isNaN(retaken) ? 'never' : s(retaken - killed)} |`,
      `| SIGKILL → plan stored | ${s(finished - killed)} |`,
      '',
      `job ${done?.status ?? 'missing'} after ${done?.attempts ?? 0} attempts; stored plan equal to the engine's, byte for byte: ${isEqual ? 'yes' : 'NO'}`,
    ];
    return { lines, failed: done?.status !== 'done' || !isEqual || Number.isNaN(retaken) };
  } finally {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGTERM');
    await boss.stop({ graceful: false });
    await db.close();
  }
}
