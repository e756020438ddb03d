import { describe, expect, it } from 'vitest';
import type { Placement } from '@/core/model';
import { laneLayout } from './lanes';

const SIZE = { width: 200, height: 100 };

function layoutOf(entries: [string, number, number, Placement | undefined][]) {
  const positions = new Map(entries.map(([id, x, y]) => [id, { x, y }]));
  const placements = new Map(
    entries.filter((e): e is [string, number, number, Placement] => e[3] !== undefined).map(([id, , , p]) => [id, p]),
  );
  return laneLayout(
    entries.map(([id]) => id),
    positions,
    placements,
    SIZE,
  );
}

function inside(lane: { y: number; height: number; x: number; width: number }, p: { x: number; y: number }) {
  return (
    p.y >= lane.y &&
    p.y + SIZE.height <= lane.y + lane.height &&
    p.x >= lane.x &&
    p.x + SIZE.width <= lane.x + lane.width
  );
}

describe('laneLayout', () => {
  it('puts each component in the band of its placement, keeping its x', () => {
    const { positions, lanes } = layoutOf([
      ['ui', 0, 0, 'static'],
      ['api', 300, 0, 'burst'],
      ['fn', 600, 0, 'serverless'],
      ['vm', 600, 200, 'elastic-vm'],
      ['db', 900, 0, 'static'],
    ]);
    expect(lanes.map((l) => [l.id, l.count])).toEqual([
      ['dc', 2],
      ['both', 1],
      ['cloud', 2],
    ]);
    const lane = (id: string) => lanes.find((l) => l.id === id)!;
    for (const [id, laneId] of [
      ['ui', 'dc'],
      ['db', 'dc'],
      ['api', 'both'],
      ['fn', 'cloud'],
      ['vm', 'cloud'],
    ] as const) {
      expect(inside(lane(laneId), positions.get(id)!), `${id} in ${laneId}`).toBe(true);
    }
    expect(positions.get('api')?.x).toBe(300);
    // Bands do not overlap and go top to bottom: data centre, both, cloud.
    expect(lane('dc').y + lane('dc').height).toBeLessThanOrEqual(lane('both').y);
    expect(lane('both').y + lane('both').height).toBeLessThanOrEqual(lane('cloud').y);
  });

  it('stacks components that share a column into rows, never on top of each other', () => {
    const entries: [string, number, number, Placement][] = Array.from({ length: 100 }, (_, i) => [
      `c${i}`,
      (i % 7) * 250,
      Math.floor(i / 7) * 130,
      (['static', 'elastic-vm', 'serverless', 'burst'] as const)[i % 4]!,
    ]);
    const { positions } = layoutOf(entries);
    const all = [...positions.entries()];
    expect(all).toHaveLength(100);
    for (let a = 0; a < all.length; a++) {
      for (let b = a + 1; b < all.length; b++) {
        const [, p] = all[a]!;
        const [, q] = all[b]!;
        const apart = Math.abs(p.x - q.x) >= SIZE.width || Math.abs(p.y - q.y) >= SIZE.height;
        expect(apart, `${all[a]![0]} and ${all[b]![0]} overlap`).toBe(true);
      }
    }
  });

  it('keeps the layout’s top-to-bottom order within a band', () => {
    const { positions } = layoutOf([
      ['high', 0, 0, 'static'],
      ['low', 0, 500, 'static'],
    ]);
    expect(positions.get('high')!.y).toBeLessThan(positions.get('low')!.y);
  });

  it('always draws the data centre and cloud bands; components without a plan get their own band', () => {
    const { lanes } = layoutOf([['new', 0, 0, undefined]]);
    expect(lanes.map((l) => l.id)).toEqual(['dc', 'cloud', 'unplaced']);
    expect(lanes.find((l) => l.id === 'unplaced')?.count).toBe(1);
  });
});
