/**
 * The branch-and-bound's lower bound for one piece of the joint problem: for every variable not yet
 * assigned, the least it can still add given what is assigned now — its state's cost, its edges to
 * assigned variables, the once-paid costs those edges already set off on it, and the SLO excess its
 * assigned callees already cause it — summed over the unassigned variables. Edges between two
 * unassigned variables and the once-paid costs they may set off count as 0 (all are ≥ 0), so the sum
 * never overestimates: pruning on it keeps the search exact. Kept up to date as variables are
 * assigned and released, so a node pays only for the edges of the variable it moves.
 */
import {
  type JointEdge,
  type JointProblem,
  type JointState,
  ONCE_CHANNELS,
  computeExcess,
  fromFlag,
  toFlag,
} from './joint-problem';

/** Module-local copies of imported constants, for the hot loops: see joint-state.ts. */
const CHANNELS = ONCE_CHANNELS;
const FROM_FLAG = Array.from({ length: ONCE_CHANNELS }, (_, c) => fromFlag(c));
const TO_FLAG = Array.from({ length: ONCE_CHANNELS }, (_, c) => toFlag(c));
const excessFor = computeExcess;

interface Link {
  edge: JointEdge;
  /** The other end's local index in the piece, or −1 when it lies outside. */
  other: number;
  /** The other end's variable index. */
  otherVar: number;
  /** Whether this variable is the edge's caller. */
  isFrom: boolean;
  /** Where this edge sits in the other end's links (−1 outside the piece). */
  back: number;
}

export class PieceBound {
  private readonly states: (readonly JointState[])[];
  private readonly links: Link[][];
  private readonly cost: Float64Array[];
  private readonly dc: Float64Array[];
  private readonly cloud: Float64Array[];
  private readonly flags: Int32Array[];
  /**
   * Each variable's least cost and least excess over its states, as bound() last found them, and
   * whether apply() has changed its figures since. A search node moves one variable, which touches
   * only its piece neighbours, so bound() recomputes those and sums the rest as they were (measured:
   * the bound was a sixth of a leaf edit's re-plan on 500 components when it rescanned every state).
   */
  private readonly minCost: Float64Array;
  private readonly minExcess: Float64Array;
  private readonly stale: Uint8Array;

  /** `assigned[v]` is the state of every variable outside the piece that is assigned now, else −1. */
  constructor(
    problem: JointProblem,
    private readonly piece: readonly number[],
    incident: readonly (readonly number[])[],
    assigned: Int32Array,
  ) {
    const local = new Map(piece.map((v, k) => [v, k]));
    this.states = piece.map((v) => problem.variables[v] as readonly JointState[]);
    this.links = piece.map((v) =>
      (incident[v] ?? []).map((i) => {
        const edge = problem.edges[i] as JointEdge;
        const isFrom = edge.from === v;
        const otherVar = isFrom ? edge.to : edge.from;
        return { edge, other: local.get(otherVar) ?? -1, otherVar, isFrom, back: -1 };
      }),
    );
    this.links.forEach((links) => {
      for (const l of links) {
        if (l.other >= 0) l.back = (this.links[l.other] as Link[]).findIndex((m) => m.edge === l.edge);
      }
    });
    this.cost = this.states.map((s) => Float64Array.from(s, (x) => x.cost));
    this.dc = this.states.map((s) => new Float64Array(s.length));
    this.cloud = this.states.map((s) => new Float64Array(s.length));
    this.flags = this.states.map((s) => new Int32Array(s.length * CHANNELS));
    this.minCost = new Float64Array(piece.length);
    this.minExcess = new Float64Array(piece.length);
    this.stale = new Uint8Array(piece.length).fill(1);
    // Edges to assigned variables outside the piece are known from the start.
    this.links.forEach((links, k) => {
      for (const l of links) {
        const x = l.other < 0 ? (assigned[l.otherVar] as number) : -1;
        if (x >= 0) this.apply(k, l, x, 1);
      }
    });
  }

  /** Adds (sign 1) or removes (−1) what `l`'s other end in state x means to variable k. */
  private apply(k: number, l: Link, x: number, sign: number): void {
    const e = l.edge;
    const states = this.states[k] as readonly JointState[];
    const nb = l.isFrom ? (e.cost.length / states.length) | 0 : states.length;
    const cost = this.cost[k] as Float64Array;
    const dc = this.dc[k] as Float64Array;
    const cloud = this.cloud[k] as Float64Array;
    const flags = this.flags[k] as Int32Array;
    this.stale[k] = 1;
    for (let s = 0; s < states.length; s++) {
      const p = l.isFrom ? s * nb + x : x * nb + s;
      cost[s] = (cost[s] as number) + sign * (e.cost[p] as number);
      if (l.isFrom) {
        dc[s] = (dc[s] as number) + sign * (e.latency[2 * p] as number);
        cloud[s] = (cloud[s] as number) + sign * (e.latency[2 * p + 1] as number);
      }
      const f = e.flags[p] as number;
      for (let c = 0; c < CHANNELS; c++) {
        if (f & (l.isFrom ? (FROM_FLAG[c] as number) : (TO_FLAG[c] as number))) {
          flags[s * CHANNELS + c] = (flags[s * CHANNELS + c] as number) + sign;
        }
      }
    }
  }

  /** Local variable k takes state x (sign 1) or gives it up (−1): its piece neighbours learn it. */
  move(k: number, x: number, sign: number): void {
    for (const l of this.links[k] as Link[]) {
      if (l.other >= 0) this.apply(l.other, (this.links[l.other] as Link[])[l.back] as Link, x, sign);
    }
  }

  /** The least (cost, excess) variable k adds in state s, given what its neighbours hold now. */
  least(k: number, s: number): { cost: number; excess: number } {
    return { cost: this.leastCost(k, s), excess: this.leastExcess(k, s) };
  }

  private leastCost(k: number, s: number): number {
    const state = (this.states[k] as readonly JointState[])[s] as JointState;
    let cost = (this.cost[k] as Float64Array)[s] as number;
    const flags = this.flags[k] as Int32Array;
    for (let c = 0; c < CHANNELS; c++) if ((flags[s * CHANNELS + c] as number) > 0) cost += state.once[c] ?? 0;
    return cost;
  }

  private leastExcess(k: number, s: number): number {
    return excessFor(
      (this.states[k] as readonly JointState[])[s] as JointState,
      (this.dc[k] as Float64Array)[s] as number,
      (this.cloud[k] as Float64Array)[s] as number,
    );
  }

  /** Σ over the piece's variables from position `from` on of their least cost and least excess. */
  bound(from: number): { cost: number; excess: number } {
    let cost = 0;
    let excess = 0;
    for (let k = from; k < this.piece.length; k++) {
      if (this.stale[k]) {
        let c = Infinity;
        let x = Infinity;
        const n = (this.states[k] as readonly JointState[]).length;
        for (let s = 0; s < n; s++) {
          const lc = this.leastCost(k, s);
          const lx = this.leastExcess(k, s);
          if (lc < c) c = lc;
          if (lx < x) x = lx;
        }
        this.minCost[k] = c;
        this.minExcess[k] = x;
        this.stale[k] = 0;
      }
      cost += this.minCost[k] as number;
      excess += this.minExcess[k] as number;
    }
    return { cost, excess };
  }
}
