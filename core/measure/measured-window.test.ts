import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workloadSchema } from '../model/design';
import { fittedWorkload } from './attach-measured';
import { classifySeries } from './classify';
import {
  checkScaling,
  checkWindow,
  defaultWindow,
  placeInWindow,
  scaleFactor,
  scaleSeries,
  seriesPeak,
  seriesSpanHours,
  sliceSeries,
} from './measured-window';
import { parseSeries } from './parse-series';
import type { Series } from './parse-series-order';

const HOUR = 3_600_000;

/** Hourly points: `values[i]` at hour i. */
function hourly(values: number[]): Series {
  return { t: Float64Array.from(values, (_, i) => Date.UTC(2024, 0, 1) + i * HOUR), v: Float64Array.from(values) };
}

describe('windows of a measured series', () => {
  const series = hourly(Array.from({ length: 24 * 10 }, (_, i) => (i === 24 * 7 ? 500 : 10)));

  it('knows its span and its peak', () => {
    expect(seriesSpanHours(series)).toBe(240);
    expect(seriesPeak(series, 'second')).toEqual({ rps: 500, hour: 168 });
    expect(seriesPeak(series, 'interval').rps).toBeCloseTo(500 / 3600, 6);
  });

  it('takes the whole series when it fits the horizon, else a horizon-long window holding the peak', () => {
    expect(defaultWindow(series, 24 * 30)).toEqual({ startHour: 0, hours: 240 });
    const w = defaultWindow(series, 72);
    expect(w.hours).toBe(72);
    expect(w.startHour).toBeLessThanOrEqual(168);
    expect(w.startHour + w.hours).toBeGreaterThan(168);
    // Never past the series' end.
    const late = hourly(Array.from({ length: 100 }, (_, i) => (i === 99 ? 50 : 1)));
    expect(defaultWindow(late, 48)).toEqual({ startHour: 52, hours: 48 });
  });

  it('slices the points inside the window', () => {
    const part = sliceSeries(series, { startHour: 160, hours: 10 });
    expect(part.t.length).toBe(10);
    expect(Math.max(...part.v)).toBe(500);
    expect(checkWindow(series, { startHour: 160, hours: 10 })).toBeNull();
    expect(checkWindow(series, { startHour: 300, hours: 10 })).toMatch(/ends after 10 days/);
    expect(checkWindow(series, { startHour: 0, hours: 0 })).toMatch(/longer than 0/);
  });
});

describe('scaling to one’s own traffic', () => {
  it('multiplies every value by a factor, or by what brings the peak to a target', () => {
    expect(scaleFactor({ kind: 'measured' }, 500)).toBe(1);
    expect(scaleFactor({ kind: 'factor', factor: 2.5 }, 500)).toBe(2.5);
    expect(scaleFactor({ kind: 'peak', peakRps: 50 }, 500)).toBe(0.1);
    const scaled = scaleSeries(hourly([1, 2, 4]), 3);
    expect([...scaled.v]).toEqual([3, 6, 12]);
  });

  it('refuses a factor or a peak that cannot be meant', () => {
    expect(checkScaling({ kind: 'factor', factor: 0 })).toMatch(/greater than 0/);
    expect(checkScaling({ kind: 'factor', factor: Number.NaN })).toMatch(/greater than 0/);
    expect(checkScaling({ kind: 'factor', factor: 1e9 })).toMatch(/between/);
    expect(checkScaling({ kind: 'peak', peakRps: -5 })).toMatch(/greater than 0/);
    expect(checkScaling({ kind: 'peak', peakRps: 800 })).toBeNull();
  });
});

describe('a whole-series fit placed in the window simulated', () => {
  const w = { startHour: 100, hours: 720 };

  it('counts an occasion from the window’s start, and puts one outside at the nearer edge', () => {
    const once = {
      pattern: 'once-in-a-lifetime' as const,
      workload: {
        pattern: 'once-in-a-lifetime' as const,
        baseRps: 5,
        peakRps: 50,
        peakHours: 10,
        peakStartHour: 400,
        noise: 0,
      },
    };
    expect(placeInWindow(once, w)).toMatchObject({ outside: false, workload: { peakStartHour: 300 } });
    const early = placeInWindow({ ...once, workload: { ...once.workload, peakStartHour: 20 } }, w);
    expect(early).toMatchObject({ outside: true, workload: { peakStartHour: 0 } });
    const late = placeInWindow({ ...once, workload: { ...once.workload, peakStartHour: 5000 } }, w);
    expect(late).toMatchObject({ outside: true, workload: { peakStartHour: 710 } });
  });

  it('keeps a cycle’s phase and starts a growth at the level it has reached', () => {
    const daily = {
      pattern: 'periodic' as const,
      workload: {
        pattern: 'periodic' as const,
        baseRps: 5,
        peakRps: 50,
        periodHours: 24,
        peakHours: 4,
        peakStartHour: 18,
        noise: 0,
      },
    };
    expect(placeInWindow(daily, w).workload.peakStartHour).toBe(14); // hour 100 is 04:00: 18:00 is 14 h later
    const growth = {
      pattern: 'continuously-changing' as const,
      workload: { pattern: 'continuously-changing' as const, baseRps: 10, growthPerMonth: 1, noise: 0 },
    };
    expect(placeInWindow(growth, { startHour: 730, hours: 720 }).workload.baseRps).toBe(20);
  });
});

describe('the World Cup 98 trace, made one’s own', () => {
  const file = fileURLToPath(new URL('../../../shared/data/traces/once_wc98_full_1h.csv', import.meta.url));
  const parsed = parseSeries(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error('trace unreadable');
  const series = parsed.value;

  it('keeps the tournament’s peak in the default 30-day window, with the fitted occasion inside it', () => {
    const w = defaultWindow(series, 30 * 24, 'interval');
    expect(w.hours).toBe(720);
    const whole = seriesPeak(series, 'interval').rps;
    expect(seriesPeak(sliceSeries(series, w), 'interval').rps).toBe(whole);
    const r = classifySeries(series, { per: 'interval' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const placed = placeInWindow(r.value, w);
    expect(placed.pattern).toBe('once-in-a-lifetime');
    expect(placed.outside).toBe(false);
    expect(placed.workload.peakRps).toBeGreaterThan(whole / 2);
    expect(placed.workload.peakStartHour).toBeLessThan(720);
    // What it writes is a valid workload for a 30-day design (the peak starts inside the horizon).
    expect(workloadSchema.safeParse(fittedWorkload(placed)).success).toBe(true);
  });

  it('scaled to a 300 req/s peak, is fitted at that scale', () => {
    const factor = scaleFactor({ kind: 'peak', peakRps: 300 }, seriesPeak(series, 'interval').rps);
    const scaled = scaleSeries(series, factor);
    expect(seriesPeak(scaled, 'interval').rps).toBeCloseTo(300, 6);
    const r = classifySeries(scaled, { per: 'interval' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.pattern).toBe('once-in-a-lifetime');
    expect(r.value.workload.peakRps).toBeLessThanOrEqual(300);
    expect(r.value.workload.peakRps).toBeGreaterThan(150);
  });
});
