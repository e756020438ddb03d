/**
 * The mixed-integer solver the joint search hands the pieces it cannot close itself: HiGHS, compiled
 * to WebAssembly (the `highs` package). Loading it is asynchronous and host-specific (a file in Node,
 * a URL in a browser worker), so the core does not load it: each host registers it once at start
 * (the command line, the plan worker, the test setup) and the search uses it when it is there. A
 * host without it still gets a plan; its search says 'heuristic' where a piece outgrew the budget.
 */
import type { Highs, ModelData } from 'highs';
import { type MilpModel, MilpSketch, compileModel } from './joint-milp';

/**
 * A solve's outcome: HiGHS's model status in words ('Optimal', 'Infeasible', or "status N" with
 * HiGHS's code for any other), and the columns' values when it is optimal.
 */
export interface MipSolution {
  status: string;
  values: Float64Array | null;
}

export type MipOptions = Readonly<Record<string, string | number | boolean>>;

export interface MipSolver {
  solve(model: MilpModel, options?: MipOptions): MipSolution;
}

/** The model in the form HiGHS's `passModel` takes. */
export function toHighsModel(model: MilpModel): ModelData {
  const { numCols, numRows } = model;
  return {
    numCols,
    numRows,
    colCost: model.colCost,
    colLower: model.colLower,
    colUpper: model.colUpper,
    rowLower: model.rowLower,
    rowUpper: model.rowUpper,
    matrix: { format: 'csr', numRows, numCols, starts: model.starts, indices: model.indices, values: model.values },
    ...(model.integrality ? { integrality: model.integrality } : {}),
  };
}

/**
 * HiGHS as the joint search's solver, through its persistent API: the model goes in as arrays. The
 * one-shot `solve(text)` wrote the model as CPLEX LP text into the WebAssembly's file system and
 * parsed it there: on the 500-component canvas design's leaf edit (7,062 columns, 8,592 rows) that
 * was 110 ms a relaxation against 37–45 ms as arrays, the same model (Node, 2026-12-03).
 */
export function highsMipSolver(highs: Pick<Highs, 'createModel' | 'constants'>): MipSolver {
  const { optimal, infeasible } = highs.constants.modelStatus;
  return {
    solve(model, options = {}) {
      const native = highs.createModel();
      try {
        // Options first, so that HiGHS says nothing while it takes the model.
        native.options.set(options);
        native.passModel(toHighsModel(model));
        const { modelStatus } = native.run();
        if (modelStatus === optimal) return { status: 'Optimal', values: native.getSolution().colValue };
        return { status: modelStatus === infeasible ? 'Infeasible' : `status ${modelStatus}`, values: null };
      } finally {
        native.dispose();
      }
    },
  };
}

/** The last model a plan's memo solved, with the solver, its options and its solution (solveKept). */
export interface KeptSolve {
  solver: MipSolver;
  options: string;
  arrays: ModelArrays;
  solution: MipSolution;
}

/**
 * `solver.solve(model, options)`, or the answer `kept` holds when the solver, the options and every
 * number of the model are those it solved last; `kept` then holds this solve. HiGHS is run on a fresh
 * instance each time, single-threaded, without a time limit and with its default random seed: its
 * answer is a function of the arrays and options it is given. A leaf edit of the 500-component canvas
 * design mostly gives it the last edit's arrays: the edit changes the leaf's states (their costs and
 * slack), but pruned, the leaf is fixed, its slack bounds no row (it calls no one) and a fixed
 * variable's cost is left out of the objective (joint-milp.ts). With that cost in, three of twelve
 * edits in a row gave HiGHS new arrays (the leaf's coefficient), ~45 ms a solve; without it, none
 * (scratch probe in Node, 2026-12-07).
 */
export function solveKept(
  solver: MipSolver,
  model: MilpModel,
  options: MipOptions,
  kept: { last?: KeptSolve },
): MipSolution {
  const key = JSON.stringify(options);
  const arrays = arraysOf(model);
  const last = kept.last;
  const solution =
    last && last.solver === solver && last.options === key && sameArrays(last.arrays, arrays)
      ? last.solution
      : solver.solve(model, options);
  kept.last = { solver, options: key, arrays, solution };
  return { status: solution.status, values: solution.values && solution.values.slice() };
}

/** A model's numbers as 32-bit words, array by array (integrality, when there is one, last). */
interface ModelArrays {
  numCols: number;
  numRows: number;
  parts: Uint32Array[];
}

