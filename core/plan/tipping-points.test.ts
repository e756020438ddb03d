/**
 * Every reported tipping point is true: the design re-planned from scratch (buildPlan, no reuse) with
 * the parameter just beyond flipsAt gives `to` for that component, and just before it does not. On
 * the three examples and on small generated designs of several seeds.
 */
import { describe, expect, it } from 'vitest';
import { generateBenchDesign } from '../../bench/generate-bench-design';
import { EXAMPLE_DESIGNS } from '../examples';
import type { Design, DesignInput } from '../model/design';
import { makeDesign, validDesign } from '../testing/design-fixture';
import { buildPlan } from './build-plan';
import { readParameter, setParameter } from './set-parameter';
import { findTippingPoints, PROBE, RANGE, type TippingPoint } from './tipping-points';

/** The placement buildPlan gives `id` with `parameter` at `value` (the changed design validated first). */
function placementWith(design: Design, parameter: string, value: number, id: string): string | undefined {
  const changed = validDesign(setParameter(design, parameter, value));
  return buildPlan(changed, { seriesPoints: 24 }).plan.placements.find((p) => p.componentId === id)?.placement;
}

function expectTrue(design: Design, id: string, point: TippingPoint): void {
  const sign = point.direction === 'above' ? 1 : -1;
  const where = `${id}: ${point.parameter} ${point.direction} ${point.flipsAt}`;
  expect(placementWith(design, point.parameter, point.flipsAt * (1 + sign * PROBE), id), where).toBe(point.to);
  expect(placementWith(design, point.parameter, point.flipsAt * (1 - sign * PROBE), id), where).not.toBe(point.to);
}

function checkEvery(design: Design): number {
  const { plan } = findTippingPoints(design);
  let n = 0;
  for (const entry of plan.placements) {
    expect(entry.tippingPoints).toBeDefined();
    for (const point of entry.tippingPoints ?? []) {
      // Within the searched range, on the side its direction says, and a placement other than today's.
      const today = point.parameter.startsWith('environments.') ? point.value : readParameter(design, point.parameter);
      expect(point.value).toBe(today);
      expect(point.to).not.toBe(entry.placement);
      if (point.direction === 'above') {
        expect(point.flipsAt).toBeGreaterThan(point.value);
        expect(point.flipsAt).toBeLessThanOrEqual(point.value * RANGE);
      } else {
        expect(point.flipsAt).toBeLessThan(point.value);
        expect(point.flipsAt).toBeGreaterThanOrEqual(point.value / RANGE);
      }
      expectTrue(design, entry.componentId, point);
      n++;
    }
  }
  return n;
}

describe('setParameter', () => {
  it('changes one number by its path and leaves the design it came from alone', () => {
    const design = validDesign(EXAMPLE_DESIGNS[2]?.design as DesignInput);
    const changed = setParameter(design, 'components[0].workload.peakRps', 900);
    expect(readParameter(changed, 'components[0].workload.peakRps')).toBe(900);
    expect(readParameter(design, 'components[0].workload.peakRps')).toBe(600);
    expect(changed.components[1]).toBe(design.components[1]);
    const priced = setParameter(design, 'environments.vm.hourlyPrice', 0.2);
    expect(priced.environments.vm.hourlyPrice).toBe(0.2);
    expect(design.environments.vm.hourlyPrice).toBeUndefined();
  });
});

describe('tipping points', () => {
  it.each(EXAMPLE_DESIGNS.map((e) => [e.key, e.design] as const))(
    'every tipping point of the %s example re-plans true',
    (_key, input) => {
      expect(checkEvery(validDesign(input))).toBeGreaterThan(0);
    },
    240_000,
  );

  it.each([1, 2, 3])(
    'every tipping point of a generated design (seed %i) re-plans true',
    (seed) => {
      const input = generateBenchDesign(6, 8, seed);
      expect(checkEvery(validDesign({ ...input, simulation: { days: 7, stepMinutes: 5, seed } }))).toBeGreaterThan(0);
    },
    240_000,
  );

  it('finds where a service leaves the data centre; a regulated store has none and costs no re-plan', () => {
    // One core-month for $16 against VMs at $0.096 an hour: a small steady load stays on site.
    const design = validDesign(
      makeDesign(
        [
          {
            id: 'api',
            name: 'API',
            kind: 'service',
            workload: { pattern: 'periodic', baseRps: 5, peakRps: 40, periodHours: 24, peakHours: 2 },
            demand: { cpuMs: 20 },
            latencySloMs: 2000,
          },
          { id: 'db', name: 'DB', kind: 'database', demand: { cpuMs: 5 }, stateful: true, dataClass: 'regulated' },
        ],
        // Unconnected: a call across the link ($36.50 a month) would keep the API beside its store.
        {},
      ),
    );
    const { plan } = findTippingPoints(design);
    const db = plan.placements.find((p) => p.componentId === 'db');
    // Regulated data never leaves the data centre (R5): no input within the range moves it.
    expect(db?.placement).toBe('static');
    expect(db?.tippingPoints).toEqual([]);
    const api = plan.placements.find((p) => p.componentId === 'api');
    // Heavier requests need more reserved cores: somewhere the cloud becomes the cheaper home.
    const heavier = api?.tippingPoints?.find((t) => t.parameter === 'components[0].demand.cpuMs');
    expect(heavier?.direction).toBe('above');
    expect(heavier?.to).not.toBe('static');
    for (const point of api?.tippingPoints ?? []) expectTrue(design, 'api', point);
    // Searching only the store: the API's placement carries no field (not searched), no re-plan is made.
    const only = findTippingPoints(design, { componentIds: ['db'], prices: false });
    expect(only.plan.placements.find((p) => p.componentId === 'api')?.tippingPoints).toBeUndefined();
    expect(only.plan.placements.find((p) => p.componentId === 'db')?.tippingPoints).toEqual([]);
    expect(only.replans).toBe(0);
  });
});
