/**
 * A piece of the joint problem as a mixed-integer program for HiGHS, for the pieces branch and bound
 * cannot close on its own: sketched once (`sketchMilp`), then passed to HiGHS as arrays
 * (`toMilpModel`) or printed in CPLEX LP format (`toMilp`, for reading and for the test that holds
 * the arrays to what HiGHS reads from the text). The pair variables follow the local marginal
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

/** A coefficient as HiGHS reads it back from `num`'s text (15 significant digits; symmetric in sign). */
const asRead = (x: number) => (Number.isInteger(x) ? x : Number(x.toPrecision(15)));

/** A linear term: a variable's name and its coefficient (signed). */
type Term = readonly [name: string, coefficient: number];

/**
 * The piece's model written out once, in the order of its LP text: the objective's terms, the rows,
 * the bounds and the binaries. `renderLp` prints it; `compileModel` turns it into arrays for HiGHS,
 * the same model HiGHS reads from the text (joint-milp.test.ts holds the two together).
 */
export interface MilpSketch {
  objective: Term[];
  rows: { name: string; terms: Term[]; lower: number; upper: number }[];
  bounds: { name: string; lower: number; upper: number }[];
  /** The binary variables; null for the linear relaxation. */
  binaries: string[] | null;
}

/** A model as arrays (HiGHS's persistent API takes them without parsing text), rows compressed by row. */
export interface MilpModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** 1 for an integer column, 0 for a continuous one; null when every column is continuous. */
  integrality: Int32Array | null;
  /** Each column's index by its name in the LP text. */
  columns: ReadonlyMap<string, number>;
}

/**
 * The piece's model (see the file's head). With `relaxed`, the same model without integrality: its
 * linear relaxation, whose optimum, when every state variable comes out whole, is the MIP's optimum too.
 */
export function sketchMilp(
  problem: JointProblem,
  piece: MilpPiece,
  incident: readonly (readonly number[])[],
  relaxed = false,
): MilpSketch {
  const inModel = new Set(piece.variables);
  const objective: Term[] = [];
  const rows: MilpSketch['rows'] = [];
  const bounds: MilpSketch['bounds'] = [];
  const binaries: string[] = [];
  const cost = (c: number, name: string) => {
    if (c !== 0) objective.push([name, c / 1e6]);
  };
  const statesOf = (v: number) => problem.variables[v] as readonly JointState[];
  const edges = new Set<number>();
  for (const v of piece.variables)
    for (const i of incident[v] ?? []) {
      const e = problem.edges[i] as JointEdge;
      if (inModel.has(e.from) && inModel.has(e.to)) edges.add(i);
    }
  for (const v of piece.variables) {
    const fixedAt = piece.fixed.get(v) ?? -1;
    const terms: Term[] = [];
    statesOf(v).forEach((s, i) => {
      const x = `x${v}_${i}`;
      binaries.push(x);
      if (fixedAt >= 0) bounds.push({ name: x, lower: i === fixedAt ? 1 : 0, upper: i === fixedAt ? 1 : 0 });
      cost(s.cost, x);
      terms.push([x, 1]);
    });
    rows.push({ name: `p${v}`, terms, lower: 1, upper: 1 });
  }
  const latency = new Map<string, Term[]>(); // `${v}_${s}_${channel}` → terms
  const once = new Map<string, string[]>(); // `${v}_${c}_${s}` → pair names
  const link: string[] = [];
  const add = <T>(map: Map<string, T[]>, key: string, item: T) => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  for (const i of edges) {
    const e = problem.edges[i] as JointEdge;
    const na = statesOf(e.from).length;
    const nb = statesOf(e.to).length;
    for (let a = 0; a < na; a++) {
      for (let b = 0; b < nb; b++) {
        const p = a * nb + b;
        const y = `y${i}_${p}`;
        bounds.push({ name: y, lower: 0, upper: 1 });
        cost(e.cost[p] as number, y);
        const f = e.flags[p] as number;
        if (f & NEEDS_LINK) link.push(y);
        for (const [ch, at] of [
          [1, 2 * p],
          [2, 2 * p + 1],
        ] as const) {
          const ms = e.latency[at] as number;
          if (ms > 0) add(latency, `${e.from}_${a}_${ch}`, [y, ms] as const);
        }
        for (let c = 0; c < ONCE_CHANNELS; c++) {
          if (f & fromFlag(c)) add(once, `${e.from}_${c}_${a}`, y);
          if (f & toFlag(c)) add(once, `${e.to}_${c}_${b}`, y);
        }
      }
    }
    // Local marginal polytope: the pairs of one end's state add up to that state.
    for (let a = 0; a < na; a++) {
      const terms: Term[] = Array.from({ length: nb }, (_, b) => [`y${i}_${a * nb + b}`, 1] as const);
      terms.push([`x${e.from}_${a}`, -1]);
      rows.push({ name: `ma${i}_${a}`, terms, lower: 0, upper: 0 });
    }
    for (let b = 0; b < nb; b++) {
      const terms: Term[] = Array.from({ length: na }, (_, a) => [`y${i}_${a * nb + b}`, 1] as const);
      terms.push([`x${e.to}_${b}`, -1]);
      rows.push({ name: `mb${i}_${b}`, terms, lower: 0, upper: 0 });
    }
  }
  for (const [key, terms] of latency) {
    const [v, s, ch] = key.split('_').map(Number) as [number, number, number];
    const state = statesOf(v)[s] as JointState;
    if (!(state.channels & ch) || !Number.isFinite(state.slack)) continue;
    rows.push({ name: `l${key}`, terms: [...terms, [`x${v}_${s}`, -state.slack]], lower: -Infinity, upper: 0 });
  }
  for (const [key, ys] of once) {
    const [v, c, s] = key.split('_').map(Number) as [number, number, number];
    const price = (statesOf(v)[s] as JointState).once[c] ?? 0;
    if (price <= 0) continue;
    const w = `w${key}`;
    bounds.push({ name: w, lower: 0, upper: 1 });
    cost(price, w);
    ys.forEach((y, k) =>
      rows.push({
        name: `o${key}_${k}`,
        terms: [
          [w, 1],
          [y, -1],
        ],
        lower: 0,
        upper: Infinity,
      }),
    );
  }
  if (link.length > 0) {
    const forbidden = piece.link === 'forbidden';
    bounds.push({ name: 'L', lower: 0, upper: forbidden ? 0 : 1 });
    if (piece.link === 'priced') cost(problem.linkCost, 'L');
    link.forEach((y, k) =>
      rows.push({
        name: `k${k}`,
        terms: [
          ['L', 1],
          [y, -1],
        ],
        lower: 0,
        upper: Infinity,
      }),
    );
  }
  // An objective with no term still names a variable (HiGHS's LP reader wants one).
  if (objective.length === 0) objective.push(['x0_0', 0]);
  return { objective, rows, bounds, binaries: relaxed ? null : binaries };
}

