'use client';
/**
 * A design that arrives with components that have no position (imported without `layout`, or with
 * it for only some) is laid out when the editor opens it: elk's layered layout for those components
 * (auto-layout.ts, in a worker), written into the document as one undoable step, which autosave then
 * saves. Components with a position keep it. Until elk answers, the canvas draws them where core/edit's
 * provisional layout puts them. Each component is laid out once per open editor: undoing the step
 * leaves them as they were rather than laying them out again.
 */
import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { unplacedIds } from '@/core/edit';
import { moved } from '@/components/editor/known-valid';
import type { Design } from '@/core/model';
import { useEditorStore } from '@/components/editor/editor-context';
import { completeLayout } from './auto-layout';
import { fitToPositions } from './fit-to-positions';

export function useCompleteLayout(): void {
  const store = useEditorStore();
  const flow = useReactFlow();
  useEffect(() => {
    const done = new Set<string>();
    let running = false;
    let stopped = false;
    const run = (design: Design) => {
      if (running || stopped) return;
      const ids = unplacedIds(design).filter((id) => !done.has(id));
      if (ids.length === 0) return;
      for (const id of ids) done.add(id);
      const whole = ids.length === design.components.length;
      running = true;
      completeLayout(design)
        .then((positions) => {
          if (stopped) return;
          // The document may have changed while elk worked: place only what is still unplaced.
          const { design: current, setDesign, setNotice } = store.getState();
          const open = new Set(unplacedIds(current));
          const kept = Object.entries(positions).filter(([id]) => open.has(id));
          if (kept.length === 0) return;
          setDesign(moved(current, Object.fromEntries(kept)));
          setNotice(
            `Laid out ${kept.length === 1 ? 'the component' : `the ${kept.length} components`} that had no position on the canvas (undo to go back).`,
          );
          if (whole)
            fitToPositions(
              flow,
              kept.map(([, p]) => p),
            );
        })
        .catch(() => {
          // Not laid out (the worker failed): the canvas keeps the provisional layout, nothing is lost.
        })
        .finally(() => {
          running = false;
          if (!stopped) run(store.getState().design);
        });
    };
    run(store.getState().design);
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.design !== prev.design) run(state.design);
    });
    return () => {
      stopped = true;
      unsubscribe();
    };
  }, [store, flow]);
}
