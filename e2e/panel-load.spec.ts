/**
 * A part of the page that cannot load (its script chunk fails: the network dropped, the server is
 * down) takes down only that part: the canvas, the design and its pending save stay, the part says
 * what happened and offers Retry, and Retry loads it once the network is back.
 */
import { expect, test } from './fixtures';

test('a panel whose chunk fails to load says so; the editor keeps the new queue and saves it', async ({
  page,
  editor,
  request,
}) => {
  await editor.createBlank();
  await editor.waitSaved();
  const id = new URL(page.url()).pathname.split('/').pop()!;
  await editor.clickEmptyCanvas();

  // The server goes away: no script chunk loads, no save arrives.
  const down = async (route: { abort: () => Promise<void> }) => route.abort();
  await page.route('**/_next/static/**', down);
  await page.route('**/api/trpc/**', down);
  await page.getByRole('button', { name: 'Add Queue' }).focus();
  await page.keyboard.press('Enter');

  // The editor is still there, with the queue on its canvas, and only the panel that failed says so.
  await expect(editor.node('queue')).toBeVisible();
  const failed = page.getByRole('alert').filter({ hasText: 'This part of the page could not load' }).first();
  await expect(failed).toBeVisible({ timeout: 15_000 });
  await expect(failed).toContainText('check your connection');
  await expect(page.getByLabel('Design name')).toBeVisible();
  await expect(page.getByText("This page couldn't load")).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveText(/Not saved/, { timeout: 15_000 });
  await failed.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/panel-load-failed.png' });

  // The network returns: the save goes through by itself, and Retry loads the panel.
  await page.unroute('**/_next/static/**', down);
  await page.unroute('**/api/trpc/**', down);
  await editor.waitSaved();
  const res = await request.get(`/api/trpc/designs.get?input=${encodeURIComponent(JSON.stringify({ id }))}`);
  const saved = (await res.json()) as { result: { data: { document: { components: { id: string }[] } } } };
  expect(saved.result.data.document.components.map((c) => c.id)).toContain('queue');
  for (let i = 0; i < 3 && (await page.getByRole('button', { name: 'Retry loading' }).count()) > 0; i++) {
    await page.getByRole('button', { name: 'Retry loading' }).first().click();
  }
  await expect(page.getByRole('alert').filter({ hasText: 'This part of the page could not load' })).toHaveCount(0);
  // The charts this queue's selection loads on demand are there now.
  await expect(page.getByRole('heading', { name: 'Demand and capacity over the month' })).toBeVisible();
  await expect(editor.node('queue')).toBeVisible();
});
