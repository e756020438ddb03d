import { describe, expect, it } from 'vitest';
import { environmentsSchema } from '../model/design';
import type { PricingChoice } from '../model/pricing-choice';
import { resolveEnvironments } from './resolve-environments';
import { LEGACY_ENVIRONMENTS, SPEC_DATA_CENTRE } from '../testing/pricing-fixtures';

const resolve = (pricing?: PricingChoice, environments: unknown = {}) =>
  resolveEnvironments({ environments: environmentsSchema.parse(environments), pricing });

/** Every environment value as designs were filled in before price books (AWS us-east-1 list prices). */
const BEFORE_PRICE_BOOKS = LEGACY_ENVIRONMENTS;

describe('resolving environments: the design over the book over the defaults', () => {
  it('prices a design without pricing at aws-2026-11, us-east-1: the figures it had before books, key for key', () => {
    const r = resolve();
    expect(JSON.stringify(r.env)).toBe(JSON.stringify(BEFORE_PRICE_BOOKS));
    expect(r.pricing).toEqual({ provider: 'aws', region: 'us-east-1', commitment: 'none', book: 'aws-2026-11' });
    expect(r.origins['vm.hourlyPrice']).toEqual({ from: 'book', book: 'aws-2026-11', source: 'ec2-use1' });
    expect(r.origins['static.coreMonthlyCost']).toEqual({ from: 'default' });
    expect(r.origins['vm.bootSeconds']).toEqual({ from: 'design' }); // schema defaults count as the design's
  });

  it('resolves Azure East US from its book (published prices as the book cites them)', () => {
    const { env, pricing, vmSize } = resolve({ provider: 'azure' });
    expect(pricing.region).toBe('eastus');
    expect(vmSize).toBe('Standard_D2s_v5');
    expect(env.vm).toMatchObject({ vcpu: 2, hourlyPrice: 0.096 });
    expect(env.functions).toMatchObject({
      requestPrice: 0.0000002, // $0.20 per million executions
      gbSecondPrice: 0.000016,
      coldStartMs: 3000,
      keepAliveMinutes: 20,
      maxDurationSeconds: 600,
    });
    expect(env.functions.vcpuSecondPrice).toBeUndefined();
    expect(env.link).toMatchObject({ egressPricePerGb: 0.087, monthlyCost: 138.7 }); // VpnGw1 $0.19 × 730 h
    expect(env.queue).toEqual({ pricePerMillionRequests: 0.4, requestsPerMessage: 3 });
    expect(env.storage.pricePerGbMonth).toBe(0.0184);
    // Traffic Manager: no profile fee; $0.36 (Azure endpoint) + $0.54 (external endpoint) a month.
    expect(env.trafficManager).toMatchObject({ monthlyCost: 0.9, pricePerMillionQueries: 0.54 });
    expect(env.apiGateway.pricePerMillionRequests).toBe(3.5);
  });

  it('resolves Google Cloud with vCPU-seconds and Pub/Sub by volume, and no per-request queue price', () => {
    const { env } = resolve({ provider: 'gcp', region: 'europe-west1' });
    expect(env.vm).toMatchObject({ vcpu: 2, hourlyPrice: 0.0737 }); // e2-standard-2, Belgium
    expect(env.functions).toMatchObject({
      requestPrice: 0.0000004,
      gbSecondPrice: 0.0000025,
      vcpuSecondPrice: 0.000024,
    });
    expect(env.queue).toEqual({ requestsPerMessage: 2, pricePerTib: 40 });
    expect(env.trafficManager.monthlyCost).toBe(0.2); // the Cloud DNS zone; no separate health-check price
    expect(env.link.monthlyCost).toBe(36.5); // one Cloud VPN tunnel, $0.05 × 730 h
  });

  it('lets every price the design sets win over the book, and says so', () => {
    const r = resolve({ provider: 'azure' }, { vm: { hourlyPrice: 0.2 }, link: { monthlyCost: 50 } });
    expect(r.env.vm.hourlyPrice).toBe(0.2);
    expect(r.env.link.monthlyCost).toBe(50);
    expect(r.env.link.egressPricePerGb).toBe(0.087);
    expect(r.origins['vm.hourlyPrice']).toEqual({ from: 'design' });
    expect(r.origins['link.egressPricePerGb']).toEqual({ from: 'book', book: 'azure-2026-11', source: 'bandwidth' });
  });

  it('prices a named VM size: t3.medium, 2 vCPU at $0.0416', () => {
    expect(resolve(undefined, { vm: { size: 't3.medium' } }).env.vm).toMatchObject({ vcpu: 2, hourlyPrice: 0.0416 });
  });

  it('resolves the committed rate: the provider’s discount, a size’s own rate, or the discount on the design’s price', () => {
    expect(resolve({ commitment: '1y' }).env.vm.committedHourlyPrice).toBe(0.060192); // 0.096 × 0.627
    expect(resolve({ provider: 'azure', commitment: '3y' }).env.vm.committedHourlyPrice).toBe(0.03648); // × 0.38
    expect(resolve({ commitment: '3y' }, { vm: { size: 't3.medium' } }).env.vm.committedHourlyPrice).toBe(0.018);
    expect(resolve({ commitment: '1y' }, { vm: { hourlyPrice: 0.1 } }).env.vm.committedHourlyPrice).toBe(0.0627);
    expect(resolve().env.vm.committedHourlyPrice).toBeUndefined();
  });

  it('prices custom from the design and the hard defaults only', () => {
    const r = resolve({ provider: 'custom' }, { vm: { hourlyPrice: 0.05 } });
    expect(r.pricing).toEqual({ provider: 'custom', commitment: 'none', book: null });
    expect(r.env.vm.hourlyPrice).toBe(0.05);
    expect(r.env.functions.gbSecondPrice).toBe(0.0000166667);
    expect(r.origins['functions.gbSecondPrice']).toEqual({ from: 'default' });
  });

  it('builds the core-month up from an own data centre unless the design sets it', () => {
    const dataCentre = SPEC_DATA_CENTRE;
    // ($12,000 ÷ 48 + 450 W × 1.5 × 730 h × $0.15/kWh + $100 + $150) ÷ 32 = $573.9125 ÷ 32.
    const built = resolve(undefined, { dataCentre });
    expect(built.env.static.coreMonthlyCost).toBeCloseTo(17.934765625, 9);
    expect(built.origins['static.coreMonthlyCost']).toEqual({ from: 'data-centre' });
    expect(built.env.dataCentre).toEqual(dataCentre);
    expect(resolve(undefined, { dataCentre, static: { coreMonthlyCost: 20 } }).env.static.coreMonthlyCost).toBe(20);
  });

  it('counts a written-out price equal to the book’s as the book’s, and its committed rate too', () => {
    const once = resolve({ commitment: '3y' }, { vm: { size: 't3.medium' } });
    const again = resolve({ commitment: '3y' }, once.env);
    expect(again.env.vm.committedHourlyPrice).toBe(0.018); // t3.medium's own 3-year rate, not $0.0416 × 0.433
    expect(again.origins['vm.committedHourlyPrice']).toEqual(once.origins['vm.committedHourlyPrice']);
    expect(again.origins['vm.hourlyPrice']).toEqual({ from: 'book', book: 'aws-2026-11', source: 'ec2-use1' });
    expect(resolve({ provider: 'custom' }, { vm: { hourlyPrice: 0.096 } }).origins['vm.hourlyPrice']).toEqual({
      from: 'default',
    });
  });

  it('resolves a resolved environment to itself (what a plan hashes and re-plans from)', () => {
    for (const pricing of [undefined, { provider: 'gcp' }, { provider: 'azure', commitment: '1y' }] as const) {
      const once = resolve(pricing).env;
      expect(resolve(pricing, once).env).toEqual(once);
    }
  });
});
