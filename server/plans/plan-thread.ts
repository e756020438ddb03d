/**
 * The plan pool's worker thread (piscina calls the default export with each job's document). Bundled
 * by scripts/build-workers.mjs into .next/tidemark-workers/plan.mjs, as the validation pool's is.
 */
import { computePlan, type ComputedPlan } from './compute-plan';

export default function run(documentJson: string): Promise<ComputedPlan> {
  return computePlan(documentJson);
}
