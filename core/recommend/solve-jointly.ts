/**
 * The exact joint choice (R11): the combination of states that minimises evaluateChoice — least SLO
 * excess, then least cost. States that another state of the same variable dominates in every
 * context are dropped first (joint-prune.ts); variables left with one state are fixed. The rest fall apart into
 * independent pieces (connected through edges, or through a fixed variable whose SLO or R12 price
 * depends on several of them); each piece is searched by branch and bound — variables in breadth-first
 * order, cheapest states first, pruned by the running objective plus the least each unassigned
 * variable must still cost — from a greedy start improved by single moves. The secure link's fixed
 * cost couples the pieces only through "is it paid at all", so the search runs once with the link
 * free to use and, when that answer uses it, once with it forbidden: the better of the two is exact.
 *
 * Pieces the branch and bound cannot close within NODE_LIMIT nodes go to HiGHS (mip-solver.ts) as a
 * MILP whose relaxation is tight on these graphs (joint-milp.ts). Small pieces stay with the search:
 * it answers them in microseconds, where a MILP solve costs milliseconds (bench:solver). A piece of
 * more than SEARCH_PIECE_LIMIT open variables is not searched at all when a MIP solver is registered:
 * the whole problem goes to it straight away (solveStraight).
 */
import {
  type JointProblem,
  type JointState,
  type JointValue,
  LATENCY_EPSILON,
  budgetOf,
  evaluateChoice,
  isBetter,
} from './joint-problem';
import { type JointMilp, compileJointMilp, sketchMilp } from './joint-milp';
import { pruneDominated } from './joint-prune';
import { type KeptSolve, LP_OPTIONS, MIP_OPTIONS, type MipSolution, findMipSolver, solveKept } from './mip-solver';
import { JointSearchState } from './joint-state';
import { PieceBound } from './piece-bound';

/**
 * Search nodes a piece may use before it goes to the MIP solver (or, without one, its best so far is
 * taken as is: a heuristic answer). Small pieces close well within it; beyond it, HiGHS is faster.
 */
export const NODE_LIMIT = 2_000;

/**
 * Open variables in a piece beyond which the search is not tried when a MIP solver is registered: the
 * whole problem goes to it at once. Decided from the problem alone (its pieces), so a re-plan and a
 * full plan of the same design take the same way. On the generated designs (bench/lib/canvas-design.ts
 * with 30–300 components, bench/generate-bench-design.ts with 20–200, seeds 1–4: 2026-12-06) every
 * piece of 42 or more open variables exhausted NODE_LIMIT with the link free and with it forbidden,
 * and every piece of 31 or fewer closed within it at least once; the 500-component canvas design's
 * leaf edit (a 411-variable piece) spent 25–80 ms in those two searches before the MIP answered.
 */
export const SEARCH_PIECE_LIMIT = 40;

export interface JointSolution extends JointValue {
  /** State index per variable. */
  choice: number[];
  /** 'exact' unless a piece outgrew NODE_LIMIT. */
  method: 'exact' | 'heuristic';
  /** Product of the variables' state counts (capped at 1e300). */
  combinations: number;
  /**
   * Complete combinations the search evaluated: its greedy start, every single move tried, every leaf
   * (and the MIP's answer); straight to the MIP (SEARCH_PIECE_LIMIT): its answer and the moves tried.
   */
  evaluated: number;
  /** Largest number of open variables searched together. */
  largestPiece: number;
  /** False when a piece over SEARCH_PIECE_LIMIT sent the problem straight to the MIP solver. */
  searched: boolean;
}

/**
 * `pieceLimit`: SEARCH_PIECE_LIMIT, or Infinity to search every piece first (as before it, for tests).
 * `kept`: the last MIP or relaxation a plan's memo solved (solveKept), when there is a memo.
 */
