import { describe, expect, it } from 'vitest';
import type { Placement } from '../model/design';
import { validateDesign } from '../model/validate';
import { buildPlan, type PlanResult } from '../plan/build-plan';
import { makeDesign } from '../testing/design-fixture';
import { recommendedUtilisationAt, utilisationAt } from './utilisation';

function fakeResult(demand: number[], capacity: number[], dropped?: number[], sloMinutes?: number[]): PlanResult {
  const s = {
    demand: Float32Array.from(demand),
    capacity: Float32Array.from(capacity),
    latencyMs: new Float32Array(demand.length),
    dropped: dropped ? Float32Array.from(dropped) : new Float32Array(demand.length),
    sloMinutes: sloMinutes ? Float32Array.from(sloMinutes) : new Float32Array(demand.length),
  };
  const components = { a: { static: s, 'elastic-vm': s, serverless: s, burst: s } as Record<Placement, typeof s> };
  const plan = { placements: [{ componentId: 'a', placement: 'serverless' }] } as unknown as PlanResult['plan'];
  return { plan, series: { pointMinutes: 60, components } };
}

describe('utilisationAt', () => {
  const result = fakeResult([0, 5, 10, 12, 3], [10, 10, 10, 10, 0]);

  it('is demand over capacity, dropping only beyond capacity', () => {
    const calm = { dropped: 0, missingSlo: false };
    expect(utilisationAt(result, 'a', 'static', 0)).toEqual({ utilisation: 0, dropping: false, ...calm });
    expect(utilisationAt(result, 'a', 'static', 1)).toEqual({ utilisation: 0.5, dropping: false, ...calm });
    expect(utilisationAt(result, 'a', 'static', 2)).toEqual({ utilisation: 1, dropping: false, ...calm });
    expect(utilisationAt(result, 'a', 'static', 3)?.dropping).toBe(true);
    expect(utilisationAt(result, 'a', 'static', 3)?.utilisation).toBeCloseTo(1.2, 5);
  });

  it('treats demand with no capacity as dropping everything', () => {
    expect(utilisationAt(result, 'a', 'static', 4)).toMatchObject({
      utilisation: Number.POSITIVE_INFINITY,
      dropping: true,
    });
  });

  it('marks a point where the engine dropped requests or missed the SLO, though its mean looks calm', () => {
    // An hour's mean demand under its mean capacity can hide ten minutes of drops within it.
    const hidden = fakeResult([5, 5, 5], [10, 10, 10], [0, 3042, 0], [0, 10, 15]);
    expect(utilisationAt(hidden, 'a', 'static', 0)).toMatchObject({ dropping: false, missingSlo: false });
    expect(utilisationAt(hidden, 'a', 'static', 1)).toMatchObject({ utilisation: 0.5, dropping: true, dropped: 3042 });
    expect(utilisationAt(hidden, 'a', 'static', 1)?.missingSlo).toBe(true);
    expect(utilisationAt(hidden, 'a', 'static', 2)).toMatchObject({ dropping: false, missingSlo: true });
  });

  it('does not mark a point whose expected SLO minutes round to none, as the plan counts them', () => {
    const faint = fakeResult([5, 5], [10, 10], [0, 0], [0.2, 0.5]);
    expect(utilisationAt(faint, 'a', 'static', 0)?.missingSlo).toBe(false);
    expect(utilisationAt(faint, 'a', 'static', 1)?.missingSlo).toBe(true);
  });

  it('is null outside the result', () => {
    expect(utilisationAt(null, 'a', 'static', 0)).toBeNull();
    expect(utilisationAt(result, 'missing', 'static', 0)).toBeNull();
    expect(utilisationAt(result, 'a', 'static', 5)).toBeNull();
    expect(utilisationAt(result, 'a', 'static', -1)).toBeNull();
    expect(utilisationAt(result, 'a', 'static', 1.5)).toBeNull();
  });

  it('reads the recommended placement of a real plan at every point', () => {
    const checked = validateDesign(
      makeDesign([
        {
          id: 'api',
          name: 'API',
          kind: 'service',
          workload: { pattern: 'periodic', baseRps: 20, peakRps: 200 },
          demand: { cpuMs: 20 },
        },
      ]),
    );
    if (!checked.ok) throw new Error('fixture invalid');
    const real = buildPlan(checked.value, { seriesPoints: 48 });
    const points = real.series.components.api?.static.demand.length ?? 0;
    expect(points).toBe(48);
    for (let i = 0; i < points; i++) {
      const u = recommendedUtilisationAt(real, 'api', i);
      expect(u).not.toBeNull();
      expect(u?.utilisation).toBeGreaterThanOrEqual(0);
    }
    expect(recommendedUtilisationAt(real, 'api', points)).toBeNull();
  });
});
