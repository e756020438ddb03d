import { createExample, expect, test } from './fixtures';

const shot = (name: string) => `test-results/screens/editor-${name}.png`;

test('an architect draws, tags and tunes a design, and finds it saved after a reload', async ({ page, editor }) => {
  await editor.createBlank();

  // Draw: drag a user interface from the palette, add a database with the keyboard.
  await editor.dragFromPalette('User interface', 120, 260);
  await expect(editor.node('ui')).toBeVisible();
  await page.getByRole('button', { name: 'Add Database' }).focus();
  await page.keyboard.press('Enter');
  await expect(editor.node('database')).toBeVisible();
  // elk lays out asynchronously: wait until the nodes have moved, or the drags below race it.
  const dropped = await editor.positionOf('ui');
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect.poll(async () => JSON.stringify(await editor.positionOf('ui'))).not.toBe(JSON.stringify(dropped));
  await expect(editor.componentNodes()).toHaveCount(3);

  // Connect them by their handles: ui → service → database.
  await editor.connect('ui', 'service');
  await expect(page.getByTestId('edge-label-ui-service')).toHaveText('sync, 1 call');
  await editor.connect('service', 'database');
  await expect(page.getByTestId('edge-label-service-database')).toHaveText('sync, 1 call');
  await page.screenshot({ path: shot('drawn') });

  // Tag the entry point: a daily peak barely above the base stays in the data centre.
  await editor.select('ui');
  await page.getByLabel('Workload pattern').selectOption('periodic');
  await page.getByLabel('Base load (req/s)').fill('10');
  await page.getByLabel('Peak load (req/s)').fill('15');
  await page.getByLabel('Peak load (req/s)').press('Enter');
  await expect(editor.placement('ui')).toHaveText('Data centre', { timeout: 20_000 });
  await page.screenshot({ path: shot('low-peak') });

  // An invalid value is marked at its field and never reaches the design.
  await page.getByLabel('Peak load (req/s)').fill('5');
  await page.getByLabel('Peak load (req/s)').press('Enter');
  await expect(page.getByLabel('Peak load (req/s)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('must be at least the base load (10 req/s)', { exact: true })).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText(/^Not saved: Peak load \(req\/s\) must be at least/);

  // Raise the peak a hundredfold: the recommendation moves out of the data centre.
  await page.getByLabel('Peak load (req/s)').fill('1500');
  await page.getByLabel('Peak load (req/s)').press('Enter');
  await expect(editor.placement('ui')).not.toHaveText('Data centre', { timeout: 20_000 });
  const raised = (await editor.placement('ui').textContent()) ?? '';
  await page.screenshot({ path: shot('high-peak') });

  // Undo brings the low peak (and its placement) back; redo the high one.
  await editor.clickEmptyCanvas();
  await page.keyboard.press('Control+z');
  await expect(editor.placement('ui')).toHaveText('Data centre', { timeout: 20_000 });
  await page.keyboard.press('Control+Shift+z');
  await expect(editor.placement('ui')).toHaveText(raised, { timeout: 20_000 });

  // Copy and paste a component; pasting inside a text field pastes text, not components.
  await editor.select('database');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(editor.node('database-2')).toBeVisible();
  await expect(editor.componentNodes()).toHaveCount(4);
  await editor.select('ui');
  await page.getByLabel('Name', { exact: true }).focus();
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.press('Control+v');
  await expect(editor.componentNodes()).toHaveCount(4);
  // The text pasted (the copied component) is too long for a name: refused, and not saved; Escape
  // puts the saved name back.
  await expect(page.getByTestId('save-status')).toHaveText('Not saved: Name must be at most 120 characters');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Web front end');

  // Auto-layout moves the pasted component into the flow.
  const before = await editor.positionOf('database-2');
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect.poll(async () => (await editor.positionOf('database-2')).x).not.toBe(before.x);
  await page.screenshot({ path: shot('laid-out') });

  // Reload: everything is as it was left.
  await editor.waitSaved();
  await page.reload();
  await expect(editor.componentNodes()).toHaveCount(4);
  await expect(page.getByTestId('edge-label-service-database')).toBeVisible();
  await editor.select('ui');
  await expect(page.getByLabel('Peak load (req/s)')).toHaveValue('1500');
  await expect(editor.placement('ui')).toHaveText(raised, { timeout: 20_000 });
  await page.screenshot({ path: shot('reloaded') });
});

test('a drag of two selected components moves both by the same step, undone as one', async ({ page, editor }) => {
  await editor.createBlank();
  await page.getByRole('button', { name: 'Add Database' }).focus();
  await page.keyboard.press('Enter');
  await expect(editor.node('database')).toBeVisible();
  await editor.waitSimulated();
  await editor.waitUntilStill(editor.node('database'));
  const at = async () => [await editor.flowPosition('service'), await editor.flowPosition('database')];
  const start = await at();
  // Shift-click adds to the selection; dragging one selected node drags all of them.
  await editor.select('service');
  await editor.node('database').click({ modifiers: ['Shift'] });
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);
  await editor.dragNode('service', 160, 100, 12);
  const moved = await at();
  const step = (i: number) => moved[i]?.map((v, k) => Number(v) - Number(start[i]?.[k]));
  expect(step(0)).not.toEqual([0, 0]);
  expect(step(1)).toEqual(step(0));
  // One undo step puts both back; redo moves both again.
  await editor.clickEmptyCanvas();
  await page.keyboard.press('Control+z');
  await expect.poll(at).toEqual(start);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(at).toEqual(moved);
});

test('the shortcuts help opens with ? and every palette entry is a labelled button', async ({ page, editor }) => {
  await editor.createBlank();
  await editor.clickEmptyCanvas();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Undo');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Component palette' }).getByRole('button')).toHaveCount(9);
});

