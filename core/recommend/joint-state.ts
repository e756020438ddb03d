/**
 * A partial choice of a JointProblem with its objective kept up to date as variables are assigned
 * and released, so the search pays only for the edges of the variable it moves. Every figure is the
 * objective of evaluateChoice restricted to assigned variables and the edges between them, and it
 * never decreases as more variables are assigned: latency only adds up, costs are non-negative. That
 * is what makes the running value a lower bound for the search.
 */
import {
  type JointProblem,
  type JointState,
  NEEDS_LINK,
  ONCE_CHANNELS,
  computeExcess,
  fromFlag,
  toFlag,
} from './joint-problem';

/**
 * Module-local copies of joint-problem.ts's constants and helpers, read in the search's innermost
 * loops: where the code runs as CommonJS (tsx: the command line, bench/, this engine's Node measure):
 * every read of an imported binding calls a getter. Copied, the search and the pruning of
 * the 500-component canvas design's joint problem took 42–45 ms and 3–5 ms instead of 90–129 ms and
 * 11–19 ms (tsx, search without HiGHS, three alternated rounds, 2026-12-06). A bundle (the plan
 * threads, the browser) refers to them directly either way.
 */
const LINK = NEEDS_LINK;
const CHANNELS = ONCE_CHANNELS;
const FROM_FLAG = Array.from({ length: ONCE_CHANNELS }, (_, c) => fromFlag(c));
const TO_FLAG = Array.from({ length: ONCE_CHANNELS }, (_, c) => toFlag(c));
const excessFor = computeExcess;

export class JointSearchState {
  /** State index per variable, −1 while unassigned. */
  readonly assigned: Int32Array;
  cost = 0;
  excess = 0;
  /** Assigned edges that need the secure link. */
  linkCount = 0;
  /** Incident edge indices per variable. */
  readonly incident: number[][];
  private readonly dc: Float64Array;
  private readonly cloud: Float64Array;
  /** Per variable and once-channel, the assigned edges that flag it. */
  private readonly onceCount: Int32Array;

  constructor(readonly problem: JointProblem) {
    const n = problem.variables.length;
    this.assigned = new Int32Array(n).fill(-1);
    this.dc = new Float64Array(n);
    this.cloud = new Float64Array(n);
    this.onceCount = new Int32Array(n * CHANNELS);
    this.incident = Array.from({ length: n }, () => [] as number[]);
    problem.edges.forEach((e, i) => {
      (this.incident[e.from] as number[]).push(i);
      (this.incident[e.to] as number[]).push(i);
    });
  }

  private stateOf(v: number, s: number): JointState {
    return (this.problem.variables[v] as readonly JointState[])[s] as JointState;
  }

  private excessOf(v: number): number {
    const s = this.assigned[v] as number;
    return s < 0 ? 0 : excessFor(this.stateOf(v, s), this.dc[v] as number, this.cloud[v] as number);
  }

  /** Adds `sign` (±1) to v's count on a once-channel, paying or refunding its cost at 0 ↔ 1. */
  private bumpOnce(v: number, c: number, sign: number): void {
    const k = v * CHANNELS + c;
    const before = this.onceCount[k] as number;
    const after = before + sign;
    this.onceCount[k] = after;
    const s = this.assigned[v] as number;
    if (s >= 0 && (before === 0) !== (after === 0)) this.cost += sign * (this.stateOf(v, s).once[c] ?? 0);
  }

  /** What v's state pays on the once-channels its edges flag now. */
  private onceCost(v: number, state: JointState): number {
    let cost = 0;
    for (let c = 0; c < CHANNELS; c++) if ((this.onceCount[v * CHANNELS + c] as number) > 0) cost += state.once[c] ?? 0;
    return cost;
  }

  /** Adds (sign 1) or removes (sign −1) edge i, both ends assigned; `v` is the end being moved. */
  private applyEdge(i: number, v: number, sign: number): void {
    const e = this.problem.edges[i];
    if (!e) return;
    const sf = e.from === v ? this.pending : (this.assigned[e.from] as number);
    const st = e.to === v ? this.pending : (this.assigned[e.to] as number);
    const pair = sf * (this.problem.variables[e.to] as readonly JointState[]).length + st;
    this.cost += sign * (e.cost[pair] as number);
    const caller = e.from;
    const callerAssigned = caller !== v;
    if (callerAssigned) this.excess -= this.excessOf(caller);
    this.dc[caller] = (this.dc[caller] as number) + sign * (e.latency[2 * pair] as number);
    this.cloud[caller] = (this.cloud[caller] as number) + sign * (e.latency[2 * pair + 1] as number);
    if (callerAssigned) this.excess += this.excessOf(caller);
    const f = e.flags[pair] as number;
    if (f & LINK) this.linkCount += sign;
    for (let c = 0; c < CHANNELS; c++) {
      if (f & (FROM_FLAG[c] as number)) this.bumpOnce(e.from, c, sign);
      if (f & (TO_FLAG[c] as number)) this.bumpOnce(e.to, c, sign);
    }
  }

  /** The state of the variable being moved, while its edges are applied. */
  private pending = -1;

  assign(v: number, s: number): void {
    this.pending = s;
    for (const i of this.incident[v] as number[]) {
      const e = this.problem.edges[i] as JointProblem['edges'][number];
      const other = e.from === v ? e.to : e.from;
      if ((this.assigned[other] as number) >= 0) this.applyEdge(i, v, 1);
    }
    this.assigned[v] = s;
    const state = this.stateOf(v, s);
    this.cost += state.cost + this.onceCost(v, state);
    this.excess += this.excessOf(v);
  }

  release(v: number): void {
    const s = this.assigned[v] as number;
    if (s < 0) return;
    const state = this.stateOf(v, s);
    this.excess -= this.excessOf(v);
    this.cost -= state.cost + this.onceCost(v, state);
    this.assigned[v] = -1;
    this.pending = s;
    for (const i of this.incident[v] as number[]) {
      const e = this.problem.edges[i] as JointProblem['edges'][number];
      const other = e.from === v ? e.to : e.from;
      if ((this.assigned[other] as number) >= 0) this.applyEdge(i, v, -1);
    }
  }
}
