'use client';
/**
 * The share page's right-hand panel: the recommendation for the whole design (totals, cost bars,
 * every component's placement) or the selection (read-only details, then its reasons, options and
 * charts). Selecting something on the canvas opens the selection tab.
 */
import dynamic from 'next/dynamic';
import { useDeferredValue, useState } from 'react';
import { PanelTabs } from '@/components/ui/panel-tabs';
import { useEditor } from '@/components/editor/editor-context';
import { ComponentResults } from '@/components/results/component-results';
import { RunStatus } from '@/components/results/run-status';
import { SelectionDetails } from './selection-details';

const DesignResults = dynamic(() => import('@/components/results/design-results').then((m) => m.DesignResults), {
  ssr: false,
});

type Tab = 'design' | 'selection';
const TABS = [
  { id: 'design', label: 'Recommendation' },
  { id: 'selection', label: 'Selection' },
] as const;

export function ShareSidePanel() {
  const selectionKey = useEditor((s) => [...s.selection.components, ...s.selection.connections].join(' '));
  const [tab, setTab] = useState<Tab>('design');
  const [seenKey, setSeenKey] = useState(selectionKey);
  if (seenKey !== selectionKey) {
    setSeenKey(selectionKey);
    setTab(selectionKey ? 'selection' : 'design');
  }
  const selected = useDeferredValue(
    useEditor((s) =>
      s.selection.components.length === 1 && s.selection.connections.length === 0 ? s.selection.components[0] : null,
    ),
  );
  return (
    <aside className="editor-side" aria-label="Details">
      <PanelTabs tabs={TABS} active={tab} onChange={setTab}>
        {tab === 'design' ? (
          <DesignResults />
        ) : (
          <>
            <SelectionDetails />
            {selected && (
              <>
                <RunStatus />
                <ComponentResults componentId={selected} />
              </>
            )}
          </>
        )}
      </PanelTabs>
    </aside>
  );
}
