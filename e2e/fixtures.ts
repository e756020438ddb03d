/** Page objects as fixtures (tldraw's way): tests speak of the designs list, not of selectors. */
import { test as base, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import path from 'node:path';
import { EditorPage } from './editor-fixtures';

export class DesignsList {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Designs', exact: true })).toBeVisible();
    await expect(this.page.getByText('Loading designs…')).toHaveCount(0);
  }

  rows(): Locator {
    return this.page.getByTestId('design-row');
  }

  row(name: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async names(): Promise<string[]> {
    return this.page.getByTestId('design-row').getByRole('link').allInnerTexts();
  }

  async createFromExample(exampleName: string) {
    await this.page.getByRole('button', { name: `Use this example: ${exampleName}` }).click();
    await expect(this.page.getByLabel('Design name')).toHaveValue(exampleName);
  }

  async rename(from: string, to: string) {
    await this.page
      .getByRole('button', { name: `Rename ${from}` })
      .first()
      .click();
    const input = this.page.getByLabel(`New name for ${from}`);
    await input.fill(to);
    await input.press('Enter');
    await expect(this.row(to)).toHaveCount(1);
  }

  async importFile(file: string) {
    await this.page.getByTestId('import-input').setInputFiles(path.join(__dirname, 'data', file));
  }

  async delete(name: string) {
    await this.page
      .getByRole('button', { name: `Delete ${name}` })
      .first()
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'Delete this design?' });
    await expect(dialog).toContainText(name);
    await dialog.getByRole('button', { name: 'Delete design' }).click();
    await expect(dialog).toBeHidden();
  }
}

/** Designs a test made through the helpers below: deleted when the test ends (the cleanUp fixture). */
const made: string[] = [];

/** Creates a design from one of the seeded examples through the API (not by clicks); returns its id. */
export async function createExample(request: APIRequestContext, example: string): Promise<string> {
  const created = await request.post('/api/trpc/designs.create', { data: { from: 'example', example } });
  expect(created.ok()).toBe(true);
  const id = ((await created.json()) as { result: { data: { id: string } } }).result.data.id;
  made.push(id);
  return id;
}

/** Imports a design document through the API; returns its id. */
export async function importDesign(request: APIRequestContext, document: unknown): Promise<string> {
  const created = await request.post('/api/trpc/designs.create', { data: { from: 'import', document } });
  expect(created.ok(), await created.text()).toBe(true);
  const id = ((await created.json()) as { result: { data: { id: string } } }).result.data.id;
  made.push(id);
  return id;
}

export const test = base.extend<{ designs: DesignsList; editor: EditorPage; cleanUp: void }>({
  // The tests share one database: what a test made through the helpers goes when it ends, so the
  // designs list's first-start test still finds only the seeded examples, whatever ran before it.
  cleanUp: [
    async ({ request }, use) => {
      await use();
      for (const id of made.splice(0)) await request.post('/api/trpc/designs.delete', { data: { id } });
    },
    { auto: true },
  ],
  designs: async ({ page }, use) => {
    await use(new DesignsList(page));
  },
  editor: async ({ page }, use) => {
    await use(new EditorPage(page));
  },
});

export { expect };
