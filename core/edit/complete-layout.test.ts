import { describe, expect, it } from 'vitest';
import { designSchema, type Design } from '../model/design';
import { foldTallLayers, layeredBlock, placeUnplaced, provisionalLayout, unplacedIds } from './complete-layout';
import type { Point } from './edit-design';
import { NODE_SIZE } from './free-spot';

const component = (id: string) => ({ id, name: id.toUpperCase(), kind: 'service', demand: { cpuMs: 5 } });

/** web → api → db, api → cache; `layout` for some of them. */
const design = (layout?: Record<string, Point>): Design =>
  designSchema.parse({
    format: 'tidemark.design',
    version: 1,
    name: 'Partial',
    components: ['web', 'api', 'db', 'cache', 'audit', 'report'].map(component),
    connections: [
      { id: 'k1', from: 'web', to: 'api' },
      { id: 'k2', from: 'api', to: 'db' },
      { id: 'k3', from: 'api', to: 'cache' },
      { id: 'k4', from: 'audit', to: 'report' },
    ],
    ...(layout ? { layout } : {}),
  });

function expectApart(positions: readonly Point[]) {
  positions.forEach((a, i) =>
    positions.slice(i + 1).forEach((b) => {
      const apart = Math.abs(a.x - b.x) >= NODE_SIZE.width || Math.abs(a.y - b.y) >= NODE_SIZE.height;
      expect(apart, `${JSON.stringify(a)} and ${JSON.stringify(b)}`).toBe(true);
    }),
  );
}

describe('placeUnplaced', () => {
  it('lays out a design with no positions whole: layered from the origin, apart', () => {
    const d = design();
    const ids = unplacedIds(d);
    expect(ids).toHaveLength(6);
    const out = placeUnplaced(d, layeredBlock(d, ids, NODE_SIZE), NODE_SIZE);
    for (const c of d.connections) expect((out[c.from] as Point).x).toBeLessThan((out[c.to] as Point).x);
    expect(Math.min(...Object.values(out).map((p) => p.x))).toBe(0);
    expect(Math.min(...Object.values(out).map((p) => p.y))).toBe(0);
    expectApart(Object.values(out));
  });

  it('keeps the positions a design has and puts the others by their neighbours, on nothing', () => {
    // web and api placed; db and cache (called by api) and the unconnected audit → report are not.
    const d = design({ web: { x: 0, y: 0 }, api: { x: 320, y: 0 } });
    const out = placeUnplaced(d, layeredBlock(d, unplacedIds(d), NODE_SIZE), NODE_SIZE);
    expect(Object.keys(out).sort()).toEqual(['audit', 'cache', 'db', 'report']);
    // api's callees right of it, near it (within two columns).
    for (const id of ['db', 'cache']) {
      expect((out[id] as Point).x).toBeGreaterThan(320);
      expect((out[id] as Point).x).toBeLessThan(320 + 3 * NODE_SIZE.width);
    }
    // The unconnected pair below everything, still caller left of callee.
    expect((out.audit as Point).y).toBeGreaterThan(NODE_SIZE.height);
    expect((out.audit as Point).x).toBeLessThan((out.report as Point).x);
    expectApart([{ x: 0, y: 0 }, { x: 320, y: 0 }, ...Object.values(out)]);
  });

  it('fits new components around placed ones that sit where the layered block would go', () => {
    const d = design({
      web: { x: 0, y: 0 },
      api: { x: 320, y: 0 },
      audit: { x: 640, y: 0 },
      report: { x: 640, y: 140 },
    });
    const out = placeUnplaced(d, layeredBlock(d, unplacedIds(d), NODE_SIZE), NODE_SIZE);
    expectApart([...Object.values(d.layout ?? {}), ...Object.values(out)]);
  });
});

describe('provisionalLayout', () => {
  it('is the layout itself when every component has a position', () => {
    const layout = Object.fromEntries(
      ['web', 'api', 'db', 'cache', 'audit', 'report'].map((id, i) => [id, { x: i * 300, y: 0 }]),
    );
    const d = design(layout);
    expect(Object.fromEntries(provisionalLayout(d, NODE_SIZE))).toEqual(layout);
    expect(provisionalLayout(d, NODE_SIZE)).toBe(provisionalLayout(d, NODE_SIZE));
  });
});

describe('foldTallLayers', () => {
  // Three layers: 1, 40 and 1 components (a fan-out and back in): a strip 40 rows tall.
  const strip: Record<string, Point> = { a: { x: 0, y: 2900 }, z: { x: 640, y: 2900 } };
  for (let i = 0; i < 40; i++) strip[`m${i}`] = { x: 320, y: i * 150 };

  it('folds a tall strip into side-by-side sub-columns nearer a landscape view', () => {
    const out = foldTallLayers(strip, NODE_SIZE);
    const xs = Object.values(out).map((p) => p.x);
    const ys = Object.values(out).map((p) => p.y);
    const aspect = (Math.max(...xs) + NODE_SIZE.width) / (Math.max(...ys) - Math.min(...ys) + NODE_SIZE.height);
    expect(aspect).toBeGreaterThan(0.6);
    expectApart(Object.values(out));
    // Every layer stays left of the next: callers left of callees.
    for (let i = 0; i < 40; i++) {
      expect((out.a as Point).x).toBeLessThan((out[`m${i}`] as Point).x);
      expect((out[`m${i}`] as Point).x).toBeLessThan((out.z as Point).x);
    }
  });

  it('leaves a layout that is not a tall strip as it is', () => {
    const wide = { a: { x: 0, y: 0 }, b: { x: 320, y: 0 }, c: { x: 640, y: 150 } };
    expect(foldTallLayers(wide, NODE_SIZE)).toBe(wide);
  });
});
