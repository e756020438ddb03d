/**
 * Scenarios side by side (issue 16): an architect compares two revisions of a design from the
 * revisions list and sees what changed outlined on both canvases and what it does to the plan; shares
 * the comparison, and a reviewer opens it read-only (no editing call made); revoking one of its links
 * ends it. Two designs picked on the designs list compare the same way. The figures on screen are
 * held to plans made here by the same engine: every component on both sides, however little changed
 * between them (a design with itself, two revisions a CPU time apart, both ways round), and the sum
 * line's terms adding up to the total's change to the cent.
 */
import type { Page } from '@playwright/test';
import { z } from 'zod';
import { seriousViolations } from './axe';
import { EditorPage } from './editor-fixtures';
import { createExample, expect, importDesign, test } from './fixtures';
import { trpcData } from './trpc-json';
import { cloudBursting, hybridBackend } from '../core/examples';
import { designSchema, type Design } from '../core/model';
import { moveComponents, addComponent, connect } from '../core/edit';
import { buildPlan } from '../core/plan';
import { diffScenarios, formatDeltaCents, formatMoney, placementChange } from '../core/present';

const shot = (name: string) => `test-results/screens/compare-${name}.png`;
const original = designSchema.parse(cloudBursting);

/** The shop without its sale (peak 600 → 100 rps), a mailer added behind the cart, the database moved. */
function quieter(from: Design): Design {
  const d: Design = {
    ...from,
    components: from.components.map((c) =>
      c.id === 'web' && c.workload ? { ...c, workload: { ...c.workload, peakRps: 100 } } : c,
    ),
  };
  const added = addComponent(d, 'service', { x: 600, y: 420 });
  const named = {
    ...added.design,
    components: added.design.components.map((c) => (c.id === added.id ? { ...c, name: 'Mailer' } : c)),
  };
  const linked = connect(named, 'cart', added.id, 'async');
  if (!linked.ok) throw new Error(linked.reason);
  const db = from.layout?.['shop-db'] ?? { x: 0, y: 0 };
  return moveComponents(linked.design, { 'shop-db': { x: db.x + 200, y: db.y + 160 } });
}

/** Waits for both plans, then checks the totals on screen against plans made here. */
async function expectPlannedTotals(page: Page, before: Design, after: Design) {
  await expect(page.getByTestId('compare-plan-status')).toHaveText('Both scenarios planned.', { timeout: 30_000 });
  const a = buildPlan(before).plan.totals;
  const b = buildPlan(after).plan.totals;
  const row = page.getByTestId('compare-total-recommended');
  await expect(row.locator('td').nth(0)).toHaveText(formatMoney(a.recommended.monthlyCost));
  await expect(row.locator('td').nth(1)).toHaveText(formatMoney(b.recommended.monthlyCost));
  const allStatic = page.getByTestId('compare-total-allStatic');
  await expect(allStatic.locator('td').nth(1)).toHaveText(formatMoney(b.allStatic.monthlyCost));
}