test('a dragged component stays where it is dropped: on the grid, saved, one undo step', async ({ page, editor }) => {
  await editor.createBlank();
  await editor.waitSimulated();
  const node = editor.node('service');
  await editor.waitUntilStill(node);
  const start = await editor.flowPosition('service');
  expect(start).toHaveLength(2);
  await editor.dragNode('service', 170, 95, 12);
  // Moved, and snapped to the 20 px grid (core/edit GRID).
  const moved = await editor.flowPosition('service');
  expect(moved).not.toEqual(start);
  for (const v of moved ?? []) expect(Number(v) % 20).toBe(0);
  // One undo step puts it back; redo moves it again.
  await editor.clickEmptyCanvas();
  await page.keyboard.press('Control+z');
  await expect.poll(() => editor.flowPosition('service')).toEqual(start);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => editor.flowPosition('service')).toEqual(moved);
  // The move is the design's: it outlives a reload, and the plan's placement is on the node.
  await editor.waitSaved();
  await page.reload();
  await expect(node).toBeVisible();
  expect(await editor.flowPosition('service')).toEqual(moved);
  await expect(editor.placement('service')).toBeVisible();
});

test('a paste lands beside what was copied, and each further paste a step further on', async ({
  page,
  editor,
  request,
}) => {
  await page.goto(`/designs/${await createExample(request, 'hybrid-backend')}`);
  await editor.waitSimulated();
  await editor.select('erp');
  // Nothing copied yet: a paste says how to copy, and adds nothing.
  await page.keyboard.press('Control+v');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing to paste' })).toContainText('Ctrl+C');
  await expect(editor.node('erp-2')).toHaveCount(0);
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(editor.node('erp-2')).toBeVisible();
  await page.keyboard.press('Control+v');
  await expect(editor.node('erp-3')).toBeVisible();
  // The original copied again (picked by its corner the copies leave uncovered): its paste goes
  // beside the copies already there, not on the first.
  await editor.node('erp').click({ position: { x: 4, y: 4 } });
  await expect(page.getByRole('heading', { name: 'ERP application', exact: true })).toBeVisible();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(editor.node('erp-4')).toBeVisible();
  const at = async (id: string) => ((await editor.flowPosition(id)) ?? []).map(Number);
  const zoom = await page
    .locator('.react-flow__viewport')
    .evaluate((el) => Number(/scale\(([\d.]+)\)/.exec((el as HTMLElement).style.transform)?.[1]));
  const [x = NaN, y = NaN] = await at('erp');
  const copies = [await at('erp-2'), await at('erp-3'), await at('erp-4')];
  const step = copies[0]![0]! - x;
  expect(copies).toEqual([
    [x + step, y + step],
    [x + 2 * step, y + 2 * step],
    [x + 3 * step, y + 3 * step],
  ]);
  // About 24 pixels apart on screen, whatever the zoom: each copy shows beside the one before.
  expect(step * zoom).toBeGreaterThanOrEqual(14);
  expect(step * zoom).toBeLessThanOrEqual(34);
  await editor.waitSaved();
  await page.screenshot({ path: 'test-results/screens/editor-pasted.png' });
});
