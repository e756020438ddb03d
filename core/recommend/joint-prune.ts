/**
 * Dead-end elimination (Goldstein's criterion, as protein-design and MRF solvers use it) for the
 * joint problem: a state t of a variable is dropped when another state s of it is never worse in
 * any context — s is cheaper than t by at least the most its edges, its once-paid costs and the
 * link could cost it over t, whatever the neighbours do; s never misses its own SLO budget; s adds
 * no more latency to any caller than t does. Some optimum then never uses t, so dropping it keeps
 * the search exact while the pieces it must search shrink (most components in a real design have
 * one clearly right placement). Eliminations repeat until nothing changes.
 */
import {
  type JointEdge,
  type JointProblem,
  type JointState,
  NEEDS_LINK,
  ONCE_CHANNELS,
  budgetOf,
  fromFlag,
  toFlag,
} from './joint-problem';

/** Module-local copies of imported constants, for the hot loops: see joint-state.ts. */
const LINK = NEEDS_LINK;
const CHANNELS = ONCE_CHANNELS;
const FROM_FLAG = Array.from({ length: ONCE_CHANNELS }, (_, c) => fromFlag(c));
const TO_FLAG = Array.from({ length: ONCE_CHANNELS }, (_, c) => toFlag(c));
const budgetFor = budgetOf;

export interface PrunedProblem {
  problem: JointProblem;
  /** Per variable, the original index of each state kept. */
  kept: number[][];
}

export function pruneDominated(problem: JointProblem): PrunedProblem {
  const n = problem.variables.length;
  const alive = problem.variables.map((states) => states.map(() => true));
  const incident: number[][] = Array.from({ length: n }, () => []);
  problem.edges.forEach((e, i) => {
    incident[e.from]?.push(i);
    incident[e.to]?.push(i);
  });
  const statesOf = (v: number) => problem.variables[v] as readonly JointState[];
  const aliveOf = (v: number) => alive[v] as boolean[];
  // Whether a neighbour of v lost a state since v was last tried. dominates() reads v's states and
  // its neighbours' live ones: a variable none of whose neighbours changed since it was last tried
  // would find every test as it did then — false for each pair still alive — so it is not tried
  // again. The passes then drop the same states in the same order as when every variable was tried
  // in every pass (most of a re-plan's pruning was the passes after the first, confirming).
  const stale = new Uint8Array(n).fill(1);
  for (let changed = true; changed;) {
    changed = false;
    for (let v = 0; v < n; v++) {
      if (!stale[v]) continue;
      stale[v] = 0;
      const states = statesOf(v);
      for (let t = 0; t < states.length; t++) {
        if (!aliveOf(v)[t]) continue;
        for (let s = 0; s < states.length; s++) {
          if (s === t || !aliveOf(v)[s]) continue;
          if (dominates(problem, incident[v] as number[], alive, v, s, t)) {
            aliveOf(v)[t] = false;
            changed = true;
            for (const i of incident[v] as number[]) {
              const e = problem.edges[i] as JointEdge;
              stale[e.from === v ? e.to : e.from] = 1;
            }
            break;
          }
        }
      }
    }
  }
  const kept = alive.map((flags) => flags.flatMap((on, i) => (on ? [i] : [])));
  const variables = problem.variables.map((states, v) => (kept[v] as number[]).map((i) => states[i] as JointState));
  const edges = problem.edges.map((e): JointEdge => {
    const ka = kept[e.from] as number[];
    const kb = kept[e.to] as number[];
    const nb = statesOf(e.to).length;
    const cost: number[] = [];
    const latency: number[] = [];
    const flags: number[] = [];
    for (const i of ka) {
      for (const j of kb) {
        const p = i * nb + j;
        cost.push(e.cost[p] as number);
        latency.push(e.latency[2 * p] as number, e.latency[2 * p + 1] as number);
        flags.push(e.flags[p] as number);
      }
    }
    return { from: e.from, to: e.to, cost, latency, flags };
  });
  return { problem: { variables, edges, linkCost: problem.linkCost }, kept };
}

/** dominates()'s scratch flags, one array for every call (it was one allocation per pair of states). */
const ONCE_OWN: boolean[] = new Array<boolean>(CHANNELS).fill(false);

/** Whether state s of v is never worse than state t, whatever the neighbours' (live) states. */
function dominates(
  problem: JointProblem,
  incident: readonly number[],
  alive: readonly boolean[][],
  v: number,
  s: number,
  t: number,
): boolean {
  const states = problem.variables[v] as readonly JointState[];
  const ss = states[s] as JointState;
  const st = states[t] as JointState;
  let worst = ss.cost - st.cost;
  let ownDc = 0;
  let ownCloud = 0;
  const onceOwn = ONCE_OWN.fill(false);
  let link = false;
  for (const i of incident) {
    const e = problem.edges[i] as JointEdge;
    const isFrom = e.from === v;
    const other = isFrom ? e.to : e.from;
    const otherStates = problem.variables[other] as readonly JointState[];
    const nb = (problem.variables[e.to] as readonly JointState[]).length;
    let most = -Infinity;
    let maxDc = 0;
    let maxCloud = 0;
    for (let x = 0; x < otherStates.length; x++) {
      if (!alive[other]?.[x]) continue;
      const ps = isFrom ? s * nb + x : x * nb + s;
      const pt = isFrom ? t * nb + x : x * nb + t;
      let diff = (e.cost[ps] as number) - (e.cost[pt] as number);
      const fs = e.flags[ps] as number;
      const ft = e.flags[pt] as number;
      if (fs & LINK && !(ft & LINK)) link = true;
      // The neighbour's once-paid costs that s would set off and t would not.
      const xs = otherStates[x] as JointState;
      for (let c = 0; c < CHANNELS; c++) {
        const mine = isFrom ? (FROM_FLAG[c] as number) : (TO_FLAG[c] as number);
        const theirs = isFrom ? (TO_FLAG[c] as number) : (FROM_FLAG[c] as number);
        if (fs & mine) onceOwn[c] = true;
        if (fs & theirs && !(ft & theirs)) diff += xs.once[c] ?? 0;
      }
      if (isFrom) {
        maxDc = Math.max(maxDc, e.latency[2 * ps] as number);
        maxCloud = Math.max(maxCloud, e.latency[2 * ps + 1] as number);
      } else if (
        (e.latency[2 * ps] as number) > (e.latency[2 * pt] as number) ||
        (e.latency[2 * ps + 1] as number) > (e.latency[2 * pt + 1] as number)
      ) {
        return false; // s would add latency to a caller where t would not.
      }
      if (diff > most) most = diff;
    }
    if (most > -Infinity) worst += most;
    ownDc += maxDc;
    ownCloud += maxCloud;
  }
  // s must meet its own SLO budget in every context.
  if ((ss.channels & 1 && ownDc > ss.slack) || (ss.channels & 2 && ownCloud > budgetFor(ss, 2))) return false;
  for (let c = 0; c < CHANNELS; c++) if (onceOwn[c]) worst += ss.once[c] ?? 0;
  if (link) worst += problem.linkCost;
  return worst <= 0;
}
