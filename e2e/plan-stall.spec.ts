/**
 * A plan worker that stops answering mid-run (a loop in the engine) does not leave the editor
 * "Simulating…" for good: after STALL_TICKS seconds of silence the page ends both workers, starts
 * fresh ones, says what happened, keeps the design and the last plan, and the next edit plans again.
 * The test makes the worker deaf from the page's side: a wrapper around `Worker` drops the plan
 * requests while `__deafPlans` is set (the real worker never hears of the run, as a hung one would
 * not answer it), and the page's clock is run forward instead of waiting half a minute.
 */
import { STALL_TICKS } from '../components/editor/stall-watch';
import { createExample, expect, test } from './fixtures';

test('a plan worker that stops answering is ended and replaced, and the next edit plans', async ({
  page,
  editor,
  request,
}) => {
  test.setTimeout(90_000);
  await page.addInitScript(() => {
    const Real = window.Worker;
    const w = window as unknown as { __deafPlans: boolean; __planWorkers: number };
    w.__deafPlans = false;
    w.__planWorkers = 0;
    window.Worker = class extends Real {
      private readonly isPlan: boolean;
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.isPlan = options?.name === 'tidemark-plan';
        if (this.isPlan) w.__planWorkers += 1;
      }
      override postMessage(message: unknown, transfer?: unknown): void {
        const type = (message as { type?: string } | null)?.type;
        if (this.isPlan && w.__deafPlans && (type === 'run' || type === 'cancel')) return;
        super.postMessage(message, transfer as Transferable[]);
      }
    };
  });
  await page.clock.install();
  await page.goto(`/designs/${await createExample(request, 'cloud-bursting')}`);
  await editor.waitSimulated();
  expect(await page.evaluate(() => (window as unknown as { __planWorkers: number }).__planWorkers)).toBe(1);

  await editor.select('cart');
  const side = page.getByRole('complementary', { name: 'Details' });
  const cost = side.getByTestId('component-cost');
  await expect(cost).toHaveText(/\$/);
  const before = (await cost.textContent()) ?? '';

  // The edit's run goes unanswered.
  await page.evaluate(() => ((window as unknown as { __deafPlans: boolean }).__deafPlans = true));
  await page.getByLabel('CPU time (ms)').fill('90');
  await page.getByLabel('CPU time (ms)').press('Tab');
  const status = page.getByRole('status').filter({ hasText: /Simulating/ });
  await expect(status).toBeVisible();
  // Not given up early: one tick short of the limit it is still waiting.
  await page.clock.runFor((STALL_TICKS - 2) * 1000);
  await expect(status).toBeVisible();
  await page.clock.runFor(3000);
  const alert = page.getByRole('alert').filter({ hasText: 'Planning stopped answering' });
  await expect(alert).toContainText(`${STALL_TICKS} s`);
  await expect(alert).toContainText('edit the design to plan it again');
  // It says the results shown are older only because there are some (a first plan that stalls has none).
  await expect(alert).toContainText('The results shown are from the last plan that finished');
  // The last plan is still shown, the edit is still in the form, and fresh workers were started.
  await expect(cost).toHaveText(before);
  await expect(page.getByLabel('CPU time (ms)')).toHaveValue('90');
  expect(await page.evaluate(() => (window as unknown as { __planWorkers: number }).__planWorkers)).toBe(2);
  await alert.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/plan-stalled.png' });

  // The next edit plans on the new workers.
  await page.evaluate(() => ((window as unknown as { __deafPlans: boolean }).__deafPlans = false));
  await page.getByLabel('CPU time (ms)').fill('120');
  await page.getByLabel('CPU time (ms)').press('Tab');
  await expect(page.getByRole('status').filter({ hasText: 'Updated in' })).toBeVisible({ timeout: 30_000 });
  await expect(alert).toHaveCount(0);
  await expect(cost).not.toHaveText(before);
});