/** What the comparison shows of the shop and its quieter revision, wherever it is shown. */
async function expectShopChanges(page: Page) {
  // Every component is drawn on the canvas that has it, changed or not.
  for (const id of ['web', 'catalog', 'cart', 'shop-db']) {
    await expect(page.getByTestId(`before-node-${id}`)).toBeVisible();
    await expect(page.getByTestId(`after-node-${id}`)).toBeVisible();
  }
  // The web tier lost its sale: re-tagged, and no longer bursting.
  await expect(page.getByTestId('after-node-web')).toHaveAttribute('data-change', 'placement');
  await expect(page.getByTestId('after-node-web')).toContainText('Re-tagged');
  await expect(page.getByTestId('after-node-web')).toContainText('was Burst (both)');
  await expect(page.getByTestId('compare-row-web')).toContainText('Burst (both) → Data centre');
  await expect(page.getByTestId('compare-row-web')).toContainText('peak load 600 → 100');
  // The mailer is only on the right; the database moved on both.
  const mailer = page.locator('[data-testid^="after-node-"]').filter({ hasText: 'Mailer' });
  await expect(mailer).toHaveAttribute('data-change', 'added');
  await expect(page.locator('[data-testid^="before-node-"]').filter({ hasText: 'Mailer' })).toHaveCount(0);
  await expect(page.getByTestId('before-node-shop-db')).toHaveAttribute('data-change', 'moved');
  await expect(page.getByTestId('after-node-shop-db')).toHaveAttribute('data-change', 'moved');
  // The cart, behind the web tier, needs no burst once the sale is gone: placed differently, not edited.
  await expect(page.getByTestId('after-node-cart')).toHaveAttribute('data-change', 'placement');
  await expect(page.getByTestId('compare-row-cart')).toContainText('Burst (both) → Data centre');
  // The lead says what it does to the cost and the placements.
  const summary = page.getByTestId('compare-summary');
  await expect(summary).toContainText(
    /The recommended plan costs \$[\d,]+\.\d\d a month instead of \$[\d,]+\.\d\d: −\$/,
  );
  await expect(summary).toContainText('Web shop from bursting to the data centre');
  await expect(summary).toContainText('1 added, 1 re-tagged, 1 moved on the canvas');
  // The traffic managers go with the bursts: their cost was in their component's, "included" as the
  // editor's Decision view says, never "$0.00".
  const manager = page
    .getByTestId('compare-wiring')
    .locator('tr')
    .filter({ hasText: 'Traffic manager' })
    .filter({ hasText: 'Web shop' });
  await expect(manager.locator('th')).toHaveText('Traffic manager (in its component’s cost)');
  await expect(manager.locator('td')).toHaveText(['Web shop', 'removed', 'included', '—']);
  await expect(page.getByTestId('compare-sum')).toHaveText(
    /^Where the change comes from: components [−+]?\$[\d,.]+ \+ wiring [−+]?\$[\d,.]+ = −\$[\d,.]+ a month\.$/,
  );
}

const linkSchema = z.array(z.object({ id: z.string(), revision: z.number().nullable(), state: z.string() }));

