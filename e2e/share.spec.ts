/**
 * Journey 3: an architect shares a read-only link; a reviewer in another browser sees the canvas, the
 * recommendation and the charts, can download the plan, and can change nothing; the link is revoked.
 */
import { readFile } from 'node:fs/promises';
import type { APIResponse, Locator, Page } from '@playwright/test';
import { EditorPage } from './editor-fixtures';
import { expect, test } from './fixtures';
import { createdSchema, trpcData } from './trpc-json';
import { formatProblems, loadPlan } from '../core/model';

const shot = (name: string) => `test-results/screens/share-${name}.png`;

/** The editor's share dialog as a page object. */
class ShareDialog {
  readonly dialog: Locator;
  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Share a read-only link' });
  }

  async open() {
    await this.page
      .getByRole('toolbar', { name: 'Editor' })
      .getByRole('button', { name: 'Share', exact: true })
      .click();
    await expect(this.dialog).toBeVisible();
  }

  async create(): Promise<string> {
    await this.dialog.getByRole('button', { name: 'Create link' }).click();
    const url = await this.dialog.getByLabel('New share link').inputValue();
    expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
    return url;
  }

  rows(): Locator {
    return this.dialog.getByTestId('share-link-row');
  }
}

/** Where React Flow has a node in the flow's own coordinates (its transform), whatever the viewport. */
function expectShareHeaders(response: APIResponse | null | { headers(): Record<string, string> }) {
  const headers = response?.headers() ?? {};
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-robots-tag']).toContain('noindex');
}

