import { describe, expect, it } from 'vitest';
import { NODE_SIZE, positionsOf, updateComponent, type Point } from '@/core/edit';
import { EXAMPLE_DESIGNS } from '@/core/examples';
import { designSchema, type Design, type Plan, type WiringElement } from '@/core/model';
import { buildPlan } from '@/core/plan';
import { wiringLabel } from '@/core/present';
import {
  deriveEdges,
  deriveNodes,
  groupWiring,
  mergeNodes,
  sameItems,
  unsavedComponents,
  type FlowNode,
  type Replay,
} from './derive-flow';
import { connectionLabel } from './node-text';
import { chipGroupSize, edgeLabelRect, type Rect } from './wiring-placement';

const design: Design = designSchema.parse({
  format: 'tidemark.design',
  version: 1,
  name: 'Two',
  components: [
    { id: 'web', name: 'Web', kind: 'ui', demand: { cpuMs: 10 } },
    { id: 'db', name: 'DB', kind: 'database', demand: { cpuMs: 5 }, stateful: true },
  ],
  connections: [{ id: 'c1', from: 'web', to: 'db' }],
  layout: { web: { x: 0, y: 0 }, db: { x: 240, y: 0 } },
});

const [web, db] = design.components as [Design['components'][number], Design['components'][number]];

/** A plan that says only where each component runs and what that costs (what the derivation reads). */
const placed = (web: 'static' | 'serverless', db: 'static' | 'serverless') =>
  ({
    placements: [
      { componentId: 'web', placement: web, options: [{ placement: web, monthlyCost: 12.5 }] },
      { componentId: 'db', placement: db, options: [{ placement: db, monthlyCost: 16 }] },
    ],
  }) as unknown as Plan;

const none = new Set<string>();

describe('deriveNodes', () => {
  it('returns the same node objects while nothing a node shows has changed', () => {
    const first = deriveNodes(design, placed('static', 'static'), none, null);
    const second = deriveNodes(design, placed('static', 'static'), new Set<string>(), null);
    expect(second[0]).toBe(first[0]);
    expect(first.map((n) => n.data.cost)).toEqual([12.5, 16]);
    expect(second[1]).toBe(first[1]);
  });

  it('makes a new node only for the component an edit touched', () => {
    const before = deriveNodes(design, null, none, null);
    const edited = updateComponent(design, 'web', { ...web, name: 'Storefront' });
    const after = deriveNodes(edited, null, none, null);
    expect(after[0]).not.toBe(before[0]);
    expect(after[0]?.data.component.name).toBe('Storefront');
    expect(after[1]).toBe(before[1]);
  });

  it('makes a new node when its placement, selection, position or replay changes', () => {
    const base = deriveNodes(design, placed('static', 'static'), none, null);
    const replaced = deriveNodes(design, placed('serverless', 'static'), none, null);
    expect(replaced[0]).not.toBe(base[0]);
    expect(replaced[0]?.data.placement).toBe('serverless');
    expect(replaced[1]).toBe(base[1]);

    const selected = deriveNodes(design, placed('serverless', 'static'), new Set(['db']), null);
    expect(selected[1]?.selected).toBe(true);
    expect(selected[0]).toBe(replaced[0]);

    const moved = deriveNodes({ ...design, layout: { ...design.layout, db: { x: 260, y: 0 } } }, null, none, null);
    expect(moved[1]?.position).toEqual({ x: 260, y: 0 });

    const busy: Replay = {
      at: (id) => (id === 'web' ? { utilisation: 1.5, dropping: true, dropped: 120, missingSlo: true } : null),
    };
    const replaying = deriveNodes(design, placed('serverless', 'static'), none, busy);
    expect(replaying[0]?.data).toMatchObject({ utilisation: 1.5, dropping: true, dropped: 120, missingSlo: true });
    expect(replaying[1]?.data.utilisation).toBeNull();
  });

  it('marks the components holding a refused value, with why, and only those', () => {
    const plan = placed('static', 'static');
    const base = deriveNodes(design, plan, none, null);
    expect(base.map((n) => n.data.unsaved)).toEqual([null, null]);
    // The inspector's refusals are keyed by item: a connection's is not a component's.
    const unsaved = unsavedComponents({
      'components:web': 'CPU time (ms) must be greater than 0',
      'connections:c1': 'Calls per request must be at least 0',
    });
    expect([...unsaved]).toEqual([['web', 'CPU time (ms) must be greater than 0']]);
    const marked = deriveNodes(design, plan, none, null, null, unsaved);
    expect(marked[0]).not.toBe(base[0]);
    expect(marked[0]?.data.unsaved).toBe('CPU time (ms) must be greater than 0');
    expect(marked[0]?.ariaLabel).toContain('holds a value that is not saved');
    expect(marked[1]).toBe(base[1]);
    // Corrected: the mark goes.
    expect(deriveNodes(design, plan, none, null, null, unsavedComponents({}))[0]?.data.unsaved).toBeNull();
  });
});

