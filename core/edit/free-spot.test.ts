import { describe, expect, it } from 'vitest';
import { designSchema, type Design } from '../model/design';
import { GRID } from './edit-design';
import { addComponent } from './new-elements';
import { CLEARANCE, nearestFreeSpot, positionsOf, spotForNew } from './free-spot';

const SIZE = { width: 200, height: 100 };

function design(layout: Record<string, { x: number; y: number }>): Design {
  const ids = Object.keys(layout);
  return designSchema.parse({
    format: 'tidemark.design',
    version: 1,
    name: 'test',
    components: ids.map((id) => ({ id, name: id, kind: 'service', demand: { cpuMs: 10 } })),
    connections: [],
    layout,
  });
}

function isClear(d: Design, id: string) {
  const positions = positionsOf(d);
  const p = positions.get(id)!;
  for (const [other, q] of positions) {
    if (other === id) continue;
    const apart = Math.abs(p.x - q.x) >= SIZE.width + CLEARANCE || Math.abs(p.y - q.y) >= SIZE.height + CLEARANCE;
    expect(apart, `${id} at ${p.x},${p.y} overlaps ${other} at ${q.x},${q.y}`).toBe(true);
  }
}

describe('spotForNew', () => {
  it('puts a new component to the right of the selected one, level with it', () => {
    const d = design({ a: { x: 0, y: 0 }, b: { x: 0, y: 400 } });
    expect(spotForNew(d, ['a'], { x: 999, y: 999 }, SIZE)).toEqual({ x: 260, y: 0 });
  });

  it('goes next to the rightmost of several selected components', () => {
    const d = design({ a: { x: 0, y: 0 }, b: { x: 300, y: 200 } });
    expect(spotForNew(d, ['a', 'b'], { x: 0, y: 0 }, SIZE)).toEqual({ x: 560, y: 200 });
  });

  it('moves off a neighbour that already sits beside the selection, staying as near as it can', () => {
    const d = design({ a: { x: 0, y: 0 }, b: { x: 260, y: 0 } });
    const spot = spotForNew(d, ['a'], { x: 0, y: 0 }, SIZE);
    const placed = addComponent(d, 'queue', spot);
    isClear(placed.design, placed.id);
    expect(Math.hypot(spot.x - 260, spot.y)).toBeLessThanOrEqual(200);
  });

  it('stays right of the selection when the spots beside it are taken, so its connection runs left to right', () => {
    // Something already beside the selection, and neighbours above and below that: the nearest free
    // spot overall (160, 280) sits under the selection, and a connection to it would double back.
    const d = design({ a: { x: 0, y: 160 }, b: { x: 260, y: 160 }, up: { x: 420, y: 0 }, down: { x: 420, y: 340 } });
    const spot = spotForNew(d, ['a'], { x: 0, y: 0 }, SIZE);
    expect(spot.x).toBeGreaterThanOrEqual(SIZE.width + CLEARANCE);
    const placed = addComponent(d, 'queue', spot);
    isClear(placed.design, placed.id);
  });

  it('uses the fallback (middle of the view) with nothing selected, off whatever is there', () => {
    const d = design({ a: { x: 0, y: 0 } });
    expect(spotForNew(d, [], { x: 1000, y: 1000 }, SIZE)).toEqual({ x: 1000, y: 1000 });
    const spot = spotForNew(d, [], { x: 10, y: 10 }, SIZE);
    const placed = addComponent(d, 'queue', spot);
    isClear(placed.design, placed.id);
  });

  it('never stacks: ten adds in a row beside the same component all land apart, on the grid', () => {
    let d = design({ a: { x: 0, y: 0 } });
    const added: string[] = [];
    for (let i = 0; i < 10; i++) {
      const next = addComponent(d, 'service', spotForNew(d, ['a'], { x: 0, y: 0 }, SIZE));
      d = next.design;
      added.push(next.id);
    }
    for (const id of added) {
      isClear(d, id);
      expect(positionsOf(d).get(id)!.x).toBeGreaterThanOrEqual(SIZE.width + CLEARANCE);
      const p = positionsOf(d).get(id)!;
      expect(Math.abs(p.x % GRID)).toBe(0);
      expect(Math.abs(p.y % GRID)).toBe(0);
    }
  });
});

describe('nearestFreeSpot', () => {
  it('keeps a free drop point (snapped to the grid) and moves an occupied one just clear', () => {
    expect(nearestFreeSpot([{ x: 0, y: 0 }], { x: 607, y: 13 }, SIZE)).toEqual({ x: 600, y: 20 });
    const moved = nearestFreeSpot([{ x: 0, y: 0 }], { x: 30, y: 10 }, SIZE);
    expect(Math.abs(moved.x) >= SIZE.width + CLEARANCE || Math.abs(moved.y) >= SIZE.height + CLEARANCE).toBe(true);
  });
});
