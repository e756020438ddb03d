/**
 * Journey 4: start from real metrics. On a selected component, attach a measured series (NASA-HTTP
 * 1995, requests per hour), see it recognised as periodic beside the fitted curve, keep the fitted
 * fields (one undo step), refuse a bad file without touching the design, then keep the measured
 * series itself as the component's trace, which survives a reload and can be removed.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createExample, expect, test } from './fixtures';

import { createdSchema, trpcData } from './trpc-json';
const NASA = path.join(__dirname, '..', '..', 'shared', 'data', 'traces', 'periodic_nasa_http_1995_1h.csv');
const shot = (name: string) => `test-results/screens/metrics-${name}.png`;

/** Drops a file on an element as a person dragging it from their desktop would. */
async function dropFile(page: Page, testId: string, name: string, text: string) {
  const transfer = await page.evaluateHandle(
    ([fileName, body]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([body], fileName, { type: 'text/csv' }));
      return dt;
    },
    [name, text] as const,
  );
  const target = page.getByTestId(testId);
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

test('a measured series is recognised, fitted, refused when bad, and kept as a trace', async ({
  page,
  editor,
  request,
}) => {
  const created = await request.post('/api/trpc/designs.create', {
    data: { from: 'example', example: 'hybrid-backend' },
  });
  const { id } = await trpcData(created, createdSchema);
  await page.goto(`/designs/${id}`);
  await editor.waitSimulated();
  await editor.select('erp-ui');
  const pattern = page.getByLabel('Workload pattern');
  const undo = page.getByRole('toolbar', { name: 'Editor' }).getByRole('button', { name: 'Undo' });
  await expect(pattern).toHaveValue('static');
  await expect(page.getByLabel('Base load (req/s)')).toHaveValue('30');

  // Attach by the file picker: recognised as periodic, with the chart and the evidence.
  await page.getByTestId('measured-input').setInputFiles(NASA);
  const result = page.getByTestId('measured-result');
  await expect(page.getByTestId('measured-verdict')).toContainText('periodic');
  const chart = result.getByTestId('measured-chart');
  await expect(chart.locator('.tm-chart-curve')).toBeVisible();
  await expect(chart.locator('.tm-chart-line')).toBeVisible();
  await expect(result.getByRole('list', { name: 'Evidence' })).toContainText('Repeats every 24 h');
  // Whole counts per hour: the unit is guessed as per interval; changing it re-classifies.
  const unit = result.getByLabel('Values are requests');
  await expect(unit).toHaveValue('interval');
  const fitted = result.getByText(/^Fitted:/);
  const perInterval = await fitted.innerText();
  await unit.selectOption('minute');
  await expect(fitted).not.toHaveText(perInterval);
  await unit.selectOption('interval');
  await expect(fitted).toHaveText(perInterval);
  await result.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('classified-light') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: shot('classified-dark') });
  await page.emulateMedia({ colorScheme: 'light' });

  // Keep the fitted pattern: the inspector shows it with its fields; undo gives back the static load.
  await result.getByRole('button', { name: 'Use the fitted pattern' }).click();
  await expect(result).toHaveCount(0);
  await expect(pattern).toHaveValue('periodic');
  const period = Number(await page.getByLabel('Period (hours)').inputValue());
  expect(period).toBeGreaterThan(23);
  expect(period).toBeLessThan(25);
  expect(Number(await page.getByLabel('Peak load (req/s)').inputValue())).toBeGreaterThan(
    Number(await page.getByLabel('Base load (req/s)').inputValue()),
  );
  await expect(page.getByLabel('Spikes per week')).toHaveCount(0);
  await page.screenshot({ path: shot('fitted') });
  await undo.click();
  await expect(pattern).toHaveValue('static');
  await expect(page.getByLabel('Base load (req/s)')).toHaveValue('30');
  await expect(undo).toBeDisabled();
  await editor.waitSaved();

  // A bad file (timestamps out of order) is refused with its line, and nothing changes.
  await mkdir('test-results', { recursive: true });
  const bad = path.join('test-results', 'metrics-unsorted.csv');
  await writeFile(
    bad,
    'timestamp,value\n2024-01-01T00:00:00Z,5\n2024-01-01T01:00:00Z,7\n2024-01-01T00:30:00Z,6\n2024-01-01T02:00:00Z,9\n',
  );
  await page.getByTestId('measured-input').setInputFiles(bad);
  const alert = page.getByTestId('measured-load').getByRole('alert');
  await expect(alert).toContainText('Nothing attached');
  await expect(alert).toContainText('line 4');
  await expect(alert).toContainText('time order');
  await expect(pattern).toHaveValue('static');
  await expect(undo).toBeDisabled();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.screenshot({ path: shot('bad-file') });
  await alert.getByRole('button', { name: 'Dismiss' }).click();

  // Drop the series on the attach area and keep it as measured: it is attached, and stays after a reload.
  await dropFile(page, 'measured-drop', 'periodic_nasa_http_1995_1h.csv', await readFile(NASA, 'utf8'));
  await expect(page.getByTestId('measured-verdict')).toContainText('periodic');
  await result.getByRole('button', { name: 'Use the measured series' }).click();
  const attached = page
    .getByTestId('measured-load')
    .getByText(/A measured series is attached \([\d,]+ points every 60 min\)/);
  await expect(attached).toBeVisible();
  await expect(pattern).toHaveValue('periodic');
  await editor.waitSaved();
  await page.reload();
  await editor.waitSimulated();
  await editor.select('erp-ui');
  await expect(attached).toBeVisible();
  await page.screenshot({ path: shot('attached') });

  // And it can be removed (one undo step), leaving the fitted pattern.
  await page.getByRole('button', { name: 'Remove measured series' }).click();
  await expect(attached).toHaveCount(0);
  await expect(pattern).toHaveValue('periodic');
  await undo.click();
  await expect(attached).toBeVisible();
});