export function solveJointly(
  original: JointProblem,
  nodeLimit = NODE_LIMIT,
  pieceLimit = SEARCH_PIECE_LIMIT,
  kept: KeptWhole = {},
): JointSolution {
  const { problem, kept: keptStates } = pruneDominated(original);
  const n = problem.variables.length;
  const state = new JointSearchState(problem);
  const fixed: number[] = [];
  for (let v = 0; v < n; v++) if ((problem.variables[v] as readonly JointState[]).length === 1) fixed.push(v);
  const pieces = findPieces(problem, state.incident);
  const largestPiece = pieces.reduce((m, p) => Math.max(m, p.length), 0);
  const finish = (choice: number[], value: JointValue, exact: boolean, evaluated: number, searched: boolean) => {
    let combinations = 1;
    for (const states of original.variables) combinations = Math.min(1e300, combinations * states.length);
    return {
      ...value,
      choice: choice.map((s, v) => keptStates[v]?.[s] ?? 0),
      method: exact ? 'exact' : 'heuristic',
      combinations,
      evaluated,
      largestPiece,
      searched,
    } satisfies JointSolution;
  };
  // undefined: not asked yet; null: asked, and no choice keeps every SLO budget.
  let mip: number[] | null | undefined;
  if (largestPiece > pieceLimit && findMipSolver()) {
    mip = solveWholeMip(problem, state.incident, kept);
    const straight = mip && solveStraight(state, mip);
    if (straight) return finish(straight.choice, straight.value, true, straight.evaluated, false);
  }
  const stats = { evaluated: 0, aborted: false };
  const run = (forbidLink: boolean): number[] | null => {
    for (let v = 0; v < n; v++) state.release(v);
    for (const v of fixed) state.assign(v, 0);
    if (forbidLink && state.linkCount > 0) return null;
    for (const piece of pieces) {
      const best = searchPiece(state, piece, forbidLink, nodeLimit, stats);
      if (best === null) return null;
      piece.forEach((v, k) => state.assign(v, best[k] as number));
    }
    return Array.from(state.assigned);
  };
  const free = run(false) ?? [];
  let choice = free;
  let value = evaluateChoice(problem, free);
  if (value.usesLink) {
    const without = run(true);
    if (without) {
      const other = evaluateChoice(problem, without);
      if (!isBetter(value, other)) {
        choice = without;
        value = other;
      }
    }
  }
  // A piece the search could not close: the whole problem goes to the MIP solver, link priced in.
  let exact = !stats.aborted;
  if (stats.aborted) {
    if (mip === undefined) mip = solveWholeMip(problem, state.incident, kept);
    if (mip) {
      exact = true;
      stats.evaluated++;
      const other = evaluateChoice(problem, mip);
      if (isBetter(other, value)) [choice, value] = [mip, other];
    }
  }
  return finish(choice, value, exact, stats.evaluated, true);
}

/**
 * The MIP's answer for a problem with a piece too big to search, taken as it is unless a single move
 * (one variable to another state) improves evaluateChoice's value, repeated as the search's start does
 * (at most 8 passes over the variables in order, each taking a variable's best strictly better state,
 * first in state order on ties). So among equal optima the plan takes the one HiGHS returns: a
 * function of the problem alone (the model is built from it deterministically; HiGHS runs
 * single-threaded with fixed options). The moves catch what HiGHS's tolerances cannot see: the
 * MILP's costs are in dollars, where the eighth of a micro-dollar that breaks ties between placements
 * (build-joint-problem.ts) is below them. Null when evaluateChoice finds the MIP's choice over an SLO
 * budget after all (floating point): the search then runs as without a solver.
 */
