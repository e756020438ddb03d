/**
 * The engine's part of an edit, measured in this process: a design planned once with a run memo (what
 * the plan worker keeps, core/plan/run-memo.ts), then one edit re-planned `runs` times, alternating
 * between two values so that every run changes something. Wall and CPU time of each re-plan, and of
 * the whole plan from nothing, so the ratio says what the memo saves on this machine at this moment.
 */
import { buildPlan, createRunMemo } from '../../core/plan';
import { validateDesign, type Design, type DesignInput } from '../../core/model';

export interface ReplanFigures {
  wholeMs: number;
  wholeCpuMs: number;
  /** Per run, in order. */
  wallMs: number[];
  cpuMs: number[];
  /** Runs simulated again by the last re-plan. */
  simulated: number;
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export function validated(input: DesignInput): Design {
  const checked = validateDesign(input);
  if (!checked.ok) throw new Error(`bench design is invalid: ${JSON.stringify(checked.problems.slice(0, 3))}`);
  return checked.value;
}

/** A component no other component calls on (a leaf), the fourth such in the design's order. */
export function leafOf(design: Design): Design['components'][number] {
  const callers = new Set(design.connections.map((c) => c.from));
  const leaves = design.components.filter((c) => !callers.has(c.id));
  const leaf = leaves[Math.min(3, leaves.length - 1)];
  if (!leaf) throw new Error('the design has no leaf');
  return leaf;
}

export function measureReplan(
  design: Design,
  edit: (design: Design, run: number) => Design,
  runs: number,
): ReplanFigures {
  let t = performance.now();
  let c = cpuNow();
  buildPlan(design);
  const wholeMs = performance.now() - t;
  const wholeCpuMs = cpuNow() - c;
  const memo = createRunMemo();
  buildPlan(design, { memo });
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  let simulated = 0;
  const set = memo.runs.set.bind(memo.runs);
  memo.runs.set = (key, value) => {
    simulated++;
    return set(key, value);
  };
  for (let run = 0; run < runs; run++) {
    const edited = edit(design, run);
    simulated = 0;
    t = performance.now();
    c = cpuNow();
    buildPlan(edited, { memo });
    wallMs.push(performance.now() - t);
    cpuMs.push(cpuNow() - c);
  }
  return { wholeMs, wholeCpuMs, wallMs, cpuMs, simulated };
}

/** The component `id` with `change` applied. */
export function withComponent(
  design: Design,
  id: string,
  change: (c: Design['components'][number]) => Partial<Design['components'][number]>,
): Design {
  return { ...design, components: design.components.map((c) => (c.id === id ? { ...c, ...change(c) } : c)) };
}
