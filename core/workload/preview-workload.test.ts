import { describe, expect, it } from 'vitest';
import { workloadSchema } from '../model/design';
import { downsampleMinMax, previewHorizon, previewWorkload, PREVIEW_MAX_POINTS } from './preview-workload';

const sim = { days: 30, stepMinutes: 5 as const, seed: 1 };

describe('downsampleMinMax', () => {
  it('keeps every point of a short series', () => {
    expect(downsampleMinMax([1, 2, 3], 0.5)).toEqual([
      { hour: 0, rps: 1 },
      { hour: 0.5, rps: 2 },
      { hour: 1, rps: 3 },
    ]);
  });
  it('keeps at most the limit and every extreme, in time order', () => {
    const series = Array.from({ length: 10_007 }, (_, i) => (i === 4321 ? 999 : i === 8000 ? -5 : Math.sin(i / 50)));
    const out = downsampleMinMax(series, 1);
    expect(out.length).toBeLessThanOrEqual(PREVIEW_MAX_POINTS);
    expect(out.length).toBeGreaterThan(PREVIEW_MAX_POINTS / 2);
    expect(out).toContainEqual({ hour: 4321, rps: 999 });
    expect(out).toContainEqual({ hour: 8000, rps: -5 });
    expect(out.every((p, i) => i === 0 || p.hour > (out[i - 1]?.hour ?? -1))).toBe(true);
  });
});

describe('previewWorkload', () => {
  it('uses the simulation step when cheap and 15 minutes for long fine horizons', () => {
    expect(previewHorizon(sim)).toEqual({ days: 30, stepMinutes: 5 });
    expect(previewHorizon({ days: 90, stepMinutes: 1 })).toEqual({ days: 90, stepMinutes: 15 });
    expect(previewHorizon({ days: 90, stepMinutes: 60 })).toEqual({ days: 90, stepMinutes: 60 });
  });
  it('shows the base and every daily peak of a periodic workload', () => {
    const w = workloadSchema.parse({
      pattern: 'periodic',
      baseRps: 20,
      peakRps: 200,
      periodHours: 24,
      peakHours: 3,
      peakStartHour: 18,
    });
    const p = previewWorkload(w, sim, 'web');
    expect(p.minRps).toBeCloseTo(20);
    expect(p.maxRps).toBeCloseTo(200);
    expect(p.points.length).toBeLessThanOrEqual(PREVIEW_MAX_POINTS);
    const peakDays = new Set(p.points.filter((q) => q.rps > 190).map((q) => Math.floor(q.hour / 24)));
    expect(peakDays.size).toBe(30);
  });
  it('is deterministic for the same seed and key', () => {
    const w = workloadSchema.parse({ pattern: 'unpredictable', baseRps: 5, peakRps: 80, noise: 0.2 });
    expect(previewWorkload(w, sim, 'a')).toEqual(previewWorkload(w, sim, 'a'));
  });
});
