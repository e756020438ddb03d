/**
 * Issue 13's decision, as an architect uses it: the Decision tab's headline (cost, savings against
 * each baseline, the risk in words with the tolerance), why the alternatives were not chosen, the
 * components by where they run and the wiring with its cost lines — adding up on screen; rule ids as
 * links to their explanation; the Assumptions tab (sources, validation, reset, one undo step per
 * change, a live re-plan); and no ids, tags or bare formulas anywhere in the side panel.
 */
import type { Locator } from '@playwright/test';
import { seriousViolations as serious } from './axe';
import { createExample, expect, test } from './fixtures';

const shot = (name: string) => `test-results/screens/decision-view-${name}.png`;

const cents = (text: string) => Math.round(Number(text.replace(/[$,]/g, '')) * 100);

async function sumOf(locator: Locator): Promise<number> {
  // "included": an element billed in its component's cost adds nothing here.
  return (await locator.allInnerTexts()).reduce((s, t) => s + (t.trim() === 'included' ? 0 : cents(t)), 0);
}

test('the decision: headline, why not, where, wiring — and the numbers add up', async ({ page, editor, request }) => {
  await page.goto(`/designs/${await createExample(request, 'cloud-bursting')}`);
  await editor.waitSimulated();
  const view = page.getByTestId('decision-view');
  const total = cents(await view.getByTestId('decision-total').innerText());
  expect(total).toBe(36236);
  // A saving against each baseline, with the baseline's cost.
  await expect(view.getByTestId('saving-allStatic')).toHaveText(
    '$421.64 a month less than all in the data centre ($784.00)',
  );
  await expect(view.getByTestId('saving-allElastic')).toContainText('a month less than all elastic ($579.53)');
  // The sale is planned for: nothing dropped; the cart's 2-core burst has 2 minutes over its target,
  // within the tolerance — said so, in words.
  await expect(view.getByTestId('decision-risk')).toHaveText(
    'Risk accepted: 2 minutes over the latency targets, spread thinly over the month (Cart and checkout; no single hour of the replay reaches half a minute), within the tolerance of 0.1 % of the month (43.2 minutes per component) and 0.01 % of requests dropped.',
  );
  // No baseline is cheaper; each is safer by those 2 minutes, and its note says what it costs more.
  const whyNot = view.getByTestId('decision-why-not');
  await expect(whyNot).toContainText(
    '$421.64 a month more than the recommendation. It would avoid 2 minutes over the targets',
  );
  // A burst's traffic manager is billed in its component: said, not a missing cost.
  await expect(view.getByTestId('decision-wiring')).toContainText(
    'Traffic manager · Web shop (in its component’s cost)',
  );
  // Where each component runs, by name, grouped.
  const groups = view.getByTestId('decision-groups');
  await expect(groups.getByRole('row')).toHaveText([
    /^Data centre\s*1 component\s*\$112\.00$/,
    /^Shop database\s*\$112\.00$/,
    /^Burst \(both\)\s*3 components\s*\$145\.23$/,
    /^Web shop\s*\$50\.43$/,
    /^Catalogue service\s*\$57\.71$/,
    /^Cart and checkout\s*\$37\.09$/,
  ]);
  // Components plus wiring is the headline, to the cent, in what is on screen.
  const components = await sumOf(view.getByTestId('component-monthly'));
  const wiring = await sumOf(view.getByTestId('wiring-monthly'));
  expect(components).toBe(await sumOf(view.getByTestId('group-subtotal')));
  expect(components + wiring).toBe(total);
  await expect(view.getByTestId('decision-sum')).toHaveText(
    `Components $${(components / 100).toFixed(2)} + wiring $${(wiring / 100).toFixed(2)} = $362.36 a month`,
  );
  await page.screenshot({ path: shot('headline') });

  // The wiring's cost lines, opened with the keyboard.
  const link = view
    .getByTestId('decision-wiring')
    .locator('summary')
    .filter({ hasText: 'Secure link · Web shop, Catalogue service, Cart and checkout, Shop database' });
  await link.focus();
  await page.keyboard.press('Enter');
  const lines = view.getByRole('list', { name: 'Cost lines' }).first();
  await expect(lines).toContainText('1 month at $36.50 each (VPN connection, 730 hours)');
  await expect(lines).toContainText('$36.50');
  await view.getByTestId('decision-wiring').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('wiring') });

  // A component's name in the groups selects it, by keyboard: its own decision opens.
  await groups.getByRole('button', { name: 'Shop database' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Selection' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('component-decision')).toContainText('Data centre');
  expect(await serious(page)).toEqual([]);
});

