/**
 * Re-planning after an edit: the plan worker keeps the runs of its earlier plans (core/plan/run-memo.ts)
 * and re-simulates only what the edit changed. The components it did not re-simulate keep their
 * charts (their series are the kept runs': the worker posts copies, never the kept buffers).
 */
import { createExample, expect, test } from './fixtures';

test('after an edit downstream, the components above it keep their month on the chart', async ({
  page,
  editor,
  request,
}) => {
  await page.goto(`/designs/${await createExample(request, 'cloud-bursting')}`);
  await editor.waitSimulated();
  const side = page.getByRole('complementary', { name: 'Details' });
  const line = side.locator('.res-chart .tm-chart-line').first();
  await editor.select('web');
  await expect(line).toHaveAttribute('d', /^M.{200,}/);

  // The cart's CPU time: the cart and the database below it are simulated again, the web front is not.
  await editor.select('cart');
  const cost = side.getByTestId('component-cost');
  await expect(cost).toHaveText(/\$/);
  const was = (await cost.textContent()) ?? '';
  await page.getByLabel('CPU time (ms)').fill('90');
  await page.getByLabel('CPU time (ms)').press('Tab');
  await expect(cost).not.toHaveText(was);

  // Its charts come from the kept runs of the first plan, and still hold the month.
  await editor.select('web');
  await expect(line).toHaveAttribute('d', /^M.{200,}/);
  await expect(side.getByTestId('component-cost')).toHaveText(/\$/);
  await page.screenshot({ path: 'test-results/screens/replan-web.png' });
});
