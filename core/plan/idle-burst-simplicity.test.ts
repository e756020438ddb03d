/**
 * R12 and a burst next to components on functions (found by fuzzing random designs, H40): a burst is
 * a data-centre base with cloud overflow, so its neighbour on functions is across the link from the
 * data centre and pays R12's price for moving away, as it would next to the same component on static.
 * It did not: a burst neighbour never counted as the data centre, so the joint choice "split" a
 * component — one with no load at all, at no saving, its bill the data centre's to the cent; one
 * sending 0.4 % of its requests to the cloud at 30 % more than static — only to spare its neighbour
 * that price, and said so in a reason that contradicted itself.
 */
import { describe, expect, it } from 'vitest';
import type { DesignInput } from '../model/design';
import type { Plan } from '../model/plan';
import { planDesign } from './plan-design';

const design: DesignInput = {
  format: 'tidemark.design',
  version: 1,
  name: 'Idle burst',
  simulation: { days: 1, stepMinutes: 15, seed: 915957 },
  components: [
    // No load of its own and no caller: nothing it could send to the cloud.
    { id: 'c1', name: 'Comp 1', kind: 'service', demand: { cpuMs: 81.81 }, dataClass: 'confidential' },
    {
      id: 'c2',
      name: 'Comp 2',
      kind: 'storage',
      demand: { cpuMs: 1.592 },
      workload: { pattern: 'static', baseRps: 2.738 },
    },
    { id: 'c3', name: 'Comp 3', kind: 'queue', demand: { cpuMs: 3201.935 } },
  ],
  connections: [
    { id: 'k0', from: 'c1', to: 'c3' },
    { id: 'k1', from: 'c2', to: 'c3' },
  ],
};

describe('R12: a burst with nothing in the cloud is not a split', () => {
  it('keeps an idle component in the data centre when bursting saves nothing', () => {
    const r = planDesign(design);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const plan = r.value.plan;
    const c1 = plan.placements.find((p) => p.componentId === 'c1');
    const cost = (pl: string) => c1?.options.find((o) => o.placement === pl)?.monthlyCost;
    // Same bill either way: the burst's cloud part holds no instance and serves no request.
    expect(cost('burst')).toBe(cost('static'));
    expect(c1?.placement).toBe('static');
    // The bill of the plan is what it was: only the split that saved nothing is gone.
    expect(plan.totals.recommended.monthlyCost).toBe(61.13);
  });
});

/** Comp 9, called ten times a request by a queue on functions, is cheapest in the data centre. */
const smallShare: DesignInput = {
  format: 'tidemark.design',
  version: 1,
  name: 'Burst with a sliver in the cloud',
  simulation: { days: 1, stepMinutes: 15, seed: 117145 },
  components: [
    {
      id: 'c0',
      name: 'Comp 0',
      kind: 'storage',
      demand: { cpuMs: 602.627 },
      workload: { pattern: 'continuously-changing', baseRps: 16.114 },
    },
    {
      id: 'c1',
      name: 'Comp 1',
      kind: 'queue',
      demand: { cpuMs: 1417.405 },
      workload: { pattern: 'once-in-a-lifetime', baseRps: 0.183, peakRps: 10.182 },
    },
    { id: 'c9', name: 'Comp 9', kind: 'batch', demand: { cpuMs: 3.177 }, dataClass: 'confidential' },
  ],
  connections: [
    { id: 'k4', from: 'c1', to: 'c9', callsPerRequest: 10 },
    { id: 'k8', from: 'c0', to: 'c1' },
  ],
};

/** R12's "would save … (P % of its cost here) … must save at least M %" reasons, as [P, M]. */
function savingsQuoted(plan: Plan): [number, number][] {
  return plan.placements.flatMap((p) =>
    p.reasons.flatMap((r) => {
      const m = /\((\d+(?:\.\d+)?) % of its cost here\).*must save at least (\d+(?:\.\d+)?) %/.exec(r.text);
      return r.rule === 'R12' && m ? [[Number(m[1]), Number(m[2])] as [number, number]] : [];
    }),
  );
}

describe('R12: a burst next to functions is across the link from them', () => {
  it('does not split a component at a higher bill to spare its neighbours the price of moving away', () => {
    const r = planDesign(smallShare);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const plan = r.value.plan;
    const c9 = plan.placements.find((p) => p.componentId === 'c9');
    const option = (pl: string) => c9?.options.find((o) => o.placement === pl);
    // The premise: static is cheaper by more than the margin, with no more SLO minutes or drops.
    const [burst, stat] = [option('burst'), option('static')];
    if (!burst || !stat) throw new Error('c9 has no burst or static option');
    expect(stat.monthlyCost).toBeLessThan(burst.monthlyCost * 0.9);
    expect(stat.sloViolationMinutes).toBeLessThanOrEqual(burst.sloViolationMinutes);
    expect(c9?.placement).toBe('static');
  });

  it('never says a move saves more than the margin and is not taken for it', () => {
    for (const input of [design, smallShare]) {
      const r = planDesign(input);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      for (const [saved, margin] of savingsQuoted(r.value.plan)) expect(saved).toBeLessThan(margin);
    }
  });
});
