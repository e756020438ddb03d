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
  budgetOf,
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

/**
 * The piece's model written out once, in the order of its LP text: the objective's terms, the rows,
 * the bounds and the binaries, over variables numbered as they are made (their names kept for the
 * text). `renderLp` prints it; `compileModel` turns it into arrays for HiGHS, the same model HiGHS
 * reads from the text (joint-milp.test.ts holds the two together). Numbers, not names, because a
 * large piece has tens of thousands of terms (a leaf edit of the 500-component canvas design).
 */
export class MilpSketch {
  /**
   * Each variable's name and each row's, kept as a prefix and up to four numbers and written out only
   * when asked (`names`, `rows.names`: the LP text and the tests): a large piece's tens of thousands of
   * names were a tenth of the garbage of a 500-component leaf edit's re-plan (2026-12-06).
   */
  private readonly variableNames = new NameList();
  private readonly rowNames = new NameList();
  readonly objective = { vars: [] as number[], coefficients: [] as number[] };
  /** Rows' terms packed: row r's are from `starts[r]` to `starts[r + 1]`. */
  readonly rows = {
    starts: [0],
    vars: [] as number[],
    coefficients: [] as number[],
    lower: [] as number[],
    upper: [] as number[],
    names: [] as readonly string[],
  };
  readonly bounds = { vars: [] as number[], lower: [] as number[], upper: [] as number[] };
  /** The binary variables (left out of the linear relaxation: see compileModel and renderLp). */
  binaries: number[] = [];

  constructor() {
    const rowNames = this.rowNames;
    Object.defineProperty(this.rows, 'names', { get: () => rowNames.all(), enumerable: true });
  }

  /** Each variable's name, by number. */
  get names(): string[] {
    return this.variableNames.all();
  }

  get variableCount(): number {
    return this.variableNames.length;
  }

  get rowCount(): number {
    return this.rowNames.length;
  }

  /** A variable named `prefix` followed by the numbers given, joined by '_' (`x3_1`). */
  variable(prefix: string, a = -1, b = -1, c = -1): number {
    this.variableNames.add(prefix, a, b, c, -1);
    return this.variableNames.length - 1;
  }

  cost(v: number, c: number): void {
    this.objective.vars.push(v);
    this.objective.coefficients.push(c);
  }

  /** Adds a term to the row being written (closed by `endRow`). */
  term(v: number, c: number): void {
    this.rows.vars.push(v);
    this.rows.coefficients.push(c);
  }

  /** Closes the row being written, named as `variable` names (up to four numbers). */
  endRow(lower: number, upper: number, prefix: string, a = -1, b = -1, c = -1, d = -1): void {
    const r = this.rows;
    this.rowNames.add(prefix, a, b, c, d);
    r.lower.push(lower);
    r.upper.push(upper);
    r.starts.push(r.vars.length);
  }

  bound(v: number, lower: number, upper: number): void {
    this.bounds.vars.push(v);
    this.bounds.lower.push(lower);
    this.bounds.upper.push(upper);
  }
}

/** Names as a prefix and up to four non-negative numbers each (−1: none), written out on demand. */
class NameList {
  private readonly prefixes: string[] = [];
  private readonly numbers: number[] = [];

  get length(): number {
    return this.prefixes.length;
  }

  add(prefix: string, a: number, b: number, c: number, d: number): void {
    this.prefixes.push(prefix);
    this.numbers.push(a, b, c, d);
  }

  all(): string[] {
    return this.prefixes.map((prefix, i) => {
      let name = prefix;
      for (let k = 0; k < 4; k++) {
        const x = this.numbers[4 * i + k] as number;
        if (x >= 0) name += k === 0 ? `${x}` : `_${x}`;
      }
      return name;
    });
  }
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
  /** Each sketch variable's column. */
  columnOf: Int32Array;
  /** Each sketch variable's name. */
  names: readonly string[];
}

