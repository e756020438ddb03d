/**
 * A re-plan through WhatIf, which re-simulates only what a change touches, is the plan buildPlan
 * makes of the changed design from scratch: same placements, same options' figures, same totals.
 */
import { describe, expect, it } from 'vitest';
import { cloudBursting, hybridBackend } from '../examples';
import { validDesign } from '../testing/design-fixture';
import { buildPlan } from './build-plan';
import { decidePlan } from './decide-plan';
import { setParameter } from './set-parameter';
import { WhatIf } from './what-if';

describe('WhatIf', () => {
  const backend = validDesign(hybridBackend);
  const whatIf = new WhatIf(backend);

  it('plans the unchanged design as buildPlan does', () => {
    const { plan } = buildPlan(backend);
    expect(whatIf.basePlan()).toEqual(plan);
  });

  it.each([
    ['environments.vm.hourlyPrice', 0.03],
    ['environments.static.coreMonthlyCost', 45],
    ['environments.functions.gbSecondPrice', 0.00005],
    ['components[3].workload.peakRps', 90],
    ['components[0].workload.baseRps', 12],
    ['components[5].demand.cpuMs', 300],
    ['components[1].latencySloMs', 60],
    ['simulation.seed', 99],
  ] as const)('re-plans %s = %f as buildPlan plans the changed design', (parameter, value) => {
    const changed = whatIf.factsWith(parameter, value);
    const reused = decidePlan(changed.design, changed.facts, whatIf.horizonMinutes);
    const { plan } = buildPlan(setParameter(backend, parameter, value));
    expect(reused).toEqual(plan);
    expect(whatIf.assignmentWith(parameter, value)).toEqual(
      new Map(plan.placements.map((p) => [p.componentId, p.placement])),
    );
  });

  it('re-simulates a workload change downstream only, a price change nothing it can bill again', () => {
    const shop = new WhatIf(validDesign(cloudBursting));
    const before = shop.resimulated;
    shop.factsWith('components[2].latencySloMs', 200); // the cart alone
    expect(shop.resimulated - before).toBe(1);
    shop.factsWith('components[0].workload.peakRps', 700); // the web tier and all it calls
    expect(shop.resimulated - before).toBe(1 + 4);
    shop.factsWith('environments.functions.gbSecondPrice', 0.00002); // billed again
    expect(shop.resimulated - before).toBe(1 + 4);
    expect(shop.randomComponents()).toEqual(new Set(['web', 'catalog', 'cart', 'shop-db']));
  });
});
