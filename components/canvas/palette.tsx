'use client';
/** The palette: drag a kind onto the canvas, or press Enter on it to add one in the middle of the view. */
import { useReactFlow } from '@xyflow/react';
import { KINDS, type ComponentKind, KIND_LABELS } from '@/core/model';
import { addComponent } from '@/core/edit';
import { useEditorStore } from '@/components/editor/editor-context';
import { NODE_HEIGHT, NODE_WIDTH } from './auto-layout';
import { KIND_MIME } from './design-canvas';
import { KindIcon } from './kind-icons';

export function Palette() {
  const store = useEditorStore();
  const flow = useReactFlow();

  function addInView(kind: ComponentKind) {
    const box = document.querySelector('.tm-canvas')?.getBoundingClientRect();
    const centre = box
      ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
      : { x: 0, y: 0 };
    const { design, setDesign, select } = store.getState();
    // Nudge each new component so repeated adds do not stack exactly on top of each other.
    const n = design.components.length % 5;
    const added = addComponent(design, kind, {
      x: centre.x - NODE_WIDTH / 2 + n * 20,
      y: centre.y - NODE_HEIGHT / 2 + n * 20,
    });
    setDesign(added.design);
    select({ components: [added.id], connections: [] });
  }

  return (
    <nav className="tm-palette" aria-label="Component palette">
      <h2>Components</h2>
      <p className="tm-palette-hint">Drag onto the canvas, or press Enter.</p>
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
