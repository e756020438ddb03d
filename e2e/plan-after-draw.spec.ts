/**
 * The editor starts its plan workers once the canvas has drawn the design (use-first-draw.ts), so that
 * on a machine of two cores they do not take the CPU the page needs to draw it; and it still plans.
 */
import { createExample, expect, test } from './fixtures';

test('the plan workers start only after every node is drawn, and the plan still comes', async ({
  page,
  editor,
  request,
}) => {
  const id = await createExample(request, 'cloud-bursting');
  // Each worker's start is recorded with how many of the canvas's nodes were drawn then (measured:
  // React Flow hides a node until it has its size).
  await page.addInitScript(() => {
    const Base = window.Worker;
    const starts: { name: string; nodes: number; drawn: number }[] = [];
    (window as unknown as { __workerStarts: typeof starts }).__workerStarts = starts;
    window.Worker = class extends Base {
      constructor(url: string | URL, options?: WorkerOptions) {
        const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')];
        starts.push({
          name: options?.name ?? '',
          nodes: nodes.length,
          drawn: nodes.filter((n) => getComputedStyle(n).visibility !== 'hidden').length,
        });
        super(url, options);
      }
    };
  });
  await page.goto(`/designs/${id}`);
  await editor.waitSimulated();
  const starts = await page.evaluate(
    () => (window as unknown as { __workerStarts: { name: string; nodes: number; drawn: number }[] }).__workerStarts,
  );
  const plan = starts.filter((s) => s.name.startsWith('tidemark-plan'));
  expect(plan.length).toBeGreaterThanOrEqual(1);
  // The example's components, all of them drawn before the first plan worker was made.
  for (const s of plan) expect(s).toEqual({ name: s.name, nodes: 4, drawn: 4 });
  await expect(editor.node('cart').getByTestId('placement-cart')).toBeVisible();
});
