'use client';
/**
 * The right-hand panel, in three tabs. *Decision* (the default) is what the plan decided for the
 * whole design. *Selection* opens when something is selected: a component's decision (placement,
 * cost, reasons, options) first, then its edit form, then its charts; or a connection's form.
 * *Whole design* lists every component's placement and figures and the inserted wiring.
 * *Assumptions* shows the price book, the horizon, prices, autoscaling figures and tolerances, with
 * their sources. The provider comparison's dialog (opened from Decision or Assumptions) lives here.
 */
import { useDeferredValue } from 'react';
import { retryableDynamic } from '@/components/ui/retryable-dynamic';
import { useEditor } from '@/components/editor/editor-context';
import { AssumptionsPanel } from '@/components/assumptions/assumptions-panel';
import { CompareProvidersDialog } from '@/components/compare/compare-providers';
import { Inspector } from '@/components/inspector/inspector';
import { ComponentCharts, ComponentDecision } from '@/components/results/component-results';
import { PanelTabs } from '@/components/ui/panel-tabs';
import { useSelectionTab } from '@/components/ui/use-selection-tab';

// The decision and whole-design tabs load when first shown.
const DecisionView = retryableDynamic(() => import('@/components/decision/decision-view').then((m) => m.DecisionView));
const DesignResults = retryableDynamic(() =>
  import('@/components/results/design-results').then((m) => m.DesignResults),
);

type Tab = 'decision' | 'selection' | 'design' | 'assumptions';
const TABS = [
  { id: 'decision', label: 'Decision' },
  { id: 'selection', label: 'Selection' },
  { id: 'design', label: 'Whole design' },
  { id: 'assumptions', label: 'Assumptions' },
] as const;

const decision = (id: string) => <ComponentDecision componentId={id} />;

export function SidePanel() {
  const [tab, setTab] = useSelectionTab<Tab>('decision', 'selection');
  // Deferred like the inspector's selection, so that the results' charts never delay a canvas frame.
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
            <Inspector decision={decision} />
            {selected && <ComponentCharts componentId={selected} />}
          </>
        )}
        {tab === 'design' && <DesignResults />}
        {tab === 'assumptions' && <AssumptionsPanel />}
      </PanelTabs>
      <CompareProvidersDialog />
    </aside>
  );
}
