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