test('compare a revision with the current one, share it read-only, revoke it', async ({ page, request, browser }) => {
  test.setTimeout(180_000);
  const id = await createExample(request, 'cloud-bursting');
  const next = quieter(original);
  const saved = await request.post('/api/trpc/designs.save', { data: { id, baseRevision: 1, document: next } });
  expect(saved.ok(), await saved.text()).toBe(true);

  await page.goto(`/designs/${id}`);
  await new EditorPage(page).waitSimulated();
  await page.getByRole('button', { name: 'Revisions' }).click();
  await page.getByRole('link', { name: 'Compare revision 1 with the current revision (2)' }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?a=${id}&ar=1&b=${id}&br=2$`));
  await expect(page.getByRole('heading', { name: 'Compare scenarios' })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Before: Retail web shop with a flash sale (cloud bursting), revision 1' }),
  ).toBeVisible();

  await expectPlannedTotals(page, original, next);
  await expectShopChanges(page);
  await page.screenshot({ path: shot('revisions'), fullPage: true });
  await page.getByTestId('canvas-after').screenshot({ path: shot('canvas-after') });
  expect(await seriousViolations(page)).toEqual([]);

  // Shared: two ordinary links, pinned to the two revisions.
  await page.getByRole('button', { name: 'Share this comparison' }).click();
  const url = await page.getByLabel('Comparison link').inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}\/vs\/[A-Za-z0-9_-]{43}$/);
  const links = await trpcData(
    await request.get(`/api/trpc/shares.list?input=${encodeURIComponent(JSON.stringify({ designId: id }))}`),
    linkSchema,
  );
  expect(links.map((l) => l.revision).sort()).toEqual([1, 2]);

  // A reviewer in a fresh browser: the same comparison, nothing to edit, no editing call.
  const reviewer = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const view = await reviewer.newPage();
  const calls: string[] = [];
  const planReads = new Set<string>();
  view.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/')) calls.push(`${r.method()} ${r.url()}`);
    if (/^\/s\/[A-Za-z0-9_-]{43}\/plan$/.test(path)) planReads.add(path);
  });
  // The two plans are the ones the server stored for the two links: this browser runs no engine.
  const workers: string[] = [];
  view.on('worker', (w) => workers.push(w.url()));
  const response = await view.goto(url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['referrer-policy']).toBe('no-referrer');
  expect(response?.headers()['x-robots-tag']).toContain('noindex');
  await expect(view.getByTestId('share-badge')).toHaveText('Read-only comparison');
  await expectPlannedTotals(view, original, next);
  await expectShopChanges(view);
  await expect(view.getByRole('button', { name: 'Share this comparison' })).toHaveCount(0);
  await expect(view.getByRole('link', { name: 'Designs: back to all designs' })).toHaveCount(0);
  await expect(view.locator('input:not([type="checkbox"]), select, textarea, [contenteditable="true"]')).toHaveCount(0);
  await view.emulateMedia({ colorScheme: 'dark' });
  await view.screenshot({ path: shot('shared-dark'), fullPage: true });
  expect(await seriousViolations(view)).toEqual([]);
  expect(calls).toEqual([]);
  expect(workers).toEqual([]);
  expect(planReads.size).toBe(2);

  // Revoking either link ends the comparison: a plain 404.
  const first = links.find((l) => l.revision === 1);
  if (!first) throw new Error('no link to revision 1');
  const revoked = await request.post('/api/trpc/shares.revoke', { data: { designId: id, id: first.id } });
  expect(revoked.ok()).toBe(true);
  const gone = await view.reload();
  expect(gone?.status()).toBe(404);
  await reviewer.close();
});

test('pick two designs on the designs list and compare them', async ({ page, request, designs }) => {
  test.setTimeout(150_000);
  await importDesign(request, { ...original, name: 'Shop as it is' });
  await importDesign(request, { ...quieter(original), name: 'Shop without the sale' });
  await createExample(request, 'hybrid-backend');
  await designs.open();
  const pick = page.getByTestId('compare-pick');
  await expect(pick.getByRole('button', { name: 'Compare the two picked' })).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Compare Shop as it is' }).check();
  await page.getByRole('checkbox', { name: 'Compare Shop without the sale' }).check();
  // Two at most: the others wait.
  await expect(
    page.getByRole('checkbox', { name: 'Compare ERP with nightly analytics (hybrid backend)' }).first(),
  ).toBeDisabled();
  await pick.getByRole('link', { name: 'Compare the two picked' }).click();
  await expect(page).toHaveURL(/\/compare\?a=[a-z0-9]+&b=[a-z0-9]+$/);
  await expect(page.getByRole('heading', { name: 'After: Shop without the sale, revision 1' })).toBeVisible();
  await expectPlannedTotals(
    page,
    { ...original, name: 'Shop as it is' },
    { ...quieter(original), name: 'Shop without the sale' },
  );
  await expectShopChanges(page);
  // Back to the list the way the editor goes back: "← Designs", first on the page.
  await page.getByRole('link', { name: 'Designs: back to all designs' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(pick).toBeVisible();
});

test('a comparison address that is not valid says what is wrong, and reads nothing', async ({ page }) => {
  const calls: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) calls.push(r.url());
  });
  await page.goto('/compare?a=abc&ar=0&b=..%2Fx');
  await expect(page.locator('main [role="alert"]')).toHaveText(
    'This comparison address is not valid: ar: not a revision number; b: not a design id.',
  );
  expect(calls).toEqual([]);
  await page.goto('/compare?a=nosuchdesign&b=nosuchdesign2');
  await expect(page.locator('main [role="alert"]').first()).toContainText(
    'The first design or revision does not exist',
  );
});

/** `−$79.03`, `+$12.15`, `$0.00`, `$1,234.00` in cents. */
function centsOf(text: string): number {
  const m = /^([−+]?)\$([\d,]+)\.(\d\d)$/.exec(text.trim());
  if (!m) throw new Error(`not an amount of money: ${text}`);
  const cents = Number((m[2] as string).replaceAll(',', '')) * 100 + Number(m[3]);
  return m[1] === '−' ? -cents : cents;
}

/** The sum line's three terms on screen, in cents. */
async function sumTerms(page: Page): Promise<{ components: number; wiring: number; total: number }> {
  const text = await page.getByTestId('compare-sum').innerText();
  const m = /^Where the change comes from: components (\S+) \+ wiring (\S+) = (\S+) a month\.$/.exec(text);
  if (!m) throw new Error(`not the sum line: ${text}`);
  return { components: centsOf(m[1] as string), wiring: centsOf(m[2] as string), total: centsOf(m[3] as string) };
}

/**
 * Both plans made, then every component as the two plans made here place and cost it — on its table
 * row and on both canvases — and the sum line as they add it up; and what is on screen adds up by
 * itself: the components' and the wiring's changes to the total's, to the cent, the components' to
 * the rows' changes, the total's to the recommended row's After minus Before. Answers the terms.
 */
async function expectWholePlans(page: Page, before: Design, after: Design) {
  await expect(page.getByTestId('compare-plan-status')).toHaveText('Both scenarios planned.', { timeout: 30_000 });
  const want = diffScenarios(
    { design: before, plan: buildPlan(before).plan },
    { design: after, plan: buildPlan(after).plan },
  );
  const money = (c: number) => formatMoney(c / 100);
  for (const r of want.components) {
    const cells = page.getByTestId(`compare-row-${r.id}`).locator('td');
    await expect(cells.nth(1)).toHaveText(placementChange(r));
    await expect(cells.nth(2)).toHaveText(r.before ? money(r.before.monthlyCents) : '—');
    await expect(cells.nth(3)).toHaveText(r.after ? money(r.after.monthlyCents) : '—');
    await expect(cells.nth(4)).toHaveText(formatDeltaCents(r.deltaCents));
    if (r.before)
      await expect(page.getByTestId(`before-node-${r.id}`)).toHaveAttribute('data-placement', r.before.placement);
    if (r.after)
      await expect(page.getByTestId(`after-node-${r.id}`)).toHaveAttribute('data-placement', r.after.placement);
  }
  const terms = await sumTerms(page);
  const rec = want.totals.find((t) => t.key === 'recommended');
  expect(terms).toEqual({
    components: want.componentsCents.after - want.componentsCents.before,
    wiring: want.wiringCents.after - want.wiringCents.before,
    total: rec?.deltaCents,
  });
  expect(terms.components + terms.wiring).toBe(terms.total);
  const row = page.getByTestId('compare-total-recommended').locator('td');
  expect(centsOf(await row.nth(1).innerText()) - centsOf(await row.nth(0).innerText())).toBe(terms.total);
  const changes = await page.locator('[data-testid^="compare-row-"] td:nth-of-type(5)').allInnerTexts();
  expect(changes).toHaveLength(want.components.length);
  expect(changes.reduce((s, t) => s + centsOf(t), 0)).toBe(terms.components);
  return terms;
}

test('a design compared with itself: every component as it was, nothing removed, every term $0.00', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  for (const [example, design] of [
    ['cloud-bursting', original],
    ['hybrid-backend', designSchema.parse(hybridBackend)],
  ] as const) {
    const id = await createExample(request, example);
    await page.goto(`/compare?a=${id}&ar=1&b=${id}&br=1`);
    const terms = await expectWholePlans(page, design, design);
    expect(terms).toEqual({ components: 0, wiring: 0, total: 0 });
    await expect(page.getByTestId('compare-sum')).toHaveText(
      'Where the change comes from: components $0.00 + wiring $0.00 = $0.00 a month.',
    );
    await expect(page.getByTestId('compare-summary')).toContainText(
      'Every component both designs have runs where it ran.',
    );
    for (const c of design.components) {
      await expect(page.getByTestId(`compare-row-${c.id}`)).toContainText('not edited');
      await expect(page.getByTestId(`before-node-${c.id}`)).toHaveAttribute('data-change', 'none');
      await expect(page.getByTestId(`after-node-${c.id}`)).toHaveAttribute('data-change', 'none');
    }
    await expect(page.getByTestId('compare-components')).not.toContainText('removed');
    await expect(page.getByText('The same wiring at the same cost')).toBeVisible();
    await page.screenshot({ path: shot(`itself-${example}`), fullPage: true });
  }
});

test('two revisions a CPU time apart: only that component and what it feeds change, both ways', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const id = await createExample(request, 'cloud-bursting');
  // The cart's CPU time 25 → 250 ms a request: nothing else edited.
  const slower: Design = {
    ...original,
    components: original.components.map((c) => (c.id === 'cart' ? { ...c, demand: { ...c.demand, cpuMs: 250 } } : c)),
  };
  const saved = await request.post('/api/trpc/designs.save', { data: { id, baseRevision: 1, document: slower } });
  expect(saved.ok(), await saved.text()).toBe(true);
  // The cart and what it calls, directly or not.
  const fed = new Set(['cart']);
  for (const from of fed) for (const k of original.connections) if (k.from === from) fed.add(k.to);
  const untouched = original.components.filter((c) => !fed.has(c.id));
  expect(untouched.length).toBeGreaterThan(0);

  await page.goto(`/compare?a=${id}&ar=1&b=${id}&br=2`);
  const forth = await expectWholePlans(page, original, slower);
  expect(forth.total).toBeGreaterThan(0);
  await expect(page.getByTestId('compare-row-cart')).toContainText('CPU time (ms) 25 → 250');
  for (const c of untouched) {
    await expect(page.getByTestId(`compare-row-${c.id}`).locator('td').nth(4)).toHaveText('$0.00');
    await expect(page.getByTestId(`after-node-${c.id}`)).toHaveAttribute('data-change', 'none');
  }
  await expect(page.getByTestId('compare-components')).not.toContainText('removed');
  await page.screenshot({ path: shot('cpu-time'), fullPage: true });

  // The other way round: every term the same, its sign turned.
  await page.goto(`/compare?a=${id}&ar=2&b=${id}&br=1`);
  const back = await expectWholePlans(page, slower, original);
  expect(back).toEqual({ components: -forth.components, wiring: -forth.wiring, total: -forth.total });
  await expect(page.getByTestId('compare-components')).not.toContainText('removed');
});

test('a shared comparison the server could not plan is planned in the browser, whole', async ({ browser, request }) => {
  test.setTimeout(150_000);
  const id = await createExample(request, 'cloud-bursting');
  const slower: Design = {
    ...original,
    components: original.components.map((c) => (c.id === 'cart' ? { ...c, demand: { ...c.demand, cpuMs: 250 } } : c)),
  };
  const saved = await request.post('/api/trpc/designs.save', { data: { id, baseRevision: 1, document: slower } });
  expect(saved.ok(), await saved.text()).toBe(true);
  const tokenSchema = z.object({ token: z.string() });
  const [first, second] = await Promise.all(
    [1, 2].map(
      async (revision) =>
        (
          await trpcData(
            await request.post('/api/trpc/shares.create', { data: { designId: id, revision } }),
            tokenSchema,
          )
        ).token,
    ),
  );
  const reviewer = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const view = await reviewer.newPage();
  // The server's answer for the second link, as a failed job gives it: both sides are planned here.
  await view.route(`**/s/${second}/plan?**`, (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ status: 'failed', error: 'the engine stopped', revision: 2 }),
    }),
  );
  const workers: string[] = [];
  view.on('worker', (w) => workers.push(w.url()));
  await view.goto(`/s/${first}/vs/${second}`);
  const terms = await expectWholePlans(view, original, slower);
  expect(terms.total).toBeGreaterThan(0);
  await expect(view.getByTestId('compare-components')).not.toContainText('removed');
  expect(workers.length).toBeGreaterThan(0);
  await reviewer.close();
});
