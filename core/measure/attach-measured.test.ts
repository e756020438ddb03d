import { describe, expect, it } from 'vitest';
import { PATTERN_FIELDS } from '../model/design-fields';
import { workloadSchema } from '../model/design';
import {
  describeEvidence,
  fittedWorkload,
  fittedWorkloadFor,
  measuredChart,
  measuredWorkload,
  withoutTrace,
} from './attach-measured';
import { classifySeries, type Classification } from './classify';
import { buildTrace } from './classify-trace';
import { drawSeries } from '../testing/series-fixture';

const periodic = drawSeries(
  { pattern: 'periodic', baseRps: 20, peakRps: 200, periodHours: 24, peakHours: 4, peakStartHour: 18, noise: 0.02 },
  28,
  15,
  7,
);

function classified(): Classification {
  const r = classifySeries(periodic, { per: 'second' });
  if (!r.ok) throw new Error(r.problems[0]?.message);
  return r.value;
}

describe('fittedWorkload', () => {
  it('keeps only the fields the pattern uses, plus base and noise', () => {
    const c = classified();
    expect(c.pattern).toBe('periodic');
    const w = fittedWorkload(c);
    expect(Object.keys(w).sort()).toEqual(['baseRps', 'noise', 'pattern', ...PATTERN_FIELDS.periodic].sort());
    expect(w.trace).toBeUndefined();
  });

  it('drops fields a static fit might carry', () => {
    const w = fittedWorkload({
      pattern: 'static',
      workload: { pattern: 'static', baseRps: 5, peakRps: 9, periodHours: 24, noise: 0.1 },
    });
    expect(w).toEqual({ pattern: 'static', baseRps: 5, noise: 0.1 });
  });
});

describe('measuredWorkload and withoutTrace', () => {
  it('attaches the trace with the fitted pattern, and removing it gives back the fit', () => {
    const c = classified();
    const trace = buildTrace(periodic, { per: 'second' });
    if (!trace.ok) throw new Error('no trace');
    const w = measuredWorkload(c, trace.value);
    expect(w.pattern).toBe('periodic');
    expect(w.trace).toEqual(trace.value);
    expect(withoutTrace(w)).toEqual(fittedWorkload(c));
  });

  it('gives a peak-less pattern the trace’s top as its peak, so the result stays valid', () => {
    const w = workloadSchema.parse({
      pattern: 'periodic',
      baseRps: 10,
      trace: { stepMinutes: 60, rps: [4, 10, 40, 12] },
    });
    const plain = withoutTrace(w);
    expect(plain.trace).toBeUndefined();
    expect(plain).toMatchObject({ pattern: 'periodic', baseRps: 4, peakRps: 40 });
    expect(workloadSchema.safeParse(plain).success).toBe(true);
  });
});

describe('measuredChart', () => {
  it('pairs the measured series with the fitted curve in at most 1,000 points', () => {
    const c = classified();
    const points = measuredChart(periodic, c, { per: 'second' });
    expect(points.length).toBeGreaterThan(500);
    expect(points.length).toBeLessThanOrEqual(1000);
    const hours = points.map((p) => p.hour);
    expect(hours).toEqual([...hours].sort((a, b) => a - b));
    const top = Math.max(...points.map((p) => p.measured));
    const fitTop = Math.max(...points.map((p) => p.fitted));
    expect(fitTop).toBeGreaterThan(top * 0.7);
    expect(fitTop).toBeLessThan(top * 1.3);
  });

  it('converts counts per interval to req/s', () => {
    const t = Float64Array.from({ length: 20 }, (_, i) => Date.UTC(2024, 0, 1) + i * 300_000);
    const v = new Float64Array(20).fill(600);
    const points = measuredChart(
      { t, v },
      { pattern: 'static', workload: { pattern: 'static', baseRps: 2, noise: 0 } },
      { per: 'interval' },
    );
    expect(points).toHaveLength(20);
    expect(points.every((p) => p.measured === 2 && p.fitted === 2)).toBe(true);
  });
});

describe('describeEvidence', () => {
  it('names the period, the spread and the busiest window in figures', () => {
    const text = describeEvidence(classified()).join(' ');
    expect(text).toMatch(/Repeats every 24 h/);
    expect(text).toMatch(/points every 15 min over 28 days/);
    expect(text).toMatch(/of the volume/);
  });
});

describe('fittedWorkloadFor', () => {
  it('places the World Cup 98 final inside a 30-day horizon, keeping its height and length', async () => {
    const { readFileSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const { classifyText } = await import('./classify');
    const { designSchema } = await import('../model/design');
    const file = fileURLToPath(new URL('../../../shared/data/traces/once_wc98_full_1h.csv', import.meta.url));
    const r = classifyText(readFileSync(file, 'utf8'), { per: 'interval' });
    if (!r.ok) throw new Error(r.problems[0]?.message);
    expect(r.value.pattern).toBe('once-in-a-lifetime');
    const raw = fittedWorkload(r.value);
    expect(raw.peakStartHour).toBeGreaterThan(720); // as measured: after a 30-day horizon ends
    const { workload, note } = fittedWorkloadFor(r.value, 720);
    expect(workload.peakStartHour).toBeLessThan(720);
    expect(workload.peakStartHour! + workload.peakHours!).toBeLessThanOrEqual(720);
    expect([workload.peakRps, workload.peakHours, workload.baseRps]).toEqual([raw.peakRps, raw.peakHours, raw.baseRps]);
    expect(note).toMatch(
      /^The measured peak came at hour 1,341 of 87 days; it starts at hour \d+ of this design's 30-day horizon\.$/,
    );
    // What the editor writes is a design the schema accepts.
    const design = {
      format: 'tidemark.design',
      version: 1,
      name: 'WC98',
      components: [{ id: 'web', name: 'Web', kind: 'ui', demand: { cpuMs: 5 }, workload }],
    };
    expect(designSchema.safeParse(design).success).toBe(true);
    expect(
      designSchema.safeParse({ ...design, components: [{ ...design.components[0], workload: raw }] }).success,
    ).toBe(false);
  });

  it('leaves a fit that already fits alone, and shortens an event longer than half the horizon', () => {
    const c = { pattern: 'once-in-a-lifetime' as const, evidence: { spanDays: 10 } as Classification['evidence'] };
    const event = (peakHours: number, peakStartHour: number) => ({
      ...c,
      workload: { pattern: 'once-in-a-lifetime' as const, baseRps: 1, peakRps: 5, peakHours, peakStartHour, noise: 0 },
    });
    const fits = event(10, 50);
    expect(fittedWorkloadFor(fits, 240)).toEqual({ workload: fittedWorkload(fits) });
    const long = event(200, 30);
    const out = fittedWorkloadFor(long, 48);
    expect(out.workload).toMatchObject({ peakHours: 24 });
    expect(out.workload.peakStartHour! + 24).toBeLessThanOrEqual(48);
    expect(out.note).toMatch(/lasting 24 h instead of 200 h\.$/);
  });
});
