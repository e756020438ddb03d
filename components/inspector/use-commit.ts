'use client';
/**
 * Commits an inspector's checked value to the open design as one undoable edit. Reads the design at
 * commit time (not from the render that scheduled it), and skips a value that changes nothing or
 * whose item has been deleted meanwhile.
 */
import { useCallback } from 'react';
import type { Component, Connection } from '@/core/model';
import { updateComponent, updateConnection, sameValue } from '@/core/edit';
import { useEditorStore } from '@/components/editor/editor-context';

export function useCommit(list: 'components', id: string): (value: Component) => void;
export function useCommit(list: 'connections', id: string): (value: Connection) => void;
export function useCommit(list: 'components' | 'connections', id: string): (value: Component & Connection) => void {
  const store = useEditorStore();
  return useCallback(
    (value: Component & Connection) => {
      const { design, setDesign } = store.getState();
      const current = (design[list] as { id: string }[]).find((item) => item.id === id);
      if (!current || sameValue(current, value)) return;
      setDesign(list === 'components' ? updateComponent(design, id, value) : updateConnection(design, id, value));
    },
    [store, list, id],
  );
}
