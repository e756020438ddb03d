'use client';
/** Hands the open design's store to the editor's components; read it with selectors. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from './editor-store';
import type { PlanState, PlanStore } from './plan-store';

const EditorContext = createContext<EditorStore | null>(null);
const PlanContext = createContext<PlanStore | null>(null);

export function EditorProvider({
  store,
  planStore,
  children,
}: {
  store: EditorStore;
  planStore: PlanStore;
  children: ReactNode;
}) {
  return (
    <EditorContext.Provider value={store}>
      <PlanContext.Provider value={planStore}>{children}</PlanContext.Provider>
    </EditorContext.Provider>
  );
}

export function usePlanStore(): PlanStore {
  const store = useContext(PlanContext);
  if (!store) throw new Error('usePlanStore must be used inside <EditorProvider>');
  return store;
}

export function usePlan<T>(selector: (state: PlanState) => T): T {
  return useStore(usePlanStore(), selector);
}

export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditorStore must be used inside <EditorProvider>');
  return store;
}

export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}

/** Undo/redo availability and actions, from zundo's temporal store. */
export function useHistory() {
  const store = useEditorStore();
  const canUndo = useStore(store.temporal, (t) => t.pastStates.length > 0);
  const canRedo = useStore(store.temporal, (t) => t.futureStates.length > 0);
  return {
    canUndo,
    canRedo,
    undo: () => store.temporal.getState().undo(),
    redo: () => store.temporal.getState().redo(),
  };
}
