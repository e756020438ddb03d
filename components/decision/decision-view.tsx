'use client';
/**
 * The Decision tab: the editor's default panel, what an architect reads first. The headline (what the
 * recommendation costs a month, what it saves against each baseline, the risk accepted in words with
 * the tolerances quoted; on request its range over draws of the random load, total-range.tsx), why each cheaper or safer baseline was not chosen (the plan's own notes),
 * the components grouped by where they run with their monthly cost, and the wiring with its cost
 * lines. Every figure comes from core/present/decision.ts, in cents, so the groups plus the wiring add
 * up to the headline on screen.
 */
import { memo, useDeferredValue, useMemo } from 'react';
import { useEditor, useEditorStore, usePlan } from '@/components/editor/editor-context';
import { PlacementBadge } from '@/components/results/placement-badge';
import { RunStatus } from '@/components/results/run-status';
import { TotalRange } from './total-range';
import { Prose } from '@/components/ui/prose';
import { describeCostLine, formatCount, formatMoney, replayEvents, summariseDecision } from '@/core/present';
import type { BaselineRow, DecisionSummary } from '@/core/present';
import { retryableDynamic } from '@/components/ui/retryable-dynamic';
import '@/components/results/results.css';
import './decision.css';

const money = (cents: number) => formatMoney(cents / 100);

// Loads with the first plan: the price books it names are validated by their schema when they load,
// which the editor's first draw does not wait for (components/editor/lazy-core.ts).
const PriceBook = retryableDynamic(() => import('./price-book-line').then((m) => m.PriceBook));

/**
 * Memoised (it takes no props): the side panel re-renders when the selection changes, and the view's
 * hundreds of rows need not be compared again then; it re-renders when the plan or the names change.
 */
export const DecisionView = memo(function DecisionView() {
  // Deferred: a new plan re-renders the view in an interruptible render, never one long task.
  const result = useDeferredValue(usePlan((s) => s.result));
  const components = useEditor((s) => s.design.components);
  const summary = useMemo(() => {
    if (!result) return null;
    return summariseDecision(result.plan, {
      components,
      events: replayEvents(result),
      pointMinutes: result.series.pointMinutes,
    });
  }, [result, components]);
  return (
    <section className="res dec" aria-label="Decision" data-testid="decision-view">
      <RunStatus />
      {summary && result ? (
        <>
          <Headline summary={summary} />
          <TotalRange />
          <PriceBook />
          <WhyNot baselines={summary.baselines} />
          <Groups summary={summary} />
          <Wiring summary={summary} />
          <Sum summary={summary} />
          <p className="res-sub dec-search">
            {result.plan.search.method === 'exact'
              ? `The cheapest of ${formatCount(result.plan.search.combinations)} combinations the constraints allow, found exactly ${
                  result.plan.search.evaluated > 0
                    ? `(${formatCount(result.plan.search.evaluated)} evaluated in full).`
                    : '(here no component’s best option depends on where the others run, so none had to be compared in full).'
                }`
              : `A good combination of ${formatCount(result.plan.search.combinations)} the constraints allow, found by a heuristic search (${formatCount(result.plan.search.evaluated)} evaluated in full): this design is beyond the exact search's size.`}
          </p>
        </>
      ) : (
        <p className="res-empty">The decision appears here once the design has been simulated.</p>
      )}
    </section>
  );
});

function Headline({ summary }: { summary: DecisionSummary }) {
  return (
    <div className="res-section dec-headline">
      <h2>
        Recommended: <span data-testid="decision-total">{money(summary.totalCents)}</span> a month
      </h2>
      <ul className="dec-savings" aria-label="Against the baselines">
        {summary.baselines.map((b) => (
          <li key={b.key} data-testid={`saving-${b.key}`}>
            {b.savingCents > 0
              ? `${money(b.savingCents)} a month less than ${lower(b.label)} (${money(b.monthlyCents)})`
              : b.savingCents < 0
                ? `${money(-b.savingCents)} a month more than ${lower(b.label)} (${money(b.monthlyCents)})${b.worse ? `, which would run ${b.worse}` : ''}`
                : `The same as ${lower(b.label)} (${money(b.monthlyCents)})`}
            {b.also && `; ${b.also}`}
          </li>
        ))}
      </ul>
      <p className={summary.withinTolerance ? 'dec-risk' : 'dec-risk dec-risk-bad'} data-testid="decision-risk">
        <strong>Risk accepted: </strong>
        {summary.risk}
      </p>
    </div>
  );
}

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

