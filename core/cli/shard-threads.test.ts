/**
 * Worker threads for a split plan (shard-threads.ts), with shard-thread.ts bundled as the server's
 * workers are (scripts/build-workers.mjs): the plan is buildPlan's, byte for byte; a thread that dies
 * fails its part at once (the caller simulates it instead), and later parts too, rather than waiting.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_DESIGNS } from '../examples/index';
import { validateDesign } from '../model/validate';
import { buildPlan } from '../plan/build-plan';
import { buildPlanSharded } from '../plan/plan-sharded';
import { startShardThreads } from './shard-threads';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tidemark-shard-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function example(key: string) {
  const found = EXAMPLE_DESIGNS.find((e) => e.key === key);
  const checked = found && validateDesign(found.design);
  if (!checked?.ok) throw new Error(`no valid example ${key}`);
  return checked.value;
}

describe('shard threads', () => {
  it('a plan split with a worker thread is the plan of one thread', async () => {
    const { buildWorkers } = await import('../../scripts/build-workers.mjs');
    const file = buildWorkers(dir)['plan-shard'] as string;
    const threads = startShardThreads(1, file);
    try {
      for (const key of ['hybrid-backend', 'cloud-bursting']) {
        const design = example(key);
        const split = await buildPlanSharded(design, threads.runners);
        expect(JSON.stringify(split.plan)).toBe(JSON.stringify(buildPlan(design).plan));
      }
    } finally {
      await threads.close();
    }
  }, 60_000);

  it('a thread that dies fails its parts at once, and the plan is still made', async () => {
    const file = path.join(dir, 'dies.mjs');
    writeFileSync(
      file,
      "import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => process.exit(3));\n",
    );
    const threads = startShardThreads(1, file);
    const runner = threads.runners[0];
    if (!runner) throw new Error('no runner');
    const design = example('hybrid-serverless');
    try {
      await expect(runner(design, { index: 1, count: 2 }, 720)).rejects.toThrow(/exited with code 3/);
      await expect(runner(design, { index: 1, count: 2 }, 720)).rejects.toThrow(/exited with code 3/);
      const split = await buildPlanSharded(design, threads.runners);
      expect(JSON.stringify(split.plan)).toBe(JSON.stringify(buildPlan(design).plan));
    } finally {
      await threads.close();
    }
  }, 60_000);
});
