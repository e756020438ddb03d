/**
 * A piece of the joint problem as a mixed-integer program for HiGHS, for the pieces branch and bound
 * cannot close on its own: sketched once (`sketchMilp`), then passed to HiGHS as arrays
 * (`toMilpModel`) or printed in CPLEX LP format (`toMilp`, for reading and for the test that holds
 * the arrays to what HiGHS reads from the text). The pair variables follow the local marginal
 * polytope of MAP inference (each edge's pair variables sum to either end's state variable), whose
 * linear relaxation is tight on trees and close on the sparse graphs of architectures, so the MIP
 * mostly closes at its root. Latency budgets are hard (Σ latency · pair ≤ slack · state: no big-M),
 * once-paid costs and the link are paid by auxiliary variables that any flagging pair forces up (for
 * a once-paid cost, the flagging pairs of an edge together: they add up to one end's state).
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
 * Numbers appended one at a time into a typed array that doubles when full: a large piece's sketch
 * appends ~100,000 of them, and plain arrays grown by `push` made the sketch ~20 ms of a
 * 500-component leaf edit's re-plan (Node, 2026-12-06).
 */
class Float64List {
  private data = new Float64Array(256);
  length = 0;

  push(x: number): void {
    if (this.length === this.data.length) {
      const more = new Float64Array(2 * this.data.length);
      more.set(this.data);
      this.data = more;
    }
    this.data[this.length++] = x;
  }

  /** The numbers appended so far (a view: appending more may leave it behind). */
  get values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * As Float64List, for whole numbers that fit 32 bits (variable numbers, row starts): a class of its
 * own, not one generic list, so that each keeps one kind of typed array and its stores stay monomorphic.
 */
class Int32List {
  private data = new Int32Array(256);
  length = 0;

  push(x: number): void {
    if (this.length === this.data.length) {
      const more = new Int32Array(2 * this.data.length);
      more.set(this.data);
      this.data = more;
    }
    this.data[this.length++] = x;
  }

