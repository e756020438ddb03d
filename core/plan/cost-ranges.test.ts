/**
 * Cost ranges over seeds: a component whose load no seed changes has one value for every figure; a
 * component with unpredictable spikes and noise has ordered percentiles that actually spread, and its
 * recommended option's median is near the single plan's cost.
 */
import { describe, expect, it } from 'vitest';
import { hybridServerless } from '../examples';
import type { DesignInput } from '../model/design';
import { makeDesign, SPIKY_SERVICE, validDesign } from '../testing/design-fixture';
import { findCostRanges, percentile, rangeSeeds } from './cost-ranges';

const design = validDesign(
  makeDesign([
    {
      id: 'steady',
      name: 'Steady',
      kind: 'service',
      workload: { pattern: 'static', baseRps: 20 },
      demand: { cpuMs: 20 },
    },
    SPIKY_SERVICE,
  ]),
);

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect([percentile(xs, 0.1), percentile(xs, 0.5), percentile(xs, 0.9)]).toEqual([1, 5, 9]);
    expect(percentile([7], 0.9)).toBe(7);
  });
});

describe('cost ranges', () => {
  it('seeds start with the design’s own and are distinct', () => {
    const seeds = rangeSeeds(5, 12);
    expect(seeds[0]).toBe(5);
    expect(new Set(seeds).size).toBe(12);
  });

  it('a load without randomness has one value; a random one spreads around the single plan', () => {
    const plan = findCostRanges(design, 12);
    const steady = plan.placements.find((p) => p.componentId === 'steady');
    expect(steady?.ranges?.isRandom).toBe(false);
    expect(steady?.ranges?.seeds).toBe(12);
    expect(steady?.ranges?.differentShare).toBe(0);
    expect(steady?.ranges?.options).toHaveLength(4);
    for (const o of steady?.ranges?.options ?? []) {
      for (const s of [o.monthlyCost, o.sloViolationMinutes, o.droppedRequests]) {
        expect(s.p10).toBe(s.p50);
        expect(s.p50).toBe(s.p90);
      }
      expect(o.monthlyCost.p50).toBe(steady?.options.find((x) => x.placement === o.placement)?.monthlyCost);
    }
    const spiky = plan.placements.find((p) => p.componentId === 'spiky');
    const ranges = spiky?.ranges;
    expect(ranges?.isRandom).toBe(true);
    for (const o of ranges?.options ?? []) {
      for (const s of [o.monthlyCost, o.sloViolationMinutes, o.droppedRequests]) {
        expect(s.p10).toBeLessThanOrEqual(s.p50);
        expect(s.p50).toBeLessThanOrEqual(s.p90);
      }
    }
    // Functions are billed per invocation: where the spikes fall and how noisy they are moves the bill.
    const fn = ranges?.options.find((o) => o.placement === 'serverless');
    expect(fn?.monthlyCost.p90).toBeGreaterThan(fn?.monthlyCost.p10 ?? Infinity);
    const chosen = ranges?.options.find((o) => o.placement === spiky?.placement);
    const single = spiky?.options.find((o) => o.placement === spiky.placement)?.monthlyCost ?? 0;
    expect(Math.abs((chosen?.monthlyCost.p50 ?? 0) - single)).toBeLessThanOrEqual(0.2 * single);
    expect(Object.values(ranges?.recommended ?? {}).reduce((a, b) => a + b, 0)).toBe(12);
    const total = plan.ranges?.recommended.monthlyCost;
    expect(plan.ranges?.seeds).toBe(12);
    expect(total?.p10).toBeLessThanOrEqual(total?.p50 ?? -1);
    expect(total?.p50).toBeLessThanOrEqual(total?.p90 ?? -1);
    const planned = plan.totals.recommended.monthlyCost;
    expect(Math.abs((total?.p50 ?? 0) - planned)).toBeLessThanOrEqual(0.2 * planned);
  });

  it('a design without randomness has its single plan’s total at every percentile', () => {
    const steadyOnly = validDesign(makeDesign([design.components[0] as DesignInput['components'][number]]));
    const plan = findCostRanges(steadyOnly, 5);
    const { monthlyCost, sloViolationMinutes } = plan.ranges?.recommended ?? {};
    expect([monthlyCost?.p10, monthlyCost?.p50, monthlyCost?.p90]).toEqual(
      Array(3).fill(plan.totals.recommended.monthlyCost),
    );
    expect(sloViolationMinutes?.p90).toBe(plan.totals.recommended.sloViolationMinutes);
    expect(plan.placements[0]?.ranges?.isRandom).toBe(false);
  });

  it('the hybrid serverless example: the upload pipeline’s ranges, the regulated database never moves', () => {
    const plan = findCostRanges(validDesign(hybridServerless), 8);
    const upload = plan.placements.find((p) => p.componentId === 'upload-api');
    expect(upload?.ranges?.isRandom).toBe(true);
    const db = plan.placements.find((p) => p.componentId === 'customers-db');
    // Its callers' load is noisy (the storefront's noise reaches it through the orders).
    expect(db?.ranges?.isRandom).toBe(true);
    expect(db?.ranges?.differentShare).toBe(0);
    for (const entry of plan.placements) {
      for (const o of entry.ranges?.options ?? []) {
        expect(o.monthlyCost.p10).toBeLessThanOrEqual(o.monthlyCost.p50);
        expect(o.monthlyCost.p50).toBeLessThanOrEqual(o.monthlyCost.p90);
      }
    }
  });
});
