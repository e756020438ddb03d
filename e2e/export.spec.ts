/**
 * Exports from the editor, opened as a person would: the plan JSON checked against the published
 * schema (Zod's planSchema, the source of /schemas/plan.v1.json) and against the design exported
 * beside it, the Markdown report read, the PNG measured and saved for looking at, the SVG parsed,
 * and the design JSON dropped back onto the designs list.
 */
import { readFile, copyFile, mkdir } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { z } from 'zod';
import { loadDesign, loadPlan, planSchema } from '../core/model';
import { hashDesign } from '../core/plan';
import { expect, test } from './fixtures';

const EXAMPLE = 'Retail web shop with a flash sale (cloud bursting)';
const STEM = 'retail-web-shop-with-a-flash-sale-cloud-bursting';

async function exportAs(page: Page, item: string): Promise<{ download: Download; path: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const menu = page.getByRole('menu', { name: 'Export' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('menuitem', { name: item }).click(),
  ]);
  const path = `test-results/exports/${download.suggestedFilename()}`;
  await download.saveAs(path);
  return { download, path };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Drops a file on the designs list the way a browser does: dragover, then drop with a DataTransfer. */
async function dropFile(page: Page, name: string, text: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      return dt;
    },
    { name, text },
  );
  const target = page.getByRole('main');
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

