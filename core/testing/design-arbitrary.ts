/**
 * Random valid designs for property tests: up to `maxComponents` components of every kind, pattern,
 * data class and pin, connected forward only (never a cycle), over short horizons so a plan stays in
 * milliseconds. Not used by the engine itself.
 */
import fc from 'fast-check';
import { KINDS, PATTERNS } from '../model/design-fields';
import type { DesignInput } from '../model/design';

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

export const designArbOf = (maxComponents: number): fc.Arbitrary<DesignInput> =>
  fc
    .record({
      components: fc.array(componentArb, { minLength: 1, maxLength: maxComponents }),
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
      // A fleet that may scale in to zero as well as the default minimum (a sporadic load on none
      // once made the whole plan throw).
      vmMinInstances: fc.constantFrom(0, 1, 2),
    })
    .map(({ components, edges, days, stepMinutes, seed, vmMinInstances }): DesignInput => {
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
        environments: { vm: { minInstances: vmMinInstances } },
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

export const designArb = designArbOf(6);