function WhyNot({ baselines }: { baselines: BaselineRow[] }) {
  const alternatives = baselines.filter((b) => b.isAlternative);
  const dearer = baselines.filter((b) => !b.isAlternative);
  return (
    <div className="res-section" data-testid="decision-why-not">
      <h3>Why not the alternatives</h3>
      {alternatives.length === 0 && (
        <p className="res-sub">
          No baseline is cheaper or takes less risk: each costs{' '}
          {baselines.some((b) => b.savingCents === 0) ? 'as much or more' : 'more'}, for no fewer minutes over the
          targets and no fewer dropped requests.
        </p>
      )}
      <ul className="dec-why">
        {alternatives.map((b) => (
          <li key={b.key}>
            <strong>
              {b.label}
              {b.also && ` (${b.also})`}
            </strong>
            : {money(b.monthlyCents)} a month, {formatCount(b.sloViolationMinutes)} minutes over the targets,{' '}
            {formatCount(b.droppedRequests)} dropped requests.{' '}
            <span className="dec-note">
              <Prose text={b.detail} />
              {b.safer && ` ${b.safer}`}
            </span>
          </li>
        ))}
        {dearer.map((b) => (
          <li key={b.key} className="res-sub">
            <Prose text={b.note} />
          </li>
        ))}
      </ul>
      <p className="res-sub" data-testid="decision-single-defined">
        The best single environment is the one place, of the data centre, elastic VMs and functions, where the fewest
        components miss their targets; with as many missing, where they miss by least (fewer minutes over the targets,
        then fewer dropped requests); then the cheapest. All elastic is not one place: each component takes its cheapest
        elastic option the constraints allow.
      </p>
    </div>
  );
}

function Groups({ summary }: { summary: DecisionSummary }) {
  const store = useEditorStore();
  const select = (id: string) => store.getState().select({ components: [id], connections: [] });
  return (
    <div className="res-section">
      <h3>Where each component runs</h3>
      <table className="res-table dec-table" data-testid="decision-groups">
        <caption className="visually-hidden">Components by placement, with their monthly cost</caption>
        <tbody>
          {summary.groups.map((g) => (
            <GroupRows key={g.placement} group={g} onSelect={select} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GroupRows({ group, onSelect }: { group: DecisionSummary['groups'][number]; onSelect: (id: string) => void }) {
  return (
    <>
      <tr className="dec-group" data-placement={group.placement}>
        <th scope="rowgroup">
          <PlacementBadge placement={group.placement} />{' '}
          <span className="res-sub">
            {group.components.length} component{group.components.length === 1 ? '' : 's'}
          </span>
        </th>
        <td className="res-num" data-testid="group-subtotal">
          {money(group.subtotalCents)}
        </td>
      </tr>
      {group.components.map((c) => (
        <tr key={c.id} className="dec-item">
          <th scope="row">
            <button
              type="button"
              className="res-link"
              title={`Select ${c.name} on the canvas`}
              onClick={() => onSelect(c.id)}
            >
              {c.name}
            </button>
            {c.as && <span className="res-sub"> ({c.as})</span>}
          </th>
          <td className="res-num" data-testid="component-monthly">
            {money(c.monthlyCents)}
          </td>
        </tr>
      ))}
    </>
  );
}

function Wiring({ summary }: { summary: DecisionSummary }) {
  if (summary.wiring.length === 0)
    return <p className="res-sub">Nothing crosses between the data centre and the cloud: the split needs no wiring.</p>;
  return (
    <div className="res-section">
      <h3>The wiring the split needs</h3>
      <ul className="dec-wiring" data-testid="decision-wiring">
        {summary.wiring.map((w) => (
          <li key={w.id}>
            <details>
              <summary>
                <span className="dec-wiring-name">
                  {w.label} · {w.between.join(w.joiner)}
                  {w.billedInComponent && <span className="res-sub"> (in its component&rsquo;s cost)</span>}
                </span>
                <span className="res-num" data-testid="wiring-monthly">
                  {w.billedInComponent ? <span className="res-sub">included</span> : money(w.monthlyCents)}
                </span>
              </summary>
              {w.lines.length > 0 && (
                <ul className="dec-lines" aria-label="Cost lines">
                  {w.lines.map((l, i) => (
                    <li key={i}>
                      <span>{describeCostLine(l)}</span>
                      <span className="res-num">{formatMoney(l.monthlyCost)}</span>
                    </li>
                  ))}
                </ul>
              )}
              <p className="res-sub">
                <Prose text={w.reason} />
              </p>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The sum written out: components plus wiring is the headline. */
function Sum({ summary }: { summary: DecisionSummary }) {
  return (
    <p className="dec-sum" data-testid="decision-sum">
      Components <span className="res-num">{money(summary.componentsCents)}</span> + wiring{' '}
      <span className="res-num">{money(summary.wiringCents)}</span> ={' '}
      <strong className="res-num">{money(summary.componentsCents + summary.wiringCents)}</strong> a month
    </p>
  );
}
