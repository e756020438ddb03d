/**
 * The elastic-VM and burst step loops serve most steps by shortcuts: a step that is one evaluation
 * period with no boot or scheduled action in it (a burst's: with the base alone and no overflow) skips
 * the stretch loop's bookkeeping, and a run of steps in which nothing arrives is taken at once (in the
 * static model's loop too). Each shortcut claims the same sums in the same order as the loop, so a run
 * with them must be the run without them (`stretchesOnly`, `stepByStep`) to the bit: figures, chart
 * series, instance-hours.
 */
import { describe, expect, it } from 'vitest';
import type { Environments } from '../model/design';
import { defaultEnvironments, makeContext, makeLoad } from '../testing/load-fixture';
import type { ComponentLoad } from './component-load';
import { simulateBurst } from './simulate-burst';
import { simulateStatic } from './simulate-static';
import { simulateVm } from './simulate-vm';

/** A seeded uniform stream (an LCG: the loads only need to be varied and reproducible). */
function uniforms(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const DAYS = 2;

interface Case {
  name: string;
  stepMinutes: number;
  vm: Partial<Environments['vm']>;
  detectionMinutes?: number;
  load: (steps: number, stepMinutes: number) => ComponentLoad;
}

/** Busy hours with quiet gaps between them, noisy, some of them over what a few instances serve. */
function gappy(seed: number, peak: number, extra: Partial<ComponentLoad> = {}) {
  return (steps: number, stepMinutes: number) => {
    const u = uniforms(seed);
    return makeLoad(
      (i) => {
        const hour = Math.floor((i * stepMinutes) / 60);
        if (hour % 5 === 1 || hour % 7 === 3) return 0;
        return (hour % 6 === 4 ? peak : peak / 8) * (0.7 + 0.6 * u());
      },
      steps,
      extra,
    );
  };
}

/** The asynchronous half of a load's requests. */
function halfAsync(make: (steps: number, stepMinutes: number) => ComponentLoad) {
  return (steps: number, stepMinutes: number) => {
    const load = make(steps, stepMinutes);
    return { ...load, async: load.total.map((v, i) => (i % 3 === 0 ? v : v / 2)) };
  };
}

const CASES: Case[] = [
  { name: 'nothing arrives', stepMinutes: 1, vm: {}, load: (steps) => makeLoad(() => 0, steps) },
  {
    name: 'nothing arrives, no minimum',
    stepMinutes: 5,
    vm: { minInstances: 0 },
    load: (steps) => makeLoad(() => 0, steps),
  },
  { name: 'quiet gaps, 1-minute steps', stepMinutes: 1, vm: {}, load: gappy(1, 120, { sloMs: 120 }) },
  {
    name: 'quiet gaps, no minimum, instant boots',
    stepMinutes: 1,
    vm: { minInstances: 0, bootSeconds: 0, cooldownSeconds: 0 },
    load: gappy(2, 60, { sloMs: 200 }),
  },
  {
    name: '30 s periods at 1-minute steps',
    stepMinutes: 1,
    vm: { evaluationSeconds: 30, bootSeconds: 45 },
    load: gappy(3, 90, { sloMs: 150 }),
  },
  {
    name: '1-minute periods at 5-minute steps',
    stepMinutes: 5,
    vm: { cooldownSeconds: 120 },
    load: gappy(4, 200, { sloMs: 150 }),
  },
  {
    name: 'an overload with a short timeout',
    stepMinutes: 1,
    vm: { maxInstances: 2, vcpu: 1 },
    detectionMinutes: 2,
    load: gappy(5, 400, { timeoutMs: 600, sloMs: 300 }),
  },
  {
    name: 'half of it messages',
    stepMinutes: 1,
    vm: { maxInstances: 4 },
    detectionMinutes: 0,
    load: halfAsync(gappy(6, 150, { sloMs: 250 })),
  },
  {
    name: 'planned peaks',
    stepMinutes: 1,
    vm: { minInstances: 0 },
    load: gappy(7, 100, {
      sloMs: 300,
      planned: [
        { startSeconds: 5 * 3600, endSeconds: 7 * 3600, peakRps: 110 },
        { startSeconds: 30 * 3600 + 90, endSeconds: 31 * 3600, peakRps: 60 },
      ],
    }),
  },
  {
    // Boots that end between whole seconds, after short peaks: stretches, pay and the quiet cell
    // off whole numbers when the quiet steps come (the one-by-one sums of the runs of them).
    name: 'short peaks, boots of 77.3 s',
    stepMinutes: 1,
    vm: { bootSeconds: 77.3, cooldownSeconds: 0 },
    detectionMinutes: 1,
    load: (steps) => {
      const u = uniforms(8);
      return makeLoad(
        (i) => (i % 240 < 200 ? (i % 240 < 100 ? 0 : 0.004 * u()) : i % 240 < 204 ? 90 * u() : 0),
        steps,
        {
          sloMs: 400,
          // Launched at a time between whole seconds: the instance-seconds paid are not whole after it.
          planned: [{ startSeconds: 3 * 3600 + 210.7, endSeconds: 3 * 3600 + 400, peakRps: 90 }],
        },
      );
    },
  },
];

/**
 * Each case at 1-minute steps again at 5-minute steps (the default simulation): a step of several
 * evaluation periods, where the burst's dormant periods and the elastic VM's steady ones are served
 * by loops of their own.
 */
const CASES_AT_5_MINUTES: Case[] = [
  ...CASES.filter((c) => c.stepMinutes === 1).map((c) => ({
    ...c,
    name: `${c.name}, at 5-minute steps`,
    stepMinutes: 5,
  })),
  // Periods that do not divide the step: steps that end between datapoints.
  {
    name: '90 s periods at 5-minute steps',
    stepMinutes: 5,
    vm: { evaluationSeconds: 90, cooldownSeconds: 120 },
    load: gappy(9, 150, { sloMs: 200 }),
  },
  {
    name: '45 s periods, boots of 77.3 s, half of it messages, at 5-minute steps',
    stepMinutes: 5,
    vm: { evaluationSeconds: 45, bootSeconds: 77.3, maxInstances: 6 },
    detectionMinutes: 2,
    load: halfAsync(gappy(10, 180, { sloMs: 250 })),
  },
];

function contextOf(c: Case) {
  const env = defaultEnvironments();
  const steps = (DAYS * 24 * 60) / c.stepMinutes;
  return makeContext(steps, c.stepMinutes, {
    ...env,
    vm: { ...env.vm, ...c.vm },
    trafficManager: {
      ...env.trafficManager,
      detectionMinutes: c.detectionMinutes ?? env.trafficManager.detectionMinutes,
    },
  });
}

/** Everything a run reports, exactly (JSON writes each double so that it reads back the same). */
function exactly(run: { stats: { finish(): unknown; series: unknown } }, rest: object): string {
  return JSON.stringify({ figures: run.stats.finish(), series: run.stats.series, ...rest }, (_, v: unknown) =>
    v instanceof Float32Array ? Array.from(v) : v,
  );
}

describe('the step loops’ shortcuts serve as the stretch loop does', () => {
  for (const c of [...CASES, ...CASES_AT_5_MINUTES]) {
    it(`elastic VM: ${c.name}`, () => {
      const ctx = contextOf(c);
      const load = c.load(ctx.steps, c.stepMinutes);
      const fast = simulateVm(load, ctx);
      const slow = simulateVm(load, ctx, undefined, true);
      expect(exactly(fast, { ...fast, stats: null })).toBe(exactly(slow, { ...slow, stats: null }));
    });

    it(`static: ${c.name}`, () => {
      const ctx = contextOf(c);
      const load = c.load(ctx.steps, c.stepMinutes);
      for (const cores of [1, 4]) {
        const fast = simulateStatic(load, ctx, cores);
        const slow = simulateStatic(load, ctx, cores, undefined, true);
        expect(exactly(fast, { ...fast, stats: null })).toBe(exactly(slow, { ...slow, stats: null }));
      }
    });

    it(`burst: ${c.name}`, () => {
      const ctx = contextOf(c);
      const load = c.load(ctx.steps, c.stepMinutes);
      for (const base of [0, 1, 3]) {
        const fast = simulateBurst(load, ctx, base);
        const slow = simulateBurst(load, ctx, base, undefined, true);
        expect(exactly(fast, { ...fast, stats: null })).toBe(exactly(slow, { ...slow, stats: null }));
      }
    });
  }

  it('scales and bursts in the cases that overflow (the shortcuts are not all there is)', () => {
    const c = CASES.find((x) => x.name === 'an overload with a short timeout') as Case;
    const ctx = contextOf(c);
    const load = c.load(ctx.steps, c.stepMinutes);
    const run = simulateBurst(load, ctx, 1);
    expect(run.cloudServed).toBeGreaterThan(0);
    expect(run.instanceHours).toBeGreaterThan(0);
    const vm = simulateVm(load, ctx);
    expect(vm.peakInstances).toBe(2);
    expect(vm.stats.finish().droppedRequests).toBeGreaterThan(0);
  });
});
