/**
 * Reading the canvas: one colour per placement everywhere (node, legend, pill, chart line) in both
 * themes; each node's monthly cost; the placement lanes, readable on a 100-component design; and
 * finding a component by name, Enter revealing and selecting it.
 */
import type { Locator, Page } from '@playwright/test';
import { generateLayeredDesign } from '../bench/lib/canvas-design';
import { createExample, expect, importDesign, test } from './fixtures';

const shot = (name: string) => `test-results/screens/canvas-${name}.png`;

const colourOf = (locator: Locator, property: string) =>
  locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

async function setTheme(page: Page, theme: 'light' | 'dark') {
  await page.evaluate((t) => {
    document.documentElement.dataset.theme = t;
  }, theme);
}

test('a placement has one colour on the node, the legend, the pill and the chart, in both themes', async ({
  page,
  editor,
  request,
}) => {
  // Since the joint choice (issue 12) no example uses all three: the retail shop bursts and keeps its
  // database home; the serverless example runs its upload API on functions.
  const cases = [
    [
      'cloud-bursting',
      [
        ['web', 'burst'],
        ['shop-db', 'static'],
      ],
    ],
    ['hybrid-serverless', [['upload-api', 'serverless']]],
  ] as const;
  const seen = new Map<string, string>();
  for (const [example, nodes] of cases) {
    await page.goto(`/designs/${await createExample(request, example)}`);
    await editor.waitSimulated();
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      for (const [id, placement] of nodes) {
        const node = editor.node(id);
        const border = await colourOf(node, 'border-left-color');
        const swatch = await colourOf(
          page.getByLabel('Legend').locator(`.tm-swatch[data-placement="${placement}"]`),
          'background-color',
        );
        await editor.select(id);
        expect(swatch, `${placement} swatch in ${theme}`).toBe(border);
        // The panel follows the selection a moment later (a deferred render): read it once it has.
        const pill = page.getByTestId('component-decision').locator(`.res-badge[data-placement="${placement}"]`);
        await expect.poll(() => colourOf(pill, 'color'), { message: `${placement} pill in ${theme}` }).toBe(border);
        // The charts redraw one after another: read the line once it has settled.
        const line = page.locator(`.res-chart[data-placement="${placement}"] .tm-chart-line`).first();
        await expect.poll(() => colourOf(line, 'stroke'), { message: `${placement} chart in ${theme}` }).toBe(border);
        expect(seen.get(`${placement}-${theme === 'light' ? 'dark' : 'light'}`)).not.toBe(border);
        seen.set(`${placement}-${theme}`, border);
      }
      await page.screenshot({ path: shot(`colours-${example}-${theme}`) });
    }
  }
  // A different colour for each placement, in each theme.
  for (const theme of ['light', 'dark'])
    expect(new Set([...seen].filter(([k]) => k.endsWith(theme)).map(([, v]) => v)).size).toBe(3);
});

test('each node shows its monthly cost, the same as the plan’s', async ({ page, editor, request }) => {
  await page.goto(`/designs/${await createExample(request, 'cloud-bursting')}`);
  await editor.waitSimulated();
  await expect(page.getByTestId('cost-catalog')).toHaveText('$57.71/mo');
  await expect(page.getByTestId('cost-shop-db')).toHaveText('$112.00/mo');
  await page.getByRole('tab', { name: 'Whole design' }).click();
  const row = page.getByRole('table', { name: 'Every component' }).getByRole('row', { name: /Catalogue service/ });
  await expect(row).toContainText('$57.71');
});

