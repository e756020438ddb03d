/**
 * The editor's plan runs on two threads when the machine has two cores (plan-worker.ts and its
 * second thread, plan-shard-worker.ts; core/plan/plan-sharded.ts): the plan it shows and exports is
 * the plan the engine makes on one thread in Node, the first one and the one after an edit (each
 * thread keeps its own runs between them), and after the worker has rehearsed made-up edits.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { loadDesign } from '../core/model';
import loadHighs from 'highs';
import { buildPlan, highsMipSolver, registerMipSolver } from '../core/plan';
import { exportAs } from './export-menu';
import { createExample, expect, test } from './fixtures';

async function exported(page: Page, item: string): Promise<unknown> {
  const { path } = await exportAs(page, item, 'threads-');
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

/** The exported design planned here, on one thread, with HiGHS as the browser has it. */
async function planHere(design: unknown): Promise<unknown> {
  const highs = await loadHighs();
  registerMipSolver(highsMipSolver(highs));
  const loaded = loadDesign(design);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return JSON.parse(JSON.stringify(buildPlan(loaded.value).plan)) as unknown;
}

test('a plan split between two threads is the plan of one, before and after an edit', async ({
  page,
  editor,
  request,
}) => {
  test.setTimeout(120_000);
  await page.goto(`/designs/${await createExample(request, 'cloud-bursting')}`);
  await editor.waitSimulated();
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  // The plan worker and its second thread (this machine and CI have two cores).
  if (cores > 1) expect(page.workers().length).toBeGreaterThanOrEqual(2);

  expect(await exported(page, 'Plan (JSON)')).toEqual(await planHere(await exported(page, 'Design (JSON)')));

  // An edit: each thread re-simulates what it holds of the change, and the plan is still the one-thread plan.
  await editor.select('cart');
  const cost = page.getByRole('complementary', { name: 'Details' }).getByTestId('component-cost');
  await expect(cost).toHaveText(/\$/);
  const was = (await cost.textContent()) ?? '';
  await page.getByLabel('CPU time (ms)').fill('90');
  await page.getByLabel('CPU time (ms)').press('Tab');
  await expect(cost).not.toHaveText(was);
  expect(await exported(page, 'Plan (JSON)')).toEqual(await planHere(await exported(page, 'Design (JSON)')));

  // While a component stays selected, the plan worker warms its code with made-up edits and their
  // undos through the same kept runs (plan-worker.ts, its rehearsals): the next edit's plan is still
  // the one-thread plan, and what shows is the author's design, not a made-up one.
  await page.waitForTimeout(3000);
  const now = (await cost.textContent()) ?? '';
  await page.getByLabel('CPU time (ms)').fill('140');
  await page.getByLabel('CPU time (ms)').press('Tab');
  await expect(cost).not.toHaveText(now);
  const design = (await exported(page, 'Design (JSON)')) as { components: { id: string; demand: { cpuMs: number } }[] };
  expect(design.components.find((c) => c.id === 'cart')?.demand.cpuMs).toBe(140);
  expect(await exported(page, 'Plan (JSON)')).toEqual(await planHere(design));
});