function arraysOf(model: MilpModel): ModelArrays {
  const words = (a: Float64Array | Int32Array) => new Uint32Array(a.buffer, a.byteOffset, a.byteLength / 4);
  const { colCost, colLower, colUpper, rowLower, rowUpper, starts, indices, values, integrality } = model;
  const parts = [colCost, colLower, colUpper, rowLower, rowUpper, starts, indices, values].map(words);
  return {
    numCols: model.numCols,
    numRows: model.numRows,
    parts: integrality ? [...parts, words(integrality)] : parts,
  };
}

/** The same numbers, bit for bit (−0, NaN and an integrality's absence count). */
function sameArrays(a: ModelArrays, b: ModelArrays): boolean {
  if (a.numCols !== b.numCols || a.numRows !== b.numRows || a.parts.length !== b.parts.length) return false;
  for (let k = 0; k < a.parts.length; k++) {
    const x = a.parts[k] as Uint32Array;
    const y = b.parts[k] as Uint32Array;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  return true;
}

let registered: MipSolver | null = null;

export function registerMipSolver(solver: MipSolver | null): void {
  registered = solver;
}

export function findMipSolver(): MipSolver | null {
  return registered;
}

/** HiGHS's options for these models: exact (no gap), and its primal heuristics and symmetry
 * detection off — on these problems they cost more than they save (measured in bench:solver). */
export const MIP_OPTIONS = {
  output_flag: false,
  mip_rel_gap: 0,
  mip_abs_gap: 1e-9,
  mip_heuristic_effort: 0,
  mip_detect_symmetry: false,
} as const;

/** HiGHS's options for the linear relaxation (solve-jointly.ts). Presolve off: on these models it
 * costs more than it removes (112–133 ms against 145–160 ms with it, 2026-12-03). */
export const LP_OPTIONS = { output_flag: false, presolve: 'off' } as const;

/**
 * A small assignment model with knapsack rows and linking variables, shaped like the joint search's
 * pieces: solving it once (with presolve and without) makes HiGHS compile the WebAssembly it needs.
 * The first real solve otherwise pays for that: 254 ms against 30 ms after this warm-up in Node
 * (86 ms), about 0.8 s in Chromium's plan worker on a 28 KB model (profiled, 2026-12-02).
 */
export const WARM_UP_MODEL: MilpSketch = (() => {
  const sketch = new MilpSketch();
  const costs = { a1: 5, a2: 4, a3: 3, b1: 7, b2: 2, b3: 6, c1: 3, c2: 5, c3: 4, w1: 2, w2: 3 };
  const v = Object.fromEntries(Object.keys(costs).map((name) => [name, sketch.variable(name)]));
  for (const [name, c] of Object.entries(costs)) sketch.cost(v[name] as number, c);
  const row = (name: string, terms: Record<string, number>, lower: number, upper: number) => {
    for (const [x, c] of Object.entries(terms)) sketch.term(v[x] as number, c);
    sketch.endRow(lower, upper, name);
  };
  row('pa', { a1: 1, a2: 1, a3: 1 }, 1, 1);
  row('pb', { b1: 1, b2: 1, b3: 1 }, 1, 1);
  row('pc', { c1: 1, c2: 1, c3: 1 }, 1, 1);
  row('l1', { w1: 1, a1: -1, b2: -1 }, -1, Infinity);
  row('l2', { w2: 1, b3: -1, c1: -1 }, -1, Infinity);
  row('k1', { a2: 3, b2: 4, c2: 5, w1: 2 }, -Infinity, 7.5);
  row('k2', { a3: 2, b3: 3, c3: 4, w2: 3 }, -Infinity, 6.5);
  row('k3', { a1: 4, b1: 2, c1: 3 }, 2.5, Infinity);
  for (const x of Object.values(v)) sketch.binary(x);
  return sketch;
})();

/**
 * Solves WARM_UP_MODEL with presolve on and off on `solver` (the registered one by default); returns
 * the last result (for tests), or null when there is no solver.
 */
export function warmUpMipSolver(solver: MipSolver | null = registered): MipSolution | null {
  if (!solver) return null;
  const model = compileModel(WARM_UP_MODEL);
  solver.solve(model, { ...MIP_OPTIONS, presolve: 'on' });
  return solver.solve(model, { ...MIP_OPTIONS, presolve: 'off' });
}
