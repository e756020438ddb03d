/**
 * An automated accessibility check (axe-core) of the three pages a person meets: the designs list,
 * the editor (with a plan, a component selected, in both themes) and a share page. No serious or
 * critical violation; the findings are printed so a failure says what and where.
 */
import { seriousViolations } from './axe';
import { createExample, expect, test } from './fixtures';

test('the designs list has no serious or critical accessibility violations', async ({ page, designs }) => {
  await designs.open();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the editor has none, in light and dark, with a component selected', async ({ page, editor, request }) => {
  test.setTimeout(120_000);
  await page.goto(`/designs/${await createExample(request, 'cloud-bursting')}`);
  await editor.waitSimulated();
  expect(await seriousViolations(page)).toEqual([]);
  await editor.select('catalog');
  await expect(page.locator('.tm-chart svg').first()).toBeVisible();
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => {
      document.documentElement.dataset.theme = t;
    }, theme);
    expect(await seriousViolations(page), theme).toEqual([]);
  }
});

test('a share page has none', async ({ page, request }) => {
  const id = await createExample(request, 'hybrid-backend');
  const link = await request.post('/api/trpc/shares.create', { data: { designId: id } });
  expect(link.ok()).toBe(true);
  const { token } = ((await link.json()) as { result: { data: { token: string } } }).result.data;
  await page.goto(`/s/${token}`);
  await expect(page.locator('[data-testid^="placement-"]').first()).toBeVisible({ timeout: 20_000 });
  expect(await seriousViolations(page)).toEqual([]);
});
