import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { type MipResult, WARM_UP_MODEL, warmUpMipSolver } from './mip-solver';

/** The warm-up model read back: objective and rows as numbers, for a brute-force oracle. */
function parseModel(lp: string) {
  const terms = (text: string) =>
    [...text.matchAll(/([+-]?)\s*(\d*\.?\d*)\s*([a-z]\d)/g)].map(([, sign, k, name]) => ({
      name: name as string,
      k: (sign === '-' ? -1 : 1) * (k ? Number(k) : 1),
    }));
  const [objective = '', rest = ''] = lp.split('Subject To');
  const rows = (rest.split('Binary')[0] ?? '')
    .trim()
    .split('\n')
    .map((line) => {
      const [, body = '', op = '', rhs = ''] = /:\s*(.*?)\s*(<=|>=|=)\s*(-?[\d.]+)/.exec(line) ?? [];
      return { terms: terms(body), op, rhs: Number(rhs) };
    });
  const names = (lp.split('Binary')[1] ?? '').replace('End', '').trim().split(/\s+/);
  return { objective: terms(objective.replace(/^.*obj:/s, '')), rows, names };
}

describe('warmUpMipSolver', () => {
  it('solves its model to the optimum a brute force over all 2^11 choices finds', async () => {
    const highs = await loadHighs();
    let calls = 0;
    const result = warmUpMipSolver({
      solve: (lp, options) => {
        calls++;
        return highs.solve(lp, options) as MipResult;
      },
    });
    expect(calls).toBe(2);
    expect(result?.Status).toBe('Optimal');

    const { objective, rows, names } = parseModel(WARM_UP_MODEL);
    expect(names).toHaveLength(11);
    const value = (x: Record<string, number>, ts: { name: string; k: number }[]) =>
      ts.reduce((sum, t) => sum + t.k * (x[t.name] ?? 0), 0);
    let best = Number.POSITIVE_INFINITY;
    for (let mask = 0; mask < 1 << names.length; mask++) {
      const x = Object.fromEntries(names.map((n, i) => [n, (mask >> i) & 1]));
      const feasible = rows.every(({ terms, op, rhs }) => {
        const lhs = value(x, terms);
        return op === '<=' ? lhs <= rhs + 1e-9 : op === '>=' ? lhs >= rhs - 1e-9 : Math.abs(lhs - rhs) < 1e-9;
      });
      if (feasible) best = Math.min(best, value(x, objective));
    }
    const found = Object.fromEntries(Object.entries(result?.Columns ?? {}).map(([n, c]) => [n, Math.round(c.Primal)]));
    expect(value(found, objective)).toBeCloseTo(best, 9);
  });
});
