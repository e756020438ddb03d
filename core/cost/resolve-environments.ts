/**
 * The design's `environments` resolved, field by field: what the design sets, else what the price
 * book of its `pricing` (provider and region) sets, else the hard default of core/model/defaults.ts.
 * Provider "custom" has no book: every price is the design's or the hard default (AWS us-east-1 list
 * prices, so a design without `pricing` — priced by aws-2026-11 in us-east-1 — resolves to the same
 * figures as before price books). An own data centre (`environments.dataCentre`) derives the
 * core-month when `static.coreMonthlyCost` is not set. Every resolved value says where it came from
 * (`origins`), for the assumptions panel and the plan's readers; a value the design sets that only
 * repeats the book's (a plan's assumptions written back, an older design saved with its defaults
 * written out) counts as the book's.
 *
 * The engine prices at each book's first tier: tiers are per account and month, and one design rarely
 * reaches past them (books/README.md).
 */
import { DEFAULT_PRICING, type Commitment, type PlanPricing, type PricingProvider } from '../model/pricing-choice';
import { defaultRegion } from '../model/check-pricing';
import {
  FUNCTIONS_DEFAULTS,
  LINK_DEFAULTS,
  QUEUE_DEFAULTS,
  STATIC_DEFAULTS,
  STORAGE_DEFAULTS,
  TRAFFIC_MANAGER_DEFAULTS,
  API_GATEWAY_DEFAULTS,
  VM_DEFAULTS,
} from '../model/defaults';
import { resolvedEnvironmentsSchema, type Design, type Environments } from '../model/design';
import { committedHourly, PRICE_BOOKS, regionPrices, vmSize, type PriceBook } from './books/price-book';
import { perUnit, sumLines } from './cost-line';
import { coreMonth } from './data-centre';
import { priceSecureLink, priceTrafficManager } from './price-services';

/** Where a resolved value came from: the design, the book (and which of its sources), a data centre, a default. */
export type PriceOrigin =
  { from: 'design' } | { from: 'book'; book: string; source: string } | { from: 'data-centre' } | { from: 'default' };

/** The `environments` fields a price book sets, as "group.field". */
export const BOOK_FIELDS = [
  'vm.vcpu',
  'vm.hourlyPrice',
  'vm.committedHourlyPrice',
  'functions.requestPrice',
  'functions.gbSecondPrice',
  'functions.vcpuSecondPrice',
  'functions.coldStartMs',
  'functions.keepAliveMinutes',
  'functions.maxDurationSeconds',
  'link.egressPricePerGb',
  'link.monthlyCost',
  'queue.pricePerMillionRequests',
  'queue.requestsPerMessage',
  'queue.pricePerTib',
  'storage.pricePerGbMonth',
  'trafficManager.monthlyCost',
  'trafficManager.pricePerMillionQueries',
  'apiGateway.pricePerMillionRequests',
] as const;
export type BookField = (typeof BOOK_FIELDS)[number];

type Figure = { value: number; source: string };

/** The hard defaults of the book fields: what provider "custom" starts from (defaults.ts, with sources). */
const HARD_DEFAULTS: Partial<Record<BookField, number>> = {
  'vm.vcpu': VM_DEFAULTS.vcpu,
  'vm.hourlyPrice': VM_DEFAULTS.hourlyPrice,
  'functions.requestPrice': FUNCTIONS_DEFAULTS.requestPrice,
  'functions.gbSecondPrice': FUNCTIONS_DEFAULTS.gbSecondPrice,
  'functions.coldStartMs': FUNCTIONS_DEFAULTS.coldStartMs,
  'functions.keepAliveMinutes': FUNCTIONS_DEFAULTS.keepAliveMinutes,
  'functions.maxDurationSeconds': FUNCTIONS_DEFAULTS.maxDurationSeconds,
  'link.egressPricePerGb': LINK_DEFAULTS.egressPricePerGb,
  'link.monthlyCost': LINK_DEFAULTS.monthlyCost,
  'queue.pricePerMillionRequests': QUEUE_DEFAULTS.pricePerMillionRequests,
  'queue.requestsPerMessage': QUEUE_DEFAULTS.requestsPerMessage,
  'storage.pricePerGbMonth': STORAGE_DEFAULTS.pricePerGbMonth,
  'trafficManager.monthlyCost': TRAFFIC_MANAGER_DEFAULTS.monthlyCost,
  'trafficManager.pricePerMillionQueries': TRAFFIC_MANAGER_DEFAULTS.pricePerMillionQueries,
  'apiGateway.pricePerMillionRequests': API_GATEWAY_DEFAULTS.pricePerMillionRequests,
};

/** A number without the binary tail arithmetic leaves (0.096 × 0.59 → 0.05664, not 0.056639999…). */
const clean = (x: number) => Number(x.toPrecision(12));

/**
 * What a book sets for a region, at its first tier, as environment fields. The traffic manager's month
 * is its zone or profile and one health-checked endpoint on each side of a burst (Route 53: zone $0.50
 * + $0.50 + $0.75; Azure: no profile fee, $0.36 + $0.54 per monitored endpoint; Cloud DNS: its zone).
 */
