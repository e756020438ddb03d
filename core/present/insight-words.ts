/**
 * What would change a plan, in words (issue 16): a tipping point as the sentence an architect reads
 * ("stays in the data centre until its peak passes 340 rps; then burst") and a placement's ranges
 * over seeds as "P10–P90 (median)". Used by the Markdown report; pure, fixed locale.
 */
import type { Placement } from '../model/design';
import type { PlacementRanges, Spread, TippingPointEntry } from '../model/plan';
import { formatCount, formatMoney, formatMs, formatPrice, formatRps } from './format';

/** Where a component stays, after "stays": shorter than PLACEMENT_PHRASES, as the sentence is long. */
const STAYS_WORDS: Record<Placement, string> = {
  static: 'in the data centre',
  'elastic-vm': 'on elastic VMs',
  serverless: 'on functions',
  burst: 'bursting',
};

/** Where a component goes when it flips, after "then". */
const TO_WORDS: Record<Placement, string> = {
  static: 'the data centre',
  'elastic-vm': 'elastic VMs',
  serverless: 'functions',
  burst: 'burst',
};

/** A parameter's last name, what it is called in a sentence and how its value reads. */
const PARAMETER_WORDS: Record<string, { noun: string; value: (x: number) => string }> = {
  baseRps: { noun: 'its base load', value: (x) => `${formatRps(x)} rps` },
  peakRps: { noun: 'its peak', value: (x) => `${formatRps(x)} rps` },
  cpuMs: { noun: 'its CPU time per request', value: formatMs },
  latencySloMs: { noun: 'its p95 SLO', value: formatMs },
  coreMonthlyCost: { noun: 'a data-centre core-month', value: formatPrice },
  hourlyPrice: { noun: 'a VM hour', value: formatPrice },
  gbSecondPrice: { noun: 'a function GB-second', value: formatPrice },
};

/** "until its peak passes 340 rps; then burst" for a component placed `current`. */
export function describeTippingPoint(point: TippingPointEntry, current: Placement): string {
  const field = point.parameter.slice(point.parameter.lastIndexOf('.') + 1);
  const words = PARAMETER_WORDS[field] ?? { noun: point.parameter, value: (x: number) => String(x) };
  const isPrice = point.parameter.startsWith('environments.');
  const moves =
    point.direction === 'above'
      ? isPrice
        ? 'costs more than'
        : 'passes'
      : isPrice
        ? 'costs less than'
        : 'falls below';
  return `stays ${STAYS_WORDS[current]} until ${words.noun} ${moves} ${words.value(point.flipsAt)} (today ${words.value(point.value)}); then ${TO_WORDS[point.to]}`;
}

/** `$12.00–$18.40 (median $15.10)`, or one value when the seeds agree. */
export function formatSpread(s: Spread, format: (x: number) => string): string {
  return s.p10 === s.p90 ? format(s.p50) : `${format(s.p10)}–${format(s.p90)} (median ${format(s.p50)})`;
}

/** Whether the ranges say anything beyond the single plan: a random load, or a decision that moves. */
export function isUncertain(r: PlacementRanges): boolean {
  return r.isRandom || r.differentShare > 0;
}

/** One row per option: P10–P90 and the median of cost, SLO minutes and drops. */
export function rangeCells(r: PlacementRanges): { placement: Placement; cells: string[] }[] {
  return r.options.map((o) => ({
    placement: o.placement,
    cells: [
      formatSpread(o.monthlyCost, formatMoney),
      formatSpread(o.sloViolationMinutes, formatCount),
      formatSpread(o.droppedRequests, formatCount),
    ],
  }));
}
