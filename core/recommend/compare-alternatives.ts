/**
 * What each component's other options would do to the whole plan, everything else as chosen: the
 * change in the monthly bill (its own cost, its connections' wiring, staging, the secure link) and in
 * SLO excess. The reasons quote these figures — "functions would save $1.23 (0.4 %), less than the
 * 10 % a split must save (R12)", "on its own the cloud is cheaper, but its calls to the database
 * would cross the link for $40 more (R11)" — so they are the same objective the choice minimised,
 * without R12's price (margin 0) and without tie-breaks.
 */
import type { PricedDesign } from '../cost/tariff';
import type { Placement } from '../model/design';
import type { ComponentFacts, Tolerance } from './assess-assignment';
import { type CandidateOption, buildJointProblem } from './build-joint-problem';
import { type PreparedChoice, candidatesOf } from './choose-jointly';
import { JointSearchState } from './joint-state';

export interface Alternative {
  placement: Placement;
  /** Change of the plan's monthly cost were this component placed so, dollars (negative: cheaper). */
  costDelta: number;
  /** Change of the summed SLO excess (ms over what the SLOs tolerate; > 0: some SLO is missed). */
  excessDelta: number;
  /** Its own option's monthly cost. */
  ownCost: number;
}

/** Per component id, its offered alternatives (the chosen one with deltas of 0) in PLACEMENTS order. */
export function compareAlternatives(
  design: PricedDesign,
  facts: ReadonlyMap<string, ComponentFacts>,
  assignment: ReadonlyMap<string, Placement>,
  tol: Tolerance,
  /** The candidates of these facts and their frame, when the caller has them (decide-plan.ts). */
  prepared?: PreparedChoice,
): Map<string, Alternative[]> {
  const candidates = prepared?.candidates ?? candidatesOf(design, facts, tol);
  const { problem, states } = buildJointProblem(
    candidates,
    design.connections,
    design.tariff,
    0,
    prepared?.frame,
    prepared?.kept,
  );
  const search = new JointSearchState(problem);
  const total = () => search.cost / 1e6 + (search.linkCount > 0 ? problem.linkCost / 1e6 : 0);
  candidates.forEach((c, v) => {
    const s = (states[v] ?? []).findIndex((o) => o.placement === assignment.get(c.component.id));
    search.assign(v, Math.max(0, s));
  });
  // A burst may offer its latency budget as several states (build-joint-problem.ts): each placement
  // stands for the one of its states that fits best where it is. A state's budget bears on its own
  // excess only, so the chosen ones are found one variable at a time.
  candidates.forEach((_, v) => {
    const placement = states[v]?.[search.assigned[v] as number]?.placement;
    if (placement !== undefined) search.assign(v, bestStateOf(search, states[v] ?? [], v, placement));
  });
  const out = new Map<string, Alternative[]>();
  candidates.forEach((c, v) => {
    const current = search.assigned[v] as number;
    const baseCost = total();
    const baseExcess = search.excess;
    const list: Alternative[] = [];
    (states[v] ?? []).forEach((o, s) => {
      if (bestStateOf(search, states[v] ?? [], v, o.placement) !== s) return;
      search.release(v);
      search.assign(v, s);
      // Tie-break eighths (placement keys) cancel out of a difference up to their own size.
      list.push({
        placement: o.placement,
        costDelta: Math.round((total() - baseCost) * 100) / 100,
        excessDelta: search.excess - baseExcess,
        ownCost: o.ownCost,
      });
    });
    search.release(v);
    search.assign(v, current);
    out.set(c.component.id, list);
  });
  return out;
}

/** Excesses (ms) closer than this are the same: far below a link's millisecond, far above rounding. */
const EXCESS_EPSILON = 1e-6;

/**
 * Of v's states for `placement`, the one with the least excess (the first on ties), everything else
 * as assigned; v's own assignment is restored.
 */
function bestStateOf(
  search: JointSearchState,
  states: readonly CandidateOption[],
  v: number,
  placement: Placement,
): number {
  // Most components offer one state per placement: that one, found without a list (it was most of
  // comparing a 500-component design's alternatives, 2026-12-06).
  let first = -1;
  let count = 0;
  for (let s = 0; s < states.length; s++)
    if ((states[s] as CandidateOption).placement === placement) {
      if (first < 0) first = s;
      count++;
    }
  if (count < 2) return first;
  const own = search.assigned[v] as number;
  let best = -1;
  let least = Infinity;
  for (let s = first; s < states.length; s++) {
    if ((states[s] as CandidateOption).placement !== placement) continue;
    if (own >= 0) search.release(v);
    search.assign(v, s);
    // The running sum drifts by rounding as states come and go: equal excesses must read equal.
    if (best < 0 || search.excess < least - EXCESS_EPSILON) [best, least] = [s, search.excess];
    search.release(v);
    if (own >= 0) search.assign(v, own);
  }
  return best;
}
