/**
 * A stored plan is the browser's plan: the job (inline and in the pool's worker thread, as the app
 * runs it) gives, for the same document, the very bytes the editor's plan worker makes — its path
 * (validateDesign, buildPlanAsync with a run memo, HiGHS registered) replayed here — and the very
 * floats of its chart series.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { EXAMPLE_DESIGNS } from '../../core/examples';
import { validateDesign } from '../../core/model';
import { buildPlanAsync, createRunMemo, ENGINE_VERSION } from '../../core/plan';
import { decodeSeries } from '../../components/share/series-codec';
import { buildWorkers } from '../../scripts/build-workers.mjs';
import { computePlan } from './compute-plan';
import { createPlanPool } from './local-runner';

/** What components/editor/plan-worker.ts does with a design it is sent. */
async function browserPlan(input: unknown) {
  const checked = validateDesign(input);
  if (!checked.ok) throw new Error('invalid');
  return buildPlanAsync(checked.value, { sliceMs: 20, memo: createRunMemo() });
}

// Inside the project (test-results/ is ignored), so the bundle finds `highs` in node_modules as the app's does.
mkdirSync(path.join(process.cwd(), 'test-results'), { recursive: true });
const built = buildWorkers(mkdtempSync(path.join(process.cwd(), 'test-results', 'workers-')));
const { pool, run } = createPlanPool(built.plan, 1);
afterAll(() => pool.destroy());

describe('a plan computed on the server', () => {
  it.each(EXAMPLE_DESIGNS.map((e) => e.key))('equals the browser’s plan of %s, byte for byte', async (key) => {
    const design = EXAMPLE_DESIGNS.find((e) => e.key === key)!.design;
    const json = JSON.stringify(design);
    const browser = await browserPlan(JSON.parse(json));
    const inThread = await run(json);
    const inline = await computePlan(json);
    expect(inThread.plan).toBe(JSON.stringify(browser.plan));
    expect(inline.plan).toBe(inThread.plan);
    expect(
      ENGINE_VERSION.startsWith(
        `${(JSON.parse(inThread.plan) as { generator: { version: string } }).generator.version}+`,
      ),
    ).toBe(true);
    // The series decode to the engine's own floats.
    const series = decodeSeries(inThread.series);
    expect(series.pointMinutes).toBe(browser.series.pointMinutes);
    expect(Object.keys(series.components)).toEqual(Object.keys(browser.series.components));
    for (const [id, options] of Object.entries(browser.series.components))
      for (const [placement, s] of Object.entries(options)) {
        const got = series.components[id]![placement as keyof typeof options];
        expect(got.demand).toEqual(s.demand);
        expect(got.latencyMs).toEqual(s.latencyMs);
        expect(got.sloMinutes).toEqual(s.sloMinutes);
        expect(got.dropped).toEqual(s.dropped);
        expect(got.capacity).toEqual(s.capacity);
      }
  });
});

describe('a plan job that runs too long', () => {
  it('is stopped at TIDEMARK_PLAN_JOB_TIMEOUT_SECONDS, its thread ended, and says so', async () => {
    // 200 components over 30 days at 1-minute steps plan in several seconds on this machine; the
    // limit is one. (Planning is a loop a design drives: one that never ended held its thread.)
    const { generateBenchDesign } = await import('../../bench/generate-bench-design');
    vi.stubEnv('TIDEMARK_PLAN_JOB_TIMEOUT_SECONDS', '1');
    const limited = createPlanPool(built.plan, 1);
    try {
      await expect(limited.run(JSON.stringify(generateBenchDesign(200, 300, 1)))).rejects.toThrow(
        'Planning this design took longer than 1 s and was stopped (TIDEMARK_PLAN_JOB_TIMEOUT_SECONDS).',
      );
      // The pool plans again afterwards, on a fresh thread.
      vi.stubEnv('TIDEMARK_PLAN_JOB_TIMEOUT_SECONDS', '600');
      const after = await limited.run(JSON.stringify(EXAMPLE_DESIGNS[0]!.design));
      expect((JSON.parse(after.plan) as { format: string }).format).toBe('tidemark.plan');
    } finally {
      vi.unstubAllEnvs();
      await limited.pool.destroy();
    }
  });
});
