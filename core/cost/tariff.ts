/**
 * A design priced: its environments resolved (resolve-environments.ts) and the *tariff* the engine
 * bills with — the provider's billing behaviour (how functions round memory and time and which CPU a
 * memory size buys, how a queue bills, the committed rate) with the resolved prices in place of the
 * book's. The pricing functions of price-functions.ts and price-services.ts take it as their book, so a
 * price overridden in `environments` is billed by the same arithmetic as a published one. Provider
 * "custom" bills like the hard defaults always have: per GB-second and per request, no rounding.
 */
import { FUNCTION_CPU, HOURS_PER_MONTH } from '../model/defaults';
import { resolveFunctionSeconds } from '../model/design-fields';
import type { Component, Design, Environments } from '../model/design';
import type { PlanPricing, PricingProvider } from '../model/pricing-choice';
import type { Behaviour, PriceBook, RegionPrices, Sourced, Tiered } from './books/price-book';
import { functionCpu } from './price-functions';
import { type PriceOrigin, resolveEnvironments } from './resolve-environments';

export interface Tariff {
  pricing: PlanPricing;
  env: Environments;
  /** What bills: the provider's behaviour with `env`'s prices, one region (`region`), one VM size. */
  book: PriceBook;
  region: string;
  /** The VM size priced (the book's default, or environments.vm.size); "VM" for custom. */
  vmSize: string;
  /** The published book (undefined for custom), for its sources and products. */
  published: PriceBook | undefined;
  origins: Record<string, PriceOrigin>;
  /** How the fixed months read on a bill: the secure link, the traffic manager's zone and checks. */
  labels: { secureLink: string; trafficManager: string };
}

/** The design the engine plans: environments resolved, and the tariff that bills it. */
export type PricedDesign = Omit<Design, 'environments'> & { environments: Environments; tariff: Tariff };

const RESOLVED = 'resolved';
const flat = (value: number): Sourced => ({ value, source: RESOLVED });
const single = (value: number): Tiered => ({ tiers: [{ upTo: null, value }], source: RESOLVED });

/** How the engine bills without a book: what the hard defaults always meant (AWS-like, no rounding). */
const CUSTOM_BEHAVIOUR: Behaviour = {
  products: {
    vm: 'virtual machines',
    functions: 'functions',
    apiGateway: 'API gateway',
    queue: 'message queue',
    storage: 'object storage',
    egress: 'egress',
    secureLink: 'VPN connection',
    trafficManager: 'DNS traffic manager',
    commitment: 'committed rate',
  },
  vm: { billingIncrementSeconds: flat(1), minimumBilledSeconds: flat(0) },
  functions: {
    memoryMb: { min: flat(128), max: flat(10240), step: flat(1) },
    billedMemory: 'configured',
    cpu: { kind: 'proportional', mbPerVcpu: flat(FUNCTION_CPU.aws.fullVcpuMemoryMb) },
    durationRoundingMs: flat(1),
    minimumBilledMs: flat(0),
    coldStartMs: flat(0),
    keepAliveMinutes: flat(0),
    maxDurationSeconds: flat(0),
  },
  queue: { requestsPerMessage: flat(1) },
  commitmentMultiplier: { '1y': flat(1), '3y': flat(1) },
};

/** What the fixed months are called on a bill, per provider (AWS's and custom's as before price books). */
const LABELS: Record<PricingProvider, Tariff['labels']> = {
  aws: { secureLink: 'VPN connection, 730 hours', trafficManager: 'zone and health checks' },
  azure: { secureLink: 'VPN gateway (VpnGw1), 730 hours', trafficManager: 'two monitored endpoints' },
  gcp: { secureLink: 'Cloud VPN tunnel, 730 hours', trafficManager: 'managed zone' },
  custom: { secureLink: 'VPN connection, 730 hours', trafficManager: 'zone and health checks' },
};

