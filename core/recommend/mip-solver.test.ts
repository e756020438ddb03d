import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { compileModel } from './joint-milp';
import { type MipSolution, WARM_UP_MODEL, highsMipSolver, warmUpMipSolver } from './mip-solver';

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

    // The oracle reads the sketch itself (names and coefficients as written), not the arrays.
    const { objective, rows, binaries } = WARM_UP_MODEL;
    const names = binaries ?? [];
    expect(names).toHaveLength(11);
    const value = (x: Record<string, number>, terms: readonly (readonly [string, number])[]) =>
      terms.reduce((sum, [name, k]) => sum + k * (x[name] ?? 0), 0);
    let best = Number.POSITIVE_INFINITY;
    for (let mask = 0; mask < 1 << names.length; mask++) {
      const x = Object.fromEntries(names.map((n, i) => [n, (mask >> i) & 1]));
      const feasible = rows.every(({ terms, lower, upper }) => {
        const lhs = value(x, terms);
        return lhs >= lower - 1e-9 && lhs <= upper + 1e-9;
      });
      if (feasible) best = Math.min(best, value(x, objective));
    }
    expect(best).toBeLessThan(Number.POSITIVE_INFINITY);
    const columns = compileModel(WARM_UP_MODEL).columns;
    const found = Object.fromEntries(names.map((n) => [n, Math.round(result?.values?.[columns.get(n) ?? -1] ?? NaN)]));
    expect(value(found, objective)).toBeCloseTo(best, 9);
  });
});
