/**
 * The decision on screen: the side panel opens on the Decision tab; selecting a component shows its
 * placement, cost, reasons and options at the top of the panel, before its edit form; clearing the
 * selection goes back. Also the frame around it: the side panel scrolls without moving the page, the
 * example's whole name fits the title, and the timeline's Live button is not clipped.
 */
import { createExample, expect, test } from './fixtures';

const shot = (name: string) => `test-results/screens/decision-${name}.png`;

test('the editor opens on the decision; a component’s decision comes before its form', async ({
  page,
  editor,
  request,
}) => {
  await page.goto(`/designs/${await createExample(request, 'cloud-bursting')}`);
  await editor.waitSimulated();
  const tabs = page.getByRole('tablist', { name: 'Panel' });
  await expect(tabs.getByRole('tab')).toHaveText(['Decision', 'Selection', 'Whole design', 'Assumptions']);
  await expect(tabs.getByRole('tab', { name: 'Decision' })).toHaveAttribute('aria-selected', 'true');
  const decision = page.getByTestId('decision-view');
  await expect(decision.getByTestId('decision-total')).toHaveText('$362.36');
  await page.screenshot({ path: shot('opened') });

  // Select the catalogue: the Selection tab opens with its decision first.
  await editor.select('catalog');
  await expect(tabs.getByRole('tab', { name: 'Selection' })).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('complementary', { name: 'Details' });
  const headline = panel.getByTestId('component-decision');
  await expect(headline).toContainText('Runs in');
  await expect(headline).toContainText('Burst (both)');
  await expect(panel.getByTestId('component-cost')).toHaveText('$57.71 / month');
  await expect(panel.getByRole('list', { name: 'Why' }).getByRole('listitem').first()).toBeVisible();
  await expect(panel.getByRole('table', { name: 'The four options' })).toBeVisible();
  // Above the form, and on screen without scrolling the panel.
  const form = panel.getByRole('form', { name: 'Component Catalogue service' });
  const top = await headline.boundingBox();
  const formTop = await form.boundingBox();
  expect(top && formTop && top.y < formTop.y).toBe(true);
  const viewport = page.viewportSize();
  expect(top!.y + top!.height).toBeLessThan(viewport!.height);
  await page.screenshot({ path: shot('component') });

  // Clearing the selection goes back to the decision; the Whole design tab is still there.
  await page.keyboard.press('Escape');
  await expect(tabs.getByRole('tab', { name: 'Decision' })).toHaveAttribute('aria-selected', 'true');
  await tabs.getByRole('tab', { name: 'Whole design' }).click();
  await expect(panel.getByRole('table', { name: 'Every component' })).toBeVisible();
});

test('the side panel scrolls to its end without moving the page; title and Live fit', async ({
  page,
  editor,
  request,
}) => {
  await page.goto(`/designs/${await createExample(request, 'cloud-bursting')}`);
  await editor.waitSimulated();
  await editor.select('web');
  const side = page.getByRole('complementary', { name: 'Details' });
  await expect(side.locator('.tm-chart svg').first()).toBeVisible();
  const box = await side.boundingBox();
  await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
  for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 600);
  await expect
    .poll(() => side.evaluate((el) => Math.ceil(el.scrollTop + el.clientHeight) >= el.scrollHeight - 1))
    .toBe(true);
  // The page itself never scrolled: the toolbar is where it was.
  expect(await page.evaluate(() => [window.scrollY, document.scrollingElement?.scrollTop ?? 0])).toEqual([0, 0]);
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
  await expect(page.getByRole('toolbar', { name: 'Editor' })).toBeInViewport();
  await page.screenshot({ path: shot('panel-end') });

  // The example's whole name is shown (nothing cut off at 1280 px).
  const title = page.getByLabel('Design name');
  await expect(title).toHaveValue('Retail web shop with a flash sale (cloud bursting)');
  expect(await title.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expect(page).toHaveTitle('Retail web shop with a flash sale (cloud bursting) · Tidemark');

  // The Live button is whole, inside the timeline bar.
  await page.getByRole('slider', { name: 'Time in the simulated month' }).focus();
  await page.keyboard.press('End');
  const live = page.getByRole('button', { name: 'Live', exact: true });
  await expect(live).toBeEnabled();
  const bar = await page.locator('.timeline-bar').boundingBox();
  const button = await live.boundingBox();
  expect(button!.x + button!.width).toBeLessThanOrEqual(bar!.x + bar!.width);
  expect(button!.y + button!.height).toBeLessThanOrEqual(bar!.y + bar!.height);
  expect(await live.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await live.click();
  await expect(live).toBeDisabled();
});
