import { describe, expect, it } from 'vitest';
import { resolveWorkload } from '../model/design-fields';
import { countSteps, generateWorkload } from './generate-workload';

const horizon = { days: 30, stepMinutes: 5 };
const max = (s: Float64Array) => s.reduce((m, v) => Math.max(m, v), -Infinity);
const min = (s: Float64Array) => s.reduce((m, v) => Math.min(m, v), Infinity);
const hourOf = (i: number) => (i * horizon.stepMinutes) / 60;

describe('workload generators', () => {
  it('has one value per step of the horizon', () => {
    const s = generateWorkload(resolveWorkload({ pattern: 'static', baseRps: 5 }), horizon, 1);
    expect(s.length).toBe(countSteps(horizon));
    expect(s.length).toBe(8640);
  });

  it('static is flat at baseRps', () => {
    const s = generateWorkload(resolveWorkload({ pattern: 'static', baseRps: 12 }), horizon, 1);
    expect(min(s)).toBe(12);
    expect(max(s)).toBe(12);
  });

  it('periodic has baseRps as floor, reaches peakRps, and peaks recur every periodHours at peakStartHour', () => {
    const w = resolveWorkload({
      pattern: 'periodic',
      baseRps: 10,
      peakRps: 100,
      periodHours: 24,
      peakHours: 4,
      peakStartHour: 18,
    });
    const s = generateWorkload(w, horizon, 1);
    expect(min(s)).toBe(10);
    expect(max(s)).toBe(100);
    const peakHours = new Set<number>();
    s.forEach((v, i) => {
      if (v === 100) peakHours.add(Math.floor(hourOf(i)) % 24);
    });
    expect([...peakHours].every((h) => h >= 18 && h < 22)).toBe(true);
    const days = new Set<number>();
    s.forEach((v, i) => {
      if (v === 100) days.add(Math.floor(hourOf(i) / 24));
    });
    expect(days.size).toBe(30);
  });

  it('once-in-a-lifetime has exactly one peak, at peakStartHour', () => {
    const w = resolveWorkload({
      pattern: 'once-in-a-lifetime',
      baseRps: 40,
      peakRps: 600,
      peakHours: 12,
      peakStartHour: 272,
    });
    const s = generateWorkload(w, horizon, 1);
    const above = [...s.keys()].filter((i) => (s[i] as number) > 40);
    expect(max(s)).toBe(600);
    expect(hourOf(above[0] as number)).toBeGreaterThanOrEqual(271.9);
    expect(hourOf(above[above.length - 1] as number)).toBeLessThan(284);
    expect(min(s)).toBe(40);
  });

  it('unpredictable spikes are random in time, reach peakRps, and number about spikesPerWeek', () => {
    const w = resolveWorkload({ pattern: 'unpredictable', baseRps: 1, peakRps: 50, spikesPerWeek: 3 });
    const counts: number[] = [];
    const firstSpike: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const s = generateWorkload(w, horizon, seed);
      expect(max(s)).toBeCloseTo(50, 6);
      expect(min(s)).toBe(1);
      let spikes = 0;
      s.forEach((v, i) => {
        if (v > 1 && (i === 0 || (s[i - 1] as number) <= 1)) spikes++;
      });
      counts.push(spikes);
      firstSpike.push(s.findIndex((v) => v > 1));
    }
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeGreaterThan(3 * (30 / 7) * 0.6);
    expect(mean).toBeLessThan(3 * (30 / 7) * 1.4);
    expect(new Set(firstSpike).size).toBeGreaterThan(10);
  });

  it('continuously-changing compounds growthPerMonth', () => {
    const w = resolveWorkload({ pattern: 'continuously-changing', baseRps: 100, growthPerMonth: 0.2 });
    const s = generateWorkload(w, { days: 90, stepMinutes: 60 }, 1);
    expect(s[0]).toBe(100);
    expect(s[730] as number).toBeCloseTo(120, 6);
    expect(s[1460] as number).toBeCloseTo(144, 6);
    const decline = generateWorkload(
      resolveWorkload({ pattern: 'continuously-changing', baseRps: 100, growthPerMonth: -0.5 }),
      { days: 90, stepMinutes: 60 },
      1,
    );
    expect(decline[730] as number).toBeCloseTo(50, 6);
  });

  it('a trace repeats to fill the horizon and is averaged to a longer step', () => {
    const w = resolveWorkload({ pattern: 'static', baseRps: 0, trace: { stepMinutes: 5, rps: [1, 3, 5] } });
    const s = generateWorkload(w, { days: 1, stepMinutes: 5 }, 1);
    expect([...s.slice(0, 7)]).toEqual([1, 3, 5, 1, 3, 5, 1]);
    const coarse = generateWorkload(w, { days: 1, stepMinutes: 15 }, 1);
    expect(coarse[0]).toBe(3);
  });

  it('a trace is replayed as measured: its fitted pattern’s noise, kept for when it is removed, is not laid on it', () => {
    const trace = { stepMinutes: 5, rps: [1, 3, 5] };
    const w = resolveWorkload({ pattern: 'unpredictable', baseRps: 1, peakRps: 5, noise: 0.72, trace });
    const s = generateWorkload(w, { days: 1, stepMinutes: 5 }, 1, 'web');
    expect([...s.slice(0, 6)]).toEqual([1, 3, 5, 1, 3, 5]);
    expect(max(s)).toBe(5);
  });

  it('noise stays within ±noise and is deterministic for a seed, different across seeds', () => {
    const w = resolveWorkload({ pattern: 'static', baseRps: 100, noise: 0.2 });
    const a = generateWorkload(w, horizon, 42, 'web');
    const b = generateWorkload(w, horizon, 42, 'web');
    const c = generateWorkload(w, horizon, 43, 'web');
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(min(a)).toBeGreaterThanOrEqual(80);
    expect(max(a)).toBeLessThanOrEqual(120);
    expect(max(a) - min(a)).toBeGreaterThan(30);
  });
});
