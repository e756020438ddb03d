/**
 * Where every price a plan used came from, for the plan's `assumptions.pricing.sources`: a price the
 * book set names the book's source — its page and the day the figure was checked against it — so a
 * reader can re-check any number of `assumptions.environments` without opening the book; a price the
 * design set, the data centre built up, or a hard default says so.
 */
import type { PriceSourceOfPlan } from '../model/pricing-choice';
import { BOOK_FIELDS } from './resolve-environments';
import type { Tariff } from './tariff';

/** The priced fields, in the order a reader meets them: the data centre, then the book's fields. */
const PRICED_FIELDS = ['static.coreMonthlyCost', ...BOOK_FIELDS] as const;

export function priceSources(tariff: Tariff): Record<string, PriceSourceOfPlan> {
  const out: Record<string, PriceSourceOfPlan> = {};
  for (const path of PRICED_FIELDS) {
    const origin = tariff.origins[path];
    // No origin: the provider does not bill it (GCP's vCPU-seconds elsewhere, a commitment's rate without one).
    if (!origin) continue;
    if (origin.from !== 'book') {
      out[path] = { from: origin.from };
      continue;
    }
    const source = tariff.published?.sources[origin.source];
    out[path] = {
      from: 'book',
      source: origin.source,
      ...(source ? { url: source.url, checked: source.checked, basis: source.basis } : {}),
    };
  }
  return out;
}
