/**
 * A value the design refuses stays red in its field, in the form's words (its labels, not the
 * document's JSON names); meanwhile the editor does not say "Saved" but why the value is not saved,
 * and "← Designs" asks before dropping it.
 */
import { createExample, expect, test } from './fixtures';

test('a refused value says why in the form’s words, is "Not saved", and leaving asks first', async ({
  page,
  editor,
  request,
}) => {
  await page.goto(`/designs/${await createExample(request, 'hybrid-backend')}`);
  await editor.waitSimulated();
  await editor.select('erp-ui');
  await page.getByLabel('Workload pattern').selectOption('periodic');
  const base = page.getByLabel('Base load (req/s)');
  const peak = page.getByLabel('Peak load (req/s)');
  await base.fill('50');
  await base.press('Tab');
  await peak.fill('200');
  await peak.press('Tab');
  await editor.waitSaved();

  await peak.fill('10');
  await peak.press('Tab');
  await expect(page.getByText('must be at least the base load (50 req/s)', { exact: true })).toBeVisible();
  await expect(page.getByText(/baseRps/)).toHaveCount(0);
  const status = page.getByTestId('save-status');
  await expect(status).toHaveText('Not saved: Peak load (req/s) must be at least the base load (50 req/s)');
  // It stays so: nothing saved it meanwhile (a valid value is committed 400 ms after typing stops).
  await page.waitForTimeout(1500);
  await expect(status).toHaveText(/^Not saved: Peak load/);
  await page.screenshot({ path: 'test-results/refused-value.png' });

  // Leaving asks; staying keeps the value to correct.
  await page.getByRole('link', { name: 'Tidemark, all designs' }).click();
  const ask = page.getByRole('dialog', { name: 'Leave without this value?' });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('Peak load (req/s) must be at least the base load (50 req/s)');
  await page.screenshot({ path: 'test-results/refused-value-leave.png' });
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await expect(peak).toHaveValue('10');
  await expect(page).toHaveURL(/\/designs\//);

  // Escape puts back the saved value: nothing is refused, the editor says Saved, and leaving just goes.
  await peak.press('Escape');
  await expect(peak).not.toHaveValue('10');
  await editor.waitSaved();
  await page.getByRole('link', { name: 'Tidemark, all designs' }).click();
  await expect(page).toHaveURL(/\/$/);
});
