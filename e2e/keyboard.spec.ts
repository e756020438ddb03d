/**
 * The canvas without a mouse: components and connections take the focus with a visible ring; C on a
 * selected component connects it to one chosen from a list (arrow keys, Enter); a new component from
 * the palette (Enter) lands beside the selection and never on top of another, nor does a dropped one.
 */
import type { Page } from '@playwright/test';
import { createExample, expect, test } from './fixtures';

const shot = (name: string) => `test-results/screens/keyboard-${name}.png`;

/** Every component node's box on screen. */
const boxes = (page: Page) =>
  page.locator('.tm-node').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-testid'), x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );

function overlapping(all: { id: string | null; x: number; y: number; w: number; h: number }[]) {
  const pairs: string[] = [];
  for (let a = 0; a < all.length; a++)
    for (let b = a + 1; b < all.length; b++) {
      const p = all[a]!;
      const q = all[b]!;
      if (p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h) pairs.push(`${p.id} × ${q.id}`);
    }
  return pairs;
}

test('focus rings, connecting with the keyboard, new components beside the selection', async ({
  page,
  editor,
  request,
}) => {
  test.setTimeout(120_000);
  await page.goto(`/designs/${await createExample(request, 'hybrid-serverless')}`);
  await editor.waitSimulated();
  const edgesBefore = await page.locator('.react-flow__edge').count();

  // Tab into the canvas: the focused node has a visible ring; Enter selects it.
  const firstNode = page.locator('.react-flow__node').first();
  await firstNode.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(firstNode).toBeFocused();
  const ring = await firstNode
    .locator('.tm-node')
    .evaluate((el) => ({ style: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth }));
  expect(ring.style).toBe('solid');
  expect(Number.parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: shot('node-focus') });
  // An edge takes the focus too, drawn in the focus colour.
  const edge = page.locator('.react-flow__edge').first();
  await edge.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(edge).toBeFocused();
  const stroke = await edge.locator('.tm-edge').evaluate((el) => getComputedStyle(el).strokeWidth);
  expect(Number.parseFloat(stroke)).toBeGreaterThanOrEqual(4);

  // Select "Upload API" with the keyboard (focus, Enter), then C: connect it to the image store.
  const upload = page.getByRole('group', { name: /^Upload API,/ });
  await upload.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Upload API', level: 2 })).toBeVisible();
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog', { name: 'Connect Upload API to…' });
  await expect(dialog).toBeVisible();
  const target = dialog.getByRole('combobox', { name: 'Target component' });
  await expect(target).toBeFocused();
  await target.fill('order');
  const options = dialog.getByRole('listbox', { name: 'Components to connect to' }).getByRole('option');
  await expect(options).toHaveText([/Order service/]);
  await target.fill('');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  const chosen = (await options.nth(1).locator('span').first().innerText()).trim();
  await page.screenshot({ path: shot('connect-dialog') });
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Connected Upload API → ${chosen}` })).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore + 1);
  // One undo step takes it away.
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore);

  // A refused connection (a cycle) says why and leaves the dialog open.
  await editor.select('images');
  await page.keyboard.press('c');
  const again = page.getByRole('dialog', { name: /^Connect .* to…$/ });
  await again.getByRole('combobox', { name: 'Target component' }).fill('upload');
  await page.keyboard.press('Enter');
  await expect(again.getByRole('alert')).toContainText(/cycle|already/);
  await page.keyboard.press('Escape');
  await expect(again).toBeHidden();

  // Palette, Enter: the new component goes right of the selected one, overlapping nothing.
  const count = await editor.componentNodes().count();
  for (let i = 0; i < 3; i++) {
    await editor.select('customers-db');
    await page.getByRole('button', { name: 'Add Queue' }).focus();
    await page.keyboard.press('Enter');
  }
  await expect(editor.componentNodes()).toHaveCount(count + 3);
  await editor.waitUntilStill(editor.node('customers-db'));
  const all = await boxes(page);
  expect(overlapping(all)).toEqual([]);
  // The first one level with it, on its right; the next ones as near as they fit, still on its right
  // (a connection drawn to one below it would double back).
  const queue = all.find((b) => b.id === 'node-queue')!;
  const db = all.find((b) => b.id === 'node-customers-db')!;
  expect(queue.x).toBeGreaterThan(db.x + db.w);
  expect(Math.abs(queue.y - db.y)).toBeLessThan(2);
  for (const id of ['node-queue-2', 'node-queue-3']) {
    const q = all.find((b) => b.id === id)!;
    expect(q.x).toBeGreaterThan(db.x + db.w);
    expect(Math.hypot(q.x - queue.x, q.y - queue.y)).toBeLessThan(3 * db.w);
  }

  // Dropped on top of another component, a new one moves to the nearest free spot.
  const onTop = await editor.positionOf('storefront');
  // The drop, as the browser delivers it, right on the middle of that component.
  const transfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.setData('application/x-tidemark-kind', 'storage');
    return dt;
  });
  const at = { clientX: onTop.x + onTop.width / 2, clientY: onTop.y + onTop.height / 2 };
  await page.locator('.tm-canvas').dispatchEvent('dragover', { dataTransfer: transfer, ...at });
  await page.locator('.tm-canvas').dispatchEvent('drop', { dataTransfer: transfer, ...at });
  await expect(editor.componentNodes()).toHaveCount(count + 4);
  expect(overlapping(await boxes(page))).toEqual([]);
  await page.screenshot({ path: shot('placed') });
});
