import { describe, expect, it } from 'vitest';
import { EXAMPLE_DESIGNS } from '../examples';
import type { DesignInput } from '../model/design';
import { validDesign } from '../testing/design-fixture';
import { buildInsight } from './insight';

const example = (key: string) => validDesign(EXAMPLE_DESIGNS.find((e) => e.key === key)?.design as DesignInput);

describe('buildInsight', () => {
  it('with the tipping points left out, gives the ranges alone: of every placement and of the total', () => {
    const insight = buildInsight(example('hybrid-serverless'), { tippingPoints: false, seeds: 4 });
    expect(insight.plan.placements.every((p) => p.tippingPoints === undefined)).toBe(true);
    expect(insight.plan.placements.every((p) => p.ranges?.seeds === 4)).toBe(true);
    const total = insight.plan.ranges?.recommended.monthlyCost;
    expect(total).toBeDefined();
    expect(total!.p10).toBeLessThanOrEqual(total!.p50);
    expect(total!.p50).toBeLessThanOrEqual(total!.p90);
  });

  it('for one component, searches its tipping points alone', () => {
    const design = example('cloud-bursting');
    const insight = buildInsight(design, { componentIds: ['web'], seeds: 0 });
    const web = insight.plan.placements.find((p) => p.componentId === 'web');
    expect(web?.tippingPoints?.length).toBeGreaterThan(0);
    expect(insight.plan.placements.filter((p) => p.componentId !== 'web').every((p) => !p.tippingPoints)).toBe(true);
    expect(insight.plan.ranges).toBeUndefined();
  });
});
