/**
 * What the design schema checks against the price books (core/cost/books): that `pricing.region` is
 * one of the provider's regions (the message names those it has), that `environments.vm.size` is one
 * of the region's sizes, and that a price only some providers bill is set only where it is billed
 * (GCP's vCPU-seconds and Pub/Sub's volume; the others' per-request queue). `custom` has no book: a
 * commitment then needs its committed rate in `environments.vm.committedHourlyPrice`. Reads the
 * document defensively: it runs even when other fields are malformed, so one pass reports everything.
 */
import type { z } from 'zod';
import { PRICE_BOOKS, type PriceBook } from '../cost/books/price-book';
import { DEFAULT_PRICING, PRICING_PROVIDERS, type PricingProvider } from './pricing-choice';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const field = (v: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), v);

/** The provider a design is priced by, or null when `pricing.provider` is not a known one. */
export function pricingProviderOf(design: unknown): PricingProvider | null {
  const p = field(design, 'pricing', 'provider') ?? DEFAULT_PRICING.provider;
  return (PRICING_PROVIDERS as readonly unknown[]).includes(p) ? (p as PricingProvider) : null;
}

/** The book's default region: its first (us-east-1, eastus, us-central1). */
export function defaultRegion(book: PriceBook): string {
  return Object.keys(book.regions)[0] ?? '';
}

export function checkPricing(design: unknown, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const provider = pricingProviderOf(design);
  if (provider === null) return;
  const env = (group: string, key: string) => field(design, 'environments', group, key);
  if (provider === 'custom') {
    if (field(design, 'pricing', 'region') !== undefined) {
      issue(['pricing', 'region'], 'custom pricing has no price book, so no regions: leave region out');
    }
    if (env('vm', 'size') !== undefined) {
      issue(['environments', 'vm', 'size'], 'custom pricing has no price book: set vm.vcpu and vm.hourlyPrice instead');
    }
    const commitment = field(design, 'pricing', 'commitment');
    if ((commitment === '1y' || commitment === '3y') && env('vm', 'committedHourlyPrice') === undefined) {
      issue(
        ['pricing', 'commitment'],
        `custom pricing has no price book: a ${commitment} commitment needs environments.vm.committedHourlyPrice`,
      );
    }
    for (const [group, key] of [
      ['functions', 'vcpuSecondPrice'],
      ['queue', 'pricePerTib'],
    ] as const) {
      if (env(group, key) !== undefined) {
        issue(['environments', group, key], 'is billed by GCP only; custom pricing bills per request and GB-second');
      }
    }
    return;
  }
  const book = PRICE_BOOKS[provider];
  const region = field(design, 'pricing', 'region') ?? defaultRegion(book);
  const prices = typeof region === 'string' ? book.regions[region] : undefined;
  const regionName = JSON.stringify(region);
  if (prices === undefined) {
    issue(
      ['pricing', 'region'],
      `${provider}'s price book (${book.id}) has no region ${regionName}; it has ${Object.keys(book.regions).join(', ')}`,
    );
  }
  const size = env('vm', 'size');
  if (prices && typeof size === 'string' && !(size in prices.vm.sizes)) {
    issue(
      ['environments', 'vm', 'size'],
      `${book.id} has no size "${size}" in ${regionName.slice(1, -1)}; it has ${Object.keys(prices.vm.sizes).join(', ')}`,
    );
  }
  const sample = Object.values(book.regions)[0];
  if (!sample) return;
  const name = book.behaviour.products;
  if (sample.functions.billing !== 'vcpu-gib-second' && env('functions', 'vcpuSecondPrice') !== undefined) {
    issue(['environments', 'functions', 'vcpuSecondPrice'], `${name.functions} bills no vCPU-seconds`);
  }
  if (sample.queue.billing === 'per-volume' && env('queue', 'pricePerMillionRequests') !== undefined) {
    issue(
      ['environments', 'queue', 'pricePerMillionRequests'],
      `${name.queue} bills by volume, not per request: set queue.pricePerTib`,
    );
  }
  if (sample.queue.billing === 'per-request' && env('queue', 'pricePerTib') !== undefined) {
    issue(
      ['environments', 'queue', 'pricePerTib'],
      `${name.queue} bills per request: set queue.pricePerMillionRequests`,
    );
  }
}
