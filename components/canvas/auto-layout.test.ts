import { describe, expect, it } from 'vitest';
import { generateLayeredDesign } from '@/bench/lib/canvas-design';
import { NODE_SIZE, type Point } from '@/core/edit';
import { designSchema } from '@/core/model';
import { completeLayout } from './auto-layout';

/** The canvas benchmark's layered design, its layout taken away (as a design imported without one). */
function withoutLayout(components: number, connections: number) {
  const { layout: _dropped, ...rest } = generateLayeredDesign(components, connections, 7);
  return designSchema.parse(rest);
}

describe('completeLayout (elk, in-thread under Node)', () => {
  it('lays a design without positions out layered, apart, and not as a strip', async () => {
    const d = withoutLayout(50, 80);
    const positions = await completeLayout(d);
    expect(Object.keys(positions)).toHaveLength(50);
    for (const c of d.connections) expect((positions[c.from] as Point).x).toBeLessThan((positions[c.to] as Point).x);
    const all = Object.values(positions);
    all.forEach((a, i) =>
      all.slice(i + 1).forEach((b) => {
        expect(Math.abs(a.x - b.x) >= NODE_SIZE.width || Math.abs(a.y - b.y) >= NODE_SIZE.height).toBe(true);
      }),
    );
    const xs = all.map((p) => p.x);
    const ys = all.map((p) => p.y);
    const aspect =
      (Math.max(...xs) - Math.min(...xs) + NODE_SIZE.width) / (Math.max(...ys) - Math.min(...ys) + NODE_SIZE.height);
    expect(aspect).toBeGreaterThan(0.6);
  });

  it('moves no component that has a position', async () => {
    const d = withoutLayout(12, 16);
    const kept = { c0: { x: 0, y: 0 }, c3: { x: 320, y: 300 } };
    const positions = await completeLayout({ ...d, layout: kept });
    expect(Object.keys(positions).sort()).toEqual(
      d.components
        .map((c) => c.id)
        .filter((id) => !(id in kept))
        .sort(),
    );
  });
});
