import type { Page } from '@playwright/test';
import type { EditorPage } from './editor-fixtures';
import { expect, test, type DesignsList } from './fixtures';

const EXAMPLES = [
  'ERP with nightly analytics (hybrid backend)',
  'Photo shop with image pipeline (hybrid serverless)',
  'Retail web shop with a flash sale (cloud bursting)',
];

test('a new user manages designs on the list page, and everything survives a reload', async ({ page, designs }) => {
  await designs.open();
  // First start: the three examples are seeded.
  expect((await designs.names()).sort()).toEqual([...EXAMPLES].sort());
  await page.screenshot({ path: 'test-results/screens/designs-seeded.png', fullPage: true });

  // Create one design from each example; each opens on its own page, loaded from the database.
  for (const name of EXAMPLES) {
    await designs.createFromExample(name);
    await expect(page.locator('.react-flow__node-component').first()).toBeVisible();
    await page.getByRole('link', { name: 'Designs: back to all designs' }).click();
    await expect(designs.rows()).not.toHaveCount(0);
  }
  await expect(designs.rows()).toHaveCount(6);

  await designs.rename(EXAMPLES[2] as string, 'Black Friday shop');
  await page.getByRole('button', { name: 'Duplicate Black Friday shop' }).click();
  await expect(designs.row('Copy of Black Friday shop')).toHaveCount(1);

  await designs.importFile('valid-design.json');
  await expect(page.getByText('Imported “Imported ticket office”.')).toBeVisible();
  await expect(designs.row('Imported ticket office')).toContainText('2 components');

  // A bad file is refused with the path of each problem, and creates nothing.
  await designs.importFile('invalid-design.json');
  const alert = page.getByRole('alert').filter({ hasText: 'was not imported' });
  await expect(alert).toContainText('components[0].demand.cpuMs');
  await expect(alert).toContainText('connections[0].to');
  await page.screenshot({ path: 'test-results/screens/designs-import-error.png', fullPage: true });
  await expect(designs.rows()).toHaveCount(8);

  await designs.delete('Copy of Black Friday shop');
  await expect(designs.row('Copy of Black Friday shop')).toHaveCount(0);
  await expect(designs.rows()).toHaveCount(7);

  const before = (await designs.names()).sort();
  await page.reload();
  await designs.open();
  expect((await designs.names()).sort()).toEqual(before);
  expect(before).toContain('Black Friday shop');
  expect(before).toContain('Imported ticket office');
  expect(before).not.toContain('Copy of Black Friday shop');
  await page.screenshot({ path: 'test-results/screens/designs-after-reload.png', fullPage: true });
});

test('an unknown design id shows a plain message, not a crash', async ({ page }) => {
  await page.goto('/designs/0000000000000000');
  await expect(page.locator('main').getByRole('alert')).toContainText('does not exist');
  await page.goto('/designs/not%20an%20id');
  await expect(page.locator('main').getByRole('alert')).toContainText('not a design id');
});

test('the canvas benchmark’s baseline page is not part of the production build', async ({ request }) => {
  expect((await request.get('/bench/bare-flow?id=x')).status()).toBe(404);
});

/**
 * A design made from an example and renamed in the editor (saved), then left for the list, which
 * must list the new name; `reopen` comes back to it without reloading the page; it must show the
 * saved name and save a second rename without a conflict (it would, from a copy read before).
 */
async function renameLeaveAndReturn(
  { page, designs, editor }: { page: Page; designs: DesignsList; editor: EditorPage },
  example: string,
  renamed: string,
  reopen: () => Promise<unknown>,
) {
  await designs.open();
  await designs.createFromExample(example);
  const rename = async (to: string) => {
    await editor.waitSimulated();
    await page.getByLabel('Design name').fill(to);
    await page.getByLabel('Design name').press('Enter');
    await editor.waitSaved();
  };
  await rename(renamed);
  await page.getByRole('link', { name: 'Designs: back to all designs' }).click();
  await expect(designs.row(renamed)).toHaveCount(1);
  await reopen();
  await expect(page.getByLabel('Design name')).toHaveValue(renamed);
  await rename(`${renamed} twice`);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Design name')).toHaveValue(`${renamed} twice`);
}

test('a design left and opened again from the list in the same tab shows its saved edits', async ({
  page,
  designs,
  editor,
}) => {
  await renameLeaveAndReturn({ page, designs, editor }, EXAMPLES[0] as string, 'ERP, edited', () =>
    designs.row('ERP, edited').getByRole('link', { name: 'ERP, edited' }).click(),
  );
});

test('a design reached again with the browser’s Back button shows its saved edits', async ({
  page,
  designs,
  editor,
}) => {
  await renameLeaveAndReturn({ page, designs, editor }, EXAMPLES[1] as string, 'Photo shop, edited', () =>
    page.goBack(),
  );
});
