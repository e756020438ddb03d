/**
 * What would change a decision (issue 16), on screen: the selected component's "What would change
 * this?" searches in a worker of its own and answers in sentences, with the cost range over draws of
 * a random load; an edit marks the answer out of date. Each sentence's truth is the engine tests'
 * (core/plan/tipping-points.test.ts re-plans every point just before and beyond it).
 */
import { readFileSync } from 'node:fs';
import { planSchema } from '../core/model';
import { exportAs } from './export-menu';
import { createExample, expect, test } from './fixtures';

test('a component’s tipping points read as sentences, with its cost range; an edit makes them stale', async ({
  page,
  editor,
  request,
}) => {
  await page.goto(`/designs/${await createExample(request, 'cloud-bursting')}`);
  await editor.waitSimulated();
  await editor.select('web');
  const panel = page.getByTestId('what-would-change');
  await panel.getByTestId('search-tipping-points').click();
  await expect(panel.getByRole('status')).toContainText('Searching');
  const points = panel.getByTestId('tipping-point');
  await expect(points.first()).toBeVisible({ timeout: 60_000 });
  // The web front bursts today; its base load just below today's sends it back to the data centre.
  await expect(points.first()).toHaveText(/^Web shop stays bursting until its .+; then the data centre\.$/);
  await expect(panel.getByTestId('cost-ranges')).toContainText(
    'Over 20 draws of its random load: the same placement every time',
  );
  await expect(panel.getByTestId('cost-ranges').locator('tbody tr')).toHaveCount(4);
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/insight-web.png' });

  // An edit that changes the plan: the answer is out of date.
  await page.getByLabel('CPU time (ms)').fill('30');
  await page.getByLabel('CPU time (ms)').press('Tab');
  await expect(panel).toContainText('The design has changed since');
  await expect(panel.getByTestId('search-tipping-points')).toHaveText('Search again');
});

test('the exported plan carries the tipping points searched while they hold, and none after an edit', async ({
  page,
  editor,
  request,
}) => {
  test.setTimeout(180_000);
  await page.goto(`/designs/${await createExample(request, 'cloud-bursting')}`);
  await editor.waitSimulated();
  const exported = async (name: string) =>
    planSchema.parse(JSON.parse(readFileSync((await exportAs(page, 'Plan (JSON)', name)).path, 'utf8')));
  // Not searched: the plan says so by carrying no tipping points (the plan schema's "absent: not searched").
  const before = await exported('unsearched-');
  expect(before.placements.every((p) => p.tippingPoints === undefined)).toBe(true);

  await editor.select('web');
  const panel = page.getByTestId('what-would-change');
  await panel.getByTestId('search-tipping-points').click();
  const points = panel.getByTestId('tipping-point');
  await expect(points.first()).toBeVisible({ timeout: 60_000 });
  const shown = await points.count();
  // Another component selected and this one again: the answer is still there.
  await editor.select('catalog');
  await expect(page.getByTestId('what-would-change')).not.toContainText('Web shop stays');
  await editor.select('web');
  await expect(panel.getByTestId('tipping-point')).toHaveCount(shown);
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/insight-kept.png' });

  // Exported: the web tier's points, as the panel lists them; the components never searched carry none.
  const searched = await exported('searched-');
  const web = searched.placements.find((p) => p.componentId === 'web');
  expect(web?.tippingPoints).toHaveLength(shown);
  expect(web?.tippingPoints?.[0]?.to).toBe('static');
  expect(web?.ranges?.seeds).toBe(20);
  // Everything else is the plan as it was.
  const others = (plan: typeof before) => plan.placements.filter((p) => p.componentId !== 'web');
  expect(others(searched)).toEqual(others(before));
  expect({ ...searched, placements: [] }).toEqual({ ...before, placements: [] });

  // An edit that changes the plan: the points no longer hold, and the export leaves them out.
  await page.getByLabel('CPU time (ms)').fill('30');
  await page.getByLabel('CPU time (ms)').press('Tab');
  await expect(panel).toContainText('The design has changed since');
  await editor.waitSaved();
  const edited = await exported('edited-');
  expect(edited.placements.every((p) => p.tippingPoints === undefined && p.ranges === undefined)).toBe(true);
});

test('the Decision tab gives the recommended total as a range over draws of the random load', async ({
  page,
  editor,
  request,
}) => {
  await page.goto(`/designs/${await createExample(request, 'hybrid-serverless')}`);
  await editor.waitSimulated();
  const range = page.getByTestId('total-range');
  await range.getByTestId('search-total-range').click();
  // The upload API's spikes fall elsewhere with each draw: the month's cost spreads.
  await expect(range.getByTestId('total-range-figure')).toHaveText(
    /^Over 20 draws of the random load: \$[\d,.]+–\$[\d,.]+ \(median \$[\d,.]+\) a month \(P10–P90\); /,
    { timeout: 60_000 },
  );
  await page.screenshot({ path: 'test-results/screens/insight-total.png' });
});
