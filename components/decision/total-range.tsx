'use client';
/**
 * The recommended total as a range (issue 16): on request, the insight worker plans the open design
 * over 20 draws of its random load (where unpredictable spikes fall, the noise) and the Decision tab
 * says what the month costs from P10 to P90, and whether any component would be placed differently.
 * An edit that changes the plan marks it out of date. Only where a plan worker runs (the editor).
 */
import { useEditor, usePlan } from '@/components/editor/editor-context';
import { useInsightSearch } from '@/components/results/use-insight-search';
import { changesPlan } from '@/core/edit';
import { formatCount, formatDuration, formatMoney, formatSpread } from '@/core/present';

const plural = (n: number, noun: string) => `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;

export function TotalRange() {
  const design = useEditor((s) => s.design);
  const canSearch = usePlan((s) => s.canCompare);
  const { state, search } = useInsightSearch();
  if (!canSearch) return null;
  const isStale = state.status !== 'idle' && state.design !== design && changesPlan(state.design, design);
  const total = state.status === 'done' ? state.answer.total : null;
  return (
    <div className="res-section res-insight" data-testid="total-range">
      {state.status === 'running' && (
        <p className="res-sub" role="status" aria-live="polite">
          Planning the design over 20 draws of its random load…
        </p>
      )}
      {state.status === 'failed' && (
        <p className="res-sub res-bad" role="alert">
          {state.error}
        </p>
      )}
      {state.status === 'done' && total && (
        <p data-testid="total-range-figure">
          <strong>Over {total.seeds} draws of the random load: </strong>
          {formatSpread(total.recommended.monthlyCost, formatMoney)} a month (P10–P90);{' '}
          {state.answer.moved === 0
            ? 'every component is placed the same way each time'
            : `${formatCount(state.answer.moved)} component${state.answer.moved === 1 ? '' : 's'} would be placed differently in some`}
          ; at worst (P90) {plural(total.recommended.sloViolationMinutes.p90, 'minute')} over a target and{' '}
          {plural(total.recommended.droppedRequests.p90, 'request')} dropped. {state.answer.replans} plans in{' '}
          {formatDuration(state.answer.ms)}.
        </p>
      )}
      {isStale && <p className="res-sub">The design has changed since: plan the draws again.</p>}
      {state.status !== 'running' && (
        <button type="button" className="button" onClick={() => search(design, null)} data-testid="search-total-range">
          {state.status === 'idle' ? 'Cost range over 20 draws of the load' : 'Plan the draws again'}
        </button>
      )}
    </div>
  );
}
