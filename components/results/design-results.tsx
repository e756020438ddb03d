'use client';
/**
 * The whole design's results: how current they are, the recommendation's totals against putting
 * everything in the data centre or everything in the cloud (table and cost bars), and every
 * component's placement and figures. Clicking a component's row selects it on the canvas.
 */
import { memo, useDeferredValue } from 'react';
import { useEditor, useEditorStore, usePlan } from '@/components/editor/editor-context';
import { roundCents, WIRING_LABELS, type PlacementEntry, type Plan } from '@/core/model';
import { formatCount, formatMoney, formatMs } from '@/core/present';
import { Prose } from '@/components/ui/prose';
import { PlacementBadge } from './placement-badge';
import { RunStatus } from './run-status';
import './results.css';

const TOTALS: { key: keyof Plan['totals']; label: string }[] = [
  { key: 'recommended', label: 'Recommended' },
  { key: 'allStatic', label: 'All in the data centre' },
  { key: 'allElastic', label: 'All elastic' },
];

export function DesignResults() {
  // Deferred: a new plan re-renders the tables and chart in an interruptible render, never one long task.
  const plan = useDeferredValue(usePlan((s) => s.result?.plan ?? null));
  return (
    <section className="res" aria-label="Design results">
      <RunStatus />
      {plan ? (
        <>
          <TotalsTable totals={plan.totals} />
          <CostBars totals={plan.totals} />
          <ComponentsTable placements={plan.placements} />
          <WiringList wiring={plan.wiring} />
        </>
      ) : (
        <p className="res-empty">Results appear here once the design has been simulated.</p>
      )}
    </section>
  );
}

export function TotalsTable({ totals }: { totals: Plan['totals'] }) {
  const saving = totals.allStatic.monthlyCost - totals.recommended.monthlyCost;
  return (
    <div className="res-section">
      <table className="res-table">
        <caption>Totals for the month</caption>
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Cost / month</th>
            <th scope="col">SLO violation</th>
            <th scope="col">Dropped</th>
          </tr>
        </thead>
        <tbody>
          {TOTALS.map(({ key, label }) => {
            const t = totals[key];
            return (
              <tr key={key} className={key === 'recommended' ? 'res-chosen' : undefined}>
                <th scope="row">{label}</th>
                <td className="res-num">{formatMoney(t.monthlyCost)}</td>
                <td className={`res-num${t.sloViolationMinutes > 0 ? ' res-bad' : ''}`}>
                  {formatCount(t.sloViolationMinutes)} min
                </td>
                <td className={`res-num${t.droppedRequests > 0 ? ' res-bad' : ''}`}>
                  {formatCount(t.droppedRequests)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {totals.allStatic.monthlyCost > 0 && (
        <p className="res-sub">
          {saving >= 0
            ? `The recommendation costs ${formatMoney(saving)} (${Math.round((saving / totals.allStatic.monthlyCost) * 100)} %) less a month than all in the data centre.`
            : `The recommendation costs ${formatMoney(-saving)} more a month than all in the data centre, to meet the SLOs.`}
        </p>
      )}
    </div>
  );
}

/**
 * Cost of the three plans as bars, drawn in HTML (a bar's width is its share of the dearest); the
 * table above carries the same figures for screen readers.
 */
export const CostBars = memo(function CostBars({ totals }: { totals: Plan['totals'] }) {
  const data = TOTALS.map(({ key, label }) => ({ key, label, cost: roundCents(totals[key].monthlyCost) }));
  const most = Math.max(0, ...data.map((d) => d.cost));
  return (
    <div className="res-bars" aria-hidden="true">
      {data.map(({ key, label, cost }) => (
        <div key={key} className="res-bar-row" data-total={key}>
          <span className="res-bar-label">{label}</span>
          <span className="res-bar-track">
            <i className="res-bar" style={{ width: `${most > 0 ? (100 * cost) / most : 0}%` }} />
            <span className="res-bar-value">{formatMoney(cost)}</span>
          </span>
        </div>
      ))}
    </div>
  );
});

function ComponentsTable({ placements }: { placements: PlacementEntry[] }) {
  const store = useEditorStore();
  const names = useEditor((s) => s.design.components);
  const selected = useEditor((s) => s.selection.components);
  const nameOf = new Map(names.map((c) => [c.id, c.name]));
  const select = (id: string) => store.getState().select({ components: [id], connections: [] });
  return (
    <div className="res-scroll">
      <table className="res-table res-compact">
        <caption>Every component</caption>
        <thead>
          <tr>
            <th scope="col">Component</th>
            <th scope="col">Placement</th>
            <th scope="col">Cost</th>
            <th scope="col">p95</th>
            <th scope="col" title="SLO violation, minutes a month">
              SLO min
            </th>
          </tr>
        </thead>
        <tbody>
          {placements.map((p) => {
            const chosen = p.options.find((o) => o.placement === p.placement);
            const name = nameOf.get(p.componentId) || p.componentId;
            return (
              <tr
                key={p.componentId}
                className="res-row"
                data-selected={selected.includes(p.componentId)}
                onClick={() => select(p.componentId)}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="res-link"
                    aria-current={selected.includes(p.componentId) ? 'true' : undefined}
                    title={`Select ${name}`}
                    onClick={(e) => (e.stopPropagation(), select(p.componentId))}
                  >
                    {name}
                  </button>
                </th>
                <td>
                  <PlacementBadge placement={p.placement} />
                </td>
                <td className="res-num">{chosen ? formatMoney(chosen.monthlyCost) : '—'}</td>
                <td className="res-num">{chosen ? formatMs(chosen.p95LatencyMs) : '—'}</td>
                <td className={`res-num${chosen && chosen.sloViolationMinutes > 0 ? ' res-bad' : ''}`}>
                  {chosen ? formatCount(chosen.sloViolationMinutes) : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** What the split inserts (queues, storage, gateways…), each with the reason it is there. */
function WiringList({ wiring }: { wiring: Plan['wiring'] }) {
  const names = useEditor((s) => s.design.components);
  if (wiring.length === 0)
    return <p className="res-sub">Nothing crosses between the data centre and the cloud: no wiring is inserted.</p>;
  const nameOf = new Map(names.map((c) => [c.id, c.name]));
  return (
    <details className="res-section res-wiring">
      <summary>
        <h3>Inserted wiring ({wiring.length})</h3>
      </summary>
      <ul>
        {wiring.map((w) => (
          <li key={w.id}>
            <strong>{WIRING_LABELS[w.kind]}</strong> · {w.componentIds.map((id) => nameOf.get(id) || id).join(' → ')}
            {w.monthlyCost !== undefined && ` · ${formatMoney(w.monthlyCost)} / month`}
            <div className="res-sub">
              <Prose text={w.reason} />
            </div>
          </li>
        ))}
      </ul>
    </details>
  );
}
