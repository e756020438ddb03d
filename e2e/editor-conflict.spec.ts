import { EditorPage } from './editor-fixtures';
import { expect, test } from './fixtures';

test('two pages editing one design: the second save gets a conflict and keeps its work', async ({
  browser,
  editor,
  page,
}) => {
  await editor.createBlank();
  const url = page.url();
  await editor.waitSimulated();

  const other = await browser.newPage();
  const theirs = new EditorPage(other);
  await other.goto(url);
  await expect(theirs.node('service')).toBeVisible();

  // Page A renames and saves first.
  const nameA = page.getByLabel('Design name');
  await nameA.fill('Saved by tab A');
  await nameA.press('Enter');
  await editor.waitSaved();

  // Page B, still on the old revision, edits: its save is refused and nothing of it is lost.
  const nameB = other.getByLabel('Design name');
  await nameB.fill('Typed in tab B');
  await nameB.press('Enter');
  const dialog = other.getByRole('dialog', { name: 'This design was changed elsewhere' });
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  await expect(other.getByTestId('save-status')).toHaveText('Not saved: conflict');
  await expect(nameB).toHaveValue('Typed in tab B');
  await other.screenshot({ path: 'test-results/screens/editor-conflict.png' });

  await dialog.getByRole('button', { name: /Keep mine/ }).click();
  await theirs.waitSaved();
  await expect(dialog).toBeHidden();

  // Tab A reloads and sees B's document as the latest revision; A's rename is in the history.
  await page.reload();
  await expect(page.getByLabel('Design name')).toHaveValue('Typed in tab B');
  await page.getByRole('button', { name: 'Revisions' }).click();
  const revisions = page.getByRole('list', { name: 'Revisions, newest first' });
  await expect(revisions).toContainText('“Saved by tab A”');
  await expect(revisions).toContainText('“Typed in tab B”');
  await other.close();
});
