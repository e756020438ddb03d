/**
 * Test oracles for the joint search, written independently of it: brute force over every
 * combination, and the same problem as a mixed-integer program in CPLEX LP format for HiGHS. Both
 * read only the JointProblem and its definition (joint-problem.ts), never the search.
 */
import {
  type JointProblem,
  type JointValue,
  NEEDS_LINK,
  ONCE_CHANNELS,
  budgetOf,
  evaluateChoice,
  fromFlag,
  isBetter,
  toFlag,
} from './joint-problem';

/** The best value over all combinations (first in lexicographic order on ties). */
export function bruteForce(problem: JointProblem): { choice: number[]; value: JointValue; count: number } {
  const sizes = problem.variables.map((s) => s.length);
  const choice = sizes.map(() => 0);
  let best = { choice: [...choice], value: evaluateChoice(problem, choice) };
  let count = 1;
  for (;;) {
    let k = choice.length - 1;
    while (k >= 0 && (choice[k] as number) + 1 === sizes[k]) choice[k--] = 0;
    if (k < 0) return { ...best, count };
    choice[k] = (choice[k] as number) + 1;
    count++;
    const value = evaluateChoice(problem, choice);
    if (isBetter(value, best.value)) best = { choice: [...choice], value };
  }
}

/**
 * The problem as a MILP: x[v,s] binary picks a state; y[e,p] ≥ x[from,i] + x[to,j] − 1 marks a pair
 * (exact where it matters: every term that uses y is a cost or a ≤ bound); ex[v] ≥ added − slack per
 * channel of the chosen state; per once-channel c, o[v,c] ≥ y of pairs that flag v and
 * w[v,c,s] ≥ o[v,c] + x[v,s] − 1 pays the state's once-cost; L ≥ y of pairs that need the link. Excess is weighted by `excessWeight` ahead
 * of cost, which keeps the two apart for the small integer costs the tests use.
 */
export function toLpFormat(problem: JointProblem, excessWeight = 1e7): string {
  const obj: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const bounds: string[] = [];
  const term = (c: number, name: string) => (c === 0 ? '' : `${c >= 0 ? '+' : '-'} ${Math.abs(c)} ${name}`);
  const big = problem.edges.reduce((m, e) => m + Math.max(0, ...Array.from(e.latency)), 0) + 1;
  const added = problem.variables.map(() => ({ dc: [] as string[], cloud: [] as string[] }));
  const flagged = problem.variables.map(() => Array.from({ length: ONCE_CHANNELS }, () => [] as string[]));
  const link: string[] = [];
  problem.variables.forEach((states, v) => {
    states.forEach((s, i) => {
      binaries.push(`x_${v}_${i}`);
      obj.push(term(s.cost, `x_${v}_${i}`));
    });
    rows.push(`pick_${v}: ${states.map((_, i) => `+ x_${v}_${i}`).join(' ')} = 1`);
  });
  problem.edges.forEach((e, k) => {
    const nj = (problem.variables[e.to] ?? []).length;
    (problem.variables[e.from] ?? []).forEach((_, i) => {
      for (let j = 0; j < nj; j++) {
        const p = i * nj + j;
        const y = `y_${k}_${p}`;
        rows.push(`and_${k}_${p}: ${y} - x_${e.from}_${i} - x_${e.to}_${j} >= -1`);
        bounds.push(`0 <= ${y} <= 1`);
        obj.push(term(e.cost[p] as number, y));
        const f = e.flags[p] as number;
        if (e.latency[2 * p]) added[e.from]?.dc.push(term(e.latency[2 * p] as number, y));
        if (e.latency[2 * p + 1]) added[e.from]?.cloud.push(term(e.latency[2 * p + 1] as number, y));
        if (f & NEEDS_LINK) link.push(y);
        for (let c = 0; c < ONCE_CHANNELS; c++) {
          if (f & fromFlag(c)) flagged[e.from]?.[c]?.push(y);
          if (f & toFlag(c)) flagged[e.to]?.[c]?.push(y);
        }
      }
    });
  });
  problem.variables.forEach((states, v) => {
    bounds.push(`ex_${v} >= 0`);
    obj.push(term(excessWeight, `ex_${v}`));
    states.forEach((s, i) => {
      for (const [bit, sums] of [
        [1, added[v]?.dc ?? []],
        [2, added[v]?.cloud ?? []],
      ] as const) {
        const slack = budgetOf(s, bit);
        if (!Number.isFinite(slack) || !(s.channels & bit) || sums.length === 0) continue;
        // ex ≥ Σ lat·y − slack − big·(1 − x)  ⇔  ex − Σ lat·y − big·x ≥ −slack − big
        rows.push(
          `lat_${v}_${i}_${bit}: ex_${v} ${sums.map((t) => t.replace(/^\+/, '-')).join(' ')} - ${big} x_${v}_${i} >= ${-slack - big}`,
        );
      }
    });
    flagged[v]?.forEach((ys, c) => {
      if (ys.length === 0) return;
      const o = `o_${v}_${c}`;
      bounds.push(`0 <= ${o} <= 1`);
      for (const y of ys) rows.push(`flag_${v}_${c}_${y}: ${o} - ${y} >= 0`);
      states.forEach((s, i) => {
        const price = s.once[c] ?? 0;
        if (price <= 0) return;
        const w = `w_${v}_${c}_${i}`;
        bounds.push(`0 <= ${w} <= 1`);
        rows.push(`pay_${v}_${c}_${i}: ${w} - ${o} - x_${v}_${i} >= -1`);
        obj.push(term(price, w));
      });
    });
  });
  if (link.length > 0) {
    bounds.push('0 <= L <= 1');
    obj.push(term(problem.linkCost, 'L'));
    link.forEach((y, i) => rows.push(`link_${i}: L - ${y} >= 0`));
  }
  return [
    'Minimize',
    ` obj: ${obj.filter(Boolean).join(' ') || '0 x_0_0'}`,
    'Subject To',
    ...rows.map((r) => ` ${r}`),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    'Binaries',
    ` ${binaries.join(' ')}`,
    'End',
  ].join('\n');
}