function solveStraight(
  state: JointSearchState,
  mip: readonly number[],
): { choice: number[]; value: JointValue; evaluated: number } | null {
  const problem = state.problem;
  if (evaluateChoice(problem, mip).excess !== 0) return null;
  const n = problem.variables.length;
  for (let v = 0; v < n; v++) state.release(v);
  mip.forEach((s, v) => state.assign(v, s));
  const now = (): JointValue => {
    const usesLink = state.linkCount > 0;
    return { excess: state.excess, cost: state.cost + (usesLink ? problem.linkCost : 0), usesLink };
  };
  const all = problem.variables.map((_, v) => v);
  const stateOrders = problem.variables.map((states) => states.map((_, s) => s));
  const orderOf = (v: number) => stateOrders[v] as number[];
  const evaluated = 1 + improveBySingleMoves(state, all, orderOf, now, () => true);
  const choice = Array.from(state.assigned);
  return { choice, value: evaluateChoice(problem, choice), evaluated };
}

/**
 * Single moves while they help, as the search's start and solveStraight improve a choice: at most 8
 * passes over `vars` in order, each variable taking its best strictly better state among those
 * `isAllowed` accepts (the first in `orderOf(k)`, k its index in `vars`, on ties). The current
 * state's value is measured, like every other state's, just after the variable is assigned again, so
 * all of them are compared from the same running sums. Leaves the picks assigned; returns how many
 * states were tried (the plan's `search.evaluated` counts them).
 */
function improveBySingleMoves(
  state: JointSearchState,
  vars: readonly number[],
  orderOf: (k: number) => readonly number[],
  now: () => JointValue,
  isAllowed: () => boolean,
): number {
  let tried = 0;
  for (let pass = 0, improved = true; improved && pass < 8; pass++) {
    improved = false;
    vars.forEach((v, k) => {
      const current = state.assigned[v] as number;
      state.release(v);
      let pick = current;
      state.assign(v, current);
      let pickValue = now();
      state.release(v);
      for (const s of orderOf(k)) {
        if (s === current) continue;
        state.assign(v, s);
        tried++;
        if (isAllowed() && isBetter(now(), pickValue)) [pick, pickValue, improved] = [s, now(), true];
        state.release(v);
      }
      state.assign(v, pick);
    });
  }
  return tried;
}

/**
 * The last problem solved and its solution, for a caller that solves again and again (a plan's run
 * memo, core/plan/run-memo.ts): an edit that changes no state, cost or edge — a rename, a move, a
 * re-plan of the same design — gets the same problem, and solveJointly is a function of the problem,
 * the node limit and the MIP solver registered (HiGHS is run without a time limit). That solve was
 * 40–55 ms of an 80–100 ms rename or price re-plan of bench:engine's design (CPU profile, 2026-12-05).
 */
export interface SolveMemo {
  /** The problem's numbers (problemWords), compared bit for bit: no hash, so no collision. */
  words: Uint32Array | null;
  nodeLimit: number;
  solver: unknown;
  solution: JointSolution | null;
  /** The last model given to the MIP solver and its answer (solveKept): a leaf edit mostly gives the same. */
  last?: KeptSolve;
  /** The last whole problem given to solveWholeMip, as what its model reads, and the choice it made. */
  whole?: { words: Uint32Array; solver: unknown; choice: number[] | null };
}

/** What solveJointly keeps between calls (a plan's memo): the last MIP solve, and the last whole problem's. */
type KeptWhole = Pick<SolveMemo, 'last' | 'whole'>;

export function createSolveMemo(): SolveMemo {
  return { words: null, nodeLimit: NODE_LIMIT, solver: null, solution: null };
}

/** solveJointly, or the memo's solution when the problem, node limit and solver are those it solved last. */
export function solveJointlyOnce(problem: JointProblem, memo?: SolveMemo, nodeLimit = NODE_LIMIT): JointSolution {
  if (!memo) return solveJointly(problem, nodeLimit);
  const words = problemWords(problem);
  const solver = findMipSolver();
  const kept = memo.solution;
  if (!kept || memo.nodeLimit !== nodeLimit || memo.solver !== solver || !sameWords(memo.words, words)) {
    const solution = solveJointly(problem, nodeLimit, SEARCH_PIECE_LIMIT, memo);
    Object.assign(memo, { words, nodeLimit, solver, solution });
    return { ...solution, choice: [...solution.choice] };
  }
  return { ...kept, choice: [...kept.choice] };
}

