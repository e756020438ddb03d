import { describe, expect, it } from 'vitest';
import { validateDesign } from '../model/validate';
import { defaultEnvironments, makeContext, makeLoad } from '../testing/load-fixture';
import { PlannedClock, ScheduleCursor, scheduleActions } from './planned-scaling';
import { propagateDemand } from './propagate-demand';
import { simulateBurst } from './simulate-burst';
import { simulateVm } from './simulate-vm';

describe('scheduled actions for planned peaks', () => {
  it('raises the minimum a boot ahead of each peak, keeps the larger where they overlap, restores it after', () => {
    const peaks = [
      { startSeconds: 1000, endSeconds: 2000, peakRps: 10 },
      { startSeconds: 1500, endSeconds: 3000, peakRps: 30 },
      { startSeconds: 100, endSeconds: 200, peakRps: 5 },
    ];
    // Worked by hand with a lead of 120 s and one instance per 10 req/s (rounded up).
    const actions = scheduleActions(peaks, 120, (rps) => Math.ceil(rps / 10));
    expect(actions).toEqual([
      { at: 0, min: 1 }, // 100 − 120 is before the horizon: at once
      { at: 200, min: null },
      { at: 880, min: 1 },
      { at: 1380, min: 3 },
      { at: 3000, min: null },
    ]);
    expect(scheduleActions(undefined, 120, () => 1)).toEqual([]);
  });

  it('tells whether a time is inside a planned peak and when the next one starts, merging overlaps', () => {
    const clock = new PlannedClock([
      { startSeconds: 500, endSeconds: 900, peakRps: 1 },
      { startSeconds: 100, endSeconds: 300, peakRps: 1 },
      { startSeconds: 250, endSeconds: 400, peakRps: 1 },
    ]);
    expect(clock.inside(50)).toBe(false);
    expect(clock.nextStartAfter(50)).toBe(100);
    expect(clock.inside(350)).toBe(true); // 100–400 after merging
    expect(clock.nextStartAfter(350)).toBe(500);
    expect(clock.inside(450)).toBe(false);
    expect(clock.inside(899)).toBe(true);
    expect(clock.inside(900)).toBe(false);
    expect(clock.nextStartAfter(900)).toBe(Number.POSITIVE_INFINITY);
  });

  it('says when its answers may next change: the first start or end after a time', () => {
    const peaks = [
      { startSeconds: 500, endSeconds: 900, peakRps: 1 },
      { startSeconds: 100, endSeconds: 300, peakRps: 1 },
      { startSeconds: 250, endSeconds: 400, peakRps: 1 },
    ];
    const clock = new PlannedClock(peaks);
    expect(clock.nextChangeAfter(0)).toBe(100);
    expect(clock.nextChangeAfter(100)).toBe(400); // inside 100–400 after merging
    expect(clock.nextChangeAfter(450)).toBe(500);
    expect(clock.nextChangeAfter(500)).toBe(900);
    expect(clock.nextChangeAfter(900)).toBe(Number.POSITIVE_INFINITY);
    // Between one change and the next, a fresh clock answers as at the first time (as simulateBurst
    // relies on): every time from 0 to 1,000 s in steps of 0.25 s.
    const walked = new PlannedClock(peaks);
    let holdsUntil = Number.NEGATIVE_INFINITY;
    let inside = false;
    let next = Number.POSITIVE_INFINITY;
    for (let t = 0; t <= 1000; t += 0.25) {
      if (t >= holdsUntil) {
        inside = walked.inside(t + 1e-9);
        next = walked.nextStartAfter(t);
        holdsUntil = walked.nextChangeAfter(t + 1e-9) - 1e-6;
      }
      const fresh = new PlannedClock(peaks);
      expect([inside, next]).toEqual([fresh.inside(t + 1e-9), fresh.nextStartAfter(t)]);
    }
  });
});

