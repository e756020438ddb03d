/** The editor's Export menu, used as a person would: open it, pick an item, keep the download. */
import type { Download, Page } from '@playwright/test';

/** Saves the download under test-results/exports/, its suggested name after `prefix`. */
export async function exportAs(page: Page, item: string, prefix = ''): Promise<{ download: Download; path: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const menu = page.getByRole('menu', { name: 'Export' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('menuitem', { name: item }).click(),
  ]);
  const path = `test-results/exports/${prefix}${download.suggestedFilename()}`;
  await download.saveAs(path);
  return { download, path };
}
