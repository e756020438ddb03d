/**
 * An option as the plan document shows it: figures rounded (cents, tenths of a millisecond, whole
 * requests) so that the same run always prints the same bytes, and a note that says which rule rules
 * it out when it is not feasible.
 */
import type { PlanOption } from '../model/plan';
import type { OptionResult } from '../recommend/assess-options';

export function toPlanOption(o: OptionResult): PlanOption {
  const f = o.figures;
  return {
    placement: o.placement,
    feasible: o.ruledOut === null,
    monthlyCost: roundTo(o.monthlyCost, 100),
    meanLatencyMs: roundTo(f.meanLatencyMs, 10),
    p50LatencyMs: roundTo(f.p50LatencyMs, 10),
    p95LatencyMs: roundTo(f.p95LatencyMs, 10),
    p99LatencyMs: roundTo(f.p99LatencyMs, 10),
    sloViolationMinutes: Math.round(f.sloViolationMinutes),
    droppedRequests: Math.round(f.droppedRequests),
    ...(o.coldStartShare !== undefined ? { coldStartShare: roundTo(o.coldStartShare, 1e6) } : {}),
    ...(o.meanInstances !== undefined ? { meanInstances: roundTo(o.meanInstances, 100) } : {}),
    note: o.ruledOut ? `ruled out by ${o.ruledOut.rule}: ${o.ruledOut.text}. ${o.note}` : o.note,
  };
}

/** Rounds to 1/`per`; maps anything non-finite or negative to 0 so the plan stays valid. */
export function roundTo(x: number, per: number): number {
  return Number.isFinite(x) && x > 0 ? Math.round(x * per) / per : 0;
}
