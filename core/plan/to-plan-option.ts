/**
 * An option as the plan document shows it: figures rounded (cents, tenths of a millisecond, whole
 * requests) so that the same run always prints the same bytes, its cost lines (which sum to its
 * monthly cost to the cent), and a note that says which rule rules it out when it is not feasible.
 */
import type { PlanOption } from '../model/plan';
import { roundFigure } from '../model/round';
import type { OptionResult } from '../recommend/assess-assignment';

export function toPlanOption(o: OptionResult): PlanOption {
  const f = o.figures;
  return {
    placement: o.placement,
    feasible: o.ruledOut === null,
    monthlyCost: o.ownCost,
    costLines: o.lines,
    meanLatencyMs: roundFigure(f.meanLatencyMs, 1),
    p50LatencyMs: roundFigure(f.p50LatencyMs, 1),
    p95LatencyMs: roundFigure(f.p95LatencyMs, 1),
    p99LatencyMs: roundFigure(f.p99LatencyMs, 1),
    sloViolationMinutes: Math.round(f.sloViolationMinutes),
    droppedRequests: Math.round(f.droppedRequests),
    ...(o.coldStartShare !== undefined ? { coldStartShare: roundFigure(o.coldStartShare, 6) } : {}),
    ...(o.meanInstances !== undefined ? { meanInstances: roundFigure(o.meanInstances, 2) } : {}),
    note: o.ruledOut ? `ruled out by ${o.ruledOut.rule}: it ${o.ruledOut.text}. ${o.note}` : o.note,
  };
}
