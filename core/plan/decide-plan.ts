/**
 * The decision stage of a plan: from every component's simulated options (the facts), the joint
 * choice (R11, R12), the options judged in the context of that choice, the reasons, the wiring with
 * its cost lines, the baselines judged alike, and the plan document itself. Kept apart from the
 * simulation so that a changed price or tolerance can be decided again from the same facts.
 */
import { priceSources } from '../cost/price-sources';
import { type PricedDesign, pricedDocument } from '../cost/tariff';
import type { Placement } from '../model/design';
import type { Plan, PlacementEntry } from '../model/plan';
import { roundRate } from '../model/round';
import { type ComponentFacts, assessAssignment, assessEveryOption, toleranceOf } from '../recommend/assess-assignment';
import { assignBaseline } from '../recommend/baselines';
import { candidatesOf, chooseJointly } from '../recommend/choose-jointly';
import { frameJointProblem, simplicityPrices } from '../recommend/build-joint-problem';
import { compareAlternatives } from '../recommend/compare-alternatives';
import { explainChoice } from '../recommend/explain-choice';
import { type OptionMemo, PlanOptions } from '../recommend/option-memo';
import type { SolveMemo } from '../recommend/solve-jointly';
import { planWiring } from '../recommend/plan-wiring';
import { GENERATOR } from './generator';
import type { PlanProgress } from './build-plan';
import { summariseCommitment } from './commitment-summary';
import { hashDesign } from '../model/hash-design';
import { type Baselines, type Scenario, sumTotals } from './sum-totals';
import { toPlanOption } from './to-plan-option';

/** Judges an assignment as the plan does: its options in context and its wiring. */
export function judgeAssignment(
  design: PricedDesign,
  facts: ReadonlyMap<string, ComponentFacts>,
  assignment: ReadonlyMap<string, Placement>,
  horizonMinutes: number,
  options?: PlanOptions,
): Scenario {
  const tol = toleranceOf(design.environments, horizonMinutes);
  const result = assessAssignment(design, facts, assignment, tol, options);
  return { result, wiring: planWiring(design, facts, result) };
}

/** What a run memo (run-memo.ts) keeps for the decision: the joint choice's last problem and answer, options in context. */
export interface DecisionMemo {
  solved?: SolveMemo;
  options?: OptionMemo;
}

export function decidePlan(
  design: PricedDesign,
  facts: ReadonlyMap<string, ComponentFacts>,
  horizonMinutes: number,
  memo?: DecisionMemo,
): Plan {
  const steps = decidePlanSteps(design, facts, horizonMinutes, memo);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * decidePlan in stages, yielding between them (the joint choice, the judgements, the alternatives,
 * each baseline): a run driven by runAsync can be cancelled between stages, where the decision of a
 * 500-component design was one task of 0.1–0.5 s that a newer run had to wait out (a worker's
 * rehearsal, components/editor/plan-worker.ts). Abandoned part-way, it leaves the memo as a
 * cancelled simulation does: what it kept is keyed by what it read, and the option memo takes this
 * plan's options only when the plan ends (`PlanOptions.finish`).
 */
export function* decidePlanSteps(
  design: PricedDesign,
  facts: ReadonlyMap<string, ComponentFacts>,
  horizonMinutes: number,
  memo?: DecisionMemo,
): Generator<PlanProgress, Plan> {
  const n = design.components.length;
  const stage: PlanProgress = { phase: 'placement', done: n, total: n };
  const solved = memo?.solved;
  const tol = toleranceOf(design.environments, horizonMinutes);
  const kept = memo?.options ? new PlanOptions(memo.options, facts, tol) : undefined;
  // The choice and the alternatives' comparison price the same candidates and edges: made once.
  const candidates = candidatesOf(design, facts, tol, undefined, kept);
  const prepared = { candidates, frame: frameJointProblem(candidates, design.connections, design.tariff, kept), kept };
  yield stage;
  const joint = chooseJointly(design, facts, tol, undefined, prepared, solved);
  yield stage;
  const judge = (assignment: ReadonlyMap<string, Placement>) =>
    judgeAssignment(design, facts, assignment, horizonMinutes, kept);
  const recommended = judge(joint.assignment);
  const everyOption = assessEveryOption(design, facts, joint.assignment, tol, kept);
  yield stage;
  const alternatives = compareAlternatives(design, facts, joint.assignment, tol, prepared);
  yield stage;
  const entries = new Map<string, PlacementEntry>();
  for (const [id, f] of facts) {
    const options = everyOption.get(id) ?? [];
    const placement = joint.assignment.get(id) ?? 'static';
    const chosen = recommended.result.options.get(id) ?? options[0];
    if (!chosen) continue;
    const others = alternatives.get(id) ?? [];
    const make = (): PlacementEntry => ({
      componentId: id,
      placement,
      effectivePattern: f.pattern,
      reasons: explainChoice({
        component: f.component,
        pattern: f.pattern,
        shape: f.shape,
        options,
        chosen,
        alternatives: others,
        env: design.environments,
        tol,
        tariff: design.tariff,
      }),
      options: options.map(toPlanOption),
      demand: {
        meanRps: roundRate(f.shape.mean),
        peakRps: roundRate(f.shape.peak),
        requestsPerMonth: Math.round(f.requestsPerMonth),
      },
    });
    // The rest an entry reads is the component's own (its key in `kept`) or the environments and
    // tariff, which its runs stand for (option-memo.ts).
    entries.set(id, kept ? kept.entry(id, options, chosen, `${placement}|${JSON.stringify(others)}`, make) : make());
  }
  yield stage;
  const allStatic = judge(assignBaseline('allStatic', design, facts, tol, kept));
  yield stage;
  const allElastic = judge(assignBaseline('allElastic', design, facts, tol, kept));
  yield stage;
  const allVm = judge(assignBaseline('allVm', design, facts, tol, kept));
  yield stage;
  const allServerless = judge(assignBaseline('allServerless', design, facts, tol, kept));
  yield stage;
  const baselines: Baselines = { allStatic, allElastic, allVm, allServerless };
  kept?.finish();
  const commitment = summariseCommitment(design, recommended);
  const margin = design.environments.decision.simplicityMargin;
  return {
    format: 'tidemark.plan',
    version: 1,
    generator: GENERATOR,
    design: { name: design.name, sha256: hashDesign(pricedDocument(design)) },
    assumptions: {
      simulation: design.simulation,
      environments: design.environments,
      pricing: { ...design.tariff.pricing, sources: priceSources(design.tariff) },
    },
    placements: design.components.flatMap((c) => entries.get(c.id) ?? []),
    wiring: recommended.wiring,
    totals: sumTotals(design, recommended, baselines, tol, (assignment) => ({
      prices: simplicityPrices(candidates, design.connections, prepared.frame, margin, assignment),
      notOffered: candidates.flatMap((c, v) => {
        const states = prepared.frame.states[v] ?? [];
        if (states.some((o) => o.placement === assignment.get(c.component.id))) return [];
        return [{ componentId: c.component.id, noneMeets: !states.some((o) => o.slack >= 0) }];
      }),
    })),
    search: joint.search,
    ...(commitment ? { commitment } : {}),
  };
}
