import fc from 'fast-check';
import loadHighs from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type JointProblem,
  type JointState,
  NEEDS_LINK,
  ONCE_AWAY,
  ONCE_STORAGE,
  evaluateChoice,
  fromFlag,
  toFlag,
} from './joint-problem';
import { bruteForce, toLpFormat } from './joint-oracle';
import { type MipSolver, findMipSolver, registerMipSolver } from './mip-solver';
import { NODE_LIMIT, SEARCH_PIECE_LIMIT, createSolveMemo, solveJointly, solveJointlyOnce } from './solve-jointly';
import { problemArbitrary } from '../testing/joint-problem-arbitrary';

describe('solveJointly', () => {
  it('finds the value brute force finds, on every small problem', () => {
    fc.assert(
      fc.property(problemArbitrary(7, 10), (problem) => {
        const solved = solveJointly(problem);
        const oracle = bruteForce(problem);
        const value = evaluateChoice(problem, solved.choice);
        expect(value.excess).toBeCloseTo(oracle.value.excess, 6);
        expect(value.cost).toBe(oracle.value.cost);
        expect(solved.cost).toBe(value.cost);
        expect(solved.method).toBe('exact');
        expect(solved.combinations).toBe(oracle.count);
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it('gives the same answer twice (deterministic)', () => {
    fc.assert(
      fc.property(problemArbitrary(9, 14), (problem) => {
        expect(solveJointly(problem).choice).toEqual(solveJointly(problem).choice);
      }),
      { numRuns: 100, seed: 3 },
    );
  });

  it('with a memo, answers each problem as solveJointly does, solving only a changed one again', () => {
    fc.assert(
      fc.property(problemArbitrary(7, 10), fc.nat(), (problem, pick) => {
        const memo = createSolveMemo();
        const first = solveJointlyOnce(problem, memo);
        expect(first).toEqual(solveJointly(problem));
        const kept = memo.solution;
        // The same numbers in new objects: the memo's answer, not a new solve.
        const again = solveJointlyOnce(structuredClone(problem), memo);
        expect(again).toEqual(first);
        expect(memo.solution).toBe(kept);
        // One state's cost changed: solved again, and answered as solveJointly answers that problem.
        const states = problem.variables.flat();
        const changed = states[pick % states.length] as JointState;
        const edited = {
          ...problem,
          variables: problem.variables.map((list) =>
            list.map((s) => (s === changed ? { ...s, cost: s.cost + 1000 } : s)),
          ),
        };
        expect(solveJointlyOnce(edited, memo)).toEqual(solveJointly(edited));
        expect(memo.solution).not.toBe(kept);
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it('pays the link once, and only when an edge that needs it is chosen', () => {
    // Two callers that each save 30 by crossing; the link costs 50: crossing both (60) beats one (30).
    const state = (key: number, cost: number): JointState => ({
      key,
      cost,
      slack: Infinity,
      channels: 3,
      once: [0, 0, 0],
    });
    const crossing = { cost: [0, 0], latency: [0, 0, 0, 0], flags: [0, NEEDS_LINK] };
    const problem: JointProblem = {
      variables: [[state(0, 0)], [state(0, 40), state(1, 10)], [state(0, 40), state(1, 10)]],
      edges: [
        { from: 1, to: 0, ...crossing, flags: [0, NEEDS_LINK] },
        { from: 2, to: 0, ...crossing, flags: [0, NEEDS_LINK] },
      ],
      linkCost: 50,
    };
    const solved = solveJointly(problem);
    expect(solved.choice).toEqual([0, 1, 1]);
    expect(solved.cost).toBe(70);
    expect(solved.usesLink).toBe(true);
    expect(solveJointly({ ...problem, linkCost: 61 }).choice).toEqual([0, 0, 0]);
  });

  it('keeps a caller within its latency budget, paying more when it must', () => {
    // The caller's cheap state tolerates 15 ms; its callee's cheap state adds 20 ms to it.
    const problem: JointProblem = {
      variables: [
        [
          { key: 0, cost: 10, slack: 15, channels: 1, once: [0, 0, 0] },
          { key: 1, cost: 30, slack: Infinity, channels: 2, once: [0, 0, 0] },
        ],
        [
          { key: 0, cost: 50, slack: Infinity, channels: 1, once: [0, 0, 0] },
          { key: 1, cost: 5, slack: Infinity, channels: 2, once: [0, 0, 0] },
        ],
      ],
      edges: [{ from: 0, to: 1, cost: [0, 0, 0, 0], latency: [0, 0, 20, 0, 0, 0, 0, 0], flags: [0, 0, 0, 0] }],
      linkCost: 0,
    };
    // (0,0): 60; (0,1): 15 but 5 ms over; (1,0): 80; (1,1): 35.
    const solved = solveJointly(problem);
    expect(solved.choice).toEqual([1, 1]);
    expect(solved.excess).toBe(0);
    expect(solved.cost).toBe(35);
  });

  it('charges a once-cost once however many neighbours flag it', () => {
    const open = (): JointState[] => [
      { key: 0, cost: 20, slack: Infinity, channels: 1, once: [0, 0, 0] },
      { key: 1, cost: 10, slack: Infinity, channels: 2, once: [4, 3, 0] },
    ];
    const fixed: JointState[] = [{ key: 0, cost: 0, slack: Infinity, channels: 1, once: [0, 0, 0] }];
    const edge = (from: number, to: number) => ({
      from,
      to,
      cost: [0, 0],
      latency: [0, 0, 0, 0],
      flags: [0, fromFlag(ONCE_AWAY) | (to === 3 ? fromFlag(ONCE_STORAGE) : 0)],
    });
    const problem: JointProblem = {
      variables: [open(), fixed, fixed, fixed],
      edges: [edge(0, 1), edge(0, 2), edge(0, 3)],
      linkCost: 0,
    };
    expect(evaluateChoice(problem, [1, 0, 0, 0]).cost).toBe(17);
    expect(solveJointly(problem).choice[0]).toBe(1);
    // Flagged on the callee's side instead, the callee pays: nothing here, its once-costs are 0.
    const reversed = { ...problem, edges: problem.edges.map((e) => ({ ...e, flags: [0, toFlag(ONCE_AWAY)] })) };
    expect(evaluateChoice(reversed, [1, 0, 0, 0]).cost).toBe(10);
  });
});

describe('solveJointly against HiGHS', () => {
  let highs: Awaited<ReturnType<typeof loadHighs>>;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('reaches the MILP optimum on problems too big to enumerate', () => {
    fc.assert(
      fc.property(problemArbitrary(40, 70), (problem) => {
        const solved = solveJointly(problem);
        const result = highs.solve(toLpFormat(problem), { output_flag: false, mip_rel_gap: 0 });
        expect(result.Status).toBe('Optimal');
        const ours = 1e7 * solved.excess + solved.cost;
        expect(ours).toBeCloseTo(result.ObjectiveValue, 4);
      }),
      { numRuns: 60, seed: 5 },
    );
  });
});

describe('the whole problem through HiGHS, when the search is cut short', () => {
  it('finds the value brute force finds, from the relaxation when whole and from the MIP when not', () => {
    const highs = findMipSolver() as MipSolver;
    const calls = { relaxed: 0, mip: 0 };
    registerMipSolver({
      solve: (model, options) => {
        if (model.integrality) calls.mip++;
        else calls.relaxed++;
        return highs.solve(model, options);
      },
    });
    let viaHighs = 0;
    let mipAfterRelaxation = 0;
    try {
      fc.assert(
        fc.property(problemArbitrary(7, 10), (problem) => {
          const oracle = bruteForce(problem);
          // The MIP keeps every latency budget: only problems where some choice does are its to solve.
          fc.pre(oracle.value.excess === 0);
          const before = { ...calls };
          // No search node at all: the greedy start, then the whole problem goes to HiGHS.
          const solved = solveJointly(problem, 0);
          if (calls.relaxed > before.relaxed) viaHighs++;
          if (calls.mip > before.mip) mipAfterRelaxation++;
          // The MIP is only ever asked after its relaxation.
          expect(calls.mip - before.mip).toBeLessThanOrEqual(calls.relaxed - before.relaxed);
          const value = evaluateChoice(problem, solved.choice);
          expect(value.excess).toBe(0);
          expect(value.cost).toBe(oracle.value.cost);
          expect(solved.method).toBe('exact');
        }),
        { numRuns: 300, seed: 23 },
      );
    } finally {
      registerMipSolver(highs);
    }
    // Both ways were taken: relaxations that came out whole, and fractional ones that went on to the MIP.
    expect(mipAfterRelaxation).toBeGreaterThan(0);
    expect(viaHighs).toBeGreaterThan(mipAfterRelaxation);
  });
});

describe('a piece too big to search, straight to HiGHS', () => {
  it('reaches the value the search and then HiGHS reach, without searching', () => {
    // Two in three with every latency budget lifted: then some choice keeps them all, and the MIP
    // answers (the others mostly have none, and are searched as before).
    const lifted = (problem: JointProblem): JointProblem => ({
      ...problem,
      variables: problem.variables.map((states) =>
        states.map((s) => ({ ...s, slack: Infinity, cloudSlack: undefined })),
      ),
    });
    const problems = fc
      .tuple(problemArbitrary(80, 160, { variables: 50, edges: 100 }), fc.nat(2))
      .map(([problem, lift]) => (lift > 0 ? lifted(problem) : problem));
    let straight = 0;
    fc.assert(
      fc.property(problems, (problem) => {
        const direct = solveJointly(problem);
        // The same problem with every piece searched first, as before SEARCH_PIECE_LIMIT.
        const searchedFirst = solveJointly(problem, NODE_LIMIT, Infinity);
        expect(searchedFirst.searched).toBe(true);
        expect(direct.largestPiece).toBe(searchedFirst.largestPiece);
        const a = evaluateChoice(problem, direct.choice);
        const b = evaluateChoice(problem, searchedFirst.choice);
        expect(a.excess).toBeCloseTo(b.excess, 6);
        expect(a.cost).toBe(b.cost);
        expect(direct.cost).toBe(a.cost);
        expect(direct.method).toBe(searchedFirst.method);
        if (direct.largestPiece <= SEARCH_PIECE_LIMIT) expect(direct).toEqual(searchedFirst);
        if (!direct.searched) {
          straight++;
          expect(direct.largestPiece).toBeGreaterThan(SEARCH_PIECE_LIMIT);
          expect(direct.method).toBe('exact');
          expect(a.excess).toBe(0);
        }
      }),
      { numRuns: 24, seed: 7 },
    );
    // The skip was taken, not only the search.
    expect(straight).toBeGreaterThan(6);
  });

  it('searches as before when no MIP solver is registered', () => {
    const highs = findMipSolver();
    registerMipSolver(null);
    let big = 0;
    try {
      fc.assert(
        fc.property(problemArbitrary(80, 160, { variables: 50, edges: 100 }), (problem) => {
          const solved = solveJointly(problem);
          if (solved.largestPiece > SEARCH_PIECE_LIMIT) big++;
          expect(solved.searched).toBe(true);
          expect(solved).toEqual(solveJointly(problem, NODE_LIMIT, Infinity));
        }),
        { numRuns: 15, seed: 7 },
      );
    } finally {
      registerMipSolver(highs);
    }
    expect(big).toBeGreaterThan(5);
  });
});

describe('the whole problem kept between re-plans (a plan memo)', () => {
  it("solves again only when something other than a fixed variable's own cost changed", () => {
    const highs = findMipSolver() as MipSolver;
    let solves = 0;
    registerMipSolver({
      solve: (model, options) => {
        solves++;
        return highs.solve(model, options);
      },
    });
    try {
      // Latency budgets lifted, so some choice keeps them all; variable 0 fixed to its first state.
      const [sampled] = fc.sample(problemArbitrary(80, 160, { variables: 60, edges: 140 }), { numRuns: 1, seed: 11 });
      const base = sampled as JointProblem;
      const problem: JointProblem = {
        ...base,
        variables: base.variables.map((states, v) =>
          (v === 0 ? states.slice(0, 1) : states).map((s) => ({ ...s, slack: Infinity, cloudSlack: undefined })),
        ),
      };
      const withCost = (v: number, s: number, cost: number): JointProblem => ({
        ...problem,
        variables: problem.variables.map((states, u) =>
          u === v ? states.map((x, k) => (k === s ? { ...x, cost } : x)) : states,
        ),
      });
      const kept = createSolveMemo();
      const first = solveJointly(problem, NODE_LIMIT, SEARCH_PIECE_LIMIT, kept);
      expect(first.searched).toBe(false);
      const afterFirst = solves;
      expect(afterFirst).toBeGreaterThan(0);
      // The fixed variable's cost: the same answer as a fresh solve, and no solve.
      const dearer = withCost(0, 0, ((problem.variables[0] as JointState[])[0] as JointState).cost + 12_345);
      const kept1 = solveJointly(dearer, NODE_LIMIT, SEARCH_PIECE_LIMIT, kept);
      expect(solves).toBe(afterFirst);
      expect(kept1).toEqual(solveJointly(dearer));
      expect(kept1.cost).toBe(first.cost + 12_345);
      // An open variable's cost: solved again.
      const open = problem.variables.findIndex((states) => states.length > 1);
      const before = solves;
      const moved = withCost(open, 1, ((problem.variables[open] as JointState[])[1] as JointState).cost + 1);
      expect(solveJointly(moved, NODE_LIMIT, SEARCH_PIECE_LIMIT, kept)).toEqual(solveJointly(moved));
      expect(solves).toBeGreaterThan(before);
    } finally {
      registerMipSolver(highs);
    }
  });
});