/** A piece's model, with the column of each state variable (state s of variable v). */
export interface JointMilp extends MilpModel {
  stateColumn(v: number, s: number): number;
}

/** A sketched piece, with the variable of each state (state s of variable v). */
export interface SketchedMilp {
  sketch: MilpSketch;
  stateVar: (v: number, s: number) => number;
}

/**
 * The piece's model (see the file's head), once for both its forms: the MIP, and its linear
 * relaxation (the same without integrality), whose optimum, when every state variable comes out
 * whole, is the MIP's optimum too.
 */
export function sketchMilp(
  problem: JointProblem,
  piece: MilpPiece,
  incident: readonly (readonly number[])[],
): SketchedMilp {
  const sketch = new MilpSketch();
  const inModel = new Set(piece.variables);
  const binaries = sketch.binaries;
  const statesOf = (v: number) => problem.variables[v] as readonly JointState[];
  // Costs enter in dollars.
  const cost = (x: number, c: number) => {
    if (c !== 0) sketch.cost(x, c / 1e6);
  };
  const edges = new Set<number>();
  for (const v of piece.variables)
    for (const i of incident[v] ?? []) {
      const e = problem.edges[i] as JointEdge;
      if (inModel.has(e.from) && inModel.has(e.to)) edges.add(i);
    }
  // State s of variable v is the variable first + s (made together, in order).
  const first = new Map<number, number>();
  const stateVar = (v: number, s: number) => (first.get(v) as number) + s;
  for (const v of piece.variables) {
    const fixedAt = piece.fixed.get(v) ?? -1;
    const states = statesOf(v);
    first.set(v, sketch.variableCount);
    for (let i = 0; i < states.length; i++) {
      const x = sketch.variable('x', v, i);
      binaries.push(x);
      if (fixedAt >= 0) sketch.bound(x, i === fixedAt ? 1 : 0, i === fixedAt ? 1 : 0);
      cost(x, (states[i] as JointState).cost);
    }
    for (let i = 0; i < states.length; i++) sketch.term(stateVar(v, i), 1);
    sketch.endRow(1, 1, 'p', v);
  }
  // Keyed by the state variable's number (× 2 channels, × ONCE_CHANNELS): Maps keep insertion order.
  const latency = new Map<number, { v: number; s: number; ch: number; ys: number[]; ms: number[] }>();
  const once = new Map<number, { v: number; c: number; s: number; ys: number[] }>();
  const link: number[] = [];
  for (const i of edges) {
    const e = problem.edges[i] as JointEdge;
    const na = statesOf(e.from).length;
    const nb = statesOf(e.to).length;
    const y0 = sketch.variableCount;
    for (let a = 0; a < na; a++) {
      for (let b = 0; b < nb; b++) {
        const p = a * nb + b;
        const y = sketch.variable('y', i, p);
        sketch.bound(y, 0, 1);
        cost(y, e.cost[p] as number);
        const f = e.flags[p] as number;
        if (f & NEEDS_LINK) link.push(y);
        for (let ch = 1; ch <= 2; ch++) {
          const ms = e.latency[2 * p + ch - 1] as number;
          if (!(ms > 0)) continue;
          const key = 2 * stateVar(e.from, a) + ch - 1;
          let entry = latency.get(key);
          if (!entry) latency.set(key, (entry = { v: e.from, s: a, ch, ys: [], ms: [] }));
          entry.ys.push(y);
          entry.ms.push(ms);
        }
        for (let c = 0; c < ONCE_CHANNELS; c++) {
          if (f & fromFlag(c)) addOnce(once, e.from, c, a, stateVar(e.from, a), y);
          if (f & toFlag(c)) addOnce(once, e.to, c, b, stateVar(e.to, b), y);
        }
      }
    }
    // Local marginal polytope: the pairs of one end's state add up to that state.
    for (let a = 0; a < na; a++) {
      for (let b = 0; b < nb; b++) sketch.term(y0 + a * nb + b, 1);
      sketch.term(stateVar(e.from, a), -1);
      sketch.endRow(0, 0, 'ma', i, a);
    }
    for (let b = 0; b < nb; b++) {
      for (let a = 0; a < na; a++) sketch.term(y0 + a * nb + b, 1);
      sketch.term(stateVar(e.to, b), -1);
      sketch.endRow(0, 0, 'mb', i, b);
    }
  }
  for (const { v, s, ch, ys, ms } of latency.values()) {
    const state = statesOf(v)[s] as JointState;
    const budget = budgetOf(state, ch);
    if (!(state.channels & ch) || !Number.isFinite(budget)) continue;
    ys.forEach((y, k) => sketch.term(y, ms[k] as number));
    sketch.term(stateVar(v, s), -budget);
    sketch.endRow(-Infinity, 0, 'l', v, s, ch);
  }
  for (const { v, c, s, ys } of once.values()) {
    const price = (statesOf(v)[s] as JointState).once[c] ?? 0;
    if (price <= 0) continue;
    const w = sketch.variable('w', v, c, s);
    sketch.bound(w, 0, 1);
    cost(w, price);
    ys.forEach((y, k) => {
      sketch.term(w, 1);
      sketch.term(y, -1);
      sketch.endRow(0, Infinity, 'o', v, c, s, k);
    });
  }
  if (link.length > 0) {
    const l = sketch.variable('L');
    sketch.bound(l, 0, piece.link === 'forbidden' ? 0 : 1);
    if (piece.link === 'priced') cost(l, problem.linkCost);
    link.forEach((y, k) => {
      sketch.term(l, 1);
      sketch.term(y, -1);
      sketch.endRow(0, Infinity, 'k', k);
    });
  }
  // An objective with no term still names a variable (HiGHS's LP reader wants one): the first made,
  // x0_0 for the whole problem (solve-jointly.ts).
  if (sketch.objective.vars.length === 0) sketch.cost(0, 0);
  return { sketch, stateVar };
}