/**
 * Every number of a problem, with the counts that place them, as the bits of 64-bit floats: two
 * problems with the same words are the same problem (−0, NaN and ±Infinity included).
 */
function problemWords(problem: JointProblem, fixedCosts = true): Uint32Array {
  // Counted first, then written straight into the array (a number[] grown by push and copied was ~3 ms).
  let size = 3;
  for (const states of problem.variables) {
    size += 1;
    for (const s of states) size += 7 + s.once.length;
  }
  for (const e of problem.edges) size += 5 + e.cost.length + e.latency.length + e.flags.length;
  const out = new Float64Array(size);
  let at = 0;
  out[at++] = problem.linkCost;
  out[at++] = problem.variables.length;
  for (const states of problem.variables) {
    out[at++] = states.length;
    const withCost = fixedCosts || states.length > 1;
    for (const s of states) {
      out[at++] = s.key;
      out[at++] = withCost ? s.cost : 0;
      out[at++] = s.slack;
      out[at++] = s.cloudSlack === undefined ? 0 : 1;
      out[at++] = s.cloudSlack ?? 0;
      out[at++] = s.channels;
      out[at++] = s.once.length;
      for (const x of s.once) out[at++] = x;
    }
  }
  out[at++] = problem.edges.length;
  for (const e of problem.edges) {
    out[at++] = e.from;
    out[at++] = e.to;
    for (const values of [e.cost, e.latency, e.flags]) {
      out[at++] = values.length;
      for (let i = 0; i < values.length; i++) out[at++] = values[i] as number;
    }
  }
  return new Uint32Array(out.buffer);
}

function sameWords(a: Uint32Array | null, b: Uint32Array): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Open variables grouped so that no edge or shared fixed neighbour links two groups, each in
 * breadth-first order from its most connected variable.
 */
function findPieces(problem: JointProblem, incident: readonly number[][]): number[][] {
  const n = problem.variables.length;
  const isOpen = (v: number) => (problem.variables[v] as readonly JointState[]).length > 1;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const root = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v] as number] as number;
      v = parent[v] as number;
    }
    return v;
  };
  const join = (a: number, b: number) => {
    parent[root(a)] = root(b);
  };
  for (const e of problem.edges) if (isOpen(e.from) && isOpen(e.to)) join(e.from, e.to);
  for (let u = 0; u < n; u++) {
    if (isOpen(u)) continue;
    const s = (problem.variables[u] as readonly JointState[])[0] as JointState;
    const bound =
      (Number.isFinite(s.slack) && (s.channels & 1) !== 0) ||
      (Number.isFinite(budgetOf(s, 2)) && (s.channels & 2) !== 0);
    let first = -1;
    for (const i of incident[u] as number[]) {
      const e = problem.edges[i] as JointProblem['edges'][number];
      const other = e.from === u ? e.to : e.from;
      // A fixed caller's SLO depends on all its open callees; its once-paid costs on all its neighbours.
      if (!isOpen(other) || !((bound && e.from === u) || s.once.some((x) => x > 0))) continue;
      if (first < 0) first = other;
      else join(first, other);
    }
  }
  const groups = new Map<number, number[]>();
  // Grown in place: copied on every member, a 411-variable piece made ~85,000 elements of garbage.
  for (let v = 0; v < n; v++) {
    if (!isOpen(v)) continue;
    const group = groups.get(root(v));
    if (group) group.push(v);
    else groups.set(root(v), [v]);
  }
  return [...groups.values()].map((members) => orderBreadthFirst(problem, incident, members));
}

