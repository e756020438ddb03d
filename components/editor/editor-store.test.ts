import { describe, expect, it } from 'vitest';
import { connect } from '@/core/edit';
import { designSchema, type Component } from '@/core/model';
import { createEditorStore } from './editor-store';

const design = designSchema.parse({
  format: 'tidemark.design',
  version: 1,
  name: 'Two',
  components: [
    { id: 'a', name: 'A', kind: 'service', demand: { cpuMs: 5 } },
    { id: 'b', name: 'B', kind: 'service', demand: { cpuMs: 5 } },
  ],
});

describe('the editor store', () => {
  it('keeps only what still exists selected after an undo takes it away', () => {
    const store = createEditorStore(design, 1);
    const linked = connect(design, 'a', 'b');
    if (!linked.ok) throw new Error(linked.reason);
    store.getState().setDesign(linked.design);
    store.getState().select({ components: ['b'], connections: [linked.id] });
    store.temporal.getState().undo();
    expect(store.getState().design.connections).toEqual([]);
    expect(store.getState().selection).toEqual({ components: ['b'], connections: [] });
    // The selection is not history: redo brings the connection back, not its selection.
    store.temporal.getState().redo();
    expect(store.getState().selection).toEqual({ components: ['b'], connections: [] });
    expect(store.temporal.getState().pastStates).toHaveLength(1);
  });
});

describe('refused drafts kept while their form is closed', () => {
  const [a, b] = design.components as [Component, Component];
  const keep = (id: string) => ({
    drafts: { cpuMs: '-1' },
    basis: design.components.find((c) => c.id === id),
    current: (d: typeof design) => d.components.find((c) => c.id === id),
    where: id.toUpperCase(),
    reopen: `select ${id.toUpperCase()}`,
  });

  it('stay, with their refusal, while an edit leaves their item as it was', () => {
    const store = createEditorStore(design, 1);
    store.getState().keepDrafts('components:a', keep('a'), 'A: CPU time (ms) must be positive');
    const renamedB = { ...design, components: [a, { ...b, name: 'Bee' }] };
    store.getState().setDesign(renamedB);
    expect(Object.keys(store.getState().kept)).toEqual(['components:a']);
    expect(store.getState().refused).toEqual({ 'components:a': 'A: CPU time (ms) must be positive' });
    expect(store.getState().takeDrafts('components:a')?.drafts).toEqual({ cpuMs: '-1' });
    expect(store.getState().kept).toEqual({});
  });

  it('go, with their refusal, when the value they were typed over changes or the item is deleted', () => {
    const store = createEditorStore(design, 1);
    store.getState().keepDrafts('components:a', keep('a'), 'A: CPU time (ms) must be positive');
    store.getState().keepDrafts('components:b', keep('b'), 'B: CPU time (ms) must be positive');
    store.getState().setDesign({ ...design, components: [{ ...a, demand: { ...a.demand, cpuMs: 7 } }, b] });
    expect(Object.keys(store.getState().kept)).toEqual(['components:b']);
    expect(Object.keys(store.getState().refused)).toEqual(['components:b']);
    store.getState().setDesign({ ...design, components: [a] });
    expect(store.getState().kept).toEqual({});
    expect(store.getState().refused).toEqual({});
  });
});
