import { describe, expect, it } from 'vitest';
import type { PlanSeries } from '@/core/plan';
import { decodeSeries, encodeSeries } from './series-codec';

const series = (values: number[]) => ({
  demand: Float32Array.from(values),
  capacity: Float32Array.from(values.map((v) => v * 2)),
  latencyMs: Float32Array.from(values.map((v) => v / 3)),
  dropped: Float32Array.from(values.map(() => 0)),
  sloMinutes: Float32Array.from(values.map((v) => (v > 1 ? Number.NaN : Infinity))),
});

describe('the chart series codec', () => {
  it('gives back the very floats it was given, NaN and Infinity included, also from parsed JSON', () => {
    const values = Array.from({ length: 40_000 }, (_, i) => Math.sin(i) * 1e6 + 1 / (i + 1));
    const original = {
      pointMinutes: 60,
      components: { web: { static: series(values), 'elastic-vm': series([0.1, 2.5]) } },
    } as unknown as PlanSeries;
    const text = encodeSeries(original);
    expect(text.length).toBeLessThan(values.length * 4 * 5 * 1.4 + 1000);
    for (const decoded of [decodeSeries(text), decodeSeries(JSON.parse(text) as never)]) {
      expect(decoded.pointMinutes).toBe(60);
      const web = decoded.components.web!;
      expect(web.static.demand).toEqual(original.components.web!.static.demand);
      expect(web.static.sloMinutes).toEqual(original.components.web!.static.sloMinutes);
      expect(Array.from(web['elastic-vm'].latencyMs)).toEqual(Array.from(Float32Array.from([0.1 / 3, 2.5 / 3])));
    }
  });

  it('refuses bytes that are not whole floats', () => {
    const broken = JSON.stringify({
      pointMinutes: 60,
      components: { a: { static: { demand: btoa('abc'), capacity: '', latencyMs: '', dropped: '', sloMinutes: '' } } },
    });
    expect(() => decodeSeries(broken)).toThrow(/not a whole number of 32-bit floats/);
  });
});
