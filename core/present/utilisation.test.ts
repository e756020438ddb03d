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

  it('is demand over capacity; beyond capacity it drops only what the engine counted as dropped', () => {
    const calm = { dropped: 0, missingSlo: false };
    expect(utilisationAt(result, 'a', 'static', 0)).toEqual({ utilisation: 0, dropping: false, ...calm });
    expect(utilisationAt(result, 'a', 'static', 1)).toEqual({ utilisation: 0.5, dropping: false, ...calm });
    expect(utilisationAt(result, 'a', 'static', 2)).toEqual({ utilisation: 1, dropping: false, ...calm });
    // 120 % of capacity with nothing dropped: work that queues (async) and is served later.
    expect(utilisationAt(result, 'a', 'static', 3)).toMatchObject({ dropping: false, dropped: 0 });
    expect(utilisationAt(result, 'a', 'static', 3)?.utilisation).toBeCloseTo(1.2, 5);
    const refused = fakeResult([12], [10], [7200]);
    expect(utilisationAt(refused, 'a', 'static', 0)).toMatchObject({ dropping: true, dropped: 7200 });
  });

  it('treats demand with no capacity as infinitely busy, dropping what the engine dropped', () => {
    expect(utilisationAt(result, 'a', 'static', 4)).toMatchObject({
      utilisation: Number.POSITIVE_INFINITY,
      dropping: false,
    });
    const refused = fakeResult([3], [0], [10_800]);
    expect(utilisationAt(refused, 'a', 'static', 0)).toMatchObject({
      utilisation: Number.POSITIVE_INFINITY,
      dropping: true,
    });
  });

  it('never marks drops on a component fed only by async work, however far its demand exceeds capacity', () => {
    // A worker behind a queue, pinned to one core: 4-40 msg/s at 100 ms CPU each needs 0.4-4 cores, so
    // the afternoons queue beyond capacity; messages never time out, so the plan drops none.
    const checked = validateDesign(
      makeDesign(
        [
          {
            id: 'api',
            name: 'API',
            kind: 'service',
            workload: { pattern: 'periodic', baseRps: 4, peakRps: 40 },
            demand: { cpuMs: 5 },
          },
          {
            id: 'worker',
            name: 'Worker',
            kind: 'processing',
            demand: { cpuMs: 100 },
            pin: { placement: 'static', cores: 1 },
          },
        ],
        { connections: [{ id: 'c1', from: 'api', to: 'worker', mode: 'async' }] },
      ),
    );
    if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('; '));
    const real = buildPlan(checked.value, { seriesPoints: 168 });
    const worker = real.plan.placements.find((p) => p.componentId === 'worker');
    expect(worker?.placement).toBe('static');
    expect(worker?.options.find((o) => o.placement === 'static')?.droppedRequests).toBe(0);
    const points = real.series.components.worker?.static.demand.length ?? 0;
    let overloaded = 0;
    for (let i = 0; i < points; i++) {
      const u = utilisationAt(real, 'worker', 'static', i);
      if ((u?.utilisation ?? 0) > 1.5) overloaded++;
      expect(u?.dropping).toBe(false);
    }
    expect(overloaded).toBeGreaterThan(0);
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