test('every export opens: plan JSON, Markdown, design JSON, PNG and SVG; the design drops back in', async ({
  page,
  designs,
  editor,
}) => {
  await mkdir('test-results/screens', { recursive: true });
  await designs.open();
  await designs.createFromExample(EXAMPLE);
  await expect(editor.placement('shop-db')).toHaveText('Data centre', { timeout: 30_000 });
  await expect(page.getByTestId('wiring-group').first()).toBeVisible();
  const connectionIds = await page
    .locator('.react-flow__edge')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  expect(connectionIds.length).toBeGreaterThan(2);
  const wiringGroups = await page.getByTestId('wiring-group').count();

  // A layout-only edit does not re-run the engine: the exported plan must still name this design.
  const node = editor.node('cart');
  const box = await node.boundingBox();
  if (!box) throw new Error('no node');
  await page.mouse.move(box.x + 40, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + 140, box.y + 72, { steps: 8 });
  await page.mouse.up();

  const designFile = await exportAs(page, 'Design (JSON)');
  expect(designFile.download.suggestedFilename()).toBe(`${STEM}.design.json`);
  const designJson: unknown = JSON.parse(await readFile(designFile.path, 'utf8'));
  const design = loadDesign(designJson);
  if (!design.ok) throw new Error(JSON.stringify(design.problems));

  const planFile = await exportAs(page, 'Plan (JSON)');
  expect(planFile.download.suggestedFilename()).toBe(`${STEM}.plan.json`);
  const planJson: unknown = JSON.parse(await readFile(planFile.path, 'utf8'));
  const parsed = planSchema.safeParse(planJson);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(loadPlan(planJson).ok).toBe(true);
  const plan = parsed.data!;
  expect(plan.design.sha256).toBe(hashDesign(designJson));
  expect(plan.placements.map((p) => p.componentId).sort()).toEqual(design.value.components.map((c) => c.id).sort());
  expect(plan.assumptions.simulation).toEqual(design.value.simulation);

  // The published schema is served and is the one the plan answers to.
  const schemaResponse = await page.request.get('/schemas/plan.v1.json');
  expect(schemaResponse.status()).toBe(200);
  expect(schemaResponse.headers()['content-type']).toMatch(/^application\/(schema\+)?json/);
  const schema = z
    .looseObject({ $id: z.string(), required: z.array(z.string()), properties: z.record(z.string(), z.unknown()) })
    .parse(await schemaResponse.json());
  expect(schema.$id).toBe('/schemas/plan.v1.json');
  expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(plan).sort());
  expect((await page.request.get('/schemas/design.v1.json')).status()).toBe(200);
  expect((await page.request.get('/schemas/design.v2.json')).status()).toBe(404);

  const report = await readFile((await exportAs(page, 'Plan report (Markdown)')).path, 'utf8');
  for (const p of plan.placements) expect(report).toContain(`\`${p.componentId}\``);
  for (const w of plan.wiring) expect(report).toContain(`| ${w.id} |`);
  expect(report).toContain('## Totals');

  // Zoomed far out the canvas draws compact nodes without edge labels; the images are drawn at zoom 1.
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Zoom Out' }).click();

  const png = await exportAs(page, 'Canvas image (PNG)');
  expect(png.download.suggestedFilename()).toBe(`${STEM}.png`);
  const size = pngSize(await readFile(png.path));
  // Four components 200 px wide at zoom 1, drawn at twice the pixels: readable, never a poster.
  expect(size.width).toBeGreaterThan(800);
  expect(size.height).toBeGreaterThan(300);
  expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(8192);
  await copyFile(png.path, 'test-results/screens/export-canvas.png');

  const svg = await readFile((await exportAs(page, 'Canvas image (SVG)')).path, 'utf8');
  const found = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      edges: [...doc.querySelectorAll('.react-flow__edge')].map((e) => e.getAttribute('data-id')),
      // Drawn: a path with a real stroke inline (html-to-image copies an <svg> without its stylesheet).
      paths: [...doc.querySelectorAll<SVGPathElement>('path.react-flow__edge-path')].filter(
        (p) =>
          (p.getAttribute('d') ?? '').length > 10 &&
          !['', 'none'].includes(p.style.stroke) &&
          Number.parseFloat(p.style.strokeWidth) > 0,
      ).length,
      labels: doc.querySelectorAll('.tm-edge-label').length,
      wiring: doc.querySelectorAll('[data-testid="wiring-group"]').length,
      nodes: doc.querySelectorAll('.react-flow__node-component').length,
    };
  }, svg);
  expect(found.error).toBeNull();
  expect(found.root).toBe('svg');
  expect(found.edges.sort()).toEqual([...connectionIds].sort());
  expect(found.paths).toBe(connectionIds.length);
  expect(found.labels).toBe(connectionIds.length);
  expect(found.wiring).toBe(wiringGroups);
  expect(found.nodes).toBe(design.value.components.length);
  // The view the person had is given back.
  await expect(page.getByTestId('edge-label-' + connectionIds[0])).toHaveCount(0);

  // In the dark theme the image keeps the theme's colours (CSS variables resolved at capture).
  await page.getByRole('button', { name: /^Theme: system/ }).click();
  await page.getByRole('button', { name: /^Theme: light/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await exportAs(page, 'Canvas image (PNG)');
  expect(pngSize(await readFile(dark.path))).toEqual(size);
  await copyFile(dark.path, 'test-results/screens/export-canvas-dark.png');

  // The exported design, dropped on the designs list, comes back as a new design.
  await designs.open();
  const before = await designs.rows().count();
  const sameName = await designs.row(EXAMPLE).count();
  await dropFile(page, `${STEM}.design.json`, await readFile(designFile.path, 'utf8'));
  await expect(page.getByText(`Imported “${EXAMPLE}”.`)).toBeVisible();
  await expect(designs.rows()).toHaveCount(before + 1);
  await expect(designs.row(EXAMPLE)).toHaveCount(sameName + 1);

  // A file from a future version, or with errors, is refused with paths and creates nothing.
  await dropFile(page, 'future.json', JSON.stringify({ ...(designJson as object), version: 3 }));
  const alert = page.getByRole('alert').filter({ hasText: 'was not imported' });
  await expect(alert).toContainText('version');
  await expect(alert).toContainText('version 3 is newer');
  await dropFile(
    page,
    'broken.json',
    JSON.stringify({ ...(designJson as object), connections: [{ id: 'x', from: 'web', to: 'nowhere' }] }),
  );
  await expect(alert).toContainText('connections[0].to');
  await expect(designs.rows()).toHaveCount(before + 1);
});
