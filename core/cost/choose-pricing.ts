/**
 * Switching a design to another provider, region or commitment (the editor's picker, the command
 * line's --provider/--region/--commitment, comparing providers). A price in `environments` that
 * merely repeats what the old book (or the hard defaults) gave is not the author's own figure — older
 * designs were saved with every default written out — so it is dropped, and the new book's price
 * takes its place; a price that differs is the author's override and stays. A VM size is the old
 * provider's and is dropped when the provider changes (or the new region lacks it). Switching to
 * "custom" writes the old prices out instead, so that the custom price list starts where it was.
 */
import { defaultRegion } from '../model/check-pricing';
import type { Design } from '../model/design';
import { DEFAULT_PRICING, type PricingChoice } from '../model/pricing-choice';
import { PRICE_BOOKS, type BookProvider } from './books/price-book';
import { BOOK_FIELDS, resolveEnvironments } from './resolve-environments';

type Groups = Record<string, Record<string, unknown>>;

/** A copy of environments deep enough to edit: each group is a flat object. */
const cloneGroups = (env: Design['environments']): Groups =>
  Object.fromEntries(
    Object.entries(env).map(([group, fields]): [string, Record<string, unknown>] => [group, { ...fields }]),
  );

/** The design's environments without any of the fields a book sets, keeping what it does not. */
function withoutBookFields(env: Design['environments']): Design['environments'] {
  const out = cloneGroups(env);
  for (const path of [...BOOK_FIELDS, 'static.coreMonthlyCost']) {
    const [group, key] = path.split('.') as [string, string];
    if (out[group]) delete out[group][key];
  }
  return out as unknown as Design['environments'];
}

export function choosePricing(design: Design, choice: PricingChoice): Design {
  const before = resolveEnvironments(design);
  const next: PricingChoice = {
    ...(choice.provider !== undefined ? { provider: choice.provider } : {}),
    ...(choice.region !== undefined ? { region: choice.region } : {}),
    ...(choice.commitment !== undefined ? { commitment: choice.commitment } : {}),
  };
  const env = cloneGroups(design.environments);
  const provider = next.provider ?? DEFAULT_PRICING.provider;
  if (provider === 'custom') {
    // Custom starts from the prices in force: every book field it bills written out (it bills per
    // GB-second and per request, so GCP's vCPU-seconds and Pub/Sub volume do not carry over).
    const resolved = before.env as unknown as Groups;
    for (const path of BOOK_FIELDS) {
      if (path === 'functions.vcpuSecondPrice' || path === 'queue.pricePerTib') continue;
      const [group, key] = path.split('.') as [string, string];
      const value = resolved[group]?.[key];
      if (value !== undefined) (env[group] ??= {})[key] = value;
    }
    if (env.vm) delete env.vm.size;
  } else {
    // What the old book alone gives: a design value equal to it is not an override.
    const bare = resolveEnvironments({ ...design, environments: withoutBookFields(design.environments) });
    const given = design.environments as unknown as Groups;
    const old = bare.env as unknown as Groups;
    for (const path of BOOK_FIELDS) {
      const [group, key] = path.split('.') as [string, string];
      const value = given[group]?.[key];
      if (value !== undefined && value === old[group]?.[key]) delete env[group]?.[key];
    }
    if (design.environments.static.coreMonthlyCost === bare.env.static.coreMonthlyCost && env.static) {
      delete env.static.coreMonthlyCost;
    }
    const size = env.vm?.size;
    if (typeof size === 'string') {
      const book = PRICE_BOOKS[provider];
      const region = next.region ?? defaultRegion(book);
      if (provider !== before.pricing.provider || !(size in (book.regions[region]?.vm.sizes ?? {}))) {
        delete env.vm?.size;
      }
    }
  }
  const { pricing: _old, ...rest } = design;
  return { ...rest, pricing: next, environments: env as unknown as Design['environments'] };
}

/** The region of `provider` that matches the design's: its own, else the same area, else the default. */
export function matchingRegion(design: Pick<Design, 'pricing'>, provider: BookProvider): string {
  const book = PRICE_BOOKS[provider];
  const own = design.pricing?.provider ?? 'aws';
  if (own === 'custom') return defaultRegion(book);
  const ownBook = PRICE_BOOKS[own];
  const ownRegion = design.pricing?.region ?? defaultRegion(ownBook);
  if (own === provider) return ownRegion;
  const area = ownBook.regions[ownRegion]?.area;
  return Object.entries(book.regions).find(([, r]) => r.area === area)?.[0] ?? defaultRegion(book);
}
