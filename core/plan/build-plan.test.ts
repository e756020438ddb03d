import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DESIGNS } from '../examples/index';
import type { DesignInput } from '../model/design';
import { planSchema } from '../model/plan';
import { validateDesign } from '../model/validate';
import { PlanCancelledError, buildPlan, buildPlanAsync, type PlanProgress } from './build-plan';
import { entryOf, planOf } from '../testing/design-fixture';
import { canonicalDesign, hashDesign, stringifyCanonical } from '../model/hash-design';

const example = (key: string): DesignInput => {
  const found = EXAMPLE_DESIGNS.find((e) => e.key === key);
  if (!found) throw new Error(`no example ${key}`);
  return found.design;
};
const validated = (input: DesignInput) => {
  const d = validateDesign(input);
  if (!d.ok) throw new Error('invalid');
  return d.value;
};

describe('the example designs', () => {
  it.each(EXAMPLE_DESIGNS.map((e) => [e.key, e.design] as const))(
    '%s gives a plan that matches the plan schema',
    (_key, design) => {
      const plan = planOf(design);
      expect(planSchema.safeParse(plan).success).toBe(true);
      for (const p of plan.placements) expect(p.reasons.every((r) => /^R([1-9]|1[0-2])$/.test(r.rule))).toBe(true);
    },
  );

  it('hybrid backend: the ERP and its confidential database stay on site, the nightly analytics go elastic behind the drawn queue, their data staged', () => {
    const plan = planOf(example('hybrid-backend'));
    expect(entryOf(plan, 'erp-db').placement).toBe('static');
    expect(entryOf(plan, 'erp').placement).toBe('static');
    expect(entryOf(plan, 'data-access').placement).toBe('static');
    expect(entryOf(plan, 'analytics').placement).not.toBe('static');
    // analytics-jobs already is one: no queue is added, its messages are not priced twice.
    expect(plan.wiring.flatMap((w) => w.costLines).filter((l) => l.item === 'queue-requests')).toEqual([]);
    expect(plan.wiring.find((w) => w.kind === 'data-access')?.componentIds).toEqual(['data-access']);
    expect(plan.totals.recommended.monthlyCost).toBeLessThan(plan.totals.allStatic.monthlyCost);
  });

  it('hybrid serverless: regulated and stateful parts on servers, unpredictable uploads on functions', () => {
    const plan = planOf(example('hybrid-serverless'));
    expect(entryOf(plan, 'customers-db').placement).toBe('static');
    expect(entryOf(plan, 'orders').placement).toBe('static');
    expect(entryOf(plan, 'upload-api').placement).toBe('serverless');
    expect(entryOf(plan, 'image-resize').placement).not.toBe('static');
  });

  it('cloud bursting: the web tier bursts behind a traffic manager, the confidential database stays on site', () => {
    const plan = planOf(example('cloud-bursting'));
    expect(entryOf(plan, 'web').placement).toBe('burst');
    expect(entryOf(plan, 'shop-db').placement).toBe('static');
    expect(plan.wiring.find((w) => w.kind === 'traffic-manager')?.componentIds).toEqual(['web']);
  });
});

