import fc from 'fast-check';
import loadHighs from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { problemArbitrary } from '../testing/joint-problem-arbitrary';
import type { JointProblem, JointState } from './joint-problem';
import { type MilpPiece, toMilp, toMilpModel } from './joint-milp';
import { LP_OPTIONS, MIP_OPTIONS, highsMipSolver, toHighsModel } from './mip-solver';

type Highs = Awaited<ReturnType<typeof loadHighs>>;

/** Figures with many digits, as the engine's costs in micro-dollars and latencies in ms are. */
function roughen(problem: JointProblem, k: number): JointProblem {
  const state = (s: JointState): JointState => ({ ...s, cost: s.cost * k, slack: s.slack * Math.SQRT2 });
  return {
    ...problem,
    variables: problem.variables.map((states) => states.map(state)),
    edges: problem.edges.map((e) => ({
      ...e,
      cost: Array.from(e.cost, (c) => c * k),
      latency: Array.from(e.latency, (l) => l / 3),
    })),
    linkCost: problem.linkCost * k,
  };
}

function incidentOf(problem: JointProblem): number[][] {
  const incident = problem.variables.map(() => [] as number[]);
  problem.edges.forEach((e, i) => {
    incident[e.from]?.push(i);
    incident[e.to]?.push(i);
  });
  return incident;
}

const caseArbitrary = fc.record({
  problem: problemArbitrary(9, 14),
  k: fc.constantFrom(1, 1234.5678901234, 0.1, 98765.4321),
  link: fc.constantFrom<MilpPiece['link']>('priced', 'free', 'forbidden'),
  relaxed: fc.boolean(),
});

/** A case's model both ways: as arrays and as LP text (the whole problem, as solve-jointly.ts sends it). */
function modelsOf({
  problem: base,
  k,
  link,
  relaxed,
}: {
  problem: JointProblem;
  k: number;
  link: MilpPiece['link'];
  relaxed: boolean;
}) {
  const problem = roughen(base, k);
  const variables = problem.variables.map((_, v) => v);
  const fixed = new Map(variables.filter((v) => (problem.variables[v]?.length ?? 0) === 1).map((v) => [v, 0]));
  const piece: MilpPiece = { variables, fixed, link };
  const incident = incidentOf(problem);
  return { model: toMilpModel(problem, piece, incident, relaxed), text: toMilp(problem, piece, incident, relaxed) };
}

describe('the joint MILP as arrays', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('is the model HiGHS reads from its LP text: same columns, bounds, costs, rows and matrix', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const { model, text } = modelsOf(c);
        const read = highs.createModel({ format: 'lp', data: text });
        const passed = highs.createModel();
        try {
          passed.passModel(toHighsModel(model));
          const a = read.getLp('csc');
          const b = passed.getLp('csc');
          expect(b.numCols).toBe(a.numCols);
          expect(b.numRows).toBe(a.numRows);
          for (const key of ['colCost', 'colLower', 'colUpper', 'rowLower', 'rowUpper'] as const)
            expect([...b[key]], key).toEqual([...a[key]]);
          expect([...b.matrix.starts]).toEqual([...a.matrix.starts]);
          expect([...b.matrix.indices]).toEqual([...a.matrix.indices]);
          expect([...b.matrix.values]).toEqual([...a.matrix.values]);
          const integral = (x: ArrayLike<number> | undefined) => Array.from(x ?? [], (t) => (t === 0 ? 0 : 1));
          if (model.integrality) expect(integral(b.integrality)).toEqual(integral(a.integrality));
          else expect(integral(a.integrality).some((t) => t === 1)).toBe(false);
          // Column j of the arrays is the column the text names j.
          model.names.forEach((name, v) => expect(read.getColName(model.columnOf[v] as number)).toBe(name));
        } finally {
          read.dispose();
          passed.dispose();
        }
      }),
      { numRuns: 150, seed: 41 },
    );
  });

  it('solves to the values the one-shot solve of the LP text finds', () => {
    const solver = highsMipSolver(highs);
    let optimal = 0;
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const { model, text } = modelsOf(c);
        const options = c.relaxed ? LP_OPTIONS : MIP_OPTIONS;
        const fromText = highs.solve(text, options);
        const fromArrays = solver.solve(model, options);
        // The one-shot solve says 'Optimal' or 'Infeasible' in the same words; these models have no other.
        expect(['Optimal', 'Infeasible']).toContain(fromText.Status);
        expect(fromArrays.status).toBe(fromText.Status);
        if (fromText.Status !== 'Optimal') return;
        optimal++;
        model.names.forEach((name, v) =>
          expect(fromArrays.values?.[model.columnOf[v] as number], name).toBe(fromText.Columns[name]?.Primal),
        );
      }),
      { numRuns: 150, seed: 43 },
    );
    expect(optimal).toBeGreaterThan(100);
  });
});

describe('a once-paid cost in the joint MILP', () => {
  it('is forced up by an edge’s flagging pairs together, so the relaxation cannot pay part of it', async () => {
    const highs = await loadHighs();
    const state = (key: number, cost: number, away = 0): JointState => ({
      key,
      cost,
      slack: Infinity,
      channels: 1,
      once: [away, 0, 0],
    });
    // A component in the cloud next to one whose two burst states (a budget and its corner) both
    // leave it across the link: it pays its away price (20) on either.
    const problem: JointProblem = {
      variables: [[state(2, 50, 20)], [state(0, 100), state(3, 10), state(3, 10)]],
      edges: [{ from: 0, to: 1, cost: [0, 0, 0], latency: [0, 0, 0, 0, 0, 0], flags: [0, 2, 2] }],
      linkCost: 0,
    };
    const piece: MilpPiece = { variables: [0, 1], fixed: new Map([[0, 0]]), link: 'free' };
    const incident = incidentOf(problem);
    expect(toMilp(problem, piece, incident, true).match(/^ o\d/gm)).toHaveLength(1);
    const model = toMilpModel(problem, piece, incident, true);
    const solution = highsMipSolver(highs).solve(model, LP_OPTIONS);
    const value = (name: string) => solution.values?.[model.columnOf[model.names.indexOf(name)] as number];
    // A row per pair let the relaxation split the burst in halves and pay half the price.
    expect(value('w0_0_0')).toBe(1);
  });
});
