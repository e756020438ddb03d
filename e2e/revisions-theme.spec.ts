/**
 * Two smaller fixes: each revision says what changed since the one before (two saves of different
 * fields no longer read the same), and the designs list honours a dark theme chosen with the toggle.
 */
import { createExample, expect, test } from './fixtures';

test('each revision says what changed', async ({ page, editor, request }) => {
  await page.goto(`/designs/${await createExample(request, 'hybrid-serverless')}`);
  await editor.waitSimulated();
  await editor.select('storefront');
  const slo = page.getByLabel('Latency SLO (ms)');
  await slo.fill('300');
  await slo.press('Enter');
  await editor.waitSaved();
  await editor.select('orders');
  const cpu = page.getByLabel('CPU time (ms)');
  await cpu.fill('40');
  await cpu.press('Enter');
  await editor.waitSaved();

  await page.getByRole('button', { name: 'Revisions' }).click();
  const list = page.getByRole('list', { name: 'Revisions, newest first' });
  const changes = list.getByTestId('revision-changes');
  await expect(changes.nth(0)).toHaveText(/^Order service: CPU time \(ms\) \d+ → 40$/);
  await expect(changes.nth(1)).toHaveText('Storefront API: latency SLO (ms) 250 → 300');
  await page.screenshot({ path: 'test-results/screens/revisions.png' });
});

test('the designs list follows a dark theme chosen with the toggle, before it paints', async ({ page, designs }) => {
  await designs.open();
  const toggle = page.getByRole('button', { name: /^Theme:/ });
  await expect(toggle).toHaveAccessibleName(/^Theme: Auto/);
  await toggle.click(); // system → light
  await toggle.click(); // light → dark
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Designs', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(17, 21, 27)');
  await page.screenshot({ path: 'test-results/screens/designs-dark.png' });
  // Even with the system set to light.
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(17, 21, 27)');
  await toggle.click(); // dark → system
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
});
