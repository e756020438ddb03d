import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designSchema, type Design } from '../model/design';
import {
  copyElements,
  GRID,
  moveComponents,
  pasteFragment,
  pasteOffset,
  pasteStep,
  removeElements,
  uniqueId,
} from './edit-design';
import { addComponent, connect } from './new-elements';
import { validateDesign } from '../model/validate';

const base: Design = designSchema.parse({
  format: 'tidemark.design',
  version: 1,
  name: 'Edits',
  components: [
    { id: 'web', name: 'Web', kind: 'ui', demand: { cpuMs: 10 } },
    { id: 'api', name: 'API', kind: 'service', demand: { cpuMs: 10 } },
  ],
  connections: [{ id: 'c1', from: 'web', to: 'api' }],
  layout: { web: { x: 0, y: 0 }, api: { x: 200, y: 0 } },
});

const valid = (d: Design) =>
  expect(validateDesign(d).ok ? [] : (validateDesign(d) as { problems: unknown[] }).problems).toEqual([]);

describe('design edits', () => {
  it('adds a component with a unique id, a unique name and a snapped position', () => {
    const one = addComponent(base, 'service', { x: 33, y: 47 });
    const two = addComponent(one.design, 'service', { x: 0, y: 0 });
    expect([one.id, two.id]).toEqual(['service', 'service-2']);
    expect(two.design.components.map((c) => c.name)).toEqual(['Web', 'API', 'Service', 'Service 2']);
    expect(one.design.layout?.service).toEqual({ x: 40, y: 40 });
    expect(two.design.components.at(-1)?.demand.memoryMb).toBe(512);
    valid(two.design);
    expect(base.components).toHaveLength(2); // the original is untouched
  });

  it('connects two components and refuses self-loops, duplicates and cycles with a reason', () => {
    const db = addComponent(base, 'database', { x: 400, y: 0 });
    const ok = connect(db.design, 'api', db.id);
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    valid(ok.design);
    expect(connect(ok.design, 'api', 'api')).toEqual({ ok: false, reason: 'A component cannot call itself.' });
    expect(connect(ok.design, 'web', 'api')).toMatchObject({ ok: false, reason: 'Web already calls API.' });
    const cycle = connect(ok.design, db.id, 'web');
    expect(cycle.ok).toBe(false);
    if (!cycle.ok) expect(cycle.reason).toContain('Web → API → Database → Web');
  });

  it('removes components with their connections and positions, but never the last one', () => {
    const after = removeElements(base, ['api'], []);
    expect('refused' in after).toBe(false);
    if ('refused' in after) return;
    expect(after.connections).toEqual([]);
    expect(Object.keys(after.layout ?? {})).toEqual(['web']);
    valid(after);
    expect(removeElements(base, ['web', 'api'], [])).toEqual({ refused: 'A design keeps at least one component.' });
    const edgeOnly = removeElements(base, [], ['c1']);
    expect('refused' in edgeOnly ? null : edgeOnly.connections).toEqual([]);
  });

  it('copies and pastes a fragment with fresh ids, remapped connections and offset positions', () => {
    const fragment = copyElements(base, ['web', 'api']);
    expect(fragment.connections).toHaveLength(1);
    const pasted = pasteFragment(base, fragment, { x: 40, y: 40 });
    expect(pasted.ids).toEqual(['web-2', 'api-2']);
    const newEdge = pasted.design.connections.at(-1);
    expect(newEdge).toMatchObject({ from: 'web-2', to: 'api-2' });
    expect(pasted.design.layout?.['api-2']).toEqual({ x: 240, y: 40 });
    expect(pasted.design.components.map((c) => c.name)).toContain('Web 2');
    valid(pasted.design);
  });

  it('pastes a step beside the copied components, and each further paste a step further on', () => {
    const step = { x: 20, y: 20 };
    const fragment = copyElements(base, ['web']);
    expect(pasteOffset(base, fragment, step)).toEqual({ x: 20, y: 20 });
    const once = pasteFragment(base, fragment, pasteOffset(base, fragment, step)).design;
    expect(once.layout?.['web-2']).toEqual({ x: 20, y: 20 });
    // The same fragment again, or the original copied again: never on top of the first copy.
    const twice = pasteFragment(once, fragment, pasteOffset(once, fragment, step)).design;
    expect(twice.layout?.['web-3']).toEqual({ x: 40, y: 40 });
    const again = copyElements(twice, ['web']);
    expect(pasteOffset(twice, again, step)).toEqual({ x: 60, y: 60 });
    // A copy landing near (not on) a component counts as on it; the cut original leaves its place free.
    const crowded = moveComponents(base, { api: { x: 27, y: 13 } });
    expect(pasteOffset(crowded, fragment, step)).toEqual({ x: 40, y: 40 });
    const cut = removeElements(base, ['web'], []);
    if ('refused' in cut) throw new Error(cut.refused);
    expect(pasteOffset(cut, fragment, step)).toEqual({ x: 20, y: 20 });
    // Several components move as one: the step is the first at which none of them lands on anything.
    const both = copyElements(base, ['web', 'api']);
    const pair = pasteFragment(base, both, pasteOffset(base, both, step)).design;
    expect([pair.layout?.['web-2'], pair.layout?.['api-2']]).toEqual([
      { x: 20, y: 20 },
      { x: 220, y: 20 },
    ]);
    expect(pasteOffset(pair, both, step)).toEqual({ x: 40, y: 40 });
  });

  it('steps a paste about 24 screen pixels at any zoom, in whole grid cells, never less than one', () => {
    const side = (zoom: number) => pasteStep(zoom).x;
    expect(GRID).toBe(20);
    expect(pasteStep(1)).toEqual({ x: 20, y: 20 }); // 24 px: 1.2 cells
    expect(side(0.5)).toBe(40); // 48 px: 2.4 cells
    expect(side(0.25)).toBe(100); // 96 px: 4.8 cells
    expect(side(0.1)).toBe(240); // 240 px: 12 cells
    expect(side(2)).toBe(20); // 12 px: rounds to none, still one cell
    expect(side(4)).toBe(20);
    expect(pasteStep(1, 60)).toEqual({ x: 60, y: 60 }); // another screen step: 3 cells
    expect(side(Number.POSITIVE_INFINITY)).toBe(20);
    expect(side(0)).toBe(20);
  });

  it('finds a paste spot among many components in one cell', () => {
    // 2,000 components stacked on one spot and the next: the copy cascades past both.
    const layout: Record<string, { x: number; y: number }> = {};
    const components = [];
    for (let i = 0; i < 2000; i++) {
      const id = `c${i}`;
      components.push({ ...base.components[0]!, id, name: `C ${i}` });
      layout[id] = i % 2 === 0 ? { x: 20, y: 20 } : { x: 40, y: 40 };
    }
    const stacked = { ...base, components, connections: [], layout: { ...base.layout, ...layout } };
    expect(pasteOffset(stacked, copyElements(base, ['web']), { x: 20, y: 20 })).toEqual({ x: 60, y: 60 });
  });

  it('moves components to rounded positions', () => {
    expect(moveComponents(base, { web: { x: 10.6, y: -3.2 } }).layout?.web).toEqual({ x: 11, y: -3 });
  });

  it('keeps a valid design valid, whatever the positions: held in bounds, unknown ids and NaN left out', () => {
    expect(moveComponents(base, { web: { x: 3e7, y: -2e7 } }).layout?.web).toEqual({ x: 1e7, y: -1e7 });
    expect(moveComponents(base, { gone: { x: 1, y: 1 } }).layout).toEqual(base.layout);
    expect(moveComponents(base, { api: { x: NaN, y: 1 } }).layout?.api).toEqual({ x: 200, y: 0 });
    const coordinate = fc.oneof(fc.double(), fc.integer({ min: -2e7, max: 2e7 }));
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('web', 'api', 'gone', '__proto__', 'Not An Id'),
          fc.record({ x: coordinate, y: coordinate }),
        ),
        (positions) => validateDesign(moveComponents(base, positions)).ok,
      ),
      { numRuns: 500 },
    );
  });

  it('makes ids that the schema accepts from any text', () => {
    expect(uniqueId('Data Access!', new Set())).toBe('data-access');
    expect(uniqueId('***', new Set())).toBe('c');
  });
});
