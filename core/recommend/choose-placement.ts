/**
 * The recommendation for one component: hard constraints first, then the cheapest feasible option
 * that meets the SLO; when none meets it, the one that violates it least, said plainly (R10). The
 * reasons name the rules and quote the figures that decided.
 */
import { MODEL_ASSUMPTIONS } from '../model/defaults';
import { roundCents } from '../model/round';
import type { Component, Environments, Pattern, Placement } from '../model/design';
import type { Reason } from '../model/plan';
import type { SeriesShape } from '../simulate/series-stats';
import type { OptionResult } from './assess-options';
import { explainChoice } from './explain-choice';

/** What "meets the SLO" tolerates: 0.1 % of minutes in violation, 0.01 % of requests dropped (see defaults). */
export const SLO_TOLERANCE = MODEL_ASSUMPTIONS.sloMinuteShare;
export const DROP_SHARE_TOLERANCE = MODEL_ASSUMPTIONS.dropShare;

export interface Choice {
  placement: Placement;
  reasons: Reason[];
  /** Whether the chosen option meets the SLO (and drops no more than the tolerance). */
  meetsSlo: boolean;
}

export function meetsSlo(o: OptionResult, horizonMinutes: number): boolean {
  const f = o.figures;
  return (
    f.sloViolationMinutes <= SLO_TOLERANCE * horizonMinutes &&
    f.droppedRequests <= DROP_SHARE_TOLERANCE * Math.max(1, f.requests)
  );
}

/** Orders options by how badly they miss: violation minutes, then dropped requests, then cost. */
function compareMisses(a: OptionResult, b: OptionResult): number {
  return (
    a.figures.sloViolationMinutes - b.figures.sloViolationMinutes ||
    a.figures.droppedRequests - b.figures.droppedRequests ||
    a.monthlyCost - b.monthlyCost
  );
}

/** Picks the best of `options` (all of them feasible by the caller's standard). */
export function pickBest(
  options: readonly OptionResult[],
  horizonMinutes: number,
): { best: OptionResult; meets: boolean } | null {
  const meeting = options.filter((o) => meetsSlo(o, horizonMinutes));
  if (meeting.length > 0) {
    // Cheapest; PLACEMENTS order (static first) breaks a tie to the cent.
    const best = meeting.reduce((a, b) => (roundCents(b.monthlyCost) < roundCents(a.monthlyCost) ? b : a));
    return { best, meets: true };
  }
  const sorted = [...options].sort(compareMisses);
  return sorted[0] ? { best: sorted[0], meets: false } : null;
}

export function choosePlacement(
  c: Component,
  options: readonly OptionResult[],
  pattern: Pattern,
  shape: SeriesShape,
  env: Environments,
  horizonMinutes: number,
): Choice {
  const feasible = options.filter((o) => o.ruledOut === null);
  // Every option ruled out cannot happen (static is always allowed unless pinned elsewhere), but a
  // plan must never be empty: fall back to all options.
  const picked = pickBest(feasible.length > 0 ? feasible : options, horizonMinutes);
  const best = picked?.best ?? options[0];
  if (!best) throw new Error(`no placement options for ${c.id}`);
  const reasons = explainChoice(c, options, best, picked?.meets ?? false, pattern, shape, env, horizonMinutes);
  return { placement: best.placement, reasons, meetsSlo: picked?.meets ?? false };
}