test('a risk accepted is said in words, with the tolerance and what a safer plan would cost', async ({
  page,
  editor,
  request,
}) => {
  // The image resizer has a few quiet night minutes a month over its 10 s target, on functions or in
  // the data centre alike (about 8 and 7; the per-request simulator's mean of five seeds in the data
  // centre: 7.0).
  await page.goto(`/designs/${await createExample(request, 'hybrid-serverless')}`);
  await editor.waitSimulated();
  const view = page.getByTestId('decision-view');
  const risk = view.getByTestId('decision-risk');
  await expect(risk).toContainText(/\d+ minutes? over the latency targets/);
  await expect(risk).toContainText('within the tolerance of 0.1 % of the month (43.2 minutes per component)');
  const whyNot = view.getByTestId('decision-why-not');
  // Here the data centre is also the best single environment: one row says both.
  await expect(whyNot).toContainText(
    /All in the data centre \(also the best single environment\): \$[\d,.]+ a month, \d+ minutes? over the targets/,
  );
  // Its extra cost said once, after its figures; then what it would avoid, and why that is not worth it.
  await expect(whyNot).toContainText(
    /\d+ dropped requests\. \$[\d,.]+ a month more than the recommendation\. It would avoid \d+ minutes? over the targets; the recommendation's risk is within what we tolerate/,
  );
  await page.screenshot({ path: shot('risk') });
});

test('rule ids link to a short explanation with its source; no ids, tags or formulas on screen', async ({
  page,
  editor,
  request,
  context,
}) => {
  await page.goto(`/designs/${await createExample(request, 'cloud-bursting')}`);
  await editor.waitSimulated();
  await editor.select('shop-db');
  const why = page.getByRole('list', { name: 'Why' });
  const r5 = why.getByRole('link', { name: /^R5/ }).first();
  await expect(r5).toHaveAttribute('href', '/rules#r5');
  await expect(r5).toHaveAttribute('title', /Confidential data stays on premises/);
  await expect(why).toContainText('Shop database holds confidential data');
  await page.screenshot({ path: shot('reasons') });

  // Every tab of the side panel, read as text: names, not ids; sources by name, not tags; no U = …
  const side = page.getByRole('complementary', { name: 'Details' });
  for (const tab of ['Selection', 'Decision', 'Whole design'] as const) {
    await page.getByRole('tab', { name: tab }).click();
    if (tab === 'Whole design') await side.locator('.res-wiring summary').click();
    await expect(side.locator('[role="tabpanel"]')).not.toContainText('Simulating');
    const text = await side.innerText();
    expect(text, tab).not.toMatch(/\bshop-db\b|\bcatalog\b/);
    expect(text, tab).not.toMatch(/\[(CCP|AZ|HSA|W)\]/);
    expect(text, tab).not.toMatch(/\bU = |1\/U|peak ÷ average >/);
  }

  // The rule's page: its explanation and source, reached from the link (a new tab, the editor stays).
  await page.getByRole('tab', { name: 'Selection' }).click();
  const [rules] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('list', { name: 'Why' }).getByRole('link', { name: /^R5/ }).first().click(),
  ]);
  await rules.waitForLoadState();
  expect(new URL(rules.url()).hash).toBe('#r5');
  const r5Item = rules.locator('#r5');
  await expect(r5Item).toContainText('Confidential data stays on premises');
  await expect(r5Item).toContainText('Source: Microsoft, hybrid app patterns');
  await expect(rules.locator('#r12')).toContainText('Simplicity has a price');
  await rules.screenshot({ path: shot('rules'), fullPage: true });
  expect(await serious(rules)).toEqual([]);
});

