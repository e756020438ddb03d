/**
 * The insight worker: for one component of the open design, the inputs that would flip its placement
 * and its cost range over seeds (core/plan/insight.ts); for the whole design, its total's range over
 * seeds. Searched off the main thread and apart from the plan worker, so the editor keeps re-planning
 * while it runs. Started by use-insight-search.ts, one search at a time per panel. Nothing is saved.
 */
import loadHighs from 'highs';
import { validateDesign } from '@/core/model';
import { buildInsight, highsMipSolver, registerMipSolver } from '@/core/plan';
import type { InsightRequest, InsightResponse } from './insight-protocol';

const scope = self as unknown as {
  postMessage(message: InsightResponse): void;
  onmessage: ((event: MessageEvent<InsightRequest>) => void) | null;
};

/** HiGHS, as in the plan worker, so the searched plans choose as the editor's plan does. */
const solverReady: Promise<void> = loadHighs({ locateFile: (file: string) => `/solver/${file}` })
  .then((highs) => registerMipSolver(highsMipSolver(highs)))
  .catch(() => undefined);

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'insight') void run(message);
};

async function run({ id, design, componentId }: InsightRequest): Promise<void> {
  const started = performance.now();
  await solverReady;
  const checked = validateDesign(design);
  if (!checked.ok) {
    scope.postMessage({ type: 'insight-failed', id, problems: checked.problems });
    return;
  }
  try {
    const insight =
      componentId === null
        ? buildInsight(checked.value, { tippingPoints: false })
        : buildInsight(checked.value, { componentIds: [componentId] });
    const entry = componentId === null ? null : insight.plan.placements.find((p) => p.componentId === componentId);
    if (entry === undefined) throw new Error(`no component "${componentId}" in the design`);
    scope.postMessage({
      type: 'insight-done',
      id,
      componentId,
      placement: entry?.placement ?? null,
      tippingPoints: entry?.tippingPoints ?? [],
      ranges: entry?.ranges ?? null,
      total: insight.plan.ranges ?? null,
      moved: insight.plan.placements.filter((p) => (p.ranges?.differentShare ?? 0) > 0).length,
      replans: insight.replans,
      ms: performance.now() - started,
    });
  } catch (error) {
    scope.postMessage({ type: 'insight-failed', id, message: error instanceof Error ? error.message : String(error) });
  }
}