const WC98 = path.join(__dirname, '..', '..', 'shared', 'data', 'traces', 'once_wc98_full_1h.csv');

test('a long series: the days simulated are chosen, it is scaled to one’s traffic, its fields are read-only', async ({
  page,
  editor,
  request,
}) => {
  await page.goto(`/designs/${await createExample(request, 'cloud-bursting')}`);
  await editor.waitSimulated();
  await editor.select('web');
  await page.getByTestId('measured-input').setInputFiles(WC98);
  const result = page.getByTestId('measured-result');
  await expect(page.getByTestId('measured-verdict')).toBeVisible();

  // 87 days measured, 30 simulated: the 30 days around the tournament's peak, chosen by default.
  await expect(result.getByText('The file covers 87.04 days; the design simulates 30.')).toBeVisible();
  const from = result.getByLabel('From day');
  const days = result.getByLabel('Number of days');
  await expect(days).toHaveValue('30');
  const peakDay = Number(await from.inputValue());
  expect(peakDay).toBeGreaterThan(30);
  // The fitted peak is the tournament's own (~3,000 req/s), not a week's median (324).
  const fittedPeak = async () =>
    Number(/peak ([\d,.]+) req\/s/.exec(await result.getByText(/^Fitted:/).innerText())?.[1]?.replace(/,/g, '') ?? 0);
  expect(await fittedPeak()).toBeGreaterThan(1000);
  await result.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('wc98-window') });

  // Another window: the quiet days before the tournament, which the occasion falls outside of; a
  // window past the series' end is refused at its field.
  await from.fill('0');
  await from.press('Enter');
  await expect(from).toHaveValue('0');
  await expect(result.getByText(/falls outside these days/)).toBeVisible();
  await from.fill('90');
  await expect(result.getByText('The series covers 87.04 days.')).toBeVisible();
  await result.getByRole('button', { name: 'Around the peak' }).click();
  await expect(from).toHaveValue(String(peakDay));

  // Scaled to one's own traffic: a peak of 300 req/s.
  await result.getByLabel('to a peak of').check();
  const target = result.getByLabel('Target peak (req/s)');
  await target.fill('1,000');
  await target.press('Enter');
  await expect(result.getByTestId('measured-scaled')).toContainText('peak 1,000 req/s');
  await target.fill('300');
  await target.press('Enter');
  await expect(result.getByTestId('measured-scaled')).toContainText('peak 300 req/s');
  await expect.poll(fittedPeak).toBeLessThanOrEqual(300);
  expect(await fittedPeak()).toBeGreaterThan(100);
  // Or by a factor.
  await result.getByLabel('times').check();
  const factor = result.getByLabel('Scale factor');
  await factor.fill('0');
  await expect(result.getByText('The factor must be a number above 0.')).toBeVisible();
  // Read as the inspector reads numbers: a decimal comma is refused with what to write instead.
  await factor.fill('2,5');
  await expect(
    result.getByText('The factor must be a number above 0: write decimals with a point (2.5).'),
  ).toBeVisible();
  await factor.fill('0.5');
  await factor.press('Enter');
  await expect(result.getByTestId('measured-scaled')).toContainText('Scaled ×0.5');

  // Keep the measured series: the pattern's fields are shown as set by it, not as inputs.
  await result.getByRole('button', { name: 'Use the measured series' }).click();
  const fields = page.getByTestId('measured-fields');
  await expect(fields).toContainText('Set by the measured series');
  await expect(fields.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Base load (req/s)' })).toHaveCount(0);
  await expect(page.getByLabel('Workload pattern')).toBeEnabled();
  await page.screenshot({ path: shot('wc98-attached') });
  await page.getByRole('button', { name: 'Remove measured series' }).click();
  await expect(page.getByRole('textbox', { name: 'Base load (req/s)' })).toBeVisible();
});
