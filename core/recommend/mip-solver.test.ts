import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { compileModel } from './joint-milp';
import {
  type KeptSolve,
  type MipSolution,
  type MipSolver,
  MIP_OPTIONS,
  WARM_UP_MODEL,
  highsMipSolver,
  solveKept,
  warmUpMipSolver,
} from './mip-solver';

describe('warmUpMipSolver', () => {
  it('solves its model to the optimum a brute force over all 2^11 choices finds', async () => {
    const highs = highsMipSolver(await loadHighs());
    let calls = 0;
    const result = warmUpMipSolver({
      solve: (model, options): MipSolution => {
        calls++;
        return highs.solve(model, options);
      },
    });
    expect(calls).toBe(2);
    expect(result?.status).toBe('Optimal');

    // The oracle reads the sketch itself (variables and coefficients as written), not the arrays.
    const { objective, rows, binaries, names } = WARM_UP_MODEL;
    const vars = binaries;
    expect(vars).toHaveLength(11);
    const value = (x: readonly number[], terms: ArrayLike<number>, coefficients: ArrayLike<number>) =>
      Array.from(terms).reduce((sum, v, k) => sum + (coefficients[k] as number) * (x[v] ?? 0), 0);
    const objectiveOf = (x: readonly number[]) => value(x, objective.vars, objective.coefficients);
    let best = Number.POSITIVE_INFINITY;
    for (let mask = 0; mask < 1 << vars.length; mask++) {
      const x = names.map((_, v) => (mask >> v) & 1);
      const feasible = rows.names.every((_, r) => {
        const [from, to] = [rows.starts[r] as number, rows.starts[r + 1] as number];
        const lhs = value(x, rows.vars.slice(from, to), rows.coefficients.slice(from, to));
        return lhs >= (rows.lower[r] as number) - 1e-9 && lhs <= (rows.upper[r] as number) + 1e-9;
      });
      if (feasible) best = Math.min(best, objectiveOf(x));
    }
    expect(best).toBeLessThan(Number.POSITIVE_INFINITY);
    const { columnOf } = compileModel(WARM_UP_MODEL);
    const found = names.map((_, v) => Math.round(result?.values?.[columnOf[v] as number] ?? NaN));
    expect(objectiveOf(found)).toBeCloseTo(best, 9);
  });
});

describe('solveKept', () => {
  it('solves again unless the solver, the options and every number are those it solved last', async () => {
    const highs = highsMipSolver(await loadHighs());
    let calls = 0;
    const counting: MipSolver = {
      solve: (model, options) => {
        calls++;
        return highs.solve(model, options);
      },
    };
    const kept: { last?: KeptSolve } = {};
    const model = compileModel(WARM_UP_MODEL);
    const first = solveKept(counting, model, MIP_OPTIONS, kept);
    const again = solveKept(counting, compileModel(WARM_UP_MODEL), MIP_OPTIONS, kept);
    expect(calls).toBe(1);
    expect(again).toEqual(first);
    // A copy each time: the caller may keep or change it.
    expect(again.values).not.toBe(first.values);
    const dearer = compileModel(WARM_UP_MODEL);
    dearer.colCost[0] = (dearer.colCost[0] as number) + 1e-9;
    solveKept(counting, dearer, MIP_OPTIONS, kept);
    expect(calls).toBe(2);
    solveKept(counting, dearer, { ...MIP_OPTIONS, presolve: 'off' }, kept);
    expect(calls).toBe(3);
    solveKept(counting, dearer, { ...MIP_OPTIONS, presolve: 'off' }, kept);
    expect(calls).toBe(3);
    solveKept(highs, dearer, { ...MIP_OPTIONS, presolve: 'off' }, kept);
    expect(calls).toBe(3);
    solveKept(counting, dearer, { ...MIP_OPTIONS, presolve: 'off' }, kept);
    expect(calls).toBe(4);
  });
});
