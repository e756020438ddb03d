/**
 * A phone (390 × 844): the editor and a share link stack their parts — palette, canvas, panel — and
 * the page scrolls, so the diagram and the decision are both there (the canvas was 0 px wide between
 * the palette and the 400 px panel, and a reviewer opening a share link on a phone never saw it).
 */
import { z } from 'zod';
import type { Page } from '@playwright/test';
import { createExample, expect, test } from './fixtures';
import { trpcData } from './trpc-json';

async function expectStacked(page: Page) {
  const canvas = await page.locator('.react-flow').boundingBox();
  expect(canvas?.width ?? 0).toBeGreaterThanOrEqual(370);
  expect(canvas?.height ?? 0).toBeGreaterThanOrEqual(400);
  // Nothing wider than the screen: the page scrolls down, never sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const headline = page.getByRole('heading', { name: /^Recommended: \$/ });
  await headline.scrollIntoViewIfNeeded();
  await expect(headline).toBeInViewport();
}

test.use({ viewport: { width: 390, height: 844 } });

test('on a phone the editor stacks palette, canvas and panel, and the page scrolls', async ({
  page,
  request,
  editor,
}) => {
  await page.goto(`/designs/${await createExample(request, 'cloud-bursting')}`);
  await editor.waitSimulated();
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await expectStacked(page);
  await page.screenshot({ path: 'test-results/screens/narrow-editor.png', fullPage: true });
});

test('on a phone a share link shows the diagram, then the decision', async ({ page, request }) => {
  const id = await createExample(request, 'cloud-bursting');
  const { token } = await trpcData(
    await request.post('/api/trpc/shares.create', { data: { designId: id } }),
    z.object({ token: z.string() }),
  );
  await page.goto(`/s/${token}`);
  await expect(page.locator('.react-flow__node')).toHaveCount(4, { timeout: 30_000 });
  await expectStacked(page);
  await page.screenshot({ path: 'test-results/screens/narrow-share.png', fullPage: true });
});

test("on a phone the designs list wraps each design's actions under its name", async ({ page, request }) => {
  await createExample(request, 'cloud-bursting');
  await page.goto('/');
  const row = page.locator('.design-row').first();
  await expect(row).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const name of ['Rename', 'Duplicate', 'Delete']) {
    const box = await row.getByRole('button', { name: new RegExp(`^${name} `) }).boundingBox();
    expect(box, name).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0), name).toBeLessThanOrEqual(390);
  }
  const theme = await page.getByRole('button', { name: /^Theme: / }).boundingBox();
  expect((theme?.x ?? 0) + (theme?.width ?? 0)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test-results/screens/narrow-designs.png', fullPage: true });
});