test('assumptions: each with its source and default, validated, reset, one undo step, live re-plan', async ({
  page,
  editor,
  request,
}) => {
  await page.goto(`/designs/${await createExample(request, 'cloud-bursting')}`);
  await editor.waitSimulated();
  await page.getByRole('tab', { name: 'Assumptions' }).click();
  const panel = page.getByTestId('assumptions-panel');
  for (const label of [
    'Horizon (days)',
    'Step (minutes)',
    'Random seed',
    'Data-centre core ($ a month)',
    'Cloud VM ($ an hour)',
    'Function requests ($ per million)',
    'Secure link ($ a month)',
    'Traffic manager ($ a month per burst)',
    'API gateway ($ per million requests)',
    'Queue requests ($ per million)',
    'Queue requests per message',
    'Storage ($ per GB-month)',
    'VM start-up (seconds)',
    'Minutes over the SLO we tolerate (% of the month)',
    'Dropped requests we tolerate (% of requests)',
    'Simplicity margin (% a split must save)',
  ])
    await expect(panel.getByLabel(label, { exact: true })).toBeVisible();
  await expect(panel.getByLabel('Simplicity margin (% a split must save)', { exact: true })).toHaveValue('10');
  await expect(panel.getByTestId('assumption-simplicityMargin')).toContainText('Source: A budget estimate');
  await expect(panel.getByTestId('assumption-hourlyPrice')).toContainText('Source: AWS EC2 m5.large');
  // What the split itself bills beyond the link and the gateway: SQS $0.40 per million requests and
  // S3 Standard $0.023 per GB-month (the AWS book of 2026-11), read from the book.
  await expect(panel.getByLabel('Queue requests ($ per million)', { exact: true })).toHaveValue('0.4');
  await expect(panel.getByLabel('Storage ($ per GB-month)', { exact: true })).toHaveValue('0.023');
  await expect(panel.getByTestId('assumption-storagePrice')).toContainText('Default. Source: AWS S3 pricing');
  await page.screenshot({ path: shot('assumptions') });

  // Out of bounds: said in the field's own units, never committed.
  const margin = panel.getByLabel('Simplicity margin (% a split must save)', { exact: true });
  await margin.fill('95');
  await margin.press('Enter');
  await expect(panel.getByText('must be at most 90')).toBeVisible();
  await expect(margin).toHaveAttribute('aria-invalid', 'true');
  await margin.press('Escape');
  await expect(margin).toHaveValue('10');

  // A dearer data centre: the design is simulated again and the total changes.
  const total = page.getByTestId('decision-total');
  const core = panel.getByLabel('Data-centre core ($ a month)', { exact: true });
  await core.fill('40');
  await core.press('Enter');
  await expect(
    panel.getByRole('button', { name: 'Reset Data-centre core ($ a month) to its default, 16' }),
  ).toBeEnabled();
  await page.getByRole('tab', { name: 'Decision' }).click();
  await expect(total).not.toHaveText('$362.36', { timeout: 30_000 });
  await expect(page.getByTestId('decision-view')).not.toContainText('Simulating');
  // One undo step puts it back.
  await page.getByRole('tab', { name: 'Decision' }).focus();
  await page.keyboard.press('Control+z');
  await expect(total).toHaveText('$362.36', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Assumptions' }).click();
  await expect(panel.getByLabel('Data-centre core ($ a month)', { exact: true })).toHaveValue('16');

  // Reset to default, by keyboard.
  const vm = panel.getByLabel('Cloud VM ($ an hour)', { exact: true });
  await vm.fill('0.2');
  await vm.press('Tab');
  const reset = panel.getByRole('button', { name: 'Reset Cloud VM ($ an hour) to its default, 0.096' });
  await expect(reset).toBeEnabled();
  await expect(panel.getByTestId('assumption-hourlyPrice')).toContainText('Default 0.096.');
  await reset.focus();
  await page.keyboard.press('Enter');
  await expect(vm).toHaveValue('0.096');
  await expect(reset).toBeDisabled();
  expect(await serious(page)).toEqual([]);
});

test('a drawn queue’s crossing is named as queue messages, on the canvas and in the decision', async ({
  page,
  editor,
  request,
}) => {
  await page.goto(`/designs/${await createExample(request, 'hybrid-backend')}`);
  await editor.waitSimulated();
  // The analytics job queue is drawn: its crossing is the bytes its messages take out of the cloud,
  // not a call over the secure link (asynchronous messages never take it).
  const wiring = page.getByTestId('decision-view').getByTestId('decision-wiring');
  await expect(wiring).toContainText('Queue messages leaving the cloud · Analytics job queue → Nightly analytics');
  await expect(wiring).not.toContainText('secure link · Analytics job queue');
  // In the functions' group, the queue and the staged files say what they run as.
  const groups = page.getByTestId('decision-view').getByTestId('decision-groups');
  await expect(groups.getByRole('row', { name: /Analytics job queue/ })).toContainText(
    'Analytics job queue (managed queue)',
  );
  await expect(groups.getByRole('row', { name: /Staged export files/ })).toContainText(
    'Staged export files (managed object storage)',
  );
  await groups.screenshot({ path: shot('groups-managed') });
  const chip = page.getByTestId('wiring-queue');
  await expect(chip).toHaveText('Queue messages leaving the cloud');
  await chip.click();
  await expect(page.getByRole('list', { name: /^Why, on / })).toContainText(
    'Queue messages leaving the cloud: Analytics job queue (managed queue) → Nightly analytics',
  );
  const box = await chip.boundingBox();
  if (!box) throw new Error('no chip');
  await page.screenshot({
    path: shot('queue-chip'),
    clip: { x: Math.max(0, box.x - 220), y: Math.max(0, box.y - 120), width: 520, height: 300 },
  });
});
