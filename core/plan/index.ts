/**
 * The placement engine's public face, for the server, the browser worker and the command line.
 * Everything here is pure and browser-safe (no Node built-ins).
 *
 *   planDesign(input: unknown, options?)      → Validated<PlanResult>   validate + plan, never throws on bad input
 *   planDesignText(json: string, options?)    → Validated<PlanResult>   the same from JSON text
 *   buildPlan(design: Design, options?)       → PlanResult              for an already validated design
 *   buildPlanAsync(design: Design, options?)  → Promise<PlanResult>     yields every `sliceMs` so a worker can cancel
 *   generateWorkload(w, horizon, seed, key?)  → Float64Array            the inspector's live preview of one pattern
 *
 * options: { onProgress?(p: PlanProgress), isCancelled?(): boolean, seriesPoints?: number } —
 * cancellation throws PlanCancelledError. PlanResult = { plan: Plan, series: PlanSeries }; the series
 * (demand, capacity, latency per component and option) are for charts and are not part of the plan.
 */
export { buildPlan, buildPlanAsync, generatePlan, PlanCancelledError } from './build-plan';
export type { BuildPlanOptions, PlanProgress, PlanResult, PlanSeries } from './build-plan';
export { planDesign, planDesignText } from './plan-design';
export { hashDesign, stringifyCanonical } from './hash-design';
export { planSchema } from '../model/plan';
export type { Plan, PlanOption, PlacementEntry, WiringElement, Reason } from '../model/plan';
export type { ChartSeries } from '../simulate/option-stats';
export { generateWorkload, countSteps } from '../workload/generate-workload';
