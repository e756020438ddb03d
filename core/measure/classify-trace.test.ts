import { describe, expect, it } from 'vitest';
import { traceSchema } from '../model/design';
import { buildTrace, guessRateUnit } from './classify-trace';

const at = (i: number, stepSeconds: number) => Date.UTC(2024, 0, 1) + i * stepSeconds * 1000;
const series = (n: number, stepSeconds: number, value: (i: number) => number) => ({
  t: Float64Array.from({ length: n }, (_, i) => at(i, stepSeconds)),
  v: Float64Array.from({ length: n }, (_, i) => value(i)),
});

describe('guessRateUnit', () => {
  it('takes whole numbers at minute steps for counts per interval, fractions for rates', () => {
    expect(guessRateUnit(series(10, 300, (i) => 100 + i))).toBe('interval');
    expect(guessRateUnit(series(10, 300, (i) => 1.5 + i))).toBe('second');
    expect(guessRateUnit(series(10, 10, (i) => i))).toBe('second');
  });
});

describe('buildTrace', () => {
  it('keeps whole-minute steps and converts to rps', () => {
    const r = buildTrace(
      series(12, 300, () => 600),
      { per: 'interval' },
    );
    if (!r.ok) throw new Error('expected a trace');
    expect(r.value).toEqual({ stepMinutes: 5, rps: Array(12).fill(2) });
    expect(traceSchema.safeParse(r.value).success).toBe(true);
  });

  it('averages ten-second data into minutes', () => {
    const r = buildTrace(series(60, 10, (i) => (i % 6) * 2));
    if (!r.ok) throw new Error('expected a trace');
    expect(r.value.stepMinutes).toBe(1);
    expect(r.value.rps).toEqual(Array(10).fill(5));
  });

  it('coarsens a series longer than a year of minutes until it fits', () => {
    const r = buildTrace(series(600_000, 60, () => 1));
    if (!r.ok) throw new Error('expected a trace');
    expect(r.value.stepMinutes).toBe(2);
    expect(traceSchema.safeParse(r.value).success).toBe(true);
  });
});
