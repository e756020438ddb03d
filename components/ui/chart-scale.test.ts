import { describe, expect, it } from 'vitest';
import { linear, nearestIndex, niceTicks, pathOf } from './chart-scale';

describe('niceTicks', () => {
  it('round steps from 0 to at or above the maximum, the top near it', () => {
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(97)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(2320)).toEqual([0, 600, 1200, 1800, 2400]);
    expect(niceTicks(0.3)).toEqual([0, 0.08, 0.16, 0.24, 0.32]);
    expect(niceTicks(580)).toEqual([0, 150, 300, 450, 600]);
    expect(niceTicks(7, 3)).toEqual([0, 4, 8]);
  });

  it('gives a usable axis for an empty or flat series', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
    expect(niceTicks(1e-7)).toEqual([0, 2.5e-8, 5e-8, 7.5e-8, 1e-7]);
  });

  it('always ends at or above the maximum, below 1.5 times it, with 2 to count + 1 ticks', () => {
    for (let i = 0; i < 500; i++) {
      const max = 10 ** (i / 50 - 4) * (1 + (i % 7) / 10);
      const ticks = niceTicks(max);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max * (1 - 1e-9));
      expect(ticks.at(-1)).toBeLessThan(max * 1.5);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('pathOf', () => {
  const sx = linear(0, 10, 0, 100);
  const sy = linear(0, 4, 40, 0);
  it('draws straight segments or steps through the points', () => {
    expect(pathOf([0, 5, 10], [0, 2, 4], sx, sy, 'linear')).toBe('M0,40L50,20L100,0');
    expect(pathOf([0, 5, 10], [0, 2, 4], sx, sy, 'step')).toBe('M0,40H50V20H100V0');
  });
  it('closes an area down to its base', () => {
    expect(pathOf([0, 10], [4, 4], sx, sy, 'linear', 40)).toBe('M0,0L100,0L100,40L0,40Z');
  });
  it('draws nothing without points', () => {
    expect(pathOf([], [], sx, sy, 'linear')).toBe('');
  });
});

describe('nearestIndex', () => {
  it('finds the nearest x by bisection', () => {
    const xs = [0, 1, 2, 4, 8];
    expect([-1, 0.4, 0.6, 3.1, 2.9, 7, 100].map((x) => nearestIndex(xs, x))).toEqual([0, 0, 1, 3, 2, 4, 4]);
    expect(nearestIndex([], 3)).toBe(-1);
  });
});
