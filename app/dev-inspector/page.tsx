'use client';
// THROWAWAY: a harness to look at the inspector before the editor page exists. Delete before commit.
import { useState } from 'react';
import { EditorProvider, useEditor, useHistory } from '@/components/editor/editor-context';
import { createEditorStore } from '@/components/editor/editor-store';
import { createPlanStore } from '@/components/editor/plan-store';
import { Inspector } from '@/components/inspector/inspector';
import { designSchema } from '@/core/model/design';
import { cloudBursting } from '@/core/examples/cloud-bursting';

function Controls() {
  const design = useEditor((s) => s.design);
  const select = useEditor((s) => s.select);
  const { undo, redo, canUndo, canRedo } = useHistory();
  return (
    <div style={{ padding: 12, display: 'flex', flexDirection: 'column', gap: 6, flex: 1 }}>
      <div>
        <button onClick={undo} disabled={!canUndo}>Undo</button> <button onClick={redo} disabled={!canRedo}>Redo</button>{' '}
        <button onClick={() => select({ components: [], connections: [] })}>none</button>{' '}
        <button onClick={() => select({ components: design.components.slice(0, 2).map((c) => c.id), connections: [] })}>two</button>
      </div>
      {design.components.map((c) => (
        <button key={c.id} data-testid={`sel-${c.id}`} onClick={() => select({ components: [c.id], connections: [] })}>{c.id}</button>
      ))}
      {design.connections.map((c) => (
        <button key={c.id} data-testid={`sel-${c.id}`} onClick={() => select({ components: [], connections: [c.id] })}>{c.id}</button>
      ))}
      <pre data-testid="doc" style={{ fontSize: 10, maxHeight: 300, overflow: 'auto' }}>{JSON.stringify(design.components, null, 1)}</pre>
    </div>
  );
}

export default function DevInspector() {
  const [stores] = useState(() => ({ store: createEditorStore(designSchema.parse(cloudBursting), 1), plan: createPlanStore() }));
  return (
    <EditorProvider store={stores.store} planStore={stores.plan}>
      <div style={{ display: 'flex', minHeight: '100vh' }}>
        <Controls />
        <div style={{ width: 360 }}>
          <Inspector />
        </div>
      </div>
    </EditorProvider>
  );
}
