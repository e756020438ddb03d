/**
 * The joint choice of placements (R11) as a small combinatorial problem, independent of what the
 * states mean: each variable (a component) picks one of its states (placements) with a cost; each
 * edge (a connection) adds a cost, latency to its caller and flags for every pair of states; a state
 * tolerates only so much added latency (its SLO slack); R12's price (an endpoint across the link from
 * any neighbour) and staging (elastic work that needs data-centre data) are paid once per variable; the secure link's fixed cost is paid once if any edge
 * or state needs it. `evaluateChoice` is the definition of the objective: the search must find the
 * choice that minimises it, and the tests hold the search to it by brute force.
 */

export interface JointState {
  /** The caller's label for the state (a placement index); lower keys win exact ties. */
  key: number;
  /** Cost of the state on its own (R12's burst price included), in the units the caller chose. */
  cost: number;
  /** The most added latency (ms) the state tolerates while meeting its SLO; Infinity when unbounded. */
  slack: number;
  /**
   * The cloud channel's own budget when it is not `slack` (which is then the data centre's): a
   * burst's two sides, whose requests are shares of its own, each tolerate their own delay.
   */
  cloudSlack?: number;
  /** Which added latency counts against the slack: bit 1 while served in the data centre, bit 2 in the cloud. */
  channels: number;
  /**
   * Costs paid once per variable when any incident edge flags it, by channel: ONCE_AWAY is R12's
   * price for ending up across the link from a neighbour; ONCE_STORAGE and ONCE_DATA_ACCESS the
   * storage offering and the data-access element that stage data for elastic work (R6), however
   * many connections need them.
   */
  once: readonly number[];
}

export const ONCE_AWAY = 0;
export const ONCE_STORAGE = 1;
export const ONCE_DATA_ACCESS = 2;
export const ONCE_CHANNELS = 3;

/** Flags of a pair of states on an edge: the link, then per once-channel the caller's and the callee's bit. */
export const NEEDS_LINK = 1;
export const fromFlag = (channel: number): number => 2 << (2 * channel);
export const toFlag = (channel: number): number => 4 << (2 * channel);

export interface JointEdge {
  /** Caller and callee, as variable indices. */
  from: number;
  to: number;
  /** Per pair of state indices, at [i × (callee's state count) + j]. */
  cost: ArrayLike<number>;
  /** Latency added to the caller, ms: at [2 × pair] while served in the data centre, [2 × pair + 1] in the cloud. */
  latency: ArrayLike<number>;
  /** NEEDS_LINK and the once-channels' fromFlag/toFlag bits, per pair. */
  flags: ArrayLike<number>;
}

export interface JointProblem {
  variables: readonly (readonly JointState[])[];
  edges: readonly JointEdge[];
  /** Fixed monthly cost of the secure link, paid once when anything needs it. */
  linkCost: number;
}

export interface JointValue {
  /** Added latency beyond the slack, ms, summed over variables: 0 when every SLO is met. */
  excess: number;
  cost: number;
  usesLink: boolean;
}

/** Latency sums below this are taken as within the slack (floating-point sums of link latencies). */
export const LATENCY_EPSILON = 1e-9;

/** Excess of one variable whose state `s` sees `dc` and `cloud` ms added. */
export function computeExcess(s: JointState, dc: number, cloud: number): number {
  const over = Math.max(s.channels & 1 ? dc - s.slack : 0, s.channels & 2 ? cloud - budgetOf(s, 2) : 0);
  return over > LATENCY_EPSILON ? over : 0;
}

/** The added latency state `s` tolerates on `channel` (1: in the data centre, 2: in the cloud). */
export function budgetOf(s: JointState, channel: number): number {
  return channel === 2 ? (s.cloudSlack ?? s.slack) : s.slack;
}

/** The objective of a complete choice (state index per variable), computed plainly. */
export function evaluateChoice(problem: JointProblem, choice: readonly number[]): JointValue {
  const n = problem.variables.length;
  const dc = new Float64Array(n);
  const cloud = new Float64Array(n);
  const flagged = new Uint8Array(n * ONCE_CHANNELS);
  let cost = 0;
  let usesLink = false;
  for (const e of problem.edges) {
    const j = choice[e.to] as number;
    const pair = (choice[e.from] as number) * (problem.variables[e.to] as readonly JointState[]).length + j;
    cost += e.cost[pair] as number;
    dc[e.from] = (dc[e.from] as number) + (e.latency[2 * pair] as number);
    cloud[e.from] = (cloud[e.from] as number) + (e.latency[2 * pair + 1] as number);
    const f = e.flags[pair] as number;
    if (f & NEEDS_LINK) usesLink = true;
    for (let c = 0; c < ONCE_CHANNELS; c++) {
      if (f & fromFlag(c)) flagged[e.from * ONCE_CHANNELS + c] = 1;
      if (f & toFlag(c)) flagged[e.to * ONCE_CHANNELS + c] = 1;
    }
  }
  let excess = 0;
  problem.variables.forEach((states, v) => {
    const s = states[choice[v] as number] as JointState;
    cost += s.cost;
    for (let c = 0; c < ONCE_CHANNELS; c++) if (flagged[v * ONCE_CHANNELS + c]) cost += s.once[c] ?? 0;
    excess += computeExcess(s, dc[v] as number, cloud[v] as number);
  });
  if (usesLink) cost += problem.linkCost;
  return { excess, cost, usesLink };
}

/**
 * Whether `a` is better than `b`: less excess first, then less cost. Costs are compared exactly: the
 * engine passes whole micro-dollars plus a tie-breaking eighth per state key, sums of which are exact
 * in floating point, so equal means equal and the same input always gives the same choice.
 */
export function isBetter(a: JointValue, b: JointValue): boolean {
  if (a.excess < b.excess - LATENCY_EPSILON) return true;
  if (a.excess > b.excess + LATENCY_EPSILON) return false;
  return a.cost < b.cost;
}
