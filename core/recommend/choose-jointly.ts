/**
 * The recommendation (R11): every component's options become states of one JointProblem — the
 * ones its hard constraints allow that meet its SLO with room for link latency, else the ones that
 * miss it least — and the connections its edges; the exact search picks the combination with the
 * least SLO excess, then the least cost with R12's price of simplicity. What comes back is the
 * assignment and how it was found.
 */
import type { PricedDesign } from '../cost/tariff';
import type { Placement } from '../model/design';
import { PLACEMENTS } from '../model/design-fields';
import { BURST_RESERVE, type ComponentFacts, type Tolerance, routedOverOf } from './assess-assignment';
import { type Candidate, type CandidateOption, type JointFrame, buildJointProblem } from './build-joint-problem';
import { cloudShareOf } from './crossing';
import { findRuleOut } from './hard-constraints';
import type { PlanOptions } from './option-memo';
import type { PlacementRun } from './run-placement';
import { type SolveMemo, solveJointlyOnce } from './solve-jointly';

export interface SearchFacts {
  method: 'exact' | 'heuristic';
  combinations: number;
  evaluated: number;
  /** Most open components searched together. */
  largestPiece: number;
}

export interface JointChoice {
  assignment: Map<string, Placement>;
  search: SearchFacts;
}

export function toCandidate(f: ComponentFacts, design: PricedDesign, tol: Tolerance): Candidate {
  const options = PLACEMENTS.map((placement): CandidateOption => {
    const run = f.runs.find((r) => r.placement === placement);
    if (!run) throw new Error(`no ${placement} run for ${f.component.id}`);
    const slack = slackOf(run, tol);
    const sides = isSplit(run, slack) ? () => sideSlackOf(run, tol) : null;
    const routedOver =
      slack >= 0 ? routedOverOf(run, f.demandByHour ?? null, design.tariff.env.link.latencyMs) : undefined;
    return {
      placement,
      allowed: findRuleOut(f.component, placement, design.tariff) === null,
      ownCost: run.ownCost,
      cloudShare: run.cloudShare,
      slack,
      ...(sides ? { sideSlack: sides } : {}),
      roomMinutes: reserveOf(run) * tol.minutes - run.figures.sloViolationMinutes,
      ...(routedOver ? { routedOver } : {}),
      steps: run.stats.cloudSteps,
      missMinutes: run.figures.sloViolationMinutes,
      missDrops: run.figures.droppedRequests,
      missP95: run.figures.p95LatencyMs,
      missBand: { minutes: tol.minutes, drops: tol.dropShare * Math.max(1, run.figures.requests) },
    };
  });
  return { component: f.component, options, requestsPerMonth: f.requestsPerMonth, demand: f.demandByHour ?? null };
}

/**
 * The latency a run's callers' links may add before it misses its SLO (OptionStats.largestShift), or
 * −1 when it drops too much already. R12: a split must be clearly worth it — it keeps half the
 * tolerance in reserve, so that a burst is not chosen on the strength of a detection delay that only
 * just fits.
 */
function slackOf(run: PlacementRun, tol: Tolerance): number {
  // fitsBurstReserve (assess-assignment.ts) is this test for a burst: slack ≥ 0 exactly when it fits.
  const share = reserveOf(run);
  const drops = run.figures.droppedRequests > share * tol.dropShare * Math.max(1, run.figures.requests);
  return drops ? -1 : run.stats.largestShift(share * tol.minutes);
}

/** The share of the tolerances a run may use (R12: a burst keeps the rest in reserve). */
const reserveOf = (run: PlacementRun) => (run.placement === 'burst' ? BURST_RESERVE : 1);

/** A burst that meets its SLO with room to spare and serves on both sides. */
function isSplit(run: PlacementRun, slack: number): boolean {
  const share = cloudShareOf(run.placement, run.cloudShare);
  return run.placement === 'burst' && slack >= 0 && Number.isFinite(slack) && share > 0 && share < 1;
}

/**
 * A burst's budget for each side alone (OptionStats.largestSideDelay): its data-centre side's
 * requests and its cloud side's pay their own calls across the link (assessOption), and a side that
 * serves a small share of them can take on more than the slack every request could.
 */
