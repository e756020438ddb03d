/**
 * A plan with what would change it (issue 16): the tipping points and the cost ranges, over one
 * simulation of the design that both reuse (what-if.ts). What `npm run plan -- --insight` and the
 * report show; the editor's live plan (buildPlan) never waits for it.
 */
import type { Design } from '../model/design';
import type { Plan } from '../model/plan';
import { DEFAULT_SEEDS, searchRanges, withRanges } from './cost-ranges';
import { searchTippingPoints, type TippingOptions, withTippingPoints } from './tipping-points';
import { WhatIf } from './what-if';

export interface InsightOptions extends TippingOptions {
  /** Seeds planned for the ranges (default DEFAULT_SEEDS); 0 leaves the ranges out. */
  seeds?: number;
  /** Search the tipping points (default true); false gives the ranges alone. */
  tippingPoints?: boolean;
}

export interface Insight {
  plan: Plan;
  /** Re-plans made (tipping points and seeds), and components simulated again for them. */
  replans: number;
  resimulated: number;
}

export function buildInsight(design: Design, options: InsightOptions = {}): Insight {
  const whatIf = new WhatIf(design);
  const base = whatIf.basePlan();
  const seeds = options.seeds ?? DEFAULT_SEEDS;
  let plan = options.tippingPoints === false ? base : withTippingPoints(base, searchTippingPoints(whatIf, options));
  if (seeds > 0) plan = withRanges(plan, searchRanges(whatIf, base, seeds));
  return { plan, replans: whatIf.replans, resimulated: whatIf.resimulated };
}
