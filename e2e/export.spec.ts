/**
 * Exports from the editor, opened as a person would: the plan JSON checked against the published
 * schema (Zod's planSchema, the source of /schemas/plan.v1.json) and against the design exported
 * beside it, the Markdown report read, the PNG measured and saved for looking at, the SVG parsed and
 * opened with librsvg (rsvg-convert) as well as the browser, and the design JSON dropped back onto
 * the designs list.
 */
import { execFileSync } from 'node:child_process';
import { readFile, copyFile, mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { z } from 'zod';
import { loadDesign, loadPlan, planSchema } from '../core/model';
import { hashDesign } from '../core/plan';
import { exportAs } from './export-menu';
import { expect, test } from './fixtures';

const EXAMPLE = 'Retail web shop with a flash sale (cloud bursting)';
const STEM = 'retail-web-shop-with-a-flash-sale-cloud-bursting';

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
  expect(plan.design.sha256).toBe(hashDesign(design.value));
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
  // Every field of the plan is published, and it has every field the schema requires (an optional
  // one, such as `commitment` under a 1- or 3-year commitment, may be absent).
  expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(Object.keys(plan)));
  expect(Object.keys(plan)).toEqual(expect.arrayContaining(schema.required));
  expect(schema.required).toContain('assumptions');
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
  // Four components 200 px wide at zoom 1 with a title and a legend, drawn at twice the pixels.
  expect(size.width).toBeGreaterThan(800);
  expect(size.height).toBeGreaterThan(300);
  expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(8192);
  await copyFile(png.path, 'test-results/screens/export-canvas.png');

  const svgFile = await exportAs(page, 'Canvas image (SVG)');
  const svg = await readFile(svgFile.path, 'utf8');
  const found = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      width: Number(doc.documentElement.getAttribute('width')),
      foreign: doc.getElementsByTagName('foreignObject').length,
      nodes: [...doc.querySelectorAll('g[data-id]')].map((g) => g.getAttribute('data-id')),
      edges: [...doc.querySelectorAll('path[marker-end]')].length,
      wiring: doc.querySelectorAll('g[data-wiring]').length,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
    };
  }, svg);
  expect(found.error).toBeNull();
  expect(found.root).toBe('svg');
  // Shapes and text only: nothing a non-browser renderer would leave blank.
  expect(found.foreign).toBe(0);
  expect(svg).not.toContain('var(--');
  expect(found.nodes.sort()).toEqual(design.value.components.map((c) => c.id).sort());
  expect(found.edges).toBe(connectionIds.length);
  expect(found.wiring).toBe(wiringGroups);
  // A title, the totals and a legend; every component named, with its placement and cost.
  expect(found.texts).toContain(EXAMPLE);
  expect(found.texts.some((t) => t?.startsWith('Recommended $'))).toBe(true);
  for (const label of ['Data centre', 'Elastic VMs', 'Serverless', 'Burst (both)', 'Inserted wiring'])
    expect(found.texts).toContain(label);
  for (const c of design.value.components) expect(found.texts).toContain(c.name);
  expect(found.texts.filter((t) => t?.endsWith('/mo'))).toHaveLength(design.value.components.length);
  // The PNG is the same picture at twice the size.
  expect(size.width).toBe(found.width * 2);

  // Opened with librsvg (rsvg-convert, as a document tool would) it draws the same as in the browser.
  const rsvgPng = 'test-results/exports/canvas-rsvg.png';
  execFileSync(process.env.RSVG_CONVERT_PATH ?? 'rsvg-convert', ['-o', rsvgPng, svgFile.path]);
  await copyFile(rsvgPng, 'test-results/screens/export-canvas-rsvg.png');
  const drawn = await page.evaluate(
    async ({ text, png }) => {
      /** Pixels that differ from the background (the top-left pixel) by more than a trace of anti-aliasing. */
      async function ink(src: string) {
        const image = new Image();
        image.src = src;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let i = 0; i < data.length; i += 4) {
          const d = Math.max(
            Math.abs(data[i]! - data[0]!),
            Math.abs(data[i + 1]! - data[1]!),
            Math.abs(data[i + 2]! - data[2]!),
          );
          if (d > 24) count++;
        }
        return { width: canvas.width, height: canvas.height, ink: count };
      }
      const svgUrl = `data:image/svg+xml;base64,${btoa(String.fromCharCode(...new TextEncoder().encode(text)))}`;
      return { browser: await ink(svgUrl), rsvg: await ink(`data:image/png;base64,${png}`) };
    },
    { text: svg, png: (await readFile(rsvgPng)).toString('base64') },
  );
  expect(drawn.rsvg.width).toBe(drawn.browser.width);
  expect(drawn.rsvg.height).toBe(drawn.browser.height);
  // Not blank: nodes, edges, text and the legend cover a few per cent of the picture.
  expect(drawn.rsvg.ink).toBeGreaterThan(0.02 * drawn.rsvg.width * drawn.rsvg.height);
  expect(Math.abs(drawn.rsvg.ink - drawn.browser.ink) / drawn.browser.ink).toBeLessThan(0.25);
  // The view the person had is given back.
  await expect(page.getByTestId('edge-label-' + connectionIds[0])).toHaveCount(0);

  // In the dark theme the image keeps the theme's colours (CSS variables resolved at capture).
  await page.getByRole('button', { name: /^Theme: Auto/ }).click();
  await page.getByRole('button', { name: /^Theme: Light/ }).click();
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
