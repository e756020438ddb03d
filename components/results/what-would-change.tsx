'use client';
/**
 * "What would change this?" for the selected component (issue 16): on request, the insight worker
 * searches the inputs that would flip its placement — its base and peak load, CPU time, SLO and the
 * three key prices — and plans the design over 20 seeds of its random load. The answer reads as
 * sentences ("stays in the data centre until its peak passes 340 rps; then burst") and as each
 * option's cost range. An answer belongs to the design it was asked for: an edit that changes the plan
 * marks it out of date. Only where a plan worker runs (the editor), like Compare providers. The answer
 * is kept in the plan store: shown again when the component is selected again, and exported with the
 * plan while it is current.
 */
import { useState } from 'react';
import { useEditor, usePlan, usePlanStore } from '@/components/editor/editor-context';
import { changesPlan } from '@/core/edit';
import { PLACEMENT_LABELS } from '@/core/model';
import { type InsightAnswer, useInsightSearch } from './use-insight-search';
import {
  describeTippingPoint,
  formatCount,
  formatDuration,
  formatMoney,
  formatShare,
  isUncertain,
} from '@/core/present';

export function WhatWouldChange({ componentId }: { componentId: string }) {
  const design = useEditor((s) => s.design);
  const canSearch = usePlan((s) => s.canCompare);
  const planStore = usePlanStore();
  const name = design.components.find((c) => c.id === componentId)?.name || componentId;
  // Read once: the panel is keyed by component, and its own state follows from there.
  const [kept] = useState(() => planStore.getState().insights[componentId]);
  const { state, search } = useInsightSearch(kept ? { status: 'done', ...kept } : undefined, (asked, answer) =>
    planStore.getState().recordInsight(componentId, { design: asked, answer }),
  );
  if (!canSearch) return null;

  const isStale = state.status !== 'idle' && state.design !== design && changesPlan(state.design, design);
  return (
    <div className="res-section res-insight" data-testid="what-would-change">
      <h4>What would change this?</h4>
      {state.status === 'idle' && (
        <p className="res-sub">
          The inputs that would move {name} elsewhere, and what it costs over many draws of its random load: a search of
          a few seconds that re-plans the design, off this page.
        </p>
      )}
      {state.status === 'running' && (
        <p className="res-sub" role="status" aria-live="polite">
          Searching: re-planning the design with each input changed…
        </p>
      )}
      {state.status === 'failed' && (
        <p className="res-sub res-bad" role="alert">
          {state.error}
        </p>
      )}
      {state.status === 'done' && <ComponentAnswer name={name} answer={state.answer} />}
      {isStale && <p className="res-sub">The design has changed since: search again for the current one.</p>}
      {state.status !== 'running' && (
        <button
          type="button"
          className="button"
          onClick={() => search(design, componentId)}
          data-testid="search-tipping-points"
        >
          {state.status === 'idle' ? 'Find what would change it' : 'Search again'}
        </button>
      )}
    </div>
  );
}

function ComponentAnswer({ name, answer }: { name: string; answer: InsightAnswer }) {
  const ranges = answer.ranges;
  // The search started from the design as it was asked for: its placement is the one the sentences keep.
  const from = answer.placement;
  if (from === null) return null;
  return (
    <>
      {answer.tippingPoints.length === 0 ? (
        <p className="res-sub" data-testid="no-tipping-point">
          Nothing flips it: within a tenth and ten times today’s value of its base and peak load, its CPU time, its SLO,
          a data-centre core, a VM hour and a function GB-second, it stays {PLACEMENT_LABELS[from].toLowerCase()}.
        </p>
      ) : (
        <ul className="res-reasons" aria-label="Tipping points">
          {answer.tippingPoints.map((p, i) => (
            <li key={i} data-testid="tipping-point">
              <span>
                {name} {describeTippingPoint(p, from)}.
              </span>
            </li>
          ))}
        </ul>
      )}
      {ranges && isUncertain(ranges) && (
        <table className="res-table res-ranges" data-testid="cost-ranges">
          <caption>
            Over {ranges.seeds} draws of its random load
            {ranges.differentShare > 0
              ? `: another placement in ${formatShare(ranges.differentShare)} of them`
              : ': the same placement every time'}
          </caption>
          <thead>
            <tr>
              <td />
              <th scope="col">Cost, P10–P90</th>
              <th scope="col">Median</th>
              <th scope="col">SLO min, P90</th>
              <th scope="col">Dropped, P90</th>
            </tr>
          </thead>
          <tbody>
            {ranges.options.map((o) => (
              <tr key={o.placement} className={o.placement === from ? 'res-chosen' : undefined}>
                <th scope="row">{PLACEMENT_LABELS[o.placement]}</th>
                <td className="res-num">
                  {o.monthlyCost.p10 === o.monthlyCost.p90
                    ? formatMoney(o.monthlyCost.p10)
                    : `${formatMoney(o.monthlyCost.p10)}–${formatMoney(o.monthlyCost.p90)}`}
                </td>
                <td className="res-num">{formatMoney(o.monthlyCost.p50)}</td>
                <td className={`res-num${o.sloViolationMinutes.p90 > 0 ? ' res-bad' : ''}`}>
                  {formatCount(o.sloViolationMinutes.p90)}
                </td>
                <td className={`res-num${o.droppedRequests.p90 > 0 ? ' res-bad' : ''}`}>
                  {formatCount(o.droppedRequests.p90)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="res-sub">
        {answer.replans} re-plans in {formatDuration(answer.ms)}; each point was checked by planning the design just
        before and just beyond it.
      </p>
    </>
  );
}
