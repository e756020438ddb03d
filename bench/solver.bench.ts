/**
 * `npm run bench:solver`: the joint choice's two exact methods on the same problems, in the same run —
 * the hand-written search (dominance pruning, then branch and bound) and HiGHS on the whole problem
 * as a MILP — on the three examples and on generated designs of 20, 50 and 200 components. Says
 * which is faster where, and checks that both reach the same value. Why the engine keeps both: the
 * search answers the small pieces of real designs in well under a millisecond, where a MILP solve
 * costs milliseconds; HiGHS closes the large pieces the search cannot.
 */
import os from 'node:os';
import loadHighs from 'highs';
import { registerHighs } from '../core/cli/register-highs';
import { priceDesign } from '../core/cost';
import { EXAMPLE_DESIGNS } from '../core/examples';
import { type Design, validateDesign } from '../core/model';
import { buildPlan, runToEnd, simulateDesign } from '../core/plan/build-plan';
import { decidePlan } from '../core/plan/decide-plan';
import { toleranceOf } from '../core/recommend/assess-assignment';
import { buildJointProblem } from '../core/recommend/build-joint-problem';
import { toCandidate } from '../core/recommend/choose-jointly';
import { toMilpModel } from '../core/recommend/joint-milp';
import { type JointProblem, evaluateChoice } from '../core/recommend/joint-problem';
import { MIP_OPTIONS, highsMipSolver, registerMipSolver } from '../core/recommend/mip-solver';
import { solveJointly } from '../core/recommend/solve-jointly';
import { generateBenchDesign } from './generate-bench-design';

const REPEAT = 5;

function problemOf(input: Design): JointProblem {
  const design = priceDesign(input);
  const { facts, horizonMinutes } = runToEnd(simulateDesign(design, 24));
  const tol = toleranceOf(design.environments, horizonMinutes);
  const candidates = design.components.map((c) => {
    const f = facts.get(c.id);
    if (!f) throw new Error(`no facts for ${c.id}`);
    return toCandidate(f, design, tol);
  });
  const margin = design.environments.decision.simplicityMargin;
  return buildJointProblem(candidates, design.connections, design.tariff, margin).problem;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  // HiGHS as the engine calls it: the model passed as arrays (mip-solver.ts).
  const highs = highsMipSolver(await loadHighs());
  const cases: [string, Design][] = EXAMPLE_DESIGNS.map((e) => {
    const checked = validateDesign(e.design);
    if (!checked.ok) throw new Error(e.key);
    return [e.key, checked.value];
  });
  for (const n of [20, 50, 200]) {
    const checked = validateDesign(generateBenchDesign(n, Math.round(n * 1.6), 1));
    if (!checked.ok) throw new Error(`generated ${n}`);
    cases.push([`generated ${n}`, { ...checked.value, simulation: { days: 7, stepMinutes: 15, seed: 1 } }]);
  }
  console.log(
    `machine: ${os.cpus()[0]?.model ?? 'unknown'} (${os.cpus().length} cores), node ${process.version}, load ${os.loadavg()[0]?.toFixed(1)}`,
  );
  console.log(
    '| design | search alone (ms, median of 5) | its method | HiGHS MILP (ms) | ratio HiGHS ÷ search | same value |',
  );
  console.log('|---|---|---|---|---|---|');
  await registerHighs();
  for (const [name, design] of cases) {
    const problem = problemOf(design);
    registerMipSolver(null);
    const search: number[] = [];
    let searched = solveJointly(problem);
    for (let r = 0; r < REPEAT; r++) {
      const t = performance.now();
      searched = solveJointly(problem);
      search.push(performance.now() - t);
    }
    const incident = problem.variables.map(() => [] as number[]);
    problem.edges.forEach((e, i) => {
      incident[e.from]?.push(i);
      incident[e.to]?.push(i);
    });
    const variables = problem.variables.map((_, v) => v);
    const fixed = new Map(variables.filter((v) => (problem.variables[v]?.length ?? 0) === 1).map((v) => [v, 0]));
    const model = toMilpModel(problem, { variables, fixed, link: 'priced' }, incident);
    const mip: number[] = [];
    let choice: number[] = [];
    for (let r = 0; r < REPEAT; r++) {
      const t = performance.now();
      const result = highs.solve(model, MIP_OPTIONS);
      mip.push(performance.now() - t);
      choice = variables.map((v) =>
        Math.max(
          0,
          (problem.variables[v] ?? []).findIndex((_, s) => (result.values?.[model.stateColumn(v, s)] ?? 0) > 0.5),
        ),
      );
    }
    const mipValue = evaluateChoice(problem, choice);
    const same = Math.abs(mipValue.cost - searched.cost) < 1 && Math.abs(mipValue.excess - searched.excess) < 1e-6;
    const [a, b] = [median(search), median(mip)];
    console.log(
      `| ${name} | ${a.toFixed(2)} | ${searched.method} | ${b.toFixed(2)} | ${(b / a).toFixed(1)}× | ${same ? 'yes' : `no (search $${(searched.cost / 1e6).toFixed(2)}, MILP $${(mipValue.cost / 1e6).toFixed(2)})`} |`,
    );
  }
  await registerHighs();
  replanTimes();
}

/**
 * What an edit waits for on a 50-component design at the default horizon (30 days, 5-minute steps):
 * the whole plan (simulate + decide) and the decision alone (what a price edit re-runs), warm, median
 * of 5 — the decision's share of an edit's re-plan.
 */
function replanTimes(): void {
  // The design's own default horizon, as a user's new design has it.
  const { simulation: _generated, ...input } = generateBenchDesign(50, 80, 1);
  const checked = validateDesign(input);
  if (!checked.ok) throw new Error('generated 50');
  const design = checked.value;
  buildPlan(design);
  const whole: number[] = [];
  for (let r = 0; r < REPEAT; r++) {
    const t = performance.now();
    buildPlan(design);
    whole.push(performance.now() - t);
  }
  const priced = priceDesign(design);
  const { facts, horizonMinutes } = runToEnd(simulateDesign(priced, 24));
  const decide: number[] = [];
  let method = '';
  for (let r = 0; r < REPEAT; r++) {
    const t = performance.now();
    method = decidePlan(priced, facts, horizonMinutes).search.method;
    decide.push(performance.now() - t);
  }
  const [w, d] = [median(whole), median(decide)];
  console.log(
    `\n50 components, ${design.simulation.days} days at ${design.simulation.stepMinutes}-minute steps: whole plan ${w.toFixed(0)} ms, decision alone ${d.toFixed(0)} ms (${method}), decision ÷ whole ${(d / w).toFixed(2)}`,
  );
}

void main();