function orderBreadthFirst(problem: JointProblem, incident: readonly number[][], members: number[]): number[] {
  const inPiece = new Set(members);
  const degree = (v: number) => (incident[v] as number[]).length;
  const starts = [...members].sort((a, b) => degree(b) - degree(a) || a - b);
  const seen = new Set<number>();
  const order: number[] = [];
  for (const start of starts) {
    if (seen.has(start)) continue;
    seen.add(start);
    order.push(start);
    for (let k = order.length - 1; k < order.length; k++) {
      for (const i of incident[order[k] as number] as number[]) {
        const e = problem.edges[i] as JointProblem['edges'][number];
        const other = e.from === order[k] ? e.to : e.from;
        if (inPiece.has(other) && !seen.has(other)) {
          seen.add(other);
          order.push(other);
        }
      }
    }
  }
  return order;
}

/** Best states for `piece` (in its order) given everything outside it as assigned now; null if none fits. */
function searchPiece(
  state: JointSearchState,
  piece: readonly number[],
  forbidLink: boolean,
  nodeLimit: number,
  stats: { evaluated: number; aborted: boolean },
): number[] | null {
  const problem = state.problem;
  const statesOf = (v: number) => problem.variables[v] as readonly JointState[];
  const bound = new PieceBound(problem, piece, state.incident, state.assigned);
  // States cheapest first, by what each adds with what is assigned now (also the greedy's order).
  const orderAt = (k: number): number[] => {
    const n = statesOf(piece[k] as number).length;
    const adds = Array.from({ length: n }, (_, s) => bound.least(k, s));
    return adds
      .map((_, s) => s)
      .sort(
        (a, b) =>
          (adds[a]?.excess as number) - (adds[b]?.excess as number) ||
          (adds[a]?.cost as number) - (adds[b]?.cost as number) ||
          a - b,
      );
  };
  const isAllowed = () => !forbidLink || state.linkCount === 0;
  const now = (): JointValue => ({ excess: state.excess, cost: state.cost, usesLink: state.linkCount > 0 });

  // A greedy start, then single moves while they help: the incumbent the search must beat.
  let best: number[] | null = null;
  let bestValue: JointValue = { excess: Infinity, cost: Infinity, usesLink: false };
  const orderOf = piece.map((_, k) => orderAt(k));
  piece.forEach((v, k) => {
    let pick = -1;
    let pickValue: JointValue = { excess: Infinity, cost: Infinity, usesLink: false };
    for (const s of orderOf[k] as number[]) {
      state.assign(v, s);
      if (isAllowed() && (pick < 0 || isBetter(now(), pickValue))) [pick, pickValue] = [s, now()];
      state.release(v);
    }
    state.assign(v, pick < 0 ? (orderOf[k]?.[0] ?? 0) : pick);
  });
  stats.evaluated++;
  stats.evaluated += improveBySingleMoves(state, piece, (k) => orderOf[k] as number[], now, isAllowed);
  if (isAllowed()) [best, bestValue] = [piece.map((v) => state.assigned[v] as number), now()];
  for (const v of piece) state.release(v);

  // Branch and bound on the running value plus the least the unassigned variables must add.
  let nodes = 0;
  const visit = (k: number): void => {
    if (k === piece.length) {
      stats.evaluated++;
      if (isBetter(now(), bestValue)) [best, bestValue] = [piece.map((v) => state.assigned[v] as number), now()];
      return;
    }
    const v = piece[k] as number;
    for (const s of orderAt(k)) {
      if (++nodes > nodeLimit) return;
      state.assign(v, s);
      bound.move(k, s, 1);
      if (isAllowed()) {
        const rest = bound.bound(k + 1);
        const excess = state.excess + rest.excess;
        const canImprove =
          excess < bestValue.excess - LATENCY_EPSILON ||
          (excess <= bestValue.excess + LATENCY_EPSILON && state.cost + rest.cost < bestValue.cost);
        if (canImprove) visit(k + 1);
      }
      bound.move(k, s, -1);
      state.release(v);
    }
  };
  visit(0);
  if (nodes > nodeLimit) stats.aborted = true;
  return best;
}

