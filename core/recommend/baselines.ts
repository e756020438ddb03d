/**
 * The assignments a recommendation is held against, each one respecting the same hard constraints
 * (a baseline that breaks one is not a baseline): everything in the data centre; every component on
 * its best elastic option — VMs or functions, whichever meets its SLO, then the cheaper — with the
 * rest staying in the data centre; and everything on one service (all data centre, all VMs, all
 * functions) wherever allowed. A component that may only run one way (a pin) runs that way in all.
 */
import type { PricedDesign } from '../cost/tariff';
import type { Placement } from '../model/design';
import type { ComponentFacts, Tolerance } from './assess-assignment';
import { meetsTolerance } from './assess-assignment';
import { findRuleOut } from './hard-constraints';
import type { PlanOptions } from './option-memo';

export type Baseline = 'allStatic' | 'allElastic' | 'allVm' | 'allServerless';

/** The placement a component takes in a baseline that prefers `wanted` (in order). */
function pick(f: ComponentFacts, design: PricedDesign, wanted: readonly Placement[], tol: Tolerance): Placement {
  const allowed = (p: Placement) => findRuleOut(f.component, p, design.tariff) === null;
  const runs = wanted.filter(allowed).flatMap((p) => f.runs.filter((r) => r.placement === p));
  if (runs.length > 0) {
    const meeting = runs.filter((r) => meetsTolerance(r.figures, tol));
    const pool = meeting.length > 0 ? meeting : runs;
    return pool.reduce((best, r) => (r.ownCost < best.ownCost ? r : best)).placement;
  }
  if (allowed('static')) return 'static';
  return f.component.pin?.placement ?? 'static';
}

/** `kept`: what earlier plans made (option-memo.ts); a component's pick reads its facts alone. */
export function assignBaseline(
  baseline: Baseline,
  design: PricedDesign,
  facts: ReadonlyMap<string, ComponentFacts>,
  tol: Tolerance,
  kept?: PlanOptions,
): Map<string, Placement> {
  const wanted: readonly Placement[] =
    baseline === 'allStatic'
      ? ['static']
      : baseline === 'allElastic'
        ? ['elastic-vm', 'serverless']
        : baseline === 'allVm'
          ? ['elastic-vm']
          : ['serverless'];
  const assignment = new Map<string, Placement>();
  for (const [id, f] of facts) {
    const make = () => pick(f, design, wanted, tol);
    assignment.set(id, kept ? kept.own(id, baseline, make) : make());
  }
  return assignment;
}