export function bookFigures(
  book: PriceBook,
  region: string,
  commitment: Commitment,
  size: string | undefined,
  hourlyOverride: number | undefined,
): Partial<Record<BookField, Figure>> {
  const r = regionPrices(book, region);
  const s = vmSize(book, region, size);
  const f = book.behaviour.functions;
  const first = (t: { tiers: { value: number }[]; source: string }): Figure => ({
    value: t.tiers[0]?.value ?? 0,
    source: t.source,
  });
  const out: Partial<Record<BookField, Figure>> = {
    'vm.vcpu': { value: s.vcpu, source: s.source },
    'vm.hourlyPrice': s.hourly,
    'functions.requestPrice': {
      value: perUnit(r.functions.perMillionRequests.value, 1e6),
      source: r.functions.perMillionRequests.source,
    },
    'functions.coldStartMs': f.coldStartMs,
    'functions.keepAliveMinutes': f.keepAliveMinutes,
    'functions.maxDurationSeconds': f.maxDurationSeconds,
    'link.egressPricePerGb': r.egress.perGb,
    'link.monthlyCost': { value: sumLines(priceSecureLink(book, region)), source: r.secureLink.perHour.source },
    'queue.requestsPerMessage': book.behaviour.queue.requestsPerMessage,
    'storage.pricePerGbMonth': r.storage.perGbMonth,
    'trafficManager.monthlyCost': {
      value: sumLines(
        priceTrafficManager(book, region, { queries: 0, zones: 1, healthChecks: 1, externalHealthChecks: 1 }),
      ),
      source: r.trafficManager.perZoneMonth.source,
    },
    'trafficManager.pricePerMillionQueries': first(r.trafficManager.perMillionQueries),
    'apiGateway.pricePerMillionRequests': first(r.apiGateway.perMillionRequests),
  };
  if (r.functions.billing === 'gb-second') {
    out['functions.gbSecondPrice'] = first(r.functions.perGbSecond);
  } else {
    out['functions.gbSecondPrice'] = r.functions.perGibSecond;
    out['functions.vcpuSecondPrice'] = r.functions.perVcpuSecond;
  }
  if (r.queue.billing === 'per-request') out['queue.pricePerMillionRequests'] = r.queue.perMillionRequests;
  else out['queue.pricePerTib'] = r.queue.perTib;
  if (commitment !== 'none') {
    // A design's own hourly price has no published committed rate: the provider's discount applies to it.
    const m = book.behaviour.commitmentMultiplier[commitment];
    const own = committedHourly(book, region, s.name, commitment);
    out['vm.committedHourlyPrice'] =
      hourlyOverride === undefined || hourlyOverride === s.hourly.value
        ? { value: clean(own.value), source: own.source }
        : { value: clean(hourlyOverride * m.value), source: m.source };
  }
  return out;
}

export interface ResolvedEnvironments {
  env: Environments;
  pricing: PlanPricing;
  /** The book of the provider (undefined for custom) and the region it is read in. */
  book: PriceBook | undefined;
  region: string | undefined;
  /** The VM size priced: the design's, else the book's default for the region; undefined for custom. */
  vmSize: string | undefined;
  origins: Record<string, PriceOrigin>;
}

export function resolveEnvironments(design: Pick<Design, 'environments' | 'pricing'>): ResolvedEnvironments {
  const provider: PricingProvider = design.pricing?.provider ?? DEFAULT_PRICING.provider;
  const commitment: Commitment = design.pricing?.commitment ?? DEFAULT_PRICING.commitment;
  const d = design.environments;
  const book = provider === 'custom' ? undefined : PRICE_BOOKS[provider];
  const region = book ? (design.pricing?.region ?? defaultRegion(book)) : undefined;
  const size = book && region ? vmSize(book, region, d.vm.size).name : undefined;
  const figures = book && region ? bookFigures(book, region, commitment, d.vm.size, d.vm.hourlyPrice) : {};
  const origins: Record<string, PriceOrigin> = {};
  const given = d as unknown as Record<string, Record<string, unknown>>;
  const resolved: Record<string, Record<string, unknown>> = {};
  for (const [group, fields] of Object.entries(given)) {
    if (group === 'dataCentre') continue;
    resolved[group] = { ...fields };
    for (const key of Object.keys(fields))
      if (fields[key] !== undefined) origins[`${group}.${key}`] = { from: 'design' };
  }
  for (const path of BOOK_FIELDS) {
    const [group, key] = path.split('.') as [string, string];
    const target = (resolved[group] ??= {});
    const figure = figures[path];
    if (target[key] !== undefined) {
      // A value that only repeats the book's (or the hard default) is not the author's own figure: a
      // plan's assumptions written back into a design re-plan to the same plan, sources included.
      if (figure && target[key] === figure.value) {
        origins[path] = { from: 'book', book: book?.id ?? '', source: figure.source };
      } else if (!book && target[key] === HARD_DEFAULTS[path]) origins[path] = { from: 'default' };
      continue;
    }
    if (figure) {
      target[key] = figure.value;
      origins[path] = { from: 'book', book: book?.id ?? '', source: figure.source };
    } else if (!book && HARD_DEFAULTS[path] !== undefined) {
      target[key] = HARD_DEFAULTS[path];
      origins[path] = { from: 'default' };
    }
  }
  const statics = (resolved.static ??= {});
  const derived = d.dataCentre ? coreMonth(d.dataCentre).total : STATIC_DEFAULTS.coreMonthlyCost;
  if (statics.coreMonthlyCost === undefined || statics.coreMonthlyCost === derived) {
    // As above: a core-month equal to what the data centre builds up (or the default) is theirs.
    statics.coreMonthlyCost = derived;
    origins['static.coreMonthlyCost'] = { from: d.dataCentre ? 'data-centre' : 'default' };
  }
  if (d.dataCentre) resolved.dataCentre = d.dataCentre;
  const env = resolvedEnvironmentsSchema.parse(resolved);
  const pricing: PlanPricing = {
    provider,
    ...(region !== undefined ? { region } : {}),
    commitment,
    book: book?.id ?? null,
  };
  return { env, pricing, book, region, vmSize: size, origins };
}
