'use client';
/**
 * Two scenarios side by side (issue 16): what the change does to the decision and its cost first —
 * the engine's plan of each design, made in the plan worker, compared by core/present's
 * diffScenarios — then the two canvases with what changed outlined, then every component's placement
 * and cost on each side, the wiring the split needs, and the connections and settings that differ.
 * Read-only throughout: it never writes, and the share page shows it as it is. `actions` is where the
 * editor puts what only an editor may do (share the comparison).
 */
import { useMemo, type ReactNode } from 'react';
import type { Design } from '@/core/model';
import { diffDesigns } from '@/core/edit';
import {
  diffScenarios,
  formatCount,
  formatDeltaCents,
  formatMoney,
  placementChange,
  progressPercent,
  type ComponentRow,
  type ScenarioDiff,
} from '@/core/present';
import { DiffCanvases, type MarkedRow } from './diff-canvases';
import { MARK_LABELS, MARK_ORDER } from './diff-node';
import { useScenarioPlans, type SidePlan } from './use-scenario-plans';
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
}: {
  before: ScenarioInput;
  after: ScenarioInput;
  actions?: ReactNode;
}) {
  const plans = useScenarioPlans(before.design, after.design);
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
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col" className="sc-num">
                Before
              </th>
              <th scope="col" className="sc-num">
                After
              </th>
              <th scope="col" className="sc-num">
                Change
              </th>
              <th scope="col" className="sc-num">
                Minutes over the SLO
              </th>
              <th scope="col" className="sc-num">
                Dropped requests
              </th>
            </tr>
          </thead>
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

/** Every component, the changed ones first (largest change of cost first), then the rest in order. */
function ComponentTable({ rows }: { rows: ComponentRow[] }) {
  const ordered = [
    ...rows.filter((r) => r.isChanged).sort((x, y) => Math.abs(y.deltaCents) - Math.abs(x.deltaCents)),
    ...rows.filter((r) => !r.isChanged),
  ];
  return (
    <section aria-labelledby="sc-components-title" className="sc-section">
      <h2 id="sc-components-title">Components</h2>
      <div className="sc-scroll" tabIndex={0} role="region" aria-labelledby="sc-components-title">
        <table className="table sc-table" data-testid="compare-components">
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col">Changed in the design</th>
              <th scope="col">Where it runs</th>
              <th scope="col" className="sc-num">
                Before
              </th>
              <th scope="col" className="sc-num">
                After
              </th>
              <th scope="col" className="sc-num">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((r) => (
              <tr key={r.id} data-testid={`compare-row-${r.id}`} className={r.isChanged ? 'sc-changed' : undefined}>
                <th scope="row">{r.name}</th>
                <td>
                  <DesignMarks row={r} />
                </td>
                <td className={r.isPlacementChanged ? 'sc-placement-changed' : undefined}>{placementChange(r)}</td>
                <td className="sc-num">{r.before ? money(r.before.monthlyCents) : '—'}</td>
                <td className="sc-num">{r.after ? money(r.after.monthlyCents) : '—'}</td>
                <td className="sc-num" data-sign={Math.sign(r.deltaCents)}>
                  {formatDeltaCents(r.deltaCents)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function DesignMarks({ row }: { row: ComponentRow }) {
  const marks = [
    row.presence === 'added' && 'added',
    row.presence === 'removed' && 'removed',
    row.isRetagged && 'retagged',
    row.isMoved && 'moved',
  ].filter((m): m is 'added' | 'removed' | 'retagged' | 'moved' => typeof m === 'string');
  if (marks.length === 0) return <span className="muted">not edited</span>;
  return (
    <>
      {marks.map((m) => (
        <span key={m} className="sc-mark" data-mark={m}>
          {MARK_LABELS[m]}
        </span>
      ))}
      {row.edits.length > 0 && <div className="sc-edits">{row.edits.join('; ')}</div>}
    </>
  );
}

function WiringTable({ diff }: { diff: ScenarioDiff }) {
  const changed = diff.wiring.filter((w) => w.presence !== 'kept' || w.beforeCents !== w.afterCents);
  return (
    <section aria-labelledby="sc-wiring-title" className="sc-section">
      <h2 id="sc-wiring-title">Wiring the split needs</h2>
      {changed.length === 0 ? (
        <p className="muted">The same wiring at the same cost ({money(diff.wiringCents.after)} a month).</p>
      ) : (
        <div className="sc-scroll" tabIndex={0} role="region" aria-labelledby="sc-wiring-title">
          <table className="table sc-table" data-testid="compare-wiring">
            <thead>
              <tr>
                <th scope="col">Element</th>
                <th scope="col">Between</th>
                <th scope="col">Change</th>
                <th scope="col" className="sc-num">
                  Before
                </th>
                <th scope="col" className="sc-num">
                  After
                </th>
              </tr>
            </thead>
            <tbody>
              {changed.map((w) => (
                <tr key={w.key}>
                  <th scope="row">{w.label}</th>
                  <td>{w.between}</td>
                  <td>{w.presence === 'kept' ? 'cost changed' : w.presence}</td>
                  <td className="sc-num">{w.presence === 'added' ? '—' : money(w.beforeCents)}</td>
                  <td className="sc-num">{w.presence === 'removed' ? '—' : money(w.afterCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function DesignChanges({ diff }: { diff: ScenarioDiff['design'] }) {
  const connections = diff.connections.filter((c) => c.presence !== 'kept' || c.edits.length > 0);
  return (
    <section aria-labelledby="sc-other-title" className="sc-section">
      <h2 id="sc-other-title">Connections and settings</h2>
      {connections.length === 0 && diff.settings.length === 0 ? (
        <p className="muted">The same connections and the same settings.</p>
      ) : (
        <ul className="sc-list" data-testid="compare-connections">
          {connections.map((c) => (
            <li key={`${c.presence}-${c.id}`}>
              {c.between}:{' '}
              {c.presence === 'kept' ? c.edits.join(', ') : c.presence === 'added' ? 'connected' : 'disconnected'}
            </li>
          ))}
          {diff.settings.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
