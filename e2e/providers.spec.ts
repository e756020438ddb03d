/**
 * Issue 14 in the editor: the Assumptions tab's price book (provider, region, commitment) re-prices
 * and re-plans the open design, one undo step a change; "Compare providers" plans it on AWS, Azure and
 * Google Cloud in the worker and shows the table; "Use this provider" takes a row's book. The figures
 * on screen are the engine's (core/plan/compare-providers.test.ts checks them against the plan each
 * provider gets alone): the cloud-bursting example costs $362.36 on AWS and $465.27 on Azure.
 */
import { seriousViolations as serious } from './axe';
import { createExample, expect, test } from './fixtures';

const shot = (name: string) => `test-results/screens/providers-${name}.png`;

test('switch AWS to Azure, see the plan change, compare providers, use one, undo', async ({
  page,
  editor,
  request,
}) => {
  await page.goto(`/designs/${await createExample(request, 'cloud-bursting')}`);
  await editor.waitSimulated();
  const total = page.getByTestId('decision-total');
  await expect(total).toHaveText('$362.36');
  const before = await total.innerText();
  await expect(page.getByTestId('decision-book')).toHaveText(
    /Priced with AWS US East \(N\. Virginia\), book aws-2026-11\./,
  );

  // The price book, in the Assumptions tab: AWS by default; Azure moves to its region serving the
  // same part of the world, and every price left to the book reads from Azure's.
  await page.getByRole('tab', { name: 'Assumptions' }).click();
  const panel = page.getByTestId('assumptions-panel');
  const provider = panel.getByLabel('Provider', { exact: true });
  const region = panel.getByLabel('Region', { exact: true });
  await expect(provider).toHaveValue('aws');
  await expect(region).toHaveValue('us-east-1');
  await expect(panel.getByLabel('Commitment', { exact: true })).toHaveValue('none');
  await expect(panel.getByTestId('assumptions-intro-prices')).toContainText('AWS US East (N. Virginia)');
  await provider.selectOption('azure');
  await expect(region).toHaveValue('eastus');
  await expect(region.locator('option')).toHaveText(['East US (eastus)', 'West Europe (westeurope)']);
  await expect(panel.getByTestId('assumptions-intro-prices')).toHaveText(
    'List prices from Azure East US, book azure-2026-11 unless the design sets its own, and the data centre’s own cost.',
  );
  const gbSeconds = panel.getByLabel('Function compute ($ per million GB-seconds)', { exact: true });
  await expect(gbSeconds).toHaveValue('16');
  await expect(panel.getByTestId('assumption-gbSecondPrice')).toContainText(
    'Default. Source: Azure list price, East US',
  );
  await expect(panel.getByLabel('Secure link ($ a month)', { exact: true })).toHaveValue('138.7');
  // Blob storage at Azure's $0.0184 per GB-month (the Azure book of 2026-11), with its page.
  await expect(panel.getByLabel('Storage ($ per GB-month)', { exact: true })).toHaveValue('0.0184');
  await expect(panel.getByTestId('assumption-storagePrice')).toContainText(
    'Default. Source: Azure list price, East US',
  );
  await page.screenshot({ path: shot('assumptions-azure') });

  // The plan follows: another total, the one the engine gives Azure.
  await page.getByRole('tab', { name: 'Decision' }).click();
  await expect(total).not.toHaveText(before, { timeout: 30_000 });
  await expect(page.getByTestId('decision-view')).not.toContainText('Simulating');
  await expect(total).toHaveText('$465.27');
  await expect(page.getByTestId('decision-book')).toContainText('Priced with Azure East US, book azure-2026-11.');
  await page.screenshot({ path: shot('decision-azure') });

  // Compare providers: three rows, three different totals, the design's own book marked in use.
  await page.getByRole('button', { name: 'Compare providers…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare providers' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('compare-status')).toHaveText('Up to date with the open design.', {
    timeout: 60_000,
  });
  const table = dialog.getByTestId('compare-table');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table.locator('tbody th')).toHaveText(['AWS', 'Azure', 'Google Cloud']);
  const totals = await table.getByTestId('compare-total').allInnerTexts();
  expect(totals).toEqual(['$362.36', '$465.27', '$372.09']);
  expect(new Set(totals).size).toBe(3);
  await expect(dialog.getByTestId('compare-row-aws')).toContainText('Cheapest');
  await expect(dialog.getByTestId('compare-row-azure')).toContainText('+$102.91');
  await expect(dialog.getByTestId('compare-row-azure')).toContainText('In use');
  await expect(dialog.getByTestId('compare-row-gcp')).toContainText('Iowa (us-central1)');
  await expect(dialog.getByTestId('compare-summary')).toContainText('Cheapest: AWS');
  // Each provider places every component alike here: said in the summary, and no section of differences.
  await expect(dialog.getByTestId('compare-summary')).toContainText(
    'Every component runs in the same place on every provider',
  );
  await expect(dialog.getByTestId('compare-differences')).toHaveCount(0);
  await expect(dialog.getByTestId('compare-prices')).toContainText('Secure link (VPN), per month');
  // In words: no ids or paths.
  expect(await dialog.innerText()).not.toMatch(/environments\.|\bshop-db\b|\bcatalog\b|\bcart\b/);
  await page.screenshot({ path: shot('compare') });
  expect(await serious(page)).toEqual([]);
  await dialog.getByTestId('compare-prices').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('compare-prices') });

  // Dark theme reads as well.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: shot('compare-dark') });
  expect(await serious(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  // Use Google Cloud, from its row: one undo step, and the plan is Google Cloud's.
  await dialog.getByRole('button', { name: 'Use this provider: Google Cloud, Iowa (us-central1)' }).click();
  await expect(dialog.getByTestId('compare-row-gcp')).toContainText('In use');
  await expect(dialog.getByTestId('compare-status')).toContainText('The design has changed since this comparison');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(total).toHaveText('$372.09', { timeout: 30_000 });

  // Undo, step by step: Azure, then AWS and its total back.
  const undo = page.getByRole('toolbar', { name: 'Editor' }).getByRole('button', { name: 'Undo' });
  await undo.click();
  await expect(total).toHaveText('$465.27', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Decision' }).focus();
  await page.keyboard.press('Control+z');
  await expect(total).toHaveText(before, { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Assumptions' }).click();
  await expect(provider).toHaveValue('aws');
  await expect(region).toHaveValue('us-east-1');
  await expect(gbSeconds).toHaveValue('16.6667');
});

test('a comparison is opened, stopped and run again from the keyboard', async ({ page, editor, request }) => {
  await page.goto(`/designs/${await createExample(request, 'hybrid-backend')}`);
  await editor.waitSimulated();
  const open = page.getByRole('button', { name: 'Compare providers…' });
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Compare providers' });
  await expect(dialog).toBeVisible();
  // Stopped at once or already finished (a quick machine): either way nothing is left running.
  const stop = dialog.getByRole('button', { name: 'Stop comparing' });
  if (await stop.isVisible()) {
    await stop.focus();
    await page.keyboard.press('Enter');
  }
  const again = dialog.getByRole('button', { name: 'Compare again' });
  await expect(again).toBeVisible();
  await again.focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('compare-status')).toHaveText('Up to date with the open design.', {
    timeout: 60_000,
  });
  await expect(dialog.getByTestId('compare-table').locator('tbody tr')).toHaveCount(3);
  // The table scrolls by keyboard and Escape closes; the editor keeps the design unchanged (AWS).
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('decision-book')).toContainText('AWS');
});
