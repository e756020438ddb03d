/**
 * A value the design refuses stays red in its field, in the form's words (its labels, not the
 * document's JSON names); meanwhile the editor does not say "Saved" but why the value is not saved,
 * and "← Designs" asks before dropping it. Selecting another component (or tab) does not drop it either:
 * it is kept (still "Not saved", now naming its component) and shown again when that form reopens.
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
  await page.getByRole('link', { name: 'Designs: back to all designs' }).click();
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
  await page.getByRole('link', { name: 'Designs: back to all designs' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('a refused value stays when another component is selected, and is shown again on coming back', async ({
  page,
  editor,
  request,
}) => {
  await page.goto(`/designs/${await createExample(request, 'hybrid-backend')}`);
  await editor.waitSimulated();
  await editor.select('erp-ui');
  const cpu = page.getByLabel('CPU time (ms)');
  await expect(cpu).toHaveValue('15');
  await cpu.fill('-3');
  await cpu.press('Tab');
  const status = page.getByTestId('save-status');
  await expect(status).toHaveText(/^Not saved: CPU time \(ms\) /);
  const why = (await status.textContent())!.slice('Not saved: '.length);

  // Another component: its own stored values; the refused one is still said, with whose it is.
  await editor.select('erp');
  await expect(page.getByRole('form', { name: 'Component ERP application' })).toBeVisible();
  await expect(cpu).toHaveValue('40');
  await expect(status).toHaveText(`Not saved: ERP front end: ${why}`);
  // The canvas marks the component that holds it, with why; no other.
  const mark = page.getByTestId('unsaved-erp-ui');
  await expect(mark).toHaveText('Not saved');
  await expect(mark).toHaveAttribute('title', `Not saved: ${why}`);
  await expect(page.locator('.tm-node-unsaved')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/refused-value-elsewhere.png' });
  // Leaving still asks, and says where to correct it.
  await page.getByRole('link', { name: 'Designs: back to all designs' }).click();
  const ask = page.getByRole('dialog', { name: 'Leave without this value?' });
  await expect(ask).toContainText(`Not saved: ERP front end: ${why}`);
  await expect(ask).toContainText('Stay and select ERP front end to correct it');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();

  // Coming back shows it again, red, as typed.
  await editor.select('erp-ui');
  await expect(cpu).toHaveValue('-3');
  await expect(cpu).toHaveAttribute('aria-invalid', 'true');
  await expect(status).toHaveText(`Not saved: ${why}`);
  // Corrected, it is saved like any value, and nothing is held any more.
  await cpu.fill('12');
  await cpu.press('Tab');
  await editor.waitSaved();
  await expect(page.locator('.tm-node-unsaved')).toHaveCount(0);
  await editor.select('erp');
  await editor.select('erp-ui');
  await expect(cpu).toHaveValue('12');

  // A kept value goes when the value it was typed over changes underneath (undo), as in an open form.
  await cpu.fill('0');
  await cpu.press('Tab');
  await expect(status).toHaveText(/^Not saved: CPU time/);
  await editor.select('erp');
  await expect(status).toHaveText(/^Not saved: ERP front end: CPU time/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await editor.waitSaved();
  await editor.select('erp-ui');
  await expect(cpu).toHaveValue('15');
  await page.getByRole('link', { name: 'Designs: back to all designs' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('a refused assumption stays while another tab is open', async ({ page, editor, request }) => {
  await page.goto(`/designs/${await createExample(request, 'hybrid-backend')}`);
  await editor.waitSimulated();
  await page.getByRole('tab', { name: 'Assumptions' }).click();
  const margin = page.getByLabel('Simplicity margin (% a split must save)', { exact: true });
  await margin.fill('95');
  await margin.press('Tab');
  const status = page.getByTestId('save-status');
  const why = 'Simplicity margin (% a split must save) must be at most 90';
  await expect(status).toHaveText(`Not saved: ${why}`);
  await page.getByRole('tab', { name: 'Decision' }).click();
  await expect(margin).toBeHidden();
  await expect(status).toHaveText(`Not saved: Assumptions: ${why}`);
  await page.getByRole('link', { name: 'Designs: back to all designs' }).click();
  const ask = page.getByRole('dialog', { name: 'Leave without this value?' });
  await expect(ask).toContainText('Stay and open the Assumptions tab to correct it');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('tab', { name: 'Assumptions' }).click();
  await expect(margin).toHaveValue('95');
  await expect(status).toHaveText(`Not saved: ${why}`);
  await margin.press('Escape');
  await expect(margin).toHaveValue('10');
  await editor.waitSaved();
});

test('a number written with thousands separators is read; a decimal comma is refused with how to write it', async ({
  page,
  editor,
  request,
}) => {
  await page.goto(`/designs/${await createExample(request, 'hybrid-backend')}`);
  await editor.waitSimulated();
  await editor.select('erp-ui');
  const cpu = page.getByLabel('CPU time (ms)');
  const status = page.getByTestId('save-status');
  // "1,000" is a thousand, as the app itself writes it: saved, and shown back as the number it is.
  await cpu.fill('1,000');
  await cpu.press('Tab');
  await expect(cpu).not.toHaveAttribute('aria-invalid', 'true');
  await editor.waitSaved();
  await editor.select('erp');
  await editor.select('erp-ui');
  await expect(cpu).toHaveValue('1000');

  // A decimal comma is not guessed at: the field says what to write instead.
  await cpu.fill('2,5');
  await cpu.press('Tab');
  await expect(cpu).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('must be a number: write decimals with a point (2.5)', { exact: true })).toBeVisible();
  await expect(status).toHaveText('Not saved: CPU time (ms) must be a number: write decimals with a point (2.5)');
  await page.screenshot({ path: 'test-results/screens/refused-value-decimal-comma.png' });
  // Garbage stays garbage.
  await cpu.fill('0x10');
  await cpu.press('Tab');
  await expect(status).toHaveText('Not saved: CPU time (ms) must be a number');
  await cpu.press('Escape');
  await expect(cpu).toHaveValue('1000');
  await editor.waitSaved();
});
