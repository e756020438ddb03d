'use client';
/**
 * The right-hand panel, in three tabs. *Decision* (the default) is what the plan decided for the
 * whole design. *Selection* opens when something is selected: a component's decision (placement,
 * cost, reasons, options) first, then its edit form, then its charts; or a connection's form.
 * *Whole design* lists every component's placement and figures and the inserted wiring.
 * *Assumptions* shows the price book, the horizon, prices, autoscaling figures and tolerances, with
 * their sources. The provider comparison's dialog (opened from Decision or Assumptions) lives here.
 */
import { useDeferredValue, useState } from 'react';
import { retryableDynamic } from '@/components/ui/retryable-dynamic';
import { useEditor, usePlan } from '@/components/editor/editor-context';
import { ComponentCharts, ComponentDecision } from '@/components/results/component-results';
import { PanelTabs } from '@/components/ui/panel-tabs';
import { useSelectionTab } from '@/components/ui/use-selection-tab';

// The tabs load when first shown; the inspector, the assumptions and the providers' comparison check
// what is typed with the design's schemas, which the editor's first draw does not load (lazy-core.ts).
const Inspector = retryableDynamic(() => import('@/components/inspector/inspector').then((m) => m.Inspector));
const AssumptionsPanel = retryableDynamic(() =>
  import('@/components/assumptions/assumptions-panel').then((m) => m.AssumptionsPanel),
);
const CompareProvidersDialog = retryableDynamic(() =>
  import('@/components/compare/compare-providers').then((m) => m.CompareProvidersDialog),
);
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
  // The comparison's dialog is made when it is first opened, and kept (it closes itself).
  const comparing = usePlan((s) => s.comparison.open);
  const [compared, setCompared] = useState(comparing);
  if (comparing && !compared) setCompared(true);
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
      {compared && <CompareProvidersDialog />}
    </aside>
  );
}
