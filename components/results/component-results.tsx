'use client';
/**
 * The selected component's decision, shown before its edit form: where it runs and what that costs a
 * month, why (rule badges), what the timeline scrubber's moment looks like, and its four options side
 * by side (cost, latency, SLO, drops, notes; the chosen one highlighted), and on request what would
 * change it (what-would-change.tsx). ComponentCharts draws
 * demand against capacity for each option, further down.
 */
import { useDeferredValue } from 'react';
import { useEditor, usePlan } from '@/components/editor/editor-context';
import { PLACEMENTS, type PlacementEntry, type PlanOption, PLACEMENT_LABELS } from '@/core/model';
import { formatCount, formatMoney, formatMs, formatPointTime, formatRps, utilisationAt } from '@/core/present';
import { retryableDynamic } from '@/components/ui/retryable-dynamic';

// The charts load with the first selection, not with the editor page.
const OptionCharts = retryableDynamic(() => import('./option-charts').then((m) => m.OptionCharts), { height: 320 });
import { Prose, RuleLink } from '@/components/ui/prose';
import { PlacementBadge } from './placement-badge';
import { RunStatus } from './run-status';
import { WhatWouldChange } from './what-would-change';
import './results.css';

/** The plan's entry and chart series for one component, deferred so a new plan never blocks a frame. */
function useComponentResult(componentId: string) {
  // Deferred: a new plan re-renders the charts in an interruptible render, never one long task.
  const result = useDeferredValue(usePlan((s) => s.result));
  const running = usePlan((s) => s.running);
  const entry = result?.plan.placements.find((p) => p.componentId === componentId);
  const series = result?.series.components[componentId];
  return { result, running, entry, series };
}

export function ComponentDecision({ componentId }: { componentId: string }) {
  const name = useEditor((s) => s.design.components.find((c) => c.id === componentId)?.name);
  const { running, entry, series } = useComponentResult(componentId);
  if (!entry || !series) {
    return (
      <section className="res" aria-label={`Decision for ${name ?? componentId}`}>
        <p className="res-empty">{running ? 'Simulating…' : 'No results for this component yet.'}</p>
      </section>
    );
  }
  const chosen = entry.options.find((o) => o.placement === entry.placement);
  return (
    <section className="res" aria-label={`Decision for ${name ?? componentId}`}>
      {/* While a component is edited its tab is the one on screen: it says how current the figures are. */}
      <RunStatus />
      <div className="res-section res-decision">
        <h3 className="res-headline" data-testid="component-decision">
          Runs in <PlacementBadge placement={entry.placement} />
          {chosen && (
            <span className="res-cost" data-testid="component-cost">
              {formatMoney(chosen.monthlyCost)} / month
            </span>
          )}
        </h3>
        {entry.demand && (
          <p className="res-sub">
            {entry.effectivePattern} load · mean {formatRps(entry.demand.meanRps)} rps · peak{' '}
            {formatRps(entry.demand.peakRps)} rps · {formatCount(entry.demand.requestsPerMonth)} requests a month
          </p>
        )}
        <ul className="res-reasons" aria-label="Why">
          {entry.reasons.map((r, i) => (
            <li key={i}>
              <span className="res-rule">
                <RuleLink rule={r.rule} />
              </span>
              <span>
                <Prose text={r.text} />
              </span>
            </li>
          ))}
        </ul>
      </div>
      <TimelineMoment componentId={componentId} entry={entry} />
      <OptionsTable entry={entry} />
      <WhatWouldChange key={componentId} componentId={componentId} />
    </section>
  );
}

/** Demand against capacity over the month for each of the component's four options. */
export function ComponentCharts({ componentId }: { componentId: string }) {
  const { result, entry, series } = useComponentResult(componentId);
  if (!result || !entry || !series) return null;
  return (
    <section className="res" aria-label="Demand and capacity">
      <OptionCharts
        series={series}
        pointMinutes={result.series.pointMinutes}
        options={entry.options}
        chosen={entry.placement}
      />
    </section>
  );
}

const ROWS: { label: string; value: (o: PlanOption) => string; isBad?: (o: PlanOption) => boolean }[] = [
  { label: 'Feasible', value: (o) => (o.feasible ? 'yes' : 'no'), isBad: (o) => !o.feasible },
  { label: 'Cost / month', value: (o) => formatMoney(o.monthlyCost) },
  { label: 'Mean latency', value: (o) => formatMs(o.meanLatencyMs) },
  { label: 'p95 latency', value: (o) => formatMs(o.p95LatencyMs) },
  {
    label: 'SLO violation',
    value: (o) => `${formatCount(o.sloViolationMinutes)} min`,
    isBad: (o) => o.sloViolationMinutes > 0,
  },
  { label: 'Dropped', value: (o) => formatCount(o.droppedRequests), isBad: (o) => o.droppedRequests > 0 },
];

function OptionsTable({ entry }: { entry: PlacementEntry }) {
  const options = PLACEMENTS.map((p) => entry.options.find((o) => o.placement === p)).filter(
    (o): o is PlanOption => o !== undefined,
  );
  const notes = options.filter((o) => o.note);
  return (
    <div className="res-section">
      <table className="res-table">
        <caption>The four options</caption>
        <thead>
          <tr>
            <td />
            {options.map((o) => (
              <th key={o.placement} scope="col" className={o.placement === entry.placement ? 'res-chosen' : undefined}>
                {PLACEMENT_LABELS[o.placement]}
                {o.placement === entry.placement && <span className="visually-hidden"> (recommended)</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {options.map((o) => {
                const classes = [
                  'res-num',
                  o.placement === entry.placement ? 'res-chosen' : '',
                  row.isBad?.(o) ? 'res-bad' : '',
                ];
                return (
                  <td key={o.placement} className={classes.filter(Boolean).join(' ')}>
                    {row.value(o)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {notes.length > 0 && (
        <ul className="res-notes" aria-label="Notes on the options">
          {notes.map((o) => (
            <li key={o.placement}>
              <strong>{PLACEMENT_LABELS[o.placement]}:</strong> <Prose text={o.note} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** While the scrubber replays the month: the recommended option's load at that moment. */
function TimelineMoment({ componentId, entry }: { componentId: string; entry: PlacementEntry }) {
  const timeIndex = usePlan((s) => s.timeIndex);
  const result = usePlan((s) => s.result);
  if (timeIndex === null || !result) return null;
  const u = utilisationAt(result, componentId, entry.placement, timeIndex);
  const s = result.series.components[componentId]?.[entry.placement];
  if (!u || !s) return null;
  const percent = Number.isFinite(u.utilisation) ? `${Math.round(u.utilisation * 100)} % busy` : 'no capacity';
  return (
    <p className={`res-now${u.dropping ? ' res-dropping' : ''}`} aria-live="off">
      <strong>{formatPointTime(timeIndex, result.series.pointMinutes)}</strong> · demand{' '}
      {formatRps(s.demand[timeIndex] ?? 0)} rps · capacity {formatRps(s.capacity[timeIndex] ?? 0)} rps · {percent}
      {u.dropping && ` · ${formatCount(u.dropped)} requests dropped`}
      {!u.dropping && u.utilisation > 1 && ' · the excess waits in a queue, none dropped'}
    </p>
  );
}
