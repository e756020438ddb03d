import { describe, expect, it } from 'vitest';
import { EXAMPLE_DESIGNS } from '../examples';
import { designSchema, environmentsSchema, simulationSchema } from '../model/design';
import { resolveEnvironments } from '../cost/resolve-environments';
import {
  ASSUMPTION_FIELDS,
  assumptionDrafts,
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
    for (const a of ASSUMPTION_FIELDS) {
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
});
