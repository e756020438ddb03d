'use client';
/** The right-hand panel: the selection (inspector and its results) or the whole design's results. */
import { useDeferredValue, useState } from 'react';
import { useEditor } from '@/components/editor/editor-context';
import { Inspector } from '@/components/inspector/inspector';
import dynamic from 'next/dynamic';
import { ComponentResults } from '@/components/results/component-results';
import { RunStatus } from '@/components/results/run-status';

// The whole-design tab (and its recharts bar chart) loads when first opened.
const DesignResults = dynamic(() => import('@/components/results/design-results').then((m) => m.DesignResults), { ssr: false });

type Tab = 'selection' | 'design';

export function SidePanel() {
  const [tab, setTab] = useState<Tab>('selection');
  // Deferred like the inspector's selection, so that the results' charts never delay a canvas frame.
  const selected = useDeferredValue(useEditor((s) => (s.selection.components.length === 1 && s.selection.connections.length === 0 ? s.selection.components[0] : null)));
  return (
    <aside className="editor-side" aria-label="Details">
      <div role="tablist" aria-label="Panel" className="tabs">
        {(['selection', 'design'] as const).map((t) => (
          <button key={t} type="button" role="tab" id={`tab-${t}`} aria-selected={tab === t} aria-controls={`panel-${t}`} className="tab" onClick={() => setTab(t)}>
            {t === 'selection' ? 'Selection' : 'Whole design'}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
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
      </div>
    </aside>
  );
}
