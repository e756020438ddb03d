import { describe, expect, it } from 'vitest';
import { workloadSchema } from '../model/design';
import { classifySeries, classifyText } from './classify';
import { drawSeries, type KnownWorkload as Case } from '../testing/series-fixture';

const CASES: [string, Case][] = [
  ['static', { pattern: 'static', baseRps: 50, noise: 0.15 }],
  [
    'daily peak',
    { pattern: 'periodic', baseRps: 20, peakRps: 200, periodHours: 24, peakHours: 3, peakStartHour: 18, noise: 0.1 },
  ],
  [
    'six-hourly batch',
    { pattern: 'periodic', baseRps: 10, peakRps: 50, periodHours: 6, peakHours: 1, peakStartHour: 2, noise: 0.1 },
  ],
  [
    'one launch',
    { pattern: 'once-in-a-lifetime', baseRps: 30, peakRps: 600, peakHours: 6, peakStartHour: 300, noise: 0.1 },
  ],
  [
    'a two-day sale',
    { pattern: 'once-in-a-lifetime', baseRps: 30, peakRps: 120, peakHours: 48, peakStartHour: 400, noise: 0.1 },
  ],
  ['random spikes', { pattern: 'unpredictable', baseRps: 40, peakRps: 400, spikesPerWeek: 8, noise: 0.1 }],
  ['growth', { pattern: 'continuously-changing', baseRps: 40, growthPerMonth: 0.5, noise: 0.1 }],
  ['decline', { pattern: 'continuously-changing', baseRps: 100, growthPerMonth: -0.3, noise: 0.1 }],
];

/** Within 15 % (values near zero: 0.15 absolute; times: also within one step, their resolution). */
function expectClose(actual: number | undefined, expected: number, what: string, stepHours = 0) {
  expect(actual, what).toBeDefined();
  const tolerance = Math.max(0.15 * Math.max(Math.abs(expected), 1), stepHours);
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

describe('classifySeries on synthetic series with known answers', () => {
  for (const stepMinutes of [1, 5, 60]) {
    for (const [name, spec] of CASES) {
      it(`${name} at ${stepMinutes}-minute steps`, () => {
        const series = drawSeries(spec, stepMinutes === 60 ? 90 : 30, stepMinutes, 11);
        const r = classifySeries(series);
        if (!r.ok) throw new Error(JSON.stringify(r.problems));
        const { pattern, confidence, ambiguous, workload } = r.value;
        expect(pattern).toBe(spec.pattern);
        expect(ambiguous).toBe(false);
        expect(confidence).toBeGreaterThan(0.6);
        expect(workloadSchema.safeParse(workload).success).toBe(true);
        expectClose(workload.baseRps, spec.baseRps, 'baseRps');
        if (spec.peakRps !== undefined) expectClose(workload.peakRps, spec.peakRps, 'peakRps');
        if (spec.spikesPerWeek !== undefined) {
          // The generator draws a Poisson number of spikes: 35 to 100 of them vary by 10-17 % alone.
          expect(Math.abs(workload.spikesPerWeek! / spec.spikesPerWeek - 1)).toBeLessThan(0.3);
        }
        if (spec.periodHours !== undefined) {
          expectClose(workload.periodHours, spec.periodHours, 'periodHours');
          expectClose(workload.peakHours, spec.peakHours as number, 'peakHours', stepMinutes / 60);
          expectClose(workload.peakStartHour, spec.peakStartHour as number, 'peakStartHour', stepMinutes / 60);
        }
        if (spec.pattern === 'once-in-a-lifetime') {
          expectClose(workload.peakHours, spec.peakHours as number, 'peakHours', stepMinutes / 60);
          expectClose(workload.peakStartHour, spec.peakStartHour as number, 'peakStartHour', stepMinutes / 60);
        }
        if (spec.growthPerMonth !== undefined)
          expectClose(workload.growthPerMonth, spec.growthPerMonth, 'growthPerMonth');
        expectClose(workload.noise, spec.noise, 'noise');
      });
    }
  }

  it('finds a weekly cycle given enough weeks, and says it is unsure with only four', () => {
    const spec: Case = {
      pattern: 'periodic',
      baseRps: 100,
      peakRps: 180,
      periodHours: 168,
      peakHours: 40,
      peakStartHour: 30,
      noise: 0.15,
    };
    const long = classifySeries(drawSeries(spec, 90, 60, 3));
    const short = classifySeries(drawSeries(spec, 30, 5, 3));
    if (!long.ok || !short.ok) throw new Error('expected results');
    expect(long.value.pattern).toBe('periodic');
    expect(long.value.workload.periodHours).toBe(168);
    expect(short.value.ambiguous).toBe(true);
    expect([short.value.pattern, short.value.runnerUp.pattern]).toContain('periodic');
  });

  it('is deterministic', () => {
    const series = drawSeries(CASES[5]![1], 30, 5, 5);
    expect(JSON.stringify(classifySeries(series))).toBe(JSON.stringify(classifySeries(series)));
  });

  it('converts per-minute and per-interval values to rps', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `${1_700_000_000 + i * 300},${600 + (i % 2)}`).join('\n');
    const perMinute = classifyText(`timestamp,value\n${rows}`, { per: 'minute' });
    const perInterval = classifyText(`timestamp,value\n${rows}`, { per: 'interval' });
    if (!perMinute.ok || !perInterval.ok) throw new Error('expected results');
    expect(perMinute.value.workload.baseRps).toBeCloseTo(10, 0);
    expect(perInterval.value.workload.baseRps).toBeCloseTo(2, 0);
    expect(perMinute.value.evidence.stepMinutes).toBe(5);
  });

  it('fills gaps and reports their share', () => {
    const series = drawSeries(CASES[1]![1], 30, 5, 2);
    const keep = (_: number, i: number) => i < 2000 || i > 2600;
    const r = classifySeries({ t: series.t.filter(keep), v: series.v.filter(keep) });
    if (!r.ok) throw new Error('expected a result');
    expect(r.value.pattern).toBe('periodic');
    expect(r.value.evidence.gapShare).toBeCloseTo(600 / 8640, 2);
  });

  it('refuses too few points and a step that makes a huge grid', () => {
    const few = classifyText('timestamp,value\n2019-01-01,1\n2019-01-02,2\n2019-01-03,3\n');
    expect(few.ok ? [] : few.problems.map((p) => p.message)).toEqual([
      '3 points are too few to recognise a pattern; give at least 8',
    ]);
    const huge = classifyText('timestamp,value\n2000-01-01,1\n2019-01-02,2\n', { stepMinutes: 1 });
    expect(huge.ok ? '' : huge.problems[0]!.message).toMatch(/more than 2000000; give a larger --step-minutes/);
  });
});
