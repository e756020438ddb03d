/**
 * The Assumptions tab's price-book picker, without a browser: which book, region and commitment the
 * open design is priced with, the choices each select offers (regions as the provider names them,
 * with the provider's display name), the design after one choice (a new provider moves to its region
 * serving the same part of the world, else its default one; prices that only repeated the old book
 * are dropped so the new book's apply: core/cost/choose-pricing.ts), and the book named in words.
 */
import { PRICE_BOOKS } from '../cost/books/price-book';
import { choosePricing, matchingRegion } from '../cost/choose-pricing';
import { defaultRegion } from '../model/check-pricing';
import type { Design } from '../model/design';
import { COMMITMENT_LABELS, PROVIDER_LABELS } from '../model/labels';
import { COMMITMENTS, DEFAULT_PRICING, type Commitment, type PricingProvider } from '../model/pricing-choice';

export interface PricingPick {
  provider: PricingProvider;
  /** Undefined for custom prices, which have no book and so no regions. */
  region: string | undefined;
  commitment: Commitment;
}

export interface PickOption {
  value: string;
  label: string;
}

/** The design's choice with the defaults filled in (aws, the book's first region, on demand). */
export function currentPick(design: Pick<Design, 'pricing'>): PricingPick {
  const provider = design.pricing?.provider ?? DEFAULT_PRICING.provider;
  const region = provider === 'custom' ? undefined : (design.pricing?.region ?? defaultRegion(PRICE_BOOKS[provider]));
  return { provider, region, commitment: design.pricing?.commitment ?? DEFAULT_PRICING.commitment };
}

/** The providers with a book; custom is offered only to a design already priced so (it has no book). */
export function providerOptions(current: PricingProvider): PickOption[] {
  const providers: PricingProvider[] = ['aws', 'azure', 'gcp', ...(current === 'custom' ? ['custom' as const] : [])];
  return providers.map((p) => ({ value: p, label: PROVIDER_LABELS[p] }));
}

/** The regions of a provider's book: "West Europe (westeurope)"; none for custom. */
export function regionOptions(provider: PricingProvider): PickOption[] {
  if (provider === 'custom') return [];
  return Object.entries(PRICE_BOOKS[provider].regions).map(([id, r]) => ({ value: id, label: `${r.name} (${id})` }));
}

export function commitmentOptions(): PickOption[] {
  return COMMITMENTS.map((c) => ({ value: c, label: COMMITMENT_LABELS[c] }));
}

/** The design priced by `provider`: in its region serving the same part of the world, else its default. */
export function pickProvider(design: Design, provider: PricingProvider): Design {
  const { provider: now, commitment } = currentPick(design);
  if (provider === now) return design;
  if (provider === 'custom') return choosePricing(design, { provider, commitment });
  return choosePricing(design, { provider, region: matchingRegion(design, provider), commitment });
}

export function pickRegion(design: Design, region: string): Design {
  const now = currentPick(design);
  if (now.provider === 'custom' || region === now.region) return design;
  return choosePricing(design, { provider: now.provider, region, commitment: now.commitment });
}

export function pickCommitment(design: Design, commitment: Commitment): Design {
  const now = currentPick(design);
  if (commitment === now.commitment) return design;
  return choosePricing(design, {
    provider: now.provider,
    ...(now.region !== undefined ? { region: now.region } : {}),
    commitment,
  });
}

/** The design priced by `provider` in `region` (a row of the provider comparison), commitment kept. */
export function pickBook(design: Design, provider: PricingProvider, region: string): Design {
  const now = currentPick(design);
  if (provider === now.provider && region === now.region) return design;
  return choosePricing(design, { provider, region, commitment: now.commitment });
}

/** "Azure West Europe, book azure-2026-11"; "your own prices (no price book)" for custom. */
export function describeBook(design: Pick<Design, 'pricing'>): string {
  const { provider, region } = currentPick(design);
  if (provider === 'custom' || region === undefined) return 'your own prices (no price book)';
  const book = PRICE_BOOKS[provider];
  return `${PROVIDER_LABELS[provider]} ${book.regions[region]?.name ?? region}, book ${book.id}`;
}
