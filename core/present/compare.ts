/**
 * The "compare providers" table in words (issue 14): each provider's row — region by the provider's
 * own name, where the components run, the monthly cost and how far above the cheapest, the minutes
 * over the SLO and the dropped requests — and the unit prices side by side. Every figure is the
 * engine's (core/plan/compare-providers.ts), only written out here; nothing is recomputed.
 */
import type { BookProvider } from '../cost/books/price-book';
import type { Placement } from '../model/design';
import { PLACEMENT_LABELS, PROVIDER_LABELS } from '../model/labels';
import { PLACEMENTS } from '../model/design-fields';
import type { PriceRow, ProviderRow } from '../plan/compare-providers';
import { formatMinutes } from './decision';
import { formatCount, formatMoney, formatMs, formatPrice } from './format';

export interface ComparisonRowCells {
  provider: BookProvider;
  region: string;
  providerName: string;
  /** The provider's name for the region, "West Europe" (`region` is its id, "westeurope"). */
  regionName: string;
  /** ["Data centre 2", "Burst (both) 2"]: how many components run where. */
  placements: string[];
  monthlyCost: string;
  /** "Cheapest" or "+$12.34" (a month) */
  aboveCheapest: string;
  isCheapest: boolean;
  sloMinutes: string;
  dropped: string;
}

export interface PriceRowCells {
  /** "Function requests, per million requests" */
  label: string;
  values: { provider: BookProvider; text: string }[];
}

export interface ComparisonCells {
  rows: ComparisonRowCells[];
  prices: PriceRowCells[];
}

type RowFigures = Omit<ProviderRow, 'plan'>;

const placementText = (counts: Record<Placement, number>) =>
  PLACEMENTS.filter((p) => counts[p] > 0).map((p) => `${PLACEMENT_LABELS[p]} ${counts[p]}`);

export function comparisonCells(comparison: {
  rows: readonly RowFigures[];
  prices: readonly PriceRow[];
}): ComparisonCells {
  const providers = comparison.rows.map((r) => r.provider);
  return {
    rows: comparison.rows.map((r) => ({
      provider: r.provider,
      region: r.region,
      providerName: PROVIDER_LABELS[r.provider],
      regionName: r.regionName,
      placements: placementText(r.counts),
      monthlyCost: formatMoney(r.monthlyCost),
      aboveCheapest: r.isCheapest ? 'Cheapest' : `+${formatMoney(r.aboveCheapest)}`,
      isCheapest: r.isCheapest,
      sloMinutes: r.sloViolationMinutes === 0 ? 'None' : formatMinutes(r.sloViolationMinutes),
      dropped: r.droppedRequests === 0 ? 'None' : formatCount(r.droppedRequests),
    })),
    prices: comparison.prices.map((p) => ({
      label: p.unit === 'ms' ? p.label : `${p.label}, per ${p.unit}`,
      values: providers.map((provider) => {
        const v = p.values[provider];
        return { provider, text: v === null ? 'not billed' : p.unit === 'ms' ? formatMs(v) : formatPrice(v) };
      }),
    })),
  };
}
