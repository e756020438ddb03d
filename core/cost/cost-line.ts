/**
 * A cost line of spec/formats.md: one thing a bill charges for, `quantity` × `unitPrice`, rounded to
 * the cent as a bill is. A placement's monthlyCost is the sum of its (rounded) lines, so the plan's
 * lines add up to it exactly. The pricing functions of core/cost all return lines.
 */
import { roundCents } from '../model/round';

// The line is part of the plan document: its schema lives with the plan's (core/model/plan.ts).
export { COST_ITEMS, costLineSchema, type CostItem, type CostLine } from '../model/plan';
import type { CostItem, CostLine } from '../model/plan';

/**
 * Rounds a bill's dollars to the cent (roundCents of core/model/round.ts) after dropping binary noise
 * below a millionth of a dollar: 18.75e9 GB-s × $0.0000106667 is $200,000.625 on paper but
 * 200000.62499999997 in floating point, and the bill says $200,000.63.
 */
export function roundToCent(dollars: number): number {
  return roundCents(Number(dollars.toFixed(6)));
}

export function costLine(item: CostItem, quantity: number, unit: string, unitPrice: number, detail?: string): CostLine {
  const line: CostLine = { item, quantity, unit, unitPrice, monthlyCost: roundToCent(quantity * unitPrice) };
  return detail === undefined ? line : { ...line, detail };
}

/**
 * A price per unit from a price per `scale` units ($0.20 per million → $0.0000002 a request), without
 * the binary tail a plain division leaves (0.2 / 1e6 is 2.0000000000000002e-7).
 */
export function perUnit(price: number, scale: number): number {
  return Number((price / scale).toPrecision(12));
}

/** The total of lines, to the cent: what a placement's monthlyCost is. */
export function sumLines(lines: readonly CostLine[]): number {
  return roundToCent(lines.reduce((sum, l) => sum + l.monthlyCost, 0));
}

/** A tier of a tiered price: `value` applies to the quantity up to `upTo` (cumulative; null: no end). */
export interface PriceTier {
  upTo: number | null;
  value: number;
}

/**
 * Splits `quantity` over tiers, one line a tier it reaches (the first always, even when the quantity is
 * 0, so a line shows the price). Tiers run from 0; a free allowance is taken off before, not here.
 */
export function tieredLines(
  item: CostItem,
  quantity: number,
  unit: string,
  tiers: readonly PriceTier[],
  unitScale = 1,
): CostLine[] {
  const lines: CostLine[] = [];
  let from = 0;
  for (const [i, tier] of tiers.entries()) {
    if (i > 0 && quantity <= from) break;
    const to = tier.upTo === null ? quantity : Math.min(quantity, tier.upTo);
    const detail = tiers.length === 1 ? undefined : tierLabel(from, tier.upTo, unit);
    lines.push(costLine(item, Math.max(0, to - from), unit, perUnit(tier.value, unitScale), detail));
    if (tier.upTo === null) break;
    from = tier.upTo;
  }
  return lines;
}

function tierLabel(from: number, upTo: number | null, unit: string): string {
  const short = (n: number) => (n >= 1e9 ? `${n / 1e9} B` : n >= 1e6 ? `${n / 1e6} M` : String(n));
  const units = unit.endsWith('y') ? `${unit.slice(0, -1)}ies` : `${unit}s`;
  if (from === 0) return `first ${short(upTo ?? 0)} ${units}`;
  return upTo === null ? `over ${short(from)} ${units}` : `${short(from)}–${short(upTo)} ${units}`;
}
