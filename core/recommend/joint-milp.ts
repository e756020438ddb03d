/**
 * A piece of the joint problem as a mixed-integer program for HiGHS, in CPLEX LP format, for the
 * pieces branch and bound cannot close on its own. The pair variables follow the local marginal
 * polytope of MAP inference (each edge's pair variables sum to either end's state variable), whose
 * linear relaxation is tight on trees and close on the sparse graphs of architectures, so the MIP
 * mostly closes at its root. Latency budgets are hard (Σ latency · pair ≤ slack · state: no big-M),
 * once-paid costs and the link are paid by auxiliary variables that any flagging pair forces up.
 * Costs enter in dollars (the problem's micro-dollars ÷ 10⁶) to keep HiGHS's tolerances meaningful.
 */
import {
  type JointEdge,
  type JointProblem,
  type JointState,
  NEEDS_LINK,
  ONCE_CHANNELS,
  fromFlag,
  toFlag,
} from './joint-problem';

export interface MilpPiece {
  /** Variables of the piece (open) plus assigned neighbours (fixed to their state). */
  variables: readonly number[];
  /** State each variable is fixed to, or −1 when open. */
  fixed: ReadonlyMap<number, number>;
  /** The secure link: free to use, paid its month (the problem's linkCost), or not to be used. */
  link: 'free' | 'priced' | 'forbidden';
}

const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(15));

/**
 * The piece's model. With `relaxed`, the same model without integrality: its linear relaxation, whose
 * optimum, when every state variable comes out whole, is the MIP's optimum too.
 */
export function toMilp(
  problem: JointProblem,
  piece: MilpPiece,
  incident: readonly (readonly number[])[],
  relaxed = false,
): string {
  const inModel = new Set(piece.variables);
  const obj: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const binaries: string[] = [];
  const term = (c: number, name: string) => (c === 0 ? '' : `${c > 0 ? '+' : '-'} ${num(Math.abs(c) / 1e6)} ${name}`);
  const statesOf = (v: number) => problem.variables[v] as readonly JointState[];
  const edges = new Set<number>();
  for (const v of piece.variables)
    for (const i of incident[v] ?? []) {
      const e = problem.edges[i] as JointEdge;
      if (inModel.has(e.from) && inModel.has(e.to)) edges.add(i);
    }
  for (const v of piece.variables) {
    const fixedAt = piece.fixed.get(v) ?? -1;
    statesOf(v).forEach((s, i) => {
      const x = `x${v}_${i}`;
      binaries.push(x);
      if (fixedAt >= 0) bounds.push(`${x} = ${i === fixedAt ? 1 : 0}`);
      obj.push(term(s.cost, x));
    });
    rows.push(
      `p${v}: ${statesOf(v)
        .map((_, i) => `+ x${v}_${i}`)
        .join(' ')} = 1`,
    );
  }
  const latency = new Map<string, string[]>(); // `${v}_${s}_${channel}` → terms
  const once = new Map<string, string[]>(); // `${v}_${c}_${s}` → pair names
  const link: string[] = [];
  for (const i of edges) {
    const e = problem.edges[i] as JointEdge;
    const na = statesOf(e.from).length;
    const nb = statesOf(e.to).length;
    for (let a = 0; a < na; a++) {
      for (let b = 0; b < nb; b++) {
        const p = a * nb + b;
        const y = `y${i}_${p}`;
        bounds.push(`0 <= ${y} <= 1`);
        obj.push(term(e.cost[p] as number, y));
        const f = e.flags[p] as number;
        if (f & NEEDS_LINK) link.push(y);
        for (const [ch, at] of [
          [1, 2 * p],
          [2, 2 * p + 1],
        ] as const) {
          const ms = e.latency[at] as number;
          if (ms > 0)
            latency.set(`${e.from}_${a}_${ch}`, [...(latency.get(`${e.from}_${a}_${ch}`) ?? []), `+ ${num(ms)} ${y}`]);
        }
        for (let c = 0; c < ONCE_CHANNELS; c++) {
          if (f & fromFlag(c)) once.set(`${e.from}_${c}_${a}`, [...(once.get(`${e.from}_${c}_${a}`) ?? []), y]);
          if (f & toFlag(c)) once.set(`${e.to}_${c}_${b}`, [...(once.get(`${e.to}_${c}_${b}`) ?? []), y]);
        }
      }
    }
    // Local marginal polytope: the pairs of one end's state add up to that state.
    for (let a = 0; a < na; a++) {
      const ys = Array.from({ length: nb }, (_, b) => `+ y${i}_${a * nb + b}`).join(' ');
      rows.push(`ma${i}_${a}: ${ys} - x${e.from}_${a} = 0`);
    }
    for (let b = 0; b < nb; b++) {
      const ys = Array.from({ length: na }, (_, a) => `+ y${i}_${a * nb + b}`).join(' ');
      rows.push(`mb${i}_${b}: ${ys} - x${e.to}_${b} = 0`);
    }
  }
  for (const [key, terms] of latency) {
    const [v, s, ch] = key.split('_').map(Number) as [number, number, number];
    const state = statesOf(v)[s] as JointState;
    if (!(state.channels & ch) || !Number.isFinite(state.slack)) continue;
    rows.push(`l${key}: ${terms.join(' ')} - ${num(state.slack)} x${v}_${s} <= 0`);
  }
  for (const [key, ys] of once) {
    const [v, c, s] = key.split('_').map(Number) as [number, number, number];
    const price = (statesOf(v)[s] as JointState).once[c] ?? 0;
    if (price <= 0) continue;
    const w = `w${key}`;
    bounds.push(`0 <= ${w} <= 1`);
    obj.push(term(price, w));
    ys.forEach((y, k) => rows.push(`o${key}_${k}: ${w} - ${y} >= 0`));
  }
  if (link.length > 0) {
    bounds.push(piece.link === 'forbidden' ? 'L = 0' : '0 <= L <= 1');
    if (piece.link === 'priced') obj.push(term(problem.linkCost, 'L'));
    link.forEach((y, k) => rows.push(`k${k}: L - ${y} >= 0`));
  }
  return [
    'Minimize',
    ` obj: ${obj.filter(Boolean).join(' ') || '0 x0_0'}`,
    'Subject To',
    ...rows.map((r) => ` ${r}`),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    ...(relaxed ? [] : ['Binaries', ` ${binaries.join(' ')}`]),
    'End',
  ].join('\n');
}
