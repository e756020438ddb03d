/**
 * The mixed-integer solver the joint search hands the pieces it cannot close itself: HiGHS, compiled
 * to WebAssembly (the `highs` package). Loading it is asynchronous and host-specific (a file in Node,
 * a URL in a browser worker), so the core does not load it: each host registers it once at start
 * (the command line, the plan worker, the test setup) and the search uses it when it is there. A
 * host without it still gets a plan; its search says 'heuristic' where a piece outgrew the budget.
 */
export interface MipColumn {
  Primal: number;
}

export interface MipResult {
  Status: string;
  Columns: Record<string, MipColumn>;
}

export interface MipSolver {
  solve(problem: string, options?: Record<string, unknown>): MipResult;
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

/**
 * A small assignment model with knapsack rows and linking variables, shaped like the joint search's
 * pieces: solving it once (with presolve and without) makes HiGHS compile the WebAssembly it needs.
 * The first real solve otherwise pays for that: 254 ms against 30 ms after this warm-up in Node
 * (86 ms), about 0.8 s in Chromium's plan worker on a 28 KB model (profiled, 2026-12-02).
 */
export const WARM_UP_MODEL = `Minimize
 obj: 5 a1 + 4 a2 + 3 a3 + 7 b1 + 2 b2 + 6 b3 + 3 c1 + 5 c2 + 4 c3 + 2 w1 + 3 w2
Subject To
 pa: a1 + a2 + a3 = 1
 pb: b1 + b2 + b3 = 1
 pc: c1 + c2 + c3 = 1
 l1: w1 - a1 - b2 >= -1
 l2: w2 - b3 - c1 >= -1
 k1: 3 a2 + 4 b2 + 5 c2 + 2 w1 <= 7.5
 k2: 2 a3 + 3 b3 + 4 c3 + 3 w2 <= 6.5
 k3: 4 a1 + 2 b1 + 3 c1 >= 2.5
Binary
 a1 a2 a3 b1 b2 b3 c1 c2 c3 w1 w2
End`;

/**
 * Solves WARM_UP_MODEL with presolve on and off on `solver` (the registered one by default); returns
 * the last result (for tests), or null when there is no solver.
 */
export function warmUpMipSolver(solver: MipSolver | null = registered): MipResult | null {
  if (!solver) return null;
  solver.solve(WARM_UP_MODEL, { ...MIP_OPTIONS, presolve: 'on' });
  return solver.solve(WARM_UP_MODEL, { ...MIP_OPTIONS, presolve: 'off' });
}
