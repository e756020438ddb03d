import { describe, expect, it } from 'vitest';
import { PATTERN_FIELDS, workloadSchema } from '../model/design';
import { describeEvidence, fittedWorkload, measuredChart, measuredWorkload, withoutTrace } from './attach-measured';
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
