import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DesignInput } from '../model/design';
import { designArb } from '../testing/design-arbitrary';
import { planSchema } from '../model/plan';
import { planDesign } from './plan-design';

describe('plan properties', () => {
  it('any valid design gives finite, non-negative figures, a schema-valid plan, and the same plan twice', () => {
    fc.assert(
      fc.property(designArb, (design) => {
        const first = planDesign(design);
        if (!first.ok) throw new Error(`generated an invalid design: ${JSON.stringify(first.problems)}`);
        const plan = first.value.plan;
        expect(planSchema.safeParse(plan).success).toBe(true);
        const horizonMinutes = plan.assumptions.simulation.days * 24 * 60;
        for (const p of plan.placements) {
          for (const o of p.options) {
            // No option is over its SLO for longer than the horizon lasts.
            expect(o.sloViolationMinutes).toBeLessThanOrEqual(horizonMinutes + 1e-6);
            for (const v of [
              o.monthlyCost,
              o.meanLatencyMs,
              o.p95LatencyMs,
              o.sloViolationMinutes,
              o.droppedRequests,
            ]) {
              expect(Number.isFinite(v) && v >= 0).toBe(true);
            }
          }
        }
        const again = planDesign(design);
        expect(again.ok && JSON.stringify(again.value.plan)).toBe(JSON.stringify(plan));
      }),
      { numRuns: 40 },
    );
  });

  it('a pin is always obeyed', () => {
    fc.assert(
      fc.property(designArb, (design) => {
        const r = planDesign(design);
        if (!r.ok) return;
        design.components.forEach((c, i) => {
          if (c.pin) expect(r.value.plan.placements[i]?.placement).toBe(c.pin.placement);
        });
      }),
      { numRuns: 20 },
    );
  });

  it('any arbitrary JSON value is refused with paths, never a throw', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const r = planDesign(input);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) expect(typeof p.path).toBe('string');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a valid design with one field broken is refused at that field', () => {
    const breakers: [string, (d: DesignInput) => void][] = [
      [
        'components[0].demand.cpuMs',
        (d) => void ((d.components[0] as { demand: { cpuMs: number } }).demand.cpuMs = -1),
      ],
      ['components[0].kind', (d) => void ((d.components[0] as { kind: string }).kind = 'mainframe')],
      ['simulation.stepMinutes', (d) => void ((d.simulation as { stepMinutes: number }).stepMinutes = 7)],
      ['connections[0].to', (d) => void d.connections?.push({ id: 'bad', from: 'c0', to: 'nowhere' })],
    ];
    fc.assert(
      fc.property(designArb, fc.constantFrom(...breakers), (design, [path, breakIt]) => {
        const broken = structuredClone(design);
        broken.connections = broken.connections ?? [];
        if (path.startsWith('connections')) broken.connections = [];
        breakIt(broken);
        const r = planDesign(broken);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.problems.map((p) => p.path)).toContain(path);
      }),
      { numRuns: 40 },
    );
  });
});
