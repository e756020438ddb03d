'use client';
/**
 * The palette: drag a kind onto the canvas, or press Enter on it to add one beside the selected
 * component (or in the middle of the view when nothing is selected), never on top of another.
 */
import { useReactFlow } from '@xyflow/react';
import { KINDS, type ComponentKind, KIND_LABELS } from '@/core/model';
import { spotForNew } from '@/core/edit';
import { useEditorStore } from '@/components/editor/editor-context';
import { loadEdits, notLoaded, type Edits } from '@/components/editor/lazy-core';
import { NODE_HEIGHT, NODE_WIDTH } from './auto-layout';
import { KIND_MIME } from './design-canvas';
import { KindIcon } from './kind-icons';

export function Palette() {
  const store = useEditorStore();
  const flow = useReactFlow();

  function addInView(kind: ComponentKind) {
    // The schemas that fill a component in load with the first one added (lazy-core.ts).
    void loadEdits().then(({ addComponent }) => addWith(addComponent, kind), notLoaded(store));
  }

  function addWith(addComponent: Edits['addComponent'], kind: ComponentKind) {
    const box = document.querySelector('.tm-canvas')?.getBoundingClientRect();
    const centre = box
      ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
      : { x: 0, y: 0 };
    const { design, selection, setDesign, select } = store.getState();
    const spot = spotForNew(
      design,
      selection.components,
      { x: centre.x - NODE_WIDTH / 2, y: centre.y - NODE_HEIGHT / 2 },
      { width: NODE_WIDTH, height: NODE_HEIGHT },
    );
    const added = addComponent(design, kind, spot);
    setDesign(added.design);
    select({ components: [added.id], connections: [] });
    // Keep the new component in sight: beside the selection may be off screen. Only then, and at once
    // (an animation here would still be running when, say, an auto-layout sets the view).
    const a = flow.flowToScreenPosition(spot);
    const b = flow.flowToScreenPosition({ x: spot.x + NODE_WIDTH, y: spot.y + NODE_HEIGHT });
    const inView = box && a.x >= box.left && a.y >= box.top && b.x <= box.right && b.y <= box.bottom;
    if (!inView) void flow.setCenter(spot.x + NODE_WIDTH / 2, spot.y + NODE_HEIGHT / 2, { zoom: flow.getZoom() });
  }

  return (
    <nav className="tm-palette" aria-label="Component palette">
      <h2>Components</h2>
      <p className="tm-palette-hint">Drag onto the canvas, or press Enter to add beside the selection.</p>
      <ul>
        {KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className="tm-palette-item"
              draggable
              aria-label={`Add ${KIND_LABELS[kind]}`}
              data-kind={kind}
              onDragStart={(e) => {
                e.dataTransfer.setData(KIND_MIME, kind);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => addInView(kind)}
            >
              <KindIcon kind={kind} />
              <span>{KIND_LABELS[kind]}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
