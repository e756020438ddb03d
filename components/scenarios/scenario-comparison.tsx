'use client';
/**
 * Two scenarios side by side (issue 16): what the change does to the decision and its cost first —
 * the engine's plan of each design, made in the plan worker, compared by core/present's
 * diffScenarios — then the two canvases with what changed outlined, then every component's placement
 * and cost on each side, the wiring the split needs, and the connections and settings that differ.
 * Read-only throughout: it never writes, and the share page shows it as it is. `actions` is where the
 * editor puts what only an editor may do (share the comparison), `back` its way back to the designs
 * list (a shared comparison's reader may have none).
 */
import { useMemo, type ReactNode } from 'react';
import type { Design } from '@/core/model';
import { diffDesigns } from '@/core/edit';
import {
  diffScenarios,
  formatCount,
  formatDeltaCents,
  formatMoney,
  progressPercent,
  type ScenarioDiff,
} from '@/core/present';
import { ComponentTable, DesignChanges, Heads, WiringTable } from './comparison-tables';
import { DiffCanvases, type MarkedRow } from './diff-canvases';
import { MARK_LABELS, MARK_ORDER } from './diff-node';
import type { SidePlan } from './scenario-runs';
import { useScenarioPlans } from './use-scenario-plans';
import './scenarios.css';

export interface ScenarioInput {
  design: Design;
  /** `Retail shop, revision 3` */
  title: string;
}

const money = (cents: number) => formatMoney(cents / 100);

export function ScenarioComparison({
  before,
  after,
  actions,
  back,
  storedPlans,
}: {
  before: ScenarioInput;
  after: ScenarioInput;
  actions?: ReactNode;
  back?: ReactNode;
  /** A shared comparison's two plan paths (app/s/[token]/plan): its plans as the server stored them. */
  storedPlans?: readonly [string, string];
}) {
  const plans = useScenarioPlans(before.design, after.design, storedPlans);
  const planA = plans.before.state === 'done' ? plans.before.plan : null;
  const planB = plans.after.state === 'done' ? plans.after.plan : null;
  const designDiff = useMemo(() => diffDesigns(before.design, after.design), [before.design, after.design]);
  const diff = useMemo(
    () =>
      planA && planB
        ? diffScenarios({ design: before.design, plan: planA }, { design: after.design, plan: planB })
        : null,
    [before.design, after.design, planA, planB],
  );
  const rows = useMemo(
    () => new Map<string, MarkedRow>((diff?.components ?? designDiff.components).map((r) => [r.id, r])),
    [diff, designDiff],
  );
  return (
    <main className="page sc-page">
      {back}
      <div className="sc-head">
        <div>
          <h1>Compare scenarios</h1>
          <p className="sc-sides">
            <span className="sc-side-tag">Before</span> {before.title} <span aria-hidden="true">→</span>{' '}
            <span className="sc-side-tag">After</span> {after.title}
          </p>
        </div>
        {actions && <div className="sc-actions">{actions}</div>}
      </div>
      <PlanStatus before={plans.before} after={plans.after} />
      {diff && <Outcome diff={diff} />}
      <section aria-labelledby="sc-canvases-title" className="sc-section">
        <h2 id="sc-canvases-title">The two designs</h2>
        <ChangeLegend />
        <DiffCanvases
          rows={rows}
          sides={[
            { side: 'before', title: `Before: ${before.title}`, design: before.design, plan: planA },
            { side: 'after', title: `After: ${after.title}`, design: after.design, plan: planB },
          ]}
        />
      </section>
      {diff && <ComponentTable rows={diff.components} />}
      {diff && <WiringTable diff={diff} />}
      <DesignChanges diff={diff?.design ?? designDiff} />
    </main>
  );
}

function PlanStatus({ before, after }: { before: SidePlan; after: SidePlan }) {
  const text = (label: string, s: SidePlan) =>
    s.state === 'running'
      ? `Planning ${label}… ${progressPercent(s.progress)} %`
      : s.state === 'waiting'
        ? `${label} waits its turn.`
        : null;
  const running = [text('the first scenario', before), text('the second scenario', after)].filter(Boolean);
  const failures = [
    before.state === 'failed' && `The first scenario could not be planned. ${before.message}`,
    after.state === 'failed' && `The second scenario could not be planned. ${after.message}`,
  ].filter((x): x is string => typeof x === 'string');
  return (
    <>
      <p className="sc-status" role="status" aria-live="polite" data-testid="compare-plan-status">
        {running.length > 0 ? running.join(' ') : failures.length === 0 ? 'Both scenarios planned.' : ''}
      </p>
      {failures.map((f) => (
        <p key={f} className="error" role="alert">
          {f}
        </p>
      ))}
    </>
  );
}

/** What it does to the decision and the cost, leading: the sentences, then the totals and their sum. */
function Outcome({ diff }: { diff: ScenarioDiff }) {
  const rec = diff.totals.find((t) => t.key === 'recommended');
  const componentsDelta = diff.componentsCents.after - diff.componentsCents.before;
  const wiringDelta = diff.wiringCents.after - diff.wiringCents.before;
  return (
    <section aria-labelledby="sc-outcome-title" className="sc-section sc-outcome">
      <h2 id="sc-outcome-title">What changes in the decision</h2>
      <ul className="sc-summary" data-testid="compare-summary">
        {diff.summary.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <div className="sc-scroll" tabIndex={0} role="region" aria-labelledby="sc-totals-caption">
        <table className="table sc-table" data-testid="compare-totals">
          <caption id="sc-totals-caption" className="visually-hidden">
            Monthly totals before and after
          </caption>
          <Heads text={['Plan']} numbers={['Before', 'After', 'Change', 'Minutes over the SLO', 'Dropped requests']} />
          <tbody>
            {diff.totals.map((t) => (
              <tr
                key={t.key}
                data-testid={`compare-total-${t.key}`}
                className={t.key === 'recommended' ? 'sc-lead' : ''}
              >
                <th scope="row">{t.label}</th>
                <td className="sc-num">{money(t.beforeCents)}</td>
                <td className="sc-num">{money(t.afterCents)}</td>
                <td className="sc-num" data-sign={Math.sign(t.deltaCents)}>
                  {formatDeltaCents(t.deltaCents)}
                </td>
                <td className="sc-num">{arrow(t.sloBefore, t.sloAfter)}</td>
                <td className="sc-num">{arrow(t.droppedBefore, t.droppedAfter)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rec && (
        <p className="sc-sum" data-testid="compare-sum">
          Where the change comes from: components {formatDeltaCents(componentsDelta)} + wiring{' '}
          {formatDeltaCents(wiringDelta)} = {formatDeltaCents(rec.deltaCents)} a month.
        </p>
      )}
    </section>
  );
}

const arrow = (a: number, b: number) => (a === b ? formatCount(a) : `${formatCount(a)} → ${formatCount(b)}`);

function ChangeLegend() {
  return (
    <ul className="sc-legend" aria-label="What the outlines mean">
      {MARK_ORDER.map((m) => (
        <li key={m} className="sc-mark" data-mark={m}>
          {MARK_LABELS[m]}
        </li>
      ))}
    </ul>
  );
}