describe('buildPlan', () => {
  const design = validated(example('cloud-bursting'));

  it('is byte-identical for the same design and seed, and reproducible from its own assumptions', () => {
    const a = JSON.stringify(buildPlan(design).plan);
    expect(JSON.stringify(buildPlan(design).plan)).toBe(a);
    const plan = planSchema.parse(JSON.parse(a));
    const again = validated({
      ...example('cloud-bursting'),
      simulation: plan.assumptions.simulation,
      environments: plan.assumptions.environments,
    });
    expect(JSON.stringify(buildPlan(again).plan)).toBe(a);
  });

  it('changes with the seed (the noise is seeded)', () => {
    const other = validated({ ...example('cloud-bursting'), simulation: { days: 30, stepMinutes: 5, seed: 4 } });
    expect(JSON.stringify(buildPlan(other).plan.placements)).not.toBe(
      JSON.stringify(buildPlan(design).plan.placements),
    );
  });

  it('hashes the canonical design: sorted keys, same hash whatever the field order', () => {
    expect(stringifyCanonical({ b: 1, a: [{ d: 2, c: undefined }, null] })).toBe('{"a":[{"d":2},null],"b":1}');
    const reordered = Object.fromEntries(Object.entries(design).reverse()) as typeof design;
    expect(hashDesign(reordered)).toBe(hashDesign(design));
    // Over the design with its environments resolved from the price book: minimal or written out alike.
    const resolved = canonicalDesign(design);
    expect(resolved.environments.vm.hourlyPrice).toBe(0.096);
    expect(hashDesign(design)).toBe(createHash('sha256').update(stringifyCanonical(resolved)).digest('hex'));
    expect(hashDesign(resolved)).toBe(hashDesign(design));
    expect(buildPlan(design).plan.design.sha256).toBe(hashDesign(design));
  });

  it('hashes each design as its canonical text, components kept from the design hashed before or not', () => {
    const canonicalHash = (d: typeof design) =>
      createHash('sha256')
        .update(stringifyCanonical(canonicalDesign(d)))
        .digest('hex');
    const [first, second, ...rest] = design.components;
    if (!first || !second) throw new Error('the example has fewer than two components');
    // One component changed, one renamed beyond ASCII, the rest with their fields in reverse order.
    const edited: typeof design = {
      ...design,
      components: [
        { ...first, demand: { ...first.demand, cpuMs: first.demand.cpuMs + 1 } },
        { ...second, name: 'Kühlhaus 𝄞' },
        ...rest.map((c) => Object.fromEntries(Object.entries(c).reverse()) as typeof c),
      ],
    };
    // A node moved, and a price set: the layout and the environments are kept whole by their text.
    const [id, at] = Object.entries(design.layout ?? {})[0] ?? ['x', { x: 0, y: 0 }];
    const moved: typeof design = { ...design, layout: { ...design.layout, [id]: { ...at, x: at.x + 1 } } };
    const priced: typeof design = {
      ...design,
      environments: { ...design.environments, static: { ...design.environments.static, coreMonthlyCost: 21 } },
    };
    hashDesign(design);
    for (const d of [edited, edited, design, { ...design, name: 'Café ☕' }, moved, priced, moved, design])
      expect(hashDesign(d)).toBe(canonicalHash(d));
    expect(hashDesign(edited)).not.toBe(hashDesign(design));
    expect(hashDesign(moved)).not.toBe(hashDesign(design));
    expect(hashDesign(priced)).not.toBe(hashDesign(design));
  });

  it('reports progress through every phase and ends with all components done', () => {
    const seen: PlanProgress[] = [];
    buildPlan(design, { onProgress: (p) => seen.push(p) });
    // The decision reports itself between its stages (decidePlanSteps), all components done.
    const deciding = Array<string>(10).fill('placement');
    expect(seen.map((p) => p.phase)).toEqual(['simulate', 'simulate', 'simulate', 'simulate', ...deciding, 'wiring']);
    expect(seen.filter((p) => p.phase === 'placement').every((p) => p.done === 4 && p.total === 4)).toBe(true);
    expect(seen.filter((p) => p.phase === 'simulate').map((p) => p.done)).toEqual([1, 2, 3, 4]);
  });

  it('stops when cancelled, and the async variant gives the same plan', async () => {
    let calls = 0;
    expect(() => buildPlan(design, { isCancelled: () => ++calls > 3 })).toThrow(PlanCancelledError);
    expect(calls).toBe(4); // three components simulated, then stopped before the fourth
    const sync = buildPlan(design).plan;
    expect((await buildPlanAsync(design, { sliceMs: 0 })).plan).toEqual(sync);
    await expect(buildPlanAsync(design, { isCancelled: () => true })).rejects.toThrow('plan cancelled');
  });

  it('keeps chart series out of the plan: four options per component, at most the asked points', () => {
    const { plan, series } = buildPlan(design, { seriesPoints: 500 });
    expect(JSON.stringify(plan)).not.toContain('latencyMs":[');
    expect(Object.keys(series.components).sort()).toEqual(design.components.map((c) => c.id).sort());
    const web = series.components.web;
    expect(Object.keys(web ?? {}).sort()).toEqual(['burst', 'elastic-vm', 'serverless', 'static']);
    expect(web?.static.demand.length).toBe(500);
    expect(series.pointMinutes).toBeCloseTo((30 * 24 * 60) / 500, 9);
    expect(Math.max(...(web?.static.demand ?? []))).toBeGreaterThan(500);
  });
});