function addOnce(
  once: Map<number, { v: number; c: number; s: number; ys: number[] }>,
  v: number,
  c: number,
  s: number,
  state: number,
  y: number,
): void {
  const key = state * ONCE_CHANNELS + c;
  const entry = once.get(key);
  if (entry) entry.ys.push(y);
  else once.set(key, { v, c, s, ys: [y] });
}

/** The piece's model in CPLEX LP format: readable, and the test's reference for the arrays. */
export function toMilp(
  problem: JointProblem,
  piece: MilpPiece,
  incident: readonly (readonly number[])[],
  relaxed = false,
): string {
  return renderLp(sketchMilp(problem, piece, incident).sketch, relaxed);
}

/** The piece's model as arrays for HiGHS. */
export function toMilpModel(
  problem: JointProblem,
  piece: MilpPiece,
  incident: readonly (readonly number[])[],
  relaxed = false,
): JointMilp {
  return compileJointMilp(sketchMilp(problem, piece, incident), relaxed);
}

/** A sketched piece as arrays (the relaxation with `relaxed`), with its state variables' columns. */
export function compileJointMilp({ sketch, stateVar }: SketchedMilp, relaxed: boolean): JointMilp {
  const model = compileModel(sketch, relaxed);
  const columnOf = model.columnOf;
  // Assigned, not spread: a spread would write out the names (a getter).
  return Object.assign(model, { stateColumn: (v: number, s: number) => columnOf[stateVar(v, s)] as number });
}

const signed = (c: number) => `${c < 0 ? '-' : '+'} ${num(Math.abs(c))}`;
const side = (x: number) => (x < 0 ? `-${num(-x)}` : num(x));

