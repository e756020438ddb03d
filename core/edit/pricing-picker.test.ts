import { describe, expect, it } from 'vitest';
import { EXAMPLE_DESIGNS } from '../examples';
import { resolveEnvironments } from '../cost/resolve-environments';
import { designSchema, type Design } from '../model/design';
import {
  commitmentOptions,
  currentPick,
  describeBook,
  pickBook,
  pickCommitment,
  pickProvider,
  pickRegion,
  providerOptions,
  regionOptions,
} from './pricing-picker';

const design = designSchema.parse(EXAMPLE_DESIGNS.find((e) => e.key === 'cloud-bursting')!.design);
const withPricing = (pricing: Design['pricing']): Design => ({ ...design, pricing });

describe('the price-book picker', () => {
  it('reads the design’s choice with the defaults filled in', () => {
    expect(currentPick(withPricing(undefined))).toEqual({ provider: 'aws', region: 'us-east-1', commitment: 'none' });
    expect(currentPick(withPricing({ provider: 'gcp' }))).toEqual({
      provider: 'gcp',
      region: 'us-central1',
      commitment: 'none',
    });
    expect(currentPick(withPricing({ provider: 'custom' })).region).toBeUndefined();
  });

  it('offers the three books, custom only to a design already priced so, and regions by their names', () => {
    expect(providerOptions('aws').map((o) => o.label)).toEqual(['AWS', 'Azure', 'Google Cloud']);
    expect(providerOptions('custom').map((o) => o.value)).toEqual(['aws', 'azure', 'gcp', 'custom']);
    expect(regionOptions('azure')).toEqual([
      { value: 'eastus', label: 'East US (eastus)' },
      { value: 'westeurope', label: 'West Europe (westeurope)' },
    ]);
    expect(regionOptions('custom')).toEqual([]);
    expect(commitmentOptions().map((o) => o.value)).toEqual(['none', '1y', '3y']);
  });

  it('moves to the new provider’s region in the same part of the world, keeping the commitment', () => {
    const eu = withPricing({ provider: 'aws', region: 'eu-west-1', commitment: '1y' });
    expect(pickProvider(eu, 'azure').pricing).toEqual({ provider: 'azure', region: 'westeurope', commitment: '1y' });
    expect(pickProvider(eu, 'gcp').pricing).toEqual({ provider: 'gcp', region: 'europe-west1', commitment: '1y' });
    expect(pickProvider(withPricing(undefined), 'azure').pricing).toEqual({
      provider: 'azure',
      region: 'eastus',
      commitment: 'none',
    });
    // The same provider again is no change (no undo step).
    expect(pickProvider(eu, 'aws')).toBe(eu);
  });

  it('re-prices what the old book set, keeping the author’s own prices', () => {
    const own = {
      ...design,
      environments: { ...design.environments, link: { ...design.environments.link, monthlyCost: 99 } },
    };
    const azure = pickProvider(own, 'azure');
    const env = resolveEnvironments(azure).env;
    expect(env.link.monthlyCost).toBe(99);
    const gbSecond = (d: Design) => resolveEnvironments(d).env.functions.gbSecondPrice;
    expect(gbSecond(azure)).toBe(gbSecond(pickProvider(design, 'azure')));
    expect(gbSecond(azure)).toBe(0.000016);
    expect(gbSecond(design)).toBe(0.0000166667);
  });

  it('changes the region or the commitment alone', () => {
    const azure = pickProvider(design, 'azure');
    expect(pickRegion(azure, 'westeurope').pricing).toEqual({
      provider: 'azure',
      region: 'westeurope',
      commitment: 'none',
    });
    expect(pickRegion(azure, 'eastus')).toBe(azure);
    expect(pickCommitment(azure, '3y').pricing).toEqual({ provider: 'azure', region: 'eastus', commitment: '3y' });
    expect(pickCommitment(azure, 'none')).toBe(azure);
  });

  it('takes a compared provider’s book and region, keeping the commitment', () => {
    const committed = withPricing({ commitment: '3y' });
    expect(pickBook(committed, 'gcp', 'europe-west1').pricing).toEqual({
      provider: 'gcp',
      region: 'europe-west1',
      commitment: '3y',
    });
    expect(pickBook(committed, 'aws', 'us-east-1')).toBe(committed);
  });

  it('names the book in words', () => {
    expect(describeBook(withPricing(undefined))).toBe('AWS US East (N. Virginia), book aws-2026-11');
    expect(describeBook(withPricing({ provider: 'azure', region: 'westeurope' }))).toBe(
      'Azure West Europe, book azure-2026-11',
    );
    expect(describeBook(withPricing({ provider: 'custom' }))).toBe('your own prices (no price book)');
  });
});