test('a reviewer opens a read-only link, finds nothing editable, downloads the plan; revoked, it is a 404', async ({
  page,
  editor,
  browser,
  request,
}) => {
  const created = await request.post('/api/trpc/designs.create', {
    data: { from: 'example', example: 'hybrid-backend' },
  });
  const { id } = await trpcData(created, createdSchema);
  await page.goto(`/designs/${id}`);
  await editor.waitSimulated();

  // The architect creates a link that follows the latest revision.
  const share = new ShareDialog(page);
  await share.open();
  const url = await share.create();
  await expect(share.rows()).toHaveCount(1);
  await expect(share.rows()).toContainText('never viewed');
  await page.screenshot({ path: shot('dialog') });

  // A reviewer, in a fresh browser context (no cookies, nothing shared with the architect's).
  const reviewer = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const view = await reviewer.newPage();
  const response = await view.goto(url);
  expect(response?.status()).toBe(200);
  expectShareHeaders(response);
  const shared = new EditorPage(view);
  await shared.waitSimulated();
  await expect(view.getByRole('heading', { name: 'ERP with nightly analytics' })).toBeVisible();
  await expect(view.getByTestId('share-badge')).toContainText('Read-only');

  // Nothing editable: no palette, no form fields (the timeline's replay slider is the only input),
  // no connection handles, no interactivity toggle.
  await expect(view.getByRole('button', { name: /^Add / })).toHaveCount(0);
  // (Finding a component by name is reading, not editing: its search box is the one input.)
  await expect(
    view.locator('input:not([type="range"]):not([type="search"]), select, textarea, [contenteditable="true"]'),
  ).toHaveCount(0);
  await expect(view.locator('.react-flow__handle').first()).toBeHidden();
  await expect(view.getByRole('button', { name: /interactivity/i })).toHaveCount(0);

  // The recommendation: its cost against the alternatives, every component's placement and cost.
  await expect(view.getByTestId('decision-total')).toHaveText(/^\$[\d,]+\.\d\d$/);
  await expect(view.getByTestId('saving-allStatic')).toBeVisible();
  await expect(view.getByTestId('decision-groups')).toBeVisible();
  await view.screenshot({ path: shot('light') });

  // Dragging a node does not move it; Delete and Backspace remove nothing.
  const before = await shared.flowPosition('erp');
  expect(before).toHaveLength(2);
  await shared.dragNode('erp', 160, 90);
  expect(await shared.flowPosition('erp')).toEqual(before);
  const count = await shared.componentNodes().count();
  await shared.select('erp');
  await view.keyboard.press('Delete');
  await view.keyboard.press('Backspace');
  await view.keyboard.press('Control+x');
  await expect(shared.componentNodes()).toHaveCount(count);
  await expect(shared.node('erp')).toBeVisible();

  // Selecting shows the component read-only, its reasons and its charts.
  const details = view.getByRole('region', { name: 'Selected item' });
  await expect(details.getByRole('heading', { name: 'ERP application' })).toBeVisible();
  await expect(details).toContainText('Latency SLO');
  await expect(view.getByRole('list', { name: 'Why' })).toBeVisible();
  await expect(view.locator('.res-chart').first()).toBeVisible();
  await expect(view.locator('input:not([type="range"]):not([type="search"]), select, textarea')).toHaveCount(0);
  await view.emulateMedia({ colorScheme: 'dark' });
  await view.screenshot({ path: shot('dark') });

  // The plan downloads as JSON that parses, and as a Markdown report.
  const [json] = await Promise.all([
    view.waitForEvent('download'),
    view.getByRole('button', { name: 'Plan (JSON)' }).click(),
  ]);
  const plan = loadPlan(JSON.parse(await readFile(await json.path(), 'utf8')));
  if (!plan.ok) throw new Error(formatProblems(plan.problems));
  expect(plan.value).toMatchObject({ format: 'tidemark.plan', version: 1 });
  expect(plan.value.placements.map((p) => p.componentId)).toContain('erp');
  const [markdown] = await Promise.all([
    view.waitForEvent('download'),
    view.getByRole('button', { name: 'Report (Markdown)' }).click(),
  ]);
  expect(markdown.suggestedFilename()).toMatch(/\.md$/);
  expect(await readFile(await markdown.path(), 'utf8')).toContain('ERP application');

  // The architect sees the view, then revokes the link.
  await share.dialog.getByRole('button', { name: 'Close' }).click();
  await share.open();
  await expect(share.rows()).toContainText('last viewed');
  // Revoking asks first, as deleting a design does: cancelled (or Escape), the link stays active.
  const revokeButton = share.rows().getByRole('button', { name: /^Revoke link/ });
  const confirm = page.getByRole('dialog', { name: 'Revoke this link?' });
  await revokeButton.click();
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('The link to the latest revision, created');
  await expect(confirm).toContainText('This cannot be undone');
  // Focus is in the confirmation, on its safe choice (as the browser focuses a modal's first button).
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/share-revoke-confirm.png' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(share.dialog).toBeVisible();
  await revokeButton.click();
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(share.dialog).toBeVisible();
  await expect(share.rows()).toHaveAttribute('data-state', 'active');
  expect((await view.reload())?.status()).toBe(200);
  await revokeButton.click();
  await confirm.getByRole('button', { name: 'Revoke link' }).click();
  await expect(share.rows()).toHaveAttribute('data-state', 'revoked');
  await expect(share.dialog.getByRole('status')).toContainText('Revoked the link to the latest revision');

  // Reloaded, the link is a plain 404, the same as a token that never existed.
  const gone = await view.reload();
  expect(gone?.status()).toBe(404);
  expectShareHeaders(gone);
  await expect(view.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expect(view.locator('.react-flow')).toHaveCount(0);
  const token = new URL(url).pathname.slice('/s/'.length);
  const random = 'A'.repeat(43);
  const [revokedAnswer, randomAnswer] = await Promise.all([
    reviewer.request.get(url),
    reviewer.request.get(`/s/${random}`),
  ]);
  expect([revokedAnswer.status(), randomAnswer.status()]).toEqual([404, 404]);
  // The page echoes its own path (Next's router state) and carries its CSP's per-request nonce: compare the rest.
  const normalise = async (answer: APIResponse, t: string) => {
    const nonce = /'nonce-([^']+)'/.exec(answer.headers()['content-security-policy'] ?? '')?.[1];
    const body = (await answer.text()).replaceAll(t, 'TOKEN');
    return nonce ? body.replaceAll(nonce, 'NONCE') : body;
  };
  expect(await normalise(revokedAnswer, token)).toBe(await normalise(randomAnswer, random));
  await reviewer.close();
});
