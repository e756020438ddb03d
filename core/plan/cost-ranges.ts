/**
 * Cost ranges (issue 16): the load of a component with unpredictable spikes or noise is one draw of
 * many, so its plan is planned again over many seeds (`simulation.seed`: where the spikes fall, the
 * noise) and each option's monthly cost, SLO-violation minutes and drops are reported as P10 / P50 /
 * P90 over them, with how often the recommendation would have been another placement. Only the
 * components whose load is random (their own, or a caller's) are simulated again per seed
 * (what-if.ts); every seed's placements are decided in full and its options judged in the context of
 * that decision, as the plan judges them. A component whose load no seed changes keeps its figures,
 * so its range is one value unless a neighbour's move changes its link latency.
 */
import { PLACEMENTS } from '../model/design-fields';
import type { Design, Placement } from '../model/design';
import type { Plan, PlacementRanges, Spread, TotalsRange } from '../model/plan';
import { assessEveryOption, toleranceOf } from '../recommend/assess-assignment';
import { chooseJointly } from '../recommend/choose-jointly';
import { judgeAssignment } from './decide-plan';
import { totalOf } from './sum-totals';
import { toPlanOption } from './to-plan-option';
import { WhatIf } from './what-if';

/** Plans made per range by default: the design's own seed and 19 others. */
export const DEFAULT_SEEDS = 20;

/** The seeds planned: the design's own first, then a fixed stride through the 32-bit range. */
export function rangeSeeds(seed: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => (seed + k * 104_729) | 0);
}

/** Nearest-rank percentile of sorted values: a value some seed gave. */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

function spreadOf(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { p10: percentile(sorted, 0.1), p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) };
}

interface Figures {
  monthlyCost: number[];
  sloViolationMinutes: number[];
  droppedRequests: number[];
}

export interface Ranges {
  placements: Map<string, PlacementRanges>;
  totals: TotalsRange;
}

/** Every component's ranges over `seeds` plans, by id, and the recommended total's; `plan` is the plan they are compared with. */
export function searchRanges(whatIf: WhatIf, plan: Plan, seeds = DEFAULT_SEEDS): Ranges {
  const design = whatIf.design;
  const random = whatIf.randomComponents();
  const figures = new Map<string, Map<Placement, Figures>>();
  const chosen = new Map<string, Placement[]>();
  const totals: Figures = { monthlyCost: [], sloViolationMinutes: [], droppedRequests: [] };
  for (const seed of rangeSeeds(design.simulation.seed, seeds)) {
    const changed = whatIf.factsWith('simulation.seed', seed);
    const tol = toleranceOf(changed.design.environments, whatIf.horizonMinutes);
    const assignment = chooseJointly(changed.design, changed.facts, tol).assignment;
    const options = assessEveryOption(changed.design, changed.facts, assignment, tol);
    const total = totalOf(judgeAssignment(changed.design, changed.facts, assignment, whatIf.horizonMinutes));
    totals.monthlyCost.push(total.monthlyCost);
    totals.sloViolationMinutes.push(total.sloViolationMinutes);
    totals.droppedRequests.push(total.droppedRequests);
    for (const [id, results] of options) {
      const byPlacement = figures.get(id) ?? new Map<Placement, Figures>();
      figures.set(id, byPlacement);
      for (const o of results.map(toPlanOption)) {
        const f = byPlacement.get(o.placement) ?? { monthlyCost: [], sloViolationMinutes: [], droppedRequests: [] };
        byPlacement.set(o.placement, f);
        f.monthlyCost.push(o.monthlyCost);
        f.sloViolationMinutes.push(o.sloViolationMinutes);
        f.droppedRequests.push(o.droppedRequests);
      }
      const list = chosen.get(id) ?? [];
      list.push(assignment.get(id) ?? 'static');
      chosen.set(id, list);
    }
  }
  const out = new Map<string, PlacementRanges>();
  for (const entry of plan.placements) {
    const byPlacement = figures.get(entry.componentId);
    const picks = chosen.get(entry.componentId) ?? [];
    if (!byPlacement) continue;
    const recommended = Object.fromEntries(
      PLACEMENTS.map((p) => [p, picks.filter((x) => x === p).length]).filter(([, n]) => (n as number) > 0),
    ) as PlacementRanges['recommended'];
    out.set(entry.componentId, {
      seeds,
      isRandom: random.has(entry.componentId),
      differentShare: picks.filter((p) => p !== entry.placement).length / Math.max(1, picks.length),
      recommended,
      options: PLACEMENTS.flatMap((placement) => {
        const f = byPlacement.get(placement);
        return f ? [{ placement, ...spreadsOf(f) }] : [];
      }),
    });
  }
  return { placements: out, totals: { seeds, recommended: spreadsOf(totals) } };
}

function spreadsOf(f: Figures): TotalsRange['recommended'] {
  return {
    monthlyCost: spreadOf(f.monthlyCost),
    sloViolationMinutes: spreadOf(f.sloViolationMinutes),
    droppedRequests: spreadOf(f.droppedRequests),
  };
}

/** The plan with `ranges` on every placement and on the recommended total. */
export function withRanges(plan: Plan, ranges: Ranges): Plan {
  return {
    ...plan,
    placements: plan.placements.map((p) => {
      const r = ranges.placements.get(p.componentId);
      return r ? { ...p, ranges: r } : p;
    }),
    ranges: ranges.totals,
  };
}

/** The plan of `design` with every placement's cost ranges over `seeds` seeds. */
export function findCostRanges(design: Design, seeds = DEFAULT_SEEDS): Plan {
  const whatIf = new WhatIf(design);
  const plan = whatIf.basePlan();
  return withRanges(plan, searchRanges(whatIf, plan, seeds));
}