function sideSlackOf(run: PlacementRun, tol: Tolerance): { dc: number; cloud: number } {
  const share = cloudShareOf(run.placement, run.cloudShare);
  const allowed = BURST_RESERVE * tol.minutes;
  return {
    dc: run.stats.largestSideDelay(allowed, share, 'dc'),
    cloud: run.stats.largestSideDelay(allowed, share, 'cloud'),
  };
}

/**
 * Finds each run's slack now, where the component was simulated: the run keeps it (largestShift's
 * answers are kept by allowance), so the decision only reads it. A bisection of the SLO minutes, it
 * was about 70 % of a 200-component decision, which runs on one thread after the parts simulated on
 * several (plan-sharded.ts). A burst's side budgets too, where its calls (`mostDelayMs`, from
 * mostCallDelays) can add more than its slack.
 */
export function prepareSlack(f: ComponentFacts, tol: Tolerance, mostDelayMs = Infinity): void {
  for (const run of f.runs) {
    const slack = slackOf(run, tol);
    if (isSplit(run, slack) && mostDelayMs > slack) sideSlackOf(run, tol);
  }
}

/**
 * Every component's candidate in the design's order, taken from `cache` where it holds one, or from
 * `kept` (options kept from earlier plans, option-memo.ts) where the component's runs, name and
 * requests are those of a candidate made before.
 */
export function candidatesOf(
  design: PricedDesign,
  facts: ReadonlyMap<string, ComponentFacts>,
  tol: Tolerance,
  cache?: WeakMap<ComponentFacts, Candidate>,
  kept?: PlanOptions,
): Candidate[] {
  return design.components.flatMap((c) => {
    const f = facts.get(c.id);
    if (!f) return [];
    if (kept) return [kept.own(c.id, 'candidate', () => toCandidate(f, design, tol))];
    let candidate = cache?.get(f);
    if (!candidate) {
      candidate = toCandidate(f, design, tol);
      cache?.set(f, candidate);
    }
    return [candidate];
  });
}

/** A decision's candidates (candidatesOf) and their frame (frameJointProblem), made once for a plan. */
export interface PreparedChoice {
  candidates: Candidate[];
  frame: JointFrame;
  /** What earlier plans made (option-memo.ts), when the candidates and frame were made with it. */
  kept?: PlanOptions;
}

/**
 * `cache`, when given, keeps each component's candidate by its facts, for callers that decide
 * many times over facts that mostly stay the same (core/plan/what-if.ts). A component's candidate
 * depends on its facts, the tariff and the tolerance: only share it between decisions whose tariff
 * and tolerance agree (new prices come with new facts). `prepared`, when given, are the candidates
 * of these facts and their frame (decide-plan.ts, which compares the alternatives on the same).
 * `solved`, when given, keeps the last problem solved and its answer (solve-jointly.ts).
 */
export function chooseJointly(
  design: PricedDesign,
  facts: ReadonlyMap<string, ComponentFacts>,
  tol: Tolerance,
  cache?: WeakMap<ComponentFacts, Candidate>,
  prepared?: PreparedChoice,
  solved?: SolveMemo,
): JointChoice {
  const candidates = prepared?.candidates ?? candidatesOf(design, facts, tol, cache);
  const margin = design.environments.decision.simplicityMargin;
  const { problem, states } = buildJointProblem(
    candidates,
    design.connections,
    design.tariff,
    margin,
    prepared?.frame,
    prepared?.kept,
  );
  const solution = solveJointlyOnce(problem, solved);
  const assignment = new Map<string, Placement>();
  candidates.forEach((c, v) => {
    const option = states[v]?.[solution.choice[v] ?? 0];
    assignment.set(c.component.id, option?.placement ?? 'static');
  });
  return {
    assignment,
    search: {
      method: solution.method,
      // Placements, not states: a burst may offer its latency budget as several (build-joint-problem.ts).
      combinations: states.reduce((n, list) => Math.min(1e300, n * new Set(list.map((o) => o.placement)).size), 1),
      evaluated: solution.evaluated,
      largestPiece: solution.largestPiece,
    },
  };
}
