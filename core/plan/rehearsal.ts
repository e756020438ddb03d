/**
 * An edit nobody made, for a worker to warm its code with while the author reads a plan. V8 compiles
 * the engine's code lazily and optimises a function only after it has run a while: in a fresh plan
 * worker a leaf edit of the 500-component canvas design took 300–550 ms for its first five edits and
 * 130–190 ms from the tenth on (Chromium, each edit a new value, 2026-12-07); Node, likewise, 300 ms
 * then 70–120. A plan of the same design from the memo runs the decision but simulates nothing and
 * changes nothing, which does not warm an edit's path; a plan with one leaf changed does, as a real
 * edit would: that leaf's runs, its options and its callers' in context, the joint choice re-solved.
 *
 * The component changed is a leaf (one that calls nothing, so only its own runs change; any component
 * in a design without one), a different one each round, its CPU time a sixty-fourth longer: every
 * leaf's fingerprint holds its CPU time, so its runs are simulated again.
 */
import type { Design } from '../model/design';

export function rehearsalEdit(design: Design, round: number): Design | null {
  const callers = new Set(design.connections.map((c) => c.from));
  const leaves = design.components.filter((c) => !callers.has(c.id));
  const pool = leaves.length > 0 ? leaves : design.components;
  const target = pool[round % Math.max(1, pool.length)];
  if (!target) return null;
  return {
    ...design,
    components: design.components.map((c) =>
      c === target ? { ...c, demand: { ...c.demand, cpuMs: c.demand.cpuMs * (1 + 1 / 64) } } : c,
    ),
  };
}
