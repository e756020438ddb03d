import { describe, expect, it } from 'vitest';
import { designSchema, type Design, type DesignInput } from '../model/design';
import { choosePricing } from './choose-pricing';
import { resolveEnvironments } from './resolve-environments';

const base: DesignInput = {
  format: 'tidemark.design',
  version: 1,
  name: 'Switching',
  components: [{ id: 'web', name: 'Web', kind: 'ui', demand: { cpuMs: 10 } }],
};
const design = (extra: Partial<DesignInput> = {}): Design => designSchema.parse({ ...base, ...extra });

// A design saved before price books: every price written out at the old (AWS) defaults.
const writtenOut = resolveEnvironments(design()).env;

describe('choosing another provider, region or commitment', () => {
  it('drops prices that only repeat the old book, so the new book prices an older design', () => {
    const old = design({ environments: { ...writtenOut, vm: { ...writtenOut.vm, hourlyPrice: 0.2 } } });
    const azure = choosePricing(old, { provider: 'azure' });
    expect(azure.pricing).toEqual({ provider: 'azure' });
    const r = resolveEnvironments(azure);
    expect(r.env.link.monthlyCost).toBe(138.7); // Azure's VPN gateway, not AWS's $36.50 written out
    expect(r.env.functions.coldStartMs).toBe(3000);
    expect(r.env.vm.hourlyPrice).toBe(0.2); // the design's own price stays
    expect(azure.environments.static.coreMonthlyCost).toBeUndefined(); // $16 was the default
    expect(azure.environments.vm.bootSeconds).toBe(120); // not a book's: untouched
  });

  it('drops the old provider’s VM size, and a size the new region lacks', () => {
    const t3 = design({ environments: { vm: { size: 't3.medium' } } });
    expect(choosePricing(t3, { provider: 'gcp' }).environments.vm.size).toBeUndefined();
    expect(choosePricing(t3, { region: 'us-east-1', commitment: '1y' }).environments.vm.size).toBe('t3.medium');
    expect(choosePricing(t3, { region: 'eu-west-1' }).environments.vm.size).toBe('t3.medium');
  });

  it('writes the prices in force out when switching to custom, so the custom list starts there', () => {
    const custom = choosePricing(design({ pricing: { provider: 'gcp' } }), { provider: 'custom' });
    expect(custom.environments.vm.hourlyPrice).toBe(0.067006);
    expect(custom.environments.functions.gbSecondPrice).toBe(0.0000025);
    // Custom bills per GB-second and per request: GCP's vCPU-seconds and Pub/Sub volume stay behind.
    expect(custom.environments.functions.vcpuSecondPrice).toBeUndefined();
    expect(custom.environments.queue.pricePerTib).toBeUndefined();
    expect(designSchema.safeParse(custom).success).toBe(true);
    expect(resolveEnvironments(custom).env.vm.hourlyPrice).toBe(0.067006);
  });
});