/**
 * The whole (pruned) problem as one MILP for HiGHS (joint-milp.ts), the link's month in its
 * objective; null without a registered solver, or when no choice keeps every SLO budget.
 *
 * Its linear relaxation is solved first: on these graphs it mostly comes out whole (joint-milp.ts),
 * and a whole optimum of the relaxation is an optimum of the MIP, found without HiGHS's MIP
 * machinery (presolve, probing, the root's cuts). On the 500-component canvas design's leaf edit that
 * was 95–145 ms against 265–445 ms for the MIP, both read from LP text (Node, 16:00 UTC 2026-12-03);
 * later the same day, 110 ms from text against 37–45 ms as arrays (mip-solver.ts). Only a fractional
 * relaxation goes on to the MIP.
 */
function solveWholeMip(
  problem: JointProblem,
  incident: readonly (readonly number[])[],
  kept: KeptWhole,
): number[] | null {
  const solver = findMipSolver();
  if (!solver) return null;
  // The model reads every number of the problem but the costs of its fixed variables (sketchMilp), and
  // the solver's answer is a function of the model: the same words, the same choice. A leaf edit that
  // changes only a fixed leaf's cost (most of them, on the 500-component canvas design) skips the
  // model's sketch and compilation (~12 ms of a ~150 ms re-plan in Node) as well as the solve.
  const words = problemWords(problem, false);
  const last = kept.whole;
  if (last && last.solver === solver && sameWords(last.words, words)) return last.choice && [...last.choice];
  const choice = solveWholeModel(problem, incident, kept, solver);
  kept.whole = { words, solver, choice: choice && [...choice] };
  return choice;
}

function solveWholeModel(
  problem: JointProblem,
  incident: readonly (readonly number[])[],
  kept: KeptWhole,
  solver: NonNullable<ReturnType<typeof findMipSolver>>,
): number[] | null {
  const variables = problem.variables.map((_, v) => v);
  const fixed = new Map(
    variables.filter((v) => (problem.variables[v] as readonly JointState[]).length === 1).map((v) => [v, 0]),
  );
  const piece = { variables, fixed, link: 'priced' } as const;
  // Sketched once: the relaxation and, when it is fractional, the MIP are two compilations of it.
  const sketched = sketchMilp(problem, piece, incident);
  const relaxed = compileJointMilp(sketched, true);
  const relaxation = solveKept(solver, relaxed, LP_OPTIONS, kept);
  if (relaxation.status === 'Infeasible') return null;
  if (relaxation.status === 'Optimal') {
    const whole = readWholeChoice(problem, variables, relaxed, relaxation);
    if (whole) return whole;
  }
  const model = compileJointMilp(sketched, false);
  const result = solveKept(solver, model, MIP_OPTIONS, kept);
  const values = result.values;
  if (result.status !== 'Optimal' || !values) return null;
  return variables.map((v) =>
    Math.max(
      0,
      (problem.variables[v] as readonly JointState[]).findIndex((_, s) => (values[model.stateColumn(v, s)] ?? 0) > 0.5),
    ),
  );
}

/** A state variable this close to 0 or 1 is whole: HiGHS's own MIP feasibility tolerance. */
const WHOLE = 1e-6;

/** The state each variable takes in a relaxation's solution whose state variables are all whole; null if one is not. */
function readWholeChoice(
  problem: JointProblem,
  variables: readonly number[],
  model: JointMilp,
  result: MipSolution,
): number[] | null {
  const values = result.values;
  if (!values) return null;
  const choice: number[] = [];
  for (const v of variables) {
    let picked = -1;
    const states = problem.variables[v] as readonly JointState[];
    for (let s = 0; s < states.length; s++) {
      const x = values[model.stateColumn(v, s)] ?? 0;
      if (x > 1 - WHOLE && picked < 0) picked = s;
      else if (x > WHOLE) return null;
    }
    if (picked < 0) return null;
    choice.push(picked);
  }
  return choice;
}
