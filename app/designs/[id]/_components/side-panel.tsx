'use client';
/** The right-hand panel: the selection (inspector and its results) or the whole design's results. */
import { useDeferredValue, useState } from 'react';
import { useEditor } from '@/components/editor/editor-context';
import { Inspector } from '@/components/inspector/inspector';
import dynamic from 'next/dynamic';
import { ComponentResults } from '@/components/results/component-results';
import { RunStatus } from '@/components/results/run-status';
import { PanelTabs } from '@/components/ui/panel-tabs';

// The whole-design tab (and its recharts bar chart) loads when first opened.
const DesignResults = dynamic(() => import('@/components/results/design-results').then((m) => m.DesignResults), {
  ssr: false,
});

type Tab = 'selection' | 'design';
const TABS = [
  { id: 'selection', label: 'Selection' },
  { id: 'design', label: 'Whole design' },
] as const;

export function SidePanel() {
  const [tab, setTab] = useState<Tab>('selection');
  // Deferred like the inspector's selection, so that the results' charts never delay a canvas frame.
  const selected = useDeferredValue(
    useEditor((s) =>
      s.selection.components.length === 1 && s.selection.connections.length === 0 ? s.selection.components[0] : null,
    ),
  );
  return (
    <aside className="editor-side" aria-label="Details">
      <PanelTabs tabs={TABS} active={tab} onChange={setTab}>
        {tab === 'selection' ? (
          <>
            <Inspector />
            {selected && (
              <>
                <RunStatus />
                <ComponentResults componentId={selected} />
              </>
            )}
          </>
        ) : (
          <DesignResults />
        )}
      </PanelTabs>
    </aside>
  );
}
