'use client';
/**
 * The Decision tab: the editor's default panel, what an architect reads first. For now it shows the
 * whole design's totals (recommended against all in the data centre and all elastic) and the cost
 * bars in the placement colours. The decision headline (saving against each baseline, the risk in
 * words, why each alternative was not chosen, components grouped by where they run) is built here on
 * the plan's decision fields as the engine gains them (issue 13, with issues 11 and 12).
 */
import { useDeferredValue } from 'react';
import { usePlan } from '@/components/editor/editor-context';
import { CostBars, TotalsTable } from '@/components/results/design-results';
import { RunStatus } from '@/components/results/run-status';
import '@/components/results/results.css';

export function DecisionView() {
  // Deferred: a new plan re-renders the tables and chart in an interruptible render, never one long task.
  const plan = useDeferredValue(usePlan((s) => s.result?.plan ?? null));
  return (
    <section className="res" aria-label="Decision" data-testid="decision-view">
      <RunStatus />
      {plan ? (
        <>
          <TotalsTable totals={plan.totals} />
          <CostBars totals={plan.totals} />
        </>
      ) : (
        <p className="res-empty">The decision appears here once the design has been simulated.</p>
      )}
    </section>
  );
}
