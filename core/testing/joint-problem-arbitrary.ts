/**
 * Random joint problems (core/recommend/joint-problem.ts) for property tests of the joint search and
 * of its MILP.
 */
import fc from 'fast-check';
import type { JointProblem, JointState } from '../recommend/joint-problem';

/**
 * Random problems with small integer figures, so that sums are exact and ties are real ties. `least`
 * raises the fewest variables and edges drawn (fast-check otherwise draws a dozen or so at most),
 * for problems whose pieces are too big to search (solve-jointly.ts, SEARCH_PIECE_LIMIT).
 */
export function problemArbitrary(
  maxVariables: number,
  maxEdges: number,
  least: { variables: number; edges: number } = { variables: 1, edges: 0 },
): fc.Arbitrary<JointProblem> {
  const state = fc.record({
    key: fc.integer({ min: 0, max: 3 }),
    cost: fc.integer({ min: 0, max: 60 }),
    slack: fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 50 })),
    // A burst's corner: its cloud side's own budget.
    cloudSlack: fc.option(fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 50 })), { nil: undefined }),
    channels: fc.integer({ min: 0, max: 3 }),
    once: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 15 })), { minLength: 3, maxLength: 3 }),
  });
  return fc
    .record({
      variables: fc.array(fc.array(state, { minLength: 1, maxLength: 4 }), {
        minLength: least.variables,
        maxLength: maxVariables,
      }),
      edgeSeeds: fc.array(
        fc.record({
          a: fc.nat(),
          b: fc.nat(),
          cost: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 16, maxLength: 16 }),
          latency: fc.array(fc.constantFrom(0, 0, 10, 20, 30), { minLength: 32, maxLength: 32 }),
          flags: fc.array(fc.integer({ min: 0, max: 127 }), { minLength: 16, maxLength: 16 }),
        }),
        { minLength: least.edges, maxLength: maxEdges },
      ),
      linkCost: fc.integer({ min: 0, max: 40 }),
    })
    .map(({ variables, edgeSeeds, linkCost }) => {
      const n = variables.length;
      const edges = edgeSeeds
        .map((e) => {
          const [from, to] = [e.a % n, e.b % n].sort((x, y) => x - y) as [number, number];
          return { ...e, from, to };
        })
        .filter((e) => e.from !== e.to)
        .map((e) => {
          const pairs = (variables[e.from] as JointState[]).length * (variables[e.to] as JointState[]).length;
          return {
            from: e.from,
            to: e.to,
            cost: e.cost.slice(0, pairs),
            latency: e.latency.slice(0, 2 * pairs),
            flags: e.flags.slice(0, pairs),
          };
        });
      return { variables, edges, linkCost };
    });
}
