/**
 * A 1,024 px window: the canvas between the palette and the panel is ~435 px wide, and the 200 px
 * minimap in its corner covered the canvas's own tools at the bottom ("Find a component", "Lanes";
 * H47's review, 2026-12-07). There the minimap gives way and the tools can be reached and clicked.
 */
import { createExample, expect, test } from './fixtures';

test.use({ viewport: { width: 1024, height: 768 } });

test('in a 1,024 px window the canvas tools are not under the minimap', async ({ page, request, editor }) => {
  await page.goto(`/designs/${await createExample(request, 'hybrid-backend')}`);
  await editor.waitSimulated();
  const find = page.getByLabel('Find a component');
  const lanes = page.getByRole('button', { name: 'Lanes' });
  await expect(find).toBeVisible();
  await expect(lanes).toBeVisible();
  const minimap = page.locator('.react-flow__minimap');
  if (await minimap.isVisible()) {
    const m = (await minimap.boundingBox())!;
    for (const tool of [find, lanes]) {
      const t = (await tool.boundingBox())!;
      const overlaps = t.x < m.x + m.width && m.x < t.x + t.width && t.y < m.y + m.height && m.y < t.y + t.height;
      expect(overlaps).toBe(false);
    }
  }
  // Reached by a click where it is drawn (nothing on top of it).
  await lanes.click();
  await expect(lanes).toHaveAttribute('aria-pressed', 'true');
  await find.click();
  await expect(find).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/window-1024.png' });
});
