/**
 * The job every plan worker runs — the app's worker-thread pool on SQLite, `npm run worker` on
 * PostgreSQL: a stored design document in, its plan and chart series out, as text to store. It is
 * the browser's plan worker's own path (components/editor/plan-worker.ts): `validateDesign`, then
 * `buildPlanAsync` with HiGHS registered as the joint search's solver, so a stored plan is the plan
 * the editor would show for the same document, byte for byte (compute-plan.test.ts holds them equal).
 */
import loadHighs from 'highs';
import { validateDesign } from '../../core/model';
import { buildPlanAsync, highsMipSolver, registerMipSolver } from '../../core/plan';
import { encodeSeries } from '../../components/share/series-codec';

export interface ComputedPlan {
  /** The plan document's JSON. */
  plan: string;
  /** Its chart series (components/share/series-codec.ts). */
  series: string;
}

/** The engine yields this often (ms), as in the browser's worker: a worker process stays responsive. */
const SLICE_MS = 20;

let solver: Promise<void> | undefined;
/** HiGHS, loaded once per thread; as in the browser, a plan still comes when it cannot load. */
function solverReady(): Promise<void> {
  solver ??= loadHighs()
    .then((highs) => registerMipSolver(highsMipSolver(highs)))
    .catch((error: unknown) => console.error('HiGHS did not load; large pieces are solved heuristically:', error));
  return solver;
}

/** Plans a stored design document (JSON). Throws with the reason, in words, when it cannot. */
export async function computePlan(documentJson: string): Promise<ComputedPlan> {
  await solverReady();
  const checked = validateDesign(JSON.parse(documentJson));
  if (!checked.ok) {
    const first = checked.problems.slice(0, 3).map((p) => `${p.path || '(document)'}: ${p.message}`);
    throw new Error(`the stored design is not valid: ${first.join('; ')}`);
  }
  const result = await buildPlanAsync(checked.value, { sliceMs: SLICE_MS });
  return { plan: JSON.stringify(result.plan), series: encodeSeries(result.series) };
}