describe('a schedule walked along the clock', () => {
  it('applies each action once, in order, when its time comes, and says when the next is due', () => {
    const cursor = new ScheduleCursor([
      { at: 100, min: 4 },
      { at: 100, min: 6 },
      { at: 400, min: null },
    ]);
    const seen: [number, number | null][] = [];
    const scaler = { setMinimum: (t: number, min: number | null) => void seen.push([t, min]) };
    cursor.applyDue(0, scaler);
    expect(seen).toEqual([]);
    expect(cursor.nextAt()).toBe(100);
    cursor.applyDue(100, scaler);
    cursor.applyDue(250, scaler);
    expect(seen).toEqual([
      [100, 4],
      [100, 6],
    ]);
    expect(cursor.nextAt()).toBe(400);
    cursor.applyDue(1000, scaler);
    expect(seen.at(-1)).toEqual([1000, null]);
    expect(cursor.nextAt()).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('capacity planned for a known peak', () => {
  // 60 minutes at 20 req/s, then a sale of 60 minutes at 400 req/s (50 ms each: 20 busy cores), then calm.
  const steps = 180;
  const rps = (i: number) => (i >= 60 && i < 120 ? 400 : 20);
  const sale = { startSeconds: 3600, endSeconds: 7200, peakRps: 400 };

  it('VMs: the reactive autoscaler drops requests at a sudden sale; the scheduled one has booted for it', () => {
    const ctx = makeContext(steps);
    const reactive = simulateVm(makeLoad(rps, steps), ctx);
    const planned = simulateVm(makeLoad(rps, steps, { planned: [sale] }), ctx);
    expect(reactive.stats.finish().droppedRequests).toBeGreaterThan(1000);
    expect(planned.stats.finish().droppedRequests).toBe(0);
    // 20 busy cores at the 2-vCPU default and its target utilisation, held from a boot before the sale to its end.
    const env = defaultEnvironments();
    const needed = Math.ceil(20 / (env.vm.vcpu * env.vm.targetUtilization));
    expect(planned.peakInstances).toBeGreaterThanOrEqual(needed);
    expect(planned.instanceHours).toBeGreaterThanOrEqual((needed * (3600 + env.vm.bootSeconds)) / 3600 - 1e-9);
  });

  it('burst: the traffic manager sends the planned overflow to booted cloud instances from the first second', () => {
    const ctx = makeContext(steps);
    const reactive = simulateBurst(makeLoad(rps, steps), ctx, 2).stats.finish();
    const planned = simulateBurst(makeLoad(rps, steps, { planned: [sale] }), ctx, 2).stats.finish();
    expect(reactive.droppedRequests).toBeGreaterThan(1000);
    expect(planned.droppedRequests).toBe(0);
  });

  it('a generated sale and a daily peak are planned, for callees too; unpredictable spikes are not', () => {
    const design = validateDesign({
      format: 'tidemark.design',
      version: 1,
      name: 'planned',
      simulation: { days: 3, stepMinutes: 5, seed: 1 },
      components: [
        {
          id: 'shop',
          name: 'Shop',
          kind: 'ui',
          workload: { pattern: 'once-in-a-lifetime', baseRps: 10, peakRps: 200, peakHours: 6, peakStartHour: 30 },
          demand: { cpuMs: 10 },
        },
        {
          id: 'daily',
          name: 'Daily',
          kind: 'service',
          workload: { pattern: 'periodic', baseRps: 5, peakRps: 50, periodHours: 24, peakHours: 2, peakStartHour: 12 },
          demand: { cpuMs: 10 },
        },
        {
          id: 'spiky',
          name: 'Spiky',
          kind: 'service',
          workload: { pattern: 'unpredictable', baseRps: 5, peakRps: 50, spikesPerWeek: 5 },
          demand: { cpuMs: 10 },
        },
        { id: 'db', name: 'DB', kind: 'database', demand: { cpuMs: 1 } },
      ],
      connections: [{ id: 'c1', from: 'shop', to: 'db', mode: 'sync', callsPerRequest: 2 }],
    });
    if (!design.ok) throw new Error(JSON.stringify(design.problems));
    const demand = propagateDemand(design.value);
    expect(demand.get('shop')?.load.planned).toEqual([
      { startSeconds: 30 * 3600, endSeconds: 36 * 3600, peakRps: 200 },
    ]);
    // The callee sees the sale at twice its caller's rate.
    expect(demand.get('db')?.load.planned).toEqual([{ startSeconds: 30 * 3600, endSeconds: 36 * 3600, peakRps: 400 }]);
    // Daily at noon for three days, and the one that began the day before the horizon (clipped away).
    expect(demand.get('daily')?.load.planned?.map((p) => p.startSeconds / 3600)).toEqual([12, 36, 60]);
    expect(demand.get('spiky')?.load.planned).toEqual([]);
  });
});
