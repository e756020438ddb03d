import { describe, expect, it } from 'vitest';
import { connect } from '@/core/edit';
import { designSchema } from '@/core/model';
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
