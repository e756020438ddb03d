import { describe, expect, it } from 'vitest';
import { EXAMPLE_DESIGNS } from '../examples';
import { designSchema, environmentsSchema, simulationSchema } from '../model/design';
import { resolveEnvironments } from '../cost/resolve-environments';
import {
  ASSUMPTION_FIELDS,
  assumptionDrafts,
  assumptionEdits,
  billedFields,
  checkAssumptionDrafts,
  defaultOf,
  isDefault,
  resetDraft,
  shownValue,
  sourceOf,
} from './assumptions';
import { sameValue } from './field-drafts';
import { pickProvider } from './pricing-picker';

const design = designSchema.parse(EXAMPLE_DESIGNS.find((e) => e.key === 'cloud-bursting')!.design);
const field = (key: string) => ASSUMPTION_FIELDS.find((a) => a.key === key)!;

describe('assumptions', () => {
  it('shows every field with its default and a source, the defaults being the schema’s own', () => {
    const blank = { simulation: simulationSchema.parse({}), environments: environmentsSchema.parse({}) };
    for (const a of billedFields(blank)) {
      expect(a.source.length, a.key).toBeGreaterThan(10);
      expect(isDefault(a, blank), a.key).toBe(true);
    }
    expect(shownValue(field('sloMinuteShare'), blank)).toBe(0.1);
    expect(shownValue(field('simplicityMargin'), blank)).toBe(10);
    expect(shownValue(field('requestPrice'), blank)).toBe(0.2);
  });

  it('turns a shown percentage back into the stored share', () => {
    const drafts = { ...assumptionDrafts(design), simplicityMargin: '25', gatewayPrice: '3.5' };
    const c = checkAssumptionDrafts(design, drafts);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.value.environments.decision.simplicityMargin).toBe(0.25);
    expect(c.value.environments.apiGateway.pricePerMillionRequests).toBe(3.5);
    expect(c.value.simulation).toEqual(design.simulation);
  });

  it('refuses what the schema refuses, with bounds in the field’s own units', () => {
    const drafts = { ...assumptionDrafts(design), simplicityMargin: '95', days: '0', seed: 'x', coreMonthlyCost: '' };
    const c = checkAssumptionDrafts(design, drafts);
    expect(c.ok).toBe(false);
    expect(c.errors.simplicityMargin).toBe('must be at most 90');
    expect(c.errors.days).toBe('must be at least 1');
    expect(c.errors.seed).toBe('must be a number');
    expect(c.errors.coreMonthlyCost).toBe('required');
    const steps = checkAssumptionDrafts(design, { ...assumptionDrafts(design), stepMinutes: '7' });
    expect(steps.errors.stepMinutes).toBeDefined();
    const vms = checkAssumptionDrafts(design, { ...assumptionDrafts(design), minInstances: '20', maxInstances: '10' });
    expect(vms.errors.minInstances).toBe('must be at most the most VMs (10)');
  });

  it('reads a figure written with thousands separators', () => {
    const c = checkAssumptionDrafts(design, { ...assumptionDrafts(design), maxInstances: '1,000' });
    expect(c.ok && c.value.environments.vm.maxInstances).toBe(1000);
  });

  it('refuses a horizon that ends before a one-off peak starts', () => {
    const late = design.components.find((c) => c.workload?.pattern === 'once-in-a-lifetime')!;
    const start = late.workload!.peakStartHour!;
    const days = Math.floor(start / 24);
    const c = checkAssumptionDrafts(design, { ...assumptionDrafts(design), days: String(days) });
    expect(c.ok).toBe(false);
    expect(c.errors.days).toContain('after this horizon ends');
  });

  it('puts one field back to its default', () => {
    const drafts = resetDraft({ ...assumptionDrafts(design), hourlyPrice: '0.2' }, field('hourlyPrice'), design);
    expect(drafts.hourlyPrice).toBe('0.096');
  });

  it('reads a price, its default and its source from the chosen book', () => {
    const azure = pickProvider(design, 'azure');
    const vm = field('gbSecondPrice');
    const hourly = shownValue(vm, azure);
    expect(hourly).toBe(resolveEnvironments(azure).env.functions.gbSecondPrice * 1e6);
    expect(hourly).not.toBe(shownValue(vm, design));
    // Left to the book, the price is at its default: the book's, not AWS's.
    expect(Number((defaultOf(vm, azure) * vm.scale).toPrecision(12))).toBe(hourly);
    expect(isDefault(vm, azure)).toBe(true);
    expect(sourceOf(vm, azure)).toMatch(
      /^Azure list price, East US \(azure\.microsoft\.com\/.+functions.+, checked \d{4}-\d{2}-\d{2}\)\.$/,
    );
    // AWS us-east-1 is what the hard defaults describe: their own words stay.
    expect(sourceOf(vm, design)).toBe(vm.source);
    // A reset puts the book's price back.
    const drafts = resetDraft({ ...assumptionDrafts(azure), gbSecondPrice: '50' }, vm, azure);
    expect(drafts.gbSecondPrice).toBe(String(hourly));
  });

  it('keeps the price book in the checked value, so unchanged drafts are no change', () => {
    const azure = pickProvider(design, 'azure');
    const c = checkAssumptionDrafts(azure, assumptionDrafts(azure));
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.value.pricing).toEqual(azure.pricing);
    expect(
      sameValue(c.value, { simulation: azure.simulation, environments: azure.environments, pricing: azure.pricing }),
    ).toBe(true);
  });

  it('shows the queue and storage prices the plan bills, read from the engine’s own price book', () => {
    const keys = (d: Parameters<typeof billedFields>[0]) => billedFields(d).map((a) => a.key);
    const engine = (d: Parameters<typeof resolveEnvironments>[0]) => resolveEnvironments(d).env;
    // AWS (the default book): SQS by request, three requests a message, S3 by the GB-month.
    expect(keys(design)).toEqual(expect.arrayContaining(['queuePrice', 'requestsPerMessage', 'storagePrice']));
    expect(keys(design)).not.toContain('queuePricePerTib');
    expect(shownValue(field('queuePrice'), design)).toBe(engine(design).queue.pricePerMillionRequests);
    expect(shownValue(field('requestsPerMessage'), design)).toBe(engine(design).queue.requestsPerMessage);
    expect(shownValue(field('storagePrice'), design)).toBe(engine(design).storage.pricePerGbMonth);
    // SQS standard $0.40 per million requests, 3 requests a message; S3 Standard $0.023 per GB-month
    // (aws.amazon.com/sqs/pricing, aws.amazon.com/s3/pricing, as the AWS book of 2026-11 has them).
    expect([0.4, 3, 0.023]).toEqual(
      ['queuePrice', 'requestsPerMessage', 'storagePrice'].map((k) => shownValue(field(k), design)),
    );
    // Azure: its own Blob price and page.
    const azure = pickProvider(design, 'azure');
    expect(shownValue(field('storagePrice'), azure)).toBe(engine(azure).storage.pricePerGbMonth);
    expect(shownValue(field('storagePrice'), azure)).not.toBe(shownValue(field('storagePrice'), design));
    expect(isDefault(field('storagePrice'), azure)).toBe(true);
    expect(sourceOf(field('storagePrice'), azure)).toMatch(
      /^Azure list price, East US \(azure\.microsoft\.com\/.+, checked /,
    );
    // GCP bills Pub/Sub by the volume carried: that price instead of one per request, and the form
    // still checks (the field it does not bill is neither shown nor checked).
    const gcp = pickProvider(design, 'gcp');
    expect(keys(gcp)).toContain('queuePricePerTib');
    expect(keys(gcp)).not.toContain('queuePrice');
    expect(shownValue(field('queuePricePerTib'), gcp)).toBe(engine(gcp).queue.pricePerTib);
    expect(sourceOf(field('queuePricePerTib'), gcp)).toMatch(/^Google Cloud list price, .+pubsub.+, checked /);
    expect(checkAssumptionDrafts(gcp, assumptionDrafts(gcp)).ok).toBe(true);
    // Edited, the price is the design's own, and the engine bills with it.
    const c = checkAssumptionDrafts(design, { ...assumptionDrafts(design), storagePrice: '0.05', queuePrice: '0.5' });
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    const edited = { ...design, environments: c.value.environments };
    expect(engine(edited).storage.pricePerGbMonth).toBe(0.05);
    expect(engine(edited).queue.pricePerMillionRequests).toBe(0.5);
    expect(assumptionEdits(design, edited)).toEqual([
      'Queue requests ($ per million) 0.4 → 0.5',
      'Storage ($ per GB-month) 0.023 → 0.05',
    ]);
    // Between books that bill a queue differently, only the prices both bill are compared.
    expect(assumptionEdits(design, gcp).join()).not.toMatch(/Queue requests \(|Queue data/);
  });
});