  get values(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** A sketch's rows: row r's terms are from `starts[r]` to `starts[r + 1]`. */
export interface SketchRows {
  starts: Int32Array;
  vars: Int32Array;
  coefficients: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** Each row's name (written out when read). */
  names: readonly string[];
}

/**
 * The piece's model written out once, in the order of its LP text: the objective's terms, the rows,
 * the bounds and the binaries, over variables numbered as they are made (their names kept for the
 * text). `renderLp` prints it; `compileModel` turns it into arrays for HiGHS, the same model HiGHS
 * reads from the text (joint-milp.test.ts holds the two together). Numbers, not names, because a
 * large piece has tens of thousands of terms (a leaf edit of the 500-component canvas design). Each
 * part is read as typed arrays (views of what was appended so far).
 */
export class MilpSketch {
  /**
   * Each variable's name and each row's, kept as a prefix and up to four numbers and written out only
   * when asked (`names`, `rows.names`: the LP text and the tests): a large piece's tens of thousands of
   * names were a tenth of the garbage of a 500-component leaf edit's re-plan (2026-12-06).
   */
  private readonly variableNames = new NameList();
  private readonly rowNames = new NameList();
  private readonly objectiveVars = new Int32List();
  private readonly objectiveCoefficients = new Float64List();
  private readonly rowStarts = new Int32List();
  private readonly rowVars = new Int32List();
  private readonly rowCoefficients = new Float64List();
  private readonly rowLower = new Float64List();
  private readonly rowUpper = new Float64List();
  private readonly boundVars = new Int32List();
  private readonly boundLower = new Float64List();
  private readonly boundUpper = new Float64List();
  private readonly binaryVars = new Int32List();

  constructor() {
    this.rowStarts.push(0);
  }

  get objective(): { vars: Int32Array; coefficients: Float64Array } {
    return { vars: this.objectiveVars.values, coefficients: this.objectiveCoefficients.values };
  }

  get rows(): SketchRows {
    const rowNames = this.rowNames;
    return {
      starts: this.rowStarts.values,
      vars: this.rowVars.values,
      coefficients: this.rowCoefficients.values,
      lower: this.rowLower.values,
      upper: this.rowUpper.values,
      get names() {
        return rowNames.all();
      },
    };
  }

  get bounds(): { vars: Int32Array; lower: Float64Array; upper: Float64Array } {
    return { vars: this.boundVars.values, lower: this.boundLower.values, upper: this.boundUpper.values };
  }

  /** The binary variables (left out of the linear relaxation: see compileModel and renderLp). */
  get binaries(): Int32Array {
    return this.binaryVars.values;
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

  /** Marks variable `v` binary (after the others so marked). */
  binary(v: number): void {
    this.binaryVars.push(v);
  }

  cost(v: number, c: number): void {
    this.objectiveVars.push(v);
    this.objectiveCoefficients.push(c);
  }

  /** Adds a term to the row being written (closed by `endRow`). */
  term(v: number, c: number): void {
    this.rowVars.push(v);
    this.rowCoefficients.push(c);
  }

  /** Closes the row being written, named as `variable` names (up to four numbers). */
  endRow(lower: number, upper: number, prefix: string, a = -1, b = -1, c = -1, d = -1): void {
    this.rowNames.add(prefix, a, b, c, d);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    this.rowStarts.push(this.rowVars.length);
  }

  bound(v: number, lower: number, upper: number): void {
    this.boundVars.push(v);
    this.boundLower.push(lower);
    this.boundUpper.push(upper);
  }
}

/** Names as a prefix and up to four non-negative numbers each (−1: none), written out on demand. */
class NameList {
  /** The prefixes met, each once; a name keeps its prefix's index. */
  private readonly prefixes: string[] = [];
  private readonly prefixIndex = new Map<string, number>();
  /** Per name, its prefix's index and then its four numbers. */
  private readonly fields = new Int32List();

  get length(): number {
    return this.fields.length / 5;
  }

  add(prefix: string, a: number, b: number, c: number, d: number): void {
    let p = this.prefixIndex.get(prefix);
    if (p === undefined) {
      p = this.prefixes.length;
      this.prefixes.push(prefix);
      this.prefixIndex.set(prefix, p);
    }
    const f = this.fields;
    f.push(p);
    f.push(a);
    f.push(b);
    f.push(c);
    f.push(d);
  }

  all(): string[] {
    const fields = this.fields.values;
    return Array.from({ length: this.length }, (_, i) => {
      let name = this.prefixes[fields[5 * i] as number] as string;
      for (let k = 0; k < 4; k++) {
        const x = fields[5 * i + 1 + k] as number;
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
  // Flags and numbers by variable, state variable or edge in typed arrays, not Sets and Maps (a
  // large piece's tens of thousands of lookups, 2026-12-06).
  const inModel = new Uint8Array(problem.variables.length);
  for (const v of piece.variables) inModel[v] = 1;
  const statesOf = (v: number) => problem.variables[v] as readonly JointState[];
  // Costs enter in dollars.
  const cost = (x: number, c: number) => {
    if (c !== 0) sketch.cost(x, c / 1e6);
  };
  // In the order first met, as a Set would keep them.
  const edges: number[] = [];
  const edgeMet = new Uint8Array(problem.edges.length);
  for (const v of piece.variables)
    for (const i of incident[v] ?? []) {
      const e = problem.edges[i] as JointEdge;
      if (inModel[e.from] && inModel[e.to] && !edgeMet[i]) {
        edgeMet[i] = 1;
        edges.push(i);
      }
    }
  // State s of variable v is the variable first + s (made together, in order).
  const first = new Int32Array(problem.variables.length);
  const stateVar = (v: number, s: number) => (first[v] as number) + s;
  for (const v of piece.variables) {
    const fixedAt = piece.fixed.get(v) ?? -1;
    const states = statesOf(v);
    first[v] = sketch.variableCount;
    for (let i = 0; i < states.length; i++) {
      const x = sketch.variable('x', v, i);
      sketch.binary(x);
      // A fixed variable's own cost is the same whatever the rest choose: left out of the objective, so
      // that a re-plan whose only change is such a cost (a leaf edit, mostly) gives the solver the
      // model it solved last (solveKept, and solve-jointly.ts's solveWholeMip, which skip it).
      if (fixedAt >= 0) sketch.bound(x, i === fixedAt ? 1 : 0, i === fixedAt ? 1 : 0);
      else cost(x, (states[i] as JointState).cost);
    }
    for (let i = 0; i < states.length; i++) sketch.term(stateVar(v, i), 1);
    sketch.endRow(1, 1, 'p', v);
  }
  // Keyed by the state variable's number (× 2 channels, × ONCE_CHANNELS), in the order first met:
  // each key's place in the list, or −1.
  const states = sketch.variableCount;
  const latency: { v: number; s: number; ch: number; ys: number[]; ms: number[] }[] = [];
  const latencyAt = new Int32Array(2 * states).fill(-1);
  const once: OnceEntry[] = [];
  const onceAt = new Int32Array(ONCE_CHANNELS * states).fill(-1);
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
          const at = latencyAt[key] as number;
          let entry = at >= 0 ? latency[at] : undefined;
          if (!entry) {
            latencyAt[key] = latency.length;
            latency.push((entry = { v: e.from, s: a, ch, ys: [], ms: [] }));
          }
          entry.ys.push(y);
          entry.ms.push(ms);
        }
        for (let c = 0; c < ONCE_CHANNELS; c++) {
          if (f & fromFlag(c)) addOnce(once, onceAt, e.from, c, a, stateVar(e.from, a), y, i);
          if (f & toFlag(c)) addOnce(once, onceAt, e.to, c, b, stateVar(e.to, b), y, i);
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
  for (const { v, s, ch, ys, ms } of latency) {
    const state = statesOf(v)[s] as JointState;
    const budget = budgetOf(state, ch);
    if (!(state.channels & ch) || !Number.isFinite(budget)) continue;
    ys.forEach((y, k) => sketch.term(y, ms[k] as number));
    sketch.term(stateVar(v, s), -budget);
    sketch.endRow(-Infinity, 0, 'l', v, s, ch);
  }
  // One row per edge, not one per flagging pair: one end's pairs on an edge add up to its state
  // variable, so their sum is at most 1 and forces w up where any of them would, and the relaxation
  // is tighter. With a row per pair, a neighbour's burst states and corners each had one, and the
  // relaxation came out fractional: R12's away price next to every burst (cae6dd6) made the
  // 500-component canvas design's model 6,240 columns × 8,945 rows, fractional, with the integer
  // program run on every leaf edit; summed per edge, 8,207 rows and whole (Node, 2026-12-06).
  for (const { v, c, s, ys, es } of once) {
    const price = (statesOf(v)[s] as JointState).once[c] ?? 0;
    if (price <= 0) continue;
    const w = sketch.variable('w', v, c, s);
    sketch.bound(w, 0, 1);
    cost(w, price);
    let k = 0;
    for (let at = 0; at < ys.length; k++) {
      const edge = es[at];
      sketch.term(w, 1);
      for (; at < ys.length && es[at] === edge; at++) sketch.term(ys[at] as number, -1);
      sketch.endRow(0, Infinity, 'o', v, c, s, k);
    }
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

interface OnceEntry {
  v: number;
  c: number;
  s: number;
  /** The flagging pairs' variables, and each one's edge (an edge's pairs are added together). */
  ys: number[];
  es: number[];
}

/** `onceAt`: each key's place in `once`, or −1 (see sketchMilp). */
function addOnce(
  once: OnceEntry[],
  onceAt: Int32Array,
  v: number,
  c: number,
  s: number,
  state: number,
  y: number,
  edge: number,
): void {
  const key = state * ONCE_CHANNELS + c;
  const at = onceAt[key] as number;
  const entry = at >= 0 ? once[at] : undefined;
  if (entry) {
    entry.ys.push(y);
    entry.es.push(edge);
  } else {
    onceAt[key] = once.length;
    once.push({ v, c, s, ys: [y], es: [edge] });
  }
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
    ` obj: ${Array.from(objective.vars, (v, k) => `${signed(objective.coefficients[k] as number)} ${names[v]}`).join(' ')}`,
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
  if (!relaxed) lines.push('Binaries', ` ${Array.from(sketch.binaries, (v) => names[v]).join(' ')}`);
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
  const binaries = relaxed ? new Int32Array(0) : sketch.binaries;
  const columnOf = new Int32Array(sketch.variableCount).fill(-1);
  let numCols = 0;
  // Index loops over the typed arrays, no closure: this runs once a plan, mostly before V8 optimises it.
  for (let k = 0; k < objective.vars.length; k++) {
    const v = objective.vars[k] as number;
    if ((columnOf[v] as number) < 0) columnOf[v] = numCols++;
  }
  let entries = 0;
  for (let k = 0; k < rows.vars.length; k++) {
    if (rows.coefficients[k] === 0) continue;
    const v = rows.vars[k] as number;
    if ((columnOf[v] as number) < 0) columnOf[v] = numCols++;
    entries++;
  }
  for (let k = 0; k < bounds.vars.length; k++) {
    const v = bounds.vars[k] as number;
    if ((columnOf[v] as number) < 0) columnOf[v] = numCols++;
  }
  for (let k = 0; k < binaries.length; k++) {
    const v = binaries[k] as number;
    if ((columnOf[v] as number) < 0) columnOf[v] = numCols++;
  }
  const numRows = sketch.rowCount;
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(Infinity);
  for (let k = 0; k < objective.vars.length; k++)
    colCost[columnOf[objective.vars[k] as number] as number] = asRead(objective.coefficients[k] as number);
  const integrality = relaxed ? null : new Int32Array(numCols);
  const bounded = new Uint8Array(numCols);
  for (let k = 0; k < bounds.vars.length; k++) {
    const j = columnOf[bounds.vars[k] as number] as number;
    colLower[j] = asRead(bounds.lower[k] as number);
    colUpper[j] = asRead(bounds.upper[k] as number);
    bounded[j] = 1;
  }
  for (let k = 0; k < binaries.length; k++) {
    const j = columnOf[binaries[k] as number] as number;
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
    const lower = rows.lower[r] as number;
    const upper = rows.upper[r] as number;
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
