/**
 * An option as the plan document shows it: figures rounded (cents, tenths of a millisecond, whole
 * requests) so that the same run always prints the same bytes, and a note that says which rule rules
 * it out when it is not feasible.
 */
import type { PlanOption } from '../model/plan';
import { roundFigure } from '../model/round';
import type { OptionResult } from '../recommend/assess-options';

export function toPlanOption(o: OptionResult): PlanOption {
  const f = o.figures;
  return {
    placement: o.placement,
    feasible: o.ruledOut === null,
    monthlyCost: roundFigure(o.monthlyCost, 2),
    meanLatencyMs: roundFigure(f.meanLatencyMs, 1),
    p95LatencyMs: roundFigure(f.p95LatencyMs, 1),
    sloViolationMinutes: Math.round(f.sloViolationMinutes),
    droppedRequests: Math.round(f.droppedRequests),
    note: o.ruledOut ? `ruled out by ${o.ruledOut.rule}: ${o.ruledOut.text}. ${o.note}` : o.note,
  };
}