/** The piece's model in CPLEX LP format: readable, and the test's reference for the arrays. */
export function toMilp(
  problem: JointProblem,
  piece: MilpPiece,
  incident: readonly (readonly number[])[],
  relaxed = false,
): string {
  return renderLp(sketchMilp(problem, piece, incident, relaxed));
}

/** The piece's model as arrays for HiGHS. */
export function toMilpModel(
  problem: JointProblem,
  piece: MilpPiece,
  incident: readonly (readonly number[])[],
  relaxed = false,
): MilpModel {
  return compileModel(sketchMilp(problem, piece, incident, relaxed));
}

const signed = (c: number) => `${c < 0 ? '-' : '+'} ${num(Math.abs(c))}`;
const side = (x: number) => (x < 0 ? `-${num(-x)}` : num(x));

export function renderLp(sketch: MilpSketch): string {
  const row = ({ name, terms, lower, upper }: MilpSketch['rows'][number]) => {
    const body = terms.map(([n, c]) => (c === 1 ? `+ ${n}` : c === -1 ? `- ${n}` : `${signed(c)} ${n}`)).join(' ');
    const op = lower === upper ? `= ${side(lower)}` : lower === -Infinity ? `<= ${side(upper)}` : `>= ${side(lower)}`;
    return ` ${name}: ${body} ${op}`;
  };
  const bound = ({ name, lower, upper }: MilpSketch['bounds'][number]) =>
    lower === upper ? ` ${name} = ${num(lower)}` : ` ${num(lower)} <= ${name} <= ${num(upper)}`;
  const objective = sketch.objective.map(([n, c]) => `${signed(c)} ${n}`).join(' ');
  return [
    'Minimize',
    ` obj: ${objective}`,
    'Subject To',
    ...sketch.rows.map(row),
    'Bounds',
    ...sketch.bounds.map(bound),
    ...(sketch.binaries ? ['Binaries', ` ${sketch.binaries.join(' ')}`] : []),
    'End',
  ].join('\n');
}

/**
 * The sketch as arrays, as HiGHS's LP reader builds them from `renderLp`'s text: columns in the order
 * their names first appear (objective, rows, bounds, binaries), coefficients as the text reads back,
 * zero coefficients left out, default bounds [0, ∞), binaries' bounds [0, 1] unless given.
 */
export function compileModel(sketch: MilpSketch): MilpModel {
  const columns = new Map<string, number>();
  const col = (name: string) => {
    let j = columns.get(name);
    if (j === undefined) {
      j = columns.size;
      columns.set(name, j);
    }
    return j;
  };
  for (const [n] of sketch.objective) col(n);
  let entries = 0;
  for (const r of sketch.rows)
    for (const [n, c] of r.terms) {
      if (c === 0) continue;
      col(n);
      entries++;
    }
  for (const b of sketch.bounds) col(b.name);
  for (const n of sketch.binaries ?? []) col(n);
  const numCols = columns.size;
  const numRows = sketch.rows.length;
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(Infinity);
  for (const [n, c] of sketch.objective) colCost[columns.get(n) as number] = asRead(c);
  const integrality = sketch.binaries ? new Int32Array(numCols) : null;
  const bounded = new Uint8Array(numCols);
  for (const b of sketch.bounds) {
    const j = columns.get(b.name) as number;
    colLower[j] = asRead(b.lower);
    colUpper[j] = asRead(b.upper);
    bounded[j] = 1;
  }
  for (const n of sketch.binaries ?? []) {
    const j = columns.get(n) as number;
    (integrality as Int32Array)[j] = 1;
    if (!bounded[j]) colUpper[j] = 1;
  }
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  const starts = new Int32Array(numRows + 1);
  const indices = new Int32Array(entries);
  const values = new Float64Array(entries);
  let k = 0;
  sketch.rows.forEach((r, i) => {
    rowLower[i] = r.lower === -Infinity ? -Infinity : asRead(r.lower);
    rowUpper[i] = r.upper === Infinity ? Infinity : asRead(r.upper);
    for (const [n, c] of r.terms) {
      if (c === 0) continue;
      indices[k] = columns.get(n) as number;
      values[k] = asRead(c);
      k++;
    }
    starts[i + 1] = k;
  });
  return {
    numCols,
    numRows,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    starts,
    indices,
    values,
    integrality,
    columns,
  };
}