describe('mergeNodes', () => {
  it("keeps React Flow's object while unchanged, and its measured size when the node changes", () => {
    const derived = deriveNodes(design, null, none, null);
    const shown: FlowNode[] = derived.map((n) => ({ ...n, measured: { width: 200, height: 84 } }));
    const same = mergeNodes(shown, derived);
    expect(same[0]).toBe(shown[0]);

    const edited = updateComponent(design, 'db', { ...db, name: 'Orders' });
    const merged = mergeNodes(shown, deriveNodes(edited, null, none, null));
    expect(merged[0]).toBe(shown[0]);
    expect(merged[1]).not.toBe(shown[1]);
    expect(merged[1]?.data.component.name).toBe('Orders');
    expect(merged[1]?.measured).toEqual({ width: 200, height: 84 });
  });

  it('leaves a node being dragged under the pointer when a new plan lands', () => {
    const derived = deriveNodes(design, null, none, null);
    const shown: FlowNode[] = derived.map((n) =>
      n.id === 'db' ? { ...n, position: { x: 400, y: 60 }, dragging: true, measured: { width: 200, height: 84 } } : n,
    );
    const merged = mergeNodes(shown, deriveNodes(design, placed('static', 'serverless'), none, null));
    expect(merged[1]?.position).toEqual({ x: 400, y: 60 });
    expect(merged[1]?.dragging).toBe(true);
    expect(merged[1]?.data.placement).toBe('serverless');
    // Dropped (no longer dragging), the design's position is taken again.
    const dropped = mergeNodes(
      merged.map((n) => ({ ...n, dragging: false })),
      deriveNodes(design, null, none, null),
    );
    expect(dropped[1]?.position).toEqual({ x: 240, y: 0 });
  });

  it('gives back the array React Flow has when no node changed, so that it has nothing to take in', () => {
    const shown = mergeNodes([], deriveNodes(design, null, none, null));
    // A new design object (a change the canvas does not show) derives the same node objects anew.
    expect(mergeNodes(shown, deriveNodes({ ...design, name: 'Renamed' }, null, none, null))).toBe(shown);
    const edited = updateComponent(design, 'db', { ...db, name: 'Orders' });
    expect(mergeNodes(shown, deriveNodes(edited, null, none, null))).not.toBe(shown);
  });
});

describe('sameItems', () => {
  it('is the previous array only for the same objects in the same order', () => {
    const edges = deriveEdges(design, placed('static', 'static'), none);
    expect(sameItems(edges, deriveEdges(design, placed('static', 'static'), none))).toBe(edges);
    const crossing = deriveEdges(design, placed('serverless', 'static'), none);
    expect(sameItems(edges, crossing)).toBe(crossing);
    const [a, b] = [{ id: 'a' }, { id: 'b' }];
    const list = [a, b];
    expect(sameItems(list, [a, b])).toBe(list);
    expect(sameItems(list, [b, a])).toEqual([b, a]);
    expect(sameItems(list, [a])).toEqual([a]);
  });
});

describe('deriveEdges', () => {
  it('marks a connection crossing only when its ends run on different sides', () => {
    expect(deriveEdges(design, placed('static', 'static'), none)[0]?.data?.crossing).toBe(false);
    expect(deriveEdges(design, placed('serverless', 'static'), none)[0]?.data?.crossing).toBe(true);
    expect(deriveEdges(design, null, none)[0]?.data?.crossing).toBe(false);
  });

  it('keeps an edge object while its inputs are unchanged, and makes a new one when they change', () => {
    const before = deriveEdges(design, placed('serverless', 'static'), none)[0];
    // A new plan with the same placements (a plan object made afresh, as every re-plan's is).
    expect(deriveEdges(design, placed('serverless', 'static'), none)[0]).toBe(before);
    const uncrossed = deriveEdges(design, placed('static', 'static'), none)[0];
    expect(uncrossed).not.toBe(before);
    expect(uncrossed?.data?.crossing).toBe(false);
    const picked = deriveEdges(design, placed('static', 'static'), new Set([design.connections[0]?.id ?? '']))[0];
    expect(picked?.selected).toBe(true);
    const renamed = updateComponent(design, 'db', { ...db, name: 'Orders' });
    expect(deriveEdges(renamed, placed('static', 'static'), none)[0]?.ariaLabel).toContain('to Orders');
  });
});

describe('groupWiring', () => {
  const queue = (reason: string): WiringElement => ({
    id: 'w1',
    kind: 'queue',
    connectionId: 'c1',
    componentIds: ['web', 'db'],
    reason,
    monthlyCost: 0.4,
    costLines: [],
  });

  it('keeps a group object while its content is the same, though the plan brings new element objects', () => {
    const [first] = groupWiring(design, [queue('async across the link')]);
    const [again] = groupWiring(design, [queue('async across the link')]);
    expect(first?.where).toBe('Web → DB');
    expect(again).toBe(first);
    const [changed] = groupWiring(design, [queue('a different reason')]);
    expect(changed).not.toBe(first);
    expect(changed?.elements[0]?.reason).toBe('a different reason');
    const moved = { ...design, layout: { ...design.layout, db: { x: 480, y: 0 } } };
    expect(groupWiring(moved, [queue('a different reason')])[0]?.position).not.toEqual(changed?.position);
  });
});

