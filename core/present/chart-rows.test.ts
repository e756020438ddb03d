import { describe, expect, it } from 'vitest';
import { chartTop, maxCapacity, niceCeil, toChartRows } from './chart-rows';

function series(demand: number[], capacity: number[]) {
  return {
    demand: Float32Array.from(demand),
    capacity: Float32Array.from(capacity),
    latencyMs: new Float32Array(demand.length),
    dropped: new Float32Array(demand.length),
    sloMinutes: new Float32Array(demand.length),
  };
}

describe('toChartRows', () => {
  it('keeps every point when there are few, with the time in days', () => {
    const rows = toChartRows(series([1, 2, 3], [5, 5, 5]), 720);
    expect(rows).toEqual([
      { day: 0, demand: 1, capacity: 5 },
      { day: 0.5, demand: 2, capacity: 5 },
      { day: 1, demand: 3, capacity: 5 },
    ]);
  });

  it('buckets many points, keeping peak demand and the lowest capacity', () => {
    const demand = Array.from({ length: 720 }, (_, i) => (i === 100 ? 50 : 1));
    const capacity = Array.from({ length: 720 }, (_, i) => (i === 101 ? 0 : 10));
    const rows = toChartRows(series(demand, capacity), 60, 240);
    expect(rows).toHaveLength(240);
    expect(rows[33]).toEqual({ day: 99 / 24, demand: 50, capacity: 0 });
    expect(Math.max(...rows.map((r) => r.demand))).toBe(50);
    expect(rows.at(-1)?.day).toBeCloseTo(717 / 24, 3);
  });

  it('gives one shared top: the demand peak and the capacities near it', () => {
    expect(chartTop([toChartRows(series([1, 9], [4, 4]), 60), toChartRows(series([2], [12]), 60)])).toBe(20);
    expect(chartTop([])).toBe(1);
  });

  it('lets a capacity far above demand run off the top', () => {
    const rows = [toChartRows(series([30, 33], [40, 40]), 60), toChartRows(series([30, 33], [65000, 65000]), 60)];
    expect(chartTop(rows)).toBe(50);
    expect(maxCapacity(rows[1] ?? [])).toBe(65000);
  });

  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 0.3, 1, 1.1, 3, 7, 120, 5000].map(niceCeil)).toEqual([1, 0.5, 1, 2, 5, 10, 200, 5000]);
  });
});