/** The region's prices replaced by the resolved environments, at one tier each. */
function billingRegion(base: RegionPrices | undefined, env: Environments, size: string): RegionPrices {
  const fn = env.functions;
  const committed = env.vm.committedHourlyPrice;
  const baseSize = base?.vm.sizes[size];
  const freeNothing = flat(0);
  return {
    name: base?.name ?? 'custom',
    area: base?.area ?? 'custom',
    vm: {
      defaultSize: size,
      sizes: {
        [size]: {
          vcpu: env.vm.vcpu,
          memoryGib: baseSize?.memoryGib ?? 4 * env.vm.vcpu,
          source: baseSize?.source ?? RESOLVED,
          hourly: flat(env.vm.hourlyPrice),
          ...(committed !== undefined ? { committedHourly: { '1y': flat(committed), '3y': flat(committed) } } : {}),
        },
      },
    },
    functions:
      base?.functions.billing === 'vcpu-gib-second'
        ? {
            billing: 'vcpu-gib-second',
            perMillionRequests: flat(fn.requestPrice * 1e6),
            perVcpuSecond: flat(fn.vcpuSecondPrice ?? 0),
            perGibSecond: flat(fn.gbSecondPrice),
            freeTier: { requests: freeNothing, vcpuSeconds: freeNothing, gibSeconds: freeNothing },
          }
        : {
            billing: 'gb-second',
            perMillionRequests: flat(fn.requestPrice * 1e6),
            perGbSecond: single(fn.gbSecondPrice),
            freeTier: { requests: freeNothing, gbSeconds: freeNothing },
          },
    apiGateway: { perMillionRequests: single(env.apiGateway.pricePerMillionRequests) },
    queue:
      base?.queue.billing === 'per-volume'
        ? { billing: 'per-volume', perTib: flat(env.queue.pricePerTib ?? 0), freeGib: freeNothing }
        : {
            billing: 'per-request',
            perMillionRequests: flat(env.queue.pricePerMillionRequests ?? 0),
            freeRequests: freeNothing,
          },
    storage: { perGbMonth: flat(env.storage.pricePerGbMonth) },
    egress: { perGb: flat(env.link.egressPricePerGb) },
    secureLink: { perHour: flat(env.link.monthlyCost / HOURS_PER_MONTH) },
    trafficManager: {
      perZoneMonth: flat(env.trafficManager.monthlyCost),
      perMillionQueries: single(env.trafficManager.pricePerMillionQueries),
      perHealthCheckMonth: freeNothing,
      perExternalHealthCheckMonth: freeNothing,
    },
  };
}

/** The tariff of a design: its environments resolved and the billing book built from them. */
export function tariffOf(design: Pick<Design, 'environments' | 'pricing'>): Tariff {
  const r = resolveEnvironments(design);
  const published = r.book;
  const region = r.region ?? 'custom';
  const size = r.vmSize ?? 'VM';
  const behaviour: Behaviour = published
    ? {
        ...published.behaviour,
        queue: { ...published.behaviour.queue, requestsPerMessage: flat(r.env.queue.requestsPerMessage) },
      }
    : { ...CUSTOM_BEHAVIOUR, queue: { requestsPerMessage: flat(r.env.queue.requestsPerMessage) } };
  const book: PriceBook = {
    // Custom has no book: the id names it; the provider field is not read by the pricing functions.
    id: published?.id ?? 'custom',
    provider: published?.provider ?? 'aws',
    date: published?.date ?? '',
    currency: 'USD',
    sources: {},
    behaviour,
    regions: { [region]: billingRegion(published?.regions[region], r.env, size) },
  };
  return {
    pricing: r.pricing,
    env: r.env,
    book,
    region,
    vmSize: size,
    published,
    origins: r.origins,
    labels: LABELS[r.pricing.provider],
  };
}

/** Resolves a validated design for the engine: environments filled in, the tariff attached. */
export function priceDesign(design: Design): PricedDesign {
  const tariff = tariffOf(design);
  return { ...design, environments: tariff.env, tariff };
}

/** The design as a document again (what a plan hashes): the resolved environments, no tariff. */
export function pricedDocument(design: PricedDesign): Design {
  const { tariff: _tariff, ...document } = design;
  return document;
}

/** How long one invocation of the component runs on this provider: its CPU time at the CPU its memory buys. */
export function functionSecondsOf(demand: Component['demand'], tariff: Tariff): number {
  return resolveFunctionSeconds(demand, functionCpu(tariff.book, demand.memoryMb));
}

export function functionMsOf(demand: Component['demand'], tariff: Tariff): number {
  return functionSecondsOf(demand, tariff) * 1000;
}
