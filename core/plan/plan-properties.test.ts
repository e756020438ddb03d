import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KINDS, PATTERNS, type DesignInput } from '../model/design';
import { planSchema } from '../model/plan';
import { planDesign } from './plan-design';

/** Any valid design of up to 6 components, short horizons so that a run stays in milliseconds. */
const workloadArb = fc
  .record({
    pattern: fc.constantFrom(...PATTERNS),
    baseRps: fc.double({ min: 0, max: 200, noNaN: true }),
    lift: fc.double({ min: 0, max: 500, noNaN: true }),
    periodHours: fc.constantFrom(6, 12, 24),
    peakHours: fc.double({ min: 0.1, max: 6, noNaN: true }),
    spikesPerWeek: fc.double({ min: 0, max: 20, noNaN: true }),
    growthPerMonth: fc.double({ min: -0.9, max: 2, noNaN: true }),
    noise: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((w) => ({
    pattern: w.pattern,
    baseRps: w.baseRps,
    peakRps: w.baseRps + w.lift,
    periodHours: w.periodHours,
    peakHours: w.peakHours,
    peakStartHour: 1,
    spikesPerWeek: w.spikesPerWeek,
    growthPerMonth: w.growthPerMonth,
    noise: w.noise,
  }));

const componentArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  workload: fc.option(workloadArb, { nil: undefined }),
  cpuMs: fc.double({ min: 0.1, max: 2000, noNaN: true }),
  durationSeconds: fc.option(fc.double({ min: 0.001, max: 2000, noNaN: true }), { nil: undefined }),
  memoryMb: fc.constantFrom(128, 512, 2048),
  stateful: fc.boolean(),
  dataClass: fc.constantFrom('public', 'internal', 'confidential', 'regulated' as const),
  latencySloMs: fc.option(fc.double({ min: 1, max: 5000, noNaN: true }), { nil: undefined }),
  dataGb: fc.double({ min: 0, max: 100, noNaN: true }),
  pin: fc.option(fc.constantFrom('static', 'elastic-vm', 'serverless', 'burst' as const), { nil: undefined }),
});

const designArb = fc
  .record({
    components: fc.array(componentArb, { minLength: 1, maxLength: 6 }),
    edges: fc.array(
      fc.record({
        a: fc.nat(),
        b: fc.nat(),
        async: fc.boolean(),
        calls: fc.double({ min: 0, max: 5, noNaN: true }),
        kb: fc.double({ min: 0, max: 1000, noNaN: true }),
      }),
      { maxLength: 8 },
    ),
    days: fc.integer({ min: 1, max: 3 }),
    stepMinutes: fc.constantFrom(5, 15, 60),
    seed: fc.integer(),
  })
  .map(({ components, edges, days, stepMinutes, seed }): DesignInput => {
    const n = components.length;
    const seen = new Set<string>();
    const connections = edges.flatMap((e, i) => {
      const from = e.a % n;
      const to = e.b % n;
      if (from >= to || seen.has(`${from}-${to}`)) return []; // forward only: never a cycle
      seen.add(`${from}-${to}`);
      return [
        {
          id: `k${i}`,
          from: `c${from}`,
          to: `c${to}`,
          mode: e.async ? ('async' as const) : ('sync' as const),
          callsPerRequest: e.calls,
          payloadKb: e.kb,
        },
      ];
    });
    return {
      format: 'tidemark.design',
      version: 1,
      name: 'Generated',
      simulation: { days, stepMinutes, seed },
      components: components.map((c, i) => ({
        id: `c${i}`,
        name: `Component ${i}`,
        kind: c.kind,
        ...(c.workload ? { workload: c.workload } : {}),
        demand: {
          cpuMs: c.cpuMs,
          memoryMb: c.memoryMb,
          ...(c.durationSeconds ? { durationSeconds: c.durationSeconds } : {}),
        },
        stateful: c.stateful,
        dataClass: c.dataClass,
        ...(c.latencySloMs ? { latencySloMs: c.latencySloMs } : {}),
        dataGb: c.dataGb,
        ...(c.pin ? { pin: { placement: c.pin } } : {}),
      })),
      connections,
    };
  });

describe('plan properties', () => {
  it('any valid design gives finite, non-negative figures, a schema-valid plan, and the same plan twice', () => {
    fc.assert(
      fc.property(designArb, (design) => {
        const first = planDesign(design);
        if (!first.ok) throw new Error(`generated an invalid design: ${JSON.stringify(first.problems)}`);
        const plan = first.value.plan;
        expect(planSchema.safeParse(plan).success).toBe(true);
        for (const p of plan.placements) {
          for (const o of p.options) {
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