export function renderLp(sketch: MilpSketch, relaxed = false): string {
  const { names, objective, rows, bounds } = sketch;
  const rowNames = rows.names;
  const term = (v: number, c: number) =>
    c === 1 ? `+ ${names[v]}` : c === -1 ? `- ${names[v]}` : `${signed(c)} ${names[v]}`;
  const lines = [
    'Minimize',
    ` obj: ${objective.vars.map((v, k) => `${signed(objective.coefficients[k] as number)} ${names[v]}`).join(' ')}`,
    'Subject To',
  ];
  for (let r = 0; r < rowNames.length; r++) {
    const body: string[] = [];
    for (let k = rows.starts[r] as number; k < (rows.starts[r + 1] as number); k++)
      body.push(term(rows.vars[k] as number, rows.coefficients[k] as number));
    const [lower, upper] = [rows.lower[r] as number, rows.upper[r] as number];
    const op = lower === upper ? `= ${side(lower)}` : lower === -Infinity ? `<= ${side(upper)}` : `>= ${side(lower)}`;
    lines.push(` ${rowNames[r]}: ${body.join(' ')} ${op}`);
  }
  lines.push('Bounds');
  bounds.vars.forEach((v, k) => {
    const [lower, upper] = [bounds.lower[k] as number, bounds.upper[k] as number];
    lines.push(lower === upper ? ` ${names[v]} = ${num(lower)}` : ` ${num(lower)} <= ${names[v]} <= ${num(upper)}`);
  });
  if (!relaxed) lines.push('Binaries', ` ${sketch.binaries.map((v) => names[v]).join(' ')}`);
  lines.push('End');
  return lines.join('\n');
}

/**
 * The sketch as arrays, as HiGHS's LP reader builds them from `renderLp`'s text: columns in the order
 * their names first appear (objective, rows, bounds, binaries), coefficients as the text reads back,
 * zero coefficients left out, default bounds [0, ∞), binaries' bounds [0, 1] unless given.
 */
export function compileModel(sketch: MilpSketch, relaxed = false): MilpModel {
  const { objective, rows, bounds } = sketch;
  const binaries = relaxed ? [] : sketch.binaries;
  const columnOf = new Int32Array(sketch.variableCount).fill(-1);
  let numCols = 0;
  const see = (v: number) => {
    if ((columnOf[v] as number) < 0) columnOf[v] = numCols++;
  };
  for (const v of objective.vars) see(v);
  let entries = 0;
  for (let k = 0; k < rows.vars.length; k++) {
    if (rows.coefficients[k] === 0) continue;
    see(rows.vars[k] as number);
    entries++;
  }
  for (const v of bounds.vars) see(v);
  for (const v of binaries) see(v);
  const numRows = sketch.rowCount;
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(Infinity);
  objective.vars.forEach((v, k) => (colCost[columnOf[v] as number] = asRead(objective.coefficients[k] as number)));
  const integrality = relaxed ? null : new Int32Array(numCols);
  const bounded = new Uint8Array(numCols);
  bounds.vars.forEach((v, k) => {
    const j = columnOf[v] as number;
    colLower[j] = asRead(bounds.lower[k] as number);
    colUpper[j] = asRead(bounds.upper[k] as number);
    bounded[j] = 1;
  });
  for (const v of binaries) {
    const j = columnOf[v] as number;
    (integrality as Int32Array)[j] = 1;
    if (!bounded[j]) colUpper[j] = 1;
  }
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  const starts = new Int32Array(numRows + 1);
  const indices = new Int32Array(entries);
  const values = new Float64Array(entries);
  let e = 0;
  for (let r = 0; r < numRows; r++) {
    const [lower, upper] = [rows.lower[r] as number, rows.upper[r] as number];
    rowLower[r] = lower === -Infinity ? lower : asRead(lower);
    rowUpper[r] = upper === Infinity ? upper : asRead(upper);
    for (let k = rows.starts[r] as number; k < (rows.starts[r + 1] as number); k++) {
      const c = rows.coefficients[k] as number;
      if (c === 0) continue;
      indices[e] = columnOf[rows.vars[k] as number] as number;
      values[e] = asRead(c);
      e++;
    }
    starts[r + 1] = e;
  }
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
    columnOf,
    get names() {
      return sketch.names;
    },
  };
}