test('lanes group a 100-component design by where it runs; search reveals a component by name', async ({
  page,
  editor,
  request,
}) => {
  test.setTimeout(120_000);
  // Fifteen-minute steps: the same picture, planned in a third of the time on a busy test machine.
  const design = {
    ...generateLayeredDesign(100, 160, 7),
    name: 'A hundred components',
    simulation: { days: 30, stepMinutes: 15 },
  };
  const id = await importDesign(request, design);
  // Zoomed out to fit, the nodes are compact (use-compact.ts); they must be drawn so from the start,
  // not drawn in full at zoom 1 first and then again (a second render of every node on opening).
  await page.addInitScript(() => {
    const w = window as unknown as { __fullNodes: number };
    w.__fullNodes = 0;
    // After each batch of DOM changes (before it is painted): any node drawn in full?
    new MutationObserver(() => {
      w.__fullNodes += document.querySelectorAll('.tm-node:not(.compact)').length;
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
  });
  await page.goto(`/designs/${id}`);
  await expect(page.locator('[data-testid^="placement-"]')).toHaveCount(100, { timeout: 60_000 });
  await expect(editor.componentNodes()).toHaveCount(100);
  await expect(page.locator('.tm-node.compact')).toHaveCount(100);
  expect(await page.evaluate(() => (window as unknown as { __fullNodes: number }).__fullNodes)).toBe(0);
  await page.screenshot({ path: shot('hundred') });

  // Lanes (key G, or the button): every node inside the band of its placement.
  await editor.clickEmptyCanvas();
  await page.keyboard.press('g');
  const toggle = page.getByRole('button', { name: 'Lanes' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('lane-dc')).toBeVisible();
  await expect(page.getByTestId('lane-cloud')).toBeVisible();
  await editor.waitUntilStill(page.getByTestId('lane-dc'));
  await page.screenshot({ path: shot('lanes-hundred') });
  const bands = await page.locator('.tm-lane').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { lane: el.getAttribute('data-lane'), top: r.top, bottom: r.bottom };
    }),
  );
  const nodes = await page.locator('.tm-node').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { placement: el.getAttribute('data-placement'), top: r.top, bottom: r.bottom };
    }),
  );
  const laneOf: Record<string, string> = { static: 'dc', burst: 'both', 'elastic-vm': 'cloud', serverless: 'cloud' };
  expect(nodes).toHaveLength(100);
  for (const n of nodes) {
    const band = bands.find((b) => b.lane === laneOf[n.placement ?? '']);
    expect(band, `a band for ${n.placement}`).toBeDefined();
    expect(n.top).toBeGreaterThanOrEqual(band!.top - 0.5);
    expect(n.bottom).toBeLessThanOrEqual(band!.bottom + 0.5);
  }
  // The band labels stay readable at this zoom: real text size on screen.
  const label = page.locator('.tm-lane-label').first();
  await expect(label).toContainText(/Data centre · \d+/);
  expect(Number.parseFloat(await colourOf(label, 'font-size'))).toBeGreaterThanOrEqual(12);

  // Search: type part of a name, choose with the arrow keys, Enter reveals and selects it.
  const target = design.components[57]!;
  await page.keyboard.press('/');
  const search = page.getByRole('combobox', { name: 'Find a component' });
  await expect(search).toBeFocused();
  await search.fill(target.name);
  const options = page.getByRole('listbox', { name: 'Matching components' }).getByRole('option');
  await expect(options.first()).toContainText(target.name);
  await search.press('Enter');
  const node = editor.node(target.id);
  await expect(page.getByRole('tab', { name: 'Selection' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: target.name, level: 2 })).toBeVisible();
  await editor.waitUntilStill(node);
  const canvas = (await page.locator('.tm-canvas').boundingBox())!;
  const box = (await node.boundingBox())!;
  // In the middle of the canvas, at a zoom where its name can be read.
  expect(Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(40);
  expect(Math.abs(box.y + box.height / 2 - (canvas.y + canvas.height / 2))).toBeLessThan(40);
  expect(box.width).toBeGreaterThanOrEqual(195);
  await page.screenshot({ path: shot('revealed') });

  // Lanes off: the design's own layout is back, and dragging works again.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('lane-dc')).toHaveCount(0);
});

test('a design imported without a layout opens laid out: layered, apart, not a strip, saved, undoable', async ({
  page,
  request,
}) => {
  // 60 components in three layers (two entry points, dozens of services, the stores) and no layout:
  // once drawn as a five-column grid twelve rows tall, on top of one another's connections.
  const { layout: _none, ...document } = generateLayeredDesign(60, 100, 11);
  const id = await importDesign(request, { ...document, name: 'Imported without a layout' });
  await page.goto(`/designs/${id}`);
  await expect(
    page.getByRole('status').filter({ hasText: 'Laid out the 60 components that had no position' }),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(400); // the view's fit settles
  await page.screenshot({ path: shot('imported-without-layout') });

  // The layout is saved with the design: every component has a position, none on another.
  const res = await request.get(`/api/trpc/designs.get?input=${encodeURIComponent(JSON.stringify({ id }))}`);
  const saved = (
    (await res.json()) as { result: { data: { document: { layout?: Record<string, { x: number; y: number }> } } } }
  ).result.data.document;
  const layout = saved.layout ?? {};
  expect(Object.keys(layout)).toHaveLength(60);
  const points = Object.values(layout);
  points.forEach((a, i) =>
    points.slice(i + 1).forEach((b) => expect(Math.abs(a.x - b.x) >= 200 || Math.abs(a.y - b.y) >= 100).toBe(true)),
  );
  // Layered: every caller left of its callee.
  for (const c of document.connections ?? []) expect(layout[c.from]?.x ?? 0).toBeLessThan(layout[c.to]?.x ?? 0);

  // On screen: the nodes drawn do not overlap, and together they are not a tall narrow strip.
  const boxes = (
    await page
      .locator('.react-flow__node-component')
      .evaluateAll((nodes) =>
        nodes.map((n) => n.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }),
      )
  ).filter((b) => b.width > 0);
  expect(boxes.length).toBe(60);
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart).toBe(true);
    }),
  );
  const width = Math.max(...boxes.map((b) => b.x + b.width)) - Math.min(...boxes.map((b) => b.x));
  const height = Math.max(...boxes.map((b) => b.y + b.height)) - Math.min(...boxes.map((b) => b.y));
  expect(width / height).toBeGreaterThan(0.6);

  // One undo step takes the layout back off (the components are drawn where they were provisionally).
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});
