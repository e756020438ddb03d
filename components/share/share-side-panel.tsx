'use client';
/**
 * The share page's right-hand panel, in the editor's three tabs: the decision for the whole design
 * (the default), the selection (a component's decision first, then its read-only details and
 * charts), and the whole design's every component and wiring. Selecting on the canvas opens the
 * selection tab.
 */
import { retryableDynamic } from '@/components/ui/retryable-dynamic';
import { useDeferredValue } from 'react';
import { PanelTabs } from '@/components/ui/panel-tabs';
import { useSelectionTab } from '@/components/ui/use-selection-tab';
import { useEditor } from '@/components/editor/editor-context';
import { ComponentCharts, ComponentDecision } from '@/components/results/component-results';
import { SelectionDetails } from './selection-details';

const DecisionView = retryableDynamic(() => import('@/components/decision/decision-view').then((m) => m.DecisionView));
const DesignResults = retryableDynamic(() =>
  import('@/components/results/design-results').then((m) => m.DesignResults),
);

type Tab = 'decision' | 'selection' | 'design';
const TABS = [
  { id: 'decision', label: 'Decision' },
  { id: 'selection', label: 'Selection' },
  { id: 'design', label: 'Whole design' },
] as const;

const decision = (id: string) => <ComponentDecision componentId={id} />;

export function ShareSidePanel() {
  const [tab, setTab] = useSelectionTab<Tab>('decision', 'selection');
  const selected = useDeferredValue(
    useEditor((s) =>
      s.selection.components.length === 1 && s.selection.connections.length === 0 ? s.selection.components[0] : null,
    ),
  );
  return (
    <aside className="editor-side" aria-label="Details">
      <PanelTabs tabs={TABS} active={tab} onChange={setTab}>
        {tab === 'decision' && <DecisionView />}
        {tab === 'selection' && (
          <>
            <SelectionDetails decision={decision} />
            {selected && <ComponentCharts componentId={selected} />}
          </>
        )}
        {tab === 'design' && <DesignResults />}
      </PanelTabs>
    </aside>
  );
}
