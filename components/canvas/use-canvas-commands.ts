'use client';
/**
 * The editing commands of the canvas, shared by the keyboard shortcuts, the toolbar and the context
 * of React Flow: each reads the current document from the store and writes one undoable change.
 */
import { useReactFlow } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import { copyElements, pasteFragment, pasteOffset, pasteStep, removeElements } from '@/core/edit';
import { moved } from '@/components/editor/known-valid';
import { useEditorStore } from '@/components/editor/editor-context';
import { layoutDesign } from './auto-layout';
import { fitToPositions } from './fit-to-positions';
import { heldFragment, holdFragment } from './clipboard';

export function useCanvasCommands() {
  const store = useEditorStore();
  const flow = useReactFlow();
  const state = useCallback(() => store.getState(), [store]);

  const remove = useCallback(() => {
    const { design, selection, setDesign, setNotice, select } = state();
    if (selection.components.length === 0 && selection.connections.length === 0) return;
    const next = removeElements(design, selection.components, selection.connections);
    if ('refused' in next) return setNotice(next.refused);
    setDesign(next);
    select({ components: [], connections: [] });
  }, [state]);

  const copy = useCallback(() => {
    const { design, selection } = state();
    if (selection.components.length === 0) return false;
    holdFragment(copyElements(design, selection.components));
    return true;
  }, [state]);

  const paste = useCallback(() => {
    const fragment = heldFragment();
    const { design, setDesign, select, setNotice } = state();
    // The editor pastes its own copies (reading the system clipboard needs a permission prompt): with
    // none held, say how to make one rather than do nothing.
    if (!fragment) return setNotice('Nothing to paste: select components and copy them (Ctrl+C, ⌘C on a Mac) first.');
    // Beside what was copied, a few screen pixels down and right at any zoom (pasteStep), and a step
    // further for each copy already there (pasteOffset).
    const pasted = pasteFragment(design, fragment, pasteOffset(design, fragment, pasteStep(flow.getZoom())));
    setDesign(pasted.design);
    select({ components: pasted.ids, connections: [] });
  }, [state, flow]);

  const layout = useCallback(async () => {
    const { design, setDesign } = state();
    const positions = await layoutDesign(design);
    // The document may have changed while elk worked: move only components that still exist.
    const current = state().design;
    const ids = new Set(current.components.map((c) => c.id));
    const kept = Object.entries(positions).filter(([id]) => ids.has(id));
    setDesign(moved(current, Object.fromEntries(kept)));
    fitToPositions(
      flow,
      kept.map(([, p]) => p),
    );
  }, [state, flow]);

  return useMemo(
    () => ({
      remove,
      copy,
      cut: () => copy() && remove(),
      paste,
      duplicate: () => copy() && paste(),
      layout,
      selectAll: () => {
        const { design, select } = state();
        select({ components: design.components.map((c) => c.id), connections: design.connections.map((c) => c.id) });
      },
      undo: () => store.temporal.getState().undo(),
      redo: () => store.temporal.getState().redo(),
      fit: () => void flow.fitView({ padding: 0.15, duration: 200, maxZoom: 1.2 }),
      toggleLanes: () => {
        const { lanes, setLanes } = state();
        setLanes(!lanes);
      },
      focusSearch: () => document.querySelector<HTMLInputElement>('[data-canvas-search]')?.focus(),
    }),
    [remove, copy, paste, layout, state, store, flow],
  );
}

export type CanvasCommands = ReturnType<typeof useCanvasCommands>;
