/**
 * The placement engine's public face, for the server, the browser worker and the command line.
 * Everything here is pure and browser-safe (no Node built-ins). The documents it reads and writes
 * (Design, Plan, their schemas and validation) are core/model's; how a plan reads to people is
 * core/present's.
 *
 *   planDesign(input: unknown, options?)      → Validated<PlanResult>   validate + plan, never throws on bad input
 *   planDesignText(json: string, options?)    → Validated<PlanResult>   the same from JSON text
 *   buildPlan(design: Design, options?)       → PlanResult              for an already validated design
 *   buildPlanAsync(design: Design, options?)  → Promise<PlanResult>     yields every `sliceMs` so a worker can cancel
 *   hashDesign(design)                        → string                  sha256 of the canonical JSON (environments
 *                                                                       resolved from the price book), as plan.design.sha256
 *   compareProviders(design, options?)        → ProviderComparison      the design planned on AWS, Azure and Google Cloud
 *   compareProvidersAsync(design, options?)   → Promise<…>              the same, yielding every `sliceMs` (the worker)
 *   previewWorkload(workload, simulation, key)→ PreviewPoint[]          the inspector's live preview of one pattern
 *   findTippingPoints(design, options?)       → TippingResult           the plan with placements[i].tippingPoints:
 *                                                                       what would flip each placement, and where
 *   findCostRanges(design, seeds?)            → Plan                    the plan with placements[i].ranges: P10/P50/P90
 *                                                                       of each option over `seeds` seeds of the random load
 *   buildInsight(design, options?)            → Insight                 both over one simulation (npm run plan -- --insight)
 *   ENGINE_VERSION                            → string                  what stored plans are keyed by, with hashDesign
 *
 * options: { onProgress?(p: PlanProgress), isCancelled?(): boolean, seriesPoints?: number } —
 * cancellation throws PlanCancelledError. PlanResult = { plan: Plan, series: PlanSeries }; the series
 * (demand, capacity, latency per component and option) are for charts and are not part of the plan.
 */
export { buildPlan, buildPlanAsync, PlanCancelledError } from './build-plan';
export { createRunMemo, sweepRunMemo } from './run-memo';
export { rehearsalEdit } from './rehearsal';
export { buildPlanSharded, simulateShard, simulateShardAsync } from './plan-sharded';
export type { ShardResult, ShardRunner } from './plan-sharded';
export type { Shard } from './build-plan';
export { assignShards } from './shards';
export type { BuildPlanOptions, PlanProgress, PlanResult, PlanSeries } from './build-plan';
export { planDesign, planDesignText } from './plan-design';
export { ENGINE_VERSION, GENERATOR } from './generator';
export { canonicalDesign, hashDesign, stringifyCanonical } from '../model/hash-design';
export { compareProviders, compareProvidersAsync, matchingRegion } from './compare-providers';
export type {
  CompareOptions,
  ComponentDifference,
  PriceRow,
  ProviderComparison,
  ProviderRow,
} from './compare-providers';
export { findTippingPoints, PRICE_PARAMETERS, PROBE, RANGE } from './tipping-points';
export type { Direction, TippingOptions, TippingPoint, TippingResult } from './tipping-points';
export { DEFAULT_SEEDS, findCostRanges } from './cost-ranges';
export { buildInsight } from './insight';
export type { Insight, InsightOptions } from './insight';
export { readParameter, setParameter } from './set-parameter';
export { highsMipSolver, registerMipSolver, warmUpMipSolver } from '../recommend/mip-solver';
export type { MipSolution, MipSolver } from '../recommend/mip-solver';
export type { ChartSeries } from '../simulate/option-stats';
export { countSteps, generateWorkload } from '../workload/generate-workload';
export { previewWorkload, PREVIEW_MAX_POINTS } from '../workload/preview-workload';
export type { LoadPreview, PreviewPoint } from '../workload/preview-workload';
