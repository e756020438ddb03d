/** The editor as a page object: canvas nodes, palette, toolbar, save status. */
import { expect, type Locator, type Page } from '@playwright/test';

export class EditorPage {
  constructor(readonly page: Page) {}

  canvas(): Locator {
    return this.page.locator('.react-flow__pane');
  }

  /**
   * Clicks an empty spot of the canvas (clearing the selection, taking focus off any field): near the
   * bottom, between the zoom controls (bottom left) and the search box (bottom centre).
   */
  async clickEmptyCanvas() {
    const box = await this.canvas().boundingBox();
    if (!box) throw new Error('no canvas');
    await this.canvas().click({ position: { x: box.width * 0.2, y: box.height - 30 } });
  }

  node(id: string): Locator {
    return this.page.getByTestId(`node-${id}`);
  }

  componentNodes(): Locator {
    return this.page.locator('.react-flow__node-component');
  }

  placement(id: string): Locator {
    return this.page.getByTestId(`placement-${id}`);
  }

  async createBlank() {
    await this.page.goto('/');
    await this.page.getByRole('button', { name: 'New design' }).click();
    await expect(this.page.getByLabel('Design name')).toHaveValue('Untitled design');
    await expect(this.node('service')).toBeVisible();
  }

  async dragFromPalette(kindLabel: string, x: number, y: number) {
    const box = await this.canvas().boundingBox();
    if (!box) throw new Error('no canvas');
    await this.page
      .getByRole('button', { name: `Add ${kindLabel}` })
      .dragTo(this.canvas(), { targetPosition: { x, y } });
  }

  /** Drags from the right-hand handle of one node to the left-hand handle of another. */
  /**
   * Drags from one node's right handle to another's left handle, as a person does. On a loaded
   * machine a view animation (fit, layout) can stall for a frame and resume mid-drag, so the handles
   * are measured once they hold still, and a drag that made no connection is tried again (twice at
   * most); the caller still asserts the edge it expects.
   */
  async connect(from: string, to: string) {
    const source = this.node(from).locator('.react-flow__handle-right');
    const target = this.node(to).locator('.react-flow__handle-left');
    const edges = this.page.locator('.react-flow__edge');
    const before = await edges.count();
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.waitUntilStill(source);
      await this.waitUntilStill(target);
      const s = await source.boundingBox();
      const t = await target.boundingBox();
      if (!s || !t) throw new Error('handle not visible');
      await this.page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
      await this.page.mouse.down();
      await this.page.mouse.move((s.x + t.x) / 2, (s.y + t.y) / 2, { steps: 5 });
      await this.page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 5 });
      await this.page.mouse.up();
      if (
        await expect
          .poll(() => edges.count(), { timeout: 2000 })
          .toBeGreaterThan(before)
          .then(
            () => true,
            () => false,
          )
      )
        return;
    }
  }

  /** Waits for a view animation (fit, layout) to end: the element stops moving between frames. */
  async waitUntilStill(locator: Locator) {
    let last = '';
    await expect
      .poll(
        async () => {
          const b = await locator.boundingBox();
          const now = JSON.stringify(b);
          const still = now === last;
          last = now;
          return still;
        },
        { intervals: [100] },
      )
      .toBe(true);
  }

  /**
   * Selects a component and waits until the inspector has caught up with it: until then its form is
   * disabled (aria-busy), and a key pressed into it would reach the canvas instead.
   */
  async select(id: string) {
    await this.node(id).click();
    await expect(this.page.locator('fieldset[aria-busy="true"]')).toHaveCount(0);
  }

  async waitSaved() {
    await expect(this.page.getByTestId('save-status')).toHaveText('Saved', { timeout: 15_000 });
  }

  async waitSimulated() {
    await expect(this.page.locator('[data-testid^="placement-"]').first()).toBeVisible({ timeout: 20_000 });
  }

  /** Where React Flow draws a node, in the design's coordinates (its wrapper's translate), as [x, y]. */
  async flowPosition(id: string): Promise<string[] | undefined> {
    return this.page
      .locator(`.react-flow__node[data-id="${id}"]`)
      .evaluate((el) =>
        /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec((el as HTMLElement).style.transform)?.slice(1, 3),
      );
  }

  /** Drags a node by its middle, by (dx, dy) screen pixels, in `steps` mouse moves. */
  async dragNode(id: string, dx: number, dy: number, steps = 8) {
    const box = await this.positionOf(id);
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps });
    await this.page.mouse.up();
  }

  async positionOf(id: string) {
    const box = await this.node(id).boundingBox();
    if (!box) throw new Error(`node ${id} not visible`);
    return box;
  }
}
