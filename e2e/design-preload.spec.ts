/**
 * The editor's design is asked for with the page (app/designs/[id]/page.tsx preloads it), not once
 * the editor's code has run: one request reaches the server, made by the preload, and the editor's
 * own query is answered from it. Opened by address and from the designs list alike.
 */
import type { Page } from '@playwright/test';
import { createExample, expect, test } from './fixtures';

/** Requests for the design that left the browser, counted from now. */
function countDesignRequests(page: Page): () => number {
  let n = 0;
  page.on('request', (r) => {
    if (r.url().includes('/api/trpc/designs.get')) n++;
  });
  return () => n;
}

/** How the page's design request was initiated, by its resource timing entries. */
const designEntries = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/trpc/designs.get'))
      .map((e) => (e as PerformanceResourceTiming).initiatorType),
  );

test('opening a design by its address asks for it once, with the page', async ({ page, request, editor }) => {
  const id = await createExample(request, 'cloud-bursting');
  const requests = countDesignRequests(page);
  await page.goto(`/designs/${id}`);
  await expect(editor.node('cart')).toBeVisible();
  await expect(page.getByLabel('Design name')).toHaveValue('Retail web shop with a flash sale (cloud bursting)');
  expect(requests()).toBe(1);
  expect(await designEntries(page)).toEqual(['link']);
});

test('opening a design from the list asks for it once too', async ({ page, request, designs, editor }) => {
  await createExample(request, 'hybrid-backend');
  await designs.open();
  const requests = countDesignRequests(page);
  await designs.rows().getByRole('link', { name: 'ERP with nightly analytics (hybrid backend)' }).first().click();
  await expect(page).toHaveURL(/\/designs\/[a-z0-9]+$/);
  await expect(page.getByLabel('Design name')).toHaveValue('ERP with nightly analytics (hybrid backend)');
  await expect(editor.node('erp')).toBeVisible();
  expect(requests()).toBe(1);
  expect(await designEntries(page)).toEqual(['link']);
});
