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

  it('a fleet that may scale in to zero plans a sporadic load in numbers (it threw: NaN drops)', () => {
    // One message in 13 minutes on no instance was served as a diffusion at ρ = ∞: its drops read NaN,
    // and the joint choice, finding no option nearest the target, threw.
    const design: DesignInput = {
      format: 'tidemark.design',
      version: 1,
      name: 'Scaled to zero',
      simulation: { days: 7, stepMinutes: 1, seed: 3 },
      environments: { vm: { minInstances: 0 } },
      components: [
        {
          id: 'q',
          name: 'Queue',
          kind: 'queue',
          workload: { pattern: 'static', baseRps: 0.0013 },
          demand: { cpuMs: 5, memoryMb: 1024, timeoutMs: 12.3 },
          latencySloMs: 1,
          pin: { placement: 'elastic-vm' },
        },
      ],
    };
    const r = planDesign(design);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const vm = r.value.plan.placements[0]?.options.find((o) => o.placement === 'elastic-vm');
    expect(r.value.plan.placements[0]?.placement).toBe('elastic-vm');
    expect(Number.isFinite(vm?.droppedRequests)).toBe(true);
    // Nearly every message finds no instance and times out after 12 ms (a boot takes 120 s).
    expect(vm?.droppedRequests).toBeGreaterThan(0.9 * 0.0013 * 7 * 86400);
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
