'use client';
/**
 * The side panel's tab follows the selection: selecting something on the canvas opens the selection
 * tab; clearing it leaves the selection tab for the default one. The person can still pick any tab.
 * The panel follows in a deferred render: a click that selects (and the click that ends a node's drag,
 * which selects it) is not held up by the panel changing tab, which takes a 500-row decision table
 * off the page and puts the inspector and its charts on (the drop's task on bench:canvas's design).
 */
import { useDeferredValue, useState } from 'react';
import { useEditor } from '@/components/editor/editor-context';

export function useSelectionTab<T extends string>(defaultTab: T, selectionTab: T): [T, (tab: T) => void] {
  const key = useDeferredValue(useEditor((s) => [...s.selection.components, ...s.selection.connections].join(' ')));
  const [tab, setTab] = useState<T>(key ? selectionTab : defaultTab);
  const [seenKey, setSeenKey] = useState(key);
  if (seenKey !== key) {
    // Adjusting state to a changed input during render (React's documented pattern), not in an effect.
    setSeenKey(key);
    if (key) setTab(selectionTab);
    else if (tab === selectionTab) setTab(defaultTab);
  }
  return [tab, setTab];
}
