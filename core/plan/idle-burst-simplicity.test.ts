/**
 * R12 against a burst that sends nothing to the cloud (found by fuzzing random designs, H40): such a
 * burst is a data-centre component with an idle cloud part, so its neighbour on functions is across
 * the link from the data centre and pays R12's price for moving away, as it would next to the same
 * component on static. It did not: a burst neighbour (any cloud share) never counted as the data
 * centre, so the joint choice "split" a component with no load at all — at no saving, its bill the
 * data centre's to the cent — only to spare its neighbour that price.
 */
import { describe, expect, it } from 'vitest';
import type { DesignInput } from '../model/design';
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
