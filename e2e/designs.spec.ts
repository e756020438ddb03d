import { expect, test } from './fixtures';

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
    await page.getByRole('link', { name: 'Tidemark, all designs' }).click();
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

test('a design left and opened again in the same tab shows its saved edits and saves on', async ({
  page,
  designs,
  editor,
}) => {
  await designs.open();
  await designs.createFromExample(EXAMPLES[0] as string);
  await editor.waitSimulated();
  // An edit, saved; then back to the list and into the design again, without reloading the page.
  const name = page.getByLabel('Design name');
  await name.fill('ERP, edited');
  await name.press('Enter');
  await editor.waitSaved();
  await page.getByRole('link', { name: 'Tidemark, all designs' }).click();
  await expect(designs.row('ERP, edited')).toHaveCount(1);
  await designs.row('ERP, edited').getByRole('link', { name: 'ERP, edited' }).click();
  // The saved document, not the one this tab read first (it would save against an old revision).
  await expect(page.getByLabel('Design name')).toHaveValue('ERP, edited');
  await editor.waitSimulated();
  await page.getByLabel('Design name').fill('ERP, edited twice');
  await page.getByLabel('Design name').press('Enter');
  await editor.waitSaved();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Design name')).toHaveValue('ERP, edited twice');
});

test('a design reached again with the browser’s Back button shows its saved edits', async ({
  page,
  designs,
  editor,
}) => {
  await designs.open();
  await designs.createFromExample(EXAMPLES[1] as string);
  await editor.waitSimulated();
  const name = page.getByLabel('Design name');
  await name.fill('Photo shop, edited');
  await name.press('Enter');
  await editor.waitSaved();
  await page.getByRole('link', { name: 'Tidemark, all designs' }).click();
  await expect(designs.row('Photo shop, edited')).toHaveCount(1);
  await page.goBack();
  await expect(page.getByLabel('Design name')).toHaveValue('Photo shop, edited');
  await editor.waitSimulated();
  await page.getByLabel('Design name').fill('Photo shop, edited twice');
  await page.getByLabel('Design name').press('Enter');
  await editor.waitSaved();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