describe('groupWiring on the examples', () => {
  const overlaps = (a: Rect, b: Rect) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  it.each(EXAMPLE_DESIGNS.map((e) => [e.key, e.design] as const))(
    '%s: no chip covers a component, another group of chips or a connection’s label',
    (_key, input) => {
      const d = designSchema.parse(input);
      const { plan } = buildPlan(d);
      expect(plan.wiring.length).toBeGreaterThan(0);
      const groups = groupWiring(d, plan.wiring);
      const at = positionsOf(d);
      const nodes = [...at.values()].map((p) => ({ ...p, ...NODE_SIZE }));
      const labels = d.connections.map((c) =>
        edgeLabelRect(
          { ...(at.get(c.from) as Point), ...NODE_SIZE },
          { ...(at.get(c.to) as Point), ...NODE_SIZE },
          connectionLabel(c),
        ),
      );
      const chips = groups.map((g) => ({ ...g.position, ...chipGroupSize(g.elements.map(wiringLabel)) }));
      chips.forEach((chip, i) => {
        for (const n of [...nodes, ...labels])
          expect(overlaps(chip, n), `${groups[i]?.id} on ${JSON.stringify(n)}`).toBe(false);
        chips.forEach((other, j) => {
          if (j !== i) expect(overlaps(chip, other), `${groups[i]?.id} on ${groups[j]?.id}`).toBe(false);
        });
      });
    },
  );

  it('keeps a connection’s chips near its own curve', () => {
    const d = designSchema.parse(EXAMPLE_DESIGNS.find((e) => e.key === 'cloud-bursting')?.design);
    const { plan } = buildPlan(d);
    const at = positionsOf(d);
    for (const g of groupWiring(d, plan.wiring)) {
      const conn = d.connections.find((c) => `wiring:conn:${c.id}` === g.id);
      if (!conn) continue;
      const a = at.get(conn.from) as Point;
      const b = at.get(conn.to) as Point;
      // Between its two ends, horizontally, and within a node's height of them, vertically.
      expect(g.position.x + 60).toBeGreaterThan(Math.min(a.x, b.x));
      expect(g.position.x).toBeLessThan(Math.max(a.x, b.x) + NODE_SIZE.width);
      expect(g.position.y).toBeGreaterThan(Math.min(a.y, b.y) - NODE_SIZE.height);
      expect(g.position.y).toBeLessThan(Math.max(a.y, b.y) + 2 * NODE_SIZE.height);
    }
  });
});

describe('deriveNodes for a design without a layout', () => {
  const many = (n: number): Design =>
    designSchema.parse({
      format: 'tidemark.design',
      version: 1,
      name: 'No layout',
      components: Array.from({ length: n }, (_, i) => ({
        id: `c${i}`,
        name: `C${i}`,
        kind: i < 2 ? 'ui' : 'service',
        demand: { cpuMs: 5 },
        ...(i < 2 ? { workload: { pattern: 'static', baseRps: 5 } } : {}),
      })),
      // Two entry points, each calling every other component of its half, which call one store.
      connections: Array.from({ length: n - 3 }, (_, k) => ({
        id: `k${k}`,
        from: `c${k % 2}`,
        to: `c${k + 3}`,
      })).concat(Array.from({ length: n - 3 }, (_, k) => ({ id: `s${k}`, from: `c${k + 3}`, to: 'c2' }))),
    });

  it('draws them layered (callers left of callees), apart, and not as a narrow strip', () => {
    const d = many(120);
    const nodes = deriveNodes(d, null, none, null);
    const at = new Map(nodes.map((n) => [n.id, n.position]));
    for (const c of d.connections) expect((at.get(c.from) as Point).x).toBeLessThan((at.get(c.to) as Point).x);
    const rects = nodes.map((n) => ({ ...n.position, ...NODE_SIZE }));
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++)
        expect(
          Math.abs((rects[i] as Rect).x - (rects[j] as Rect).x) >= NODE_SIZE.width ||
            Math.abs((rects[i] as Rect).y - (rects[j] as Rect).y) >= NODE_SIZE.height,
        ).toBe(true);
    const xs = rects.map((r) => r.x);
    const ys = rects.map((r) => r.y);
    const width = Math.max(...xs) - Math.min(...xs) + NODE_SIZE.width;
    const height = Math.max(...ys) - Math.min(...ys) + NODE_SIZE.height;
    expect(width / height).toBeGreaterThan(0.6);
    expect(width / height).toBeLessThan(4);
  });
});
