import { describe, expect, it } from 'vitest';
import { EXAMPLE_DESIGNS } from '../examples';
import { designSchema } from '../model/design';
import { compareProviders } from '../plan/compare-providers';
import { comparisonCells } from './compare';

const design = designSchema.parse(EXAMPLE_DESIGNS.find((e) => e.key === 'cloud-bursting')!.design);

describe('the provider comparison in words', () => {
  const comparison = compareProviders(design);
  const cells = comparisonCells(comparison);

  it('writes each provider’s row from the engine’s figures', () => {
    expect(cells.rows.map((r) => r.providerName)).toEqual(['AWS', 'Azure', 'Google Cloud']);
    cells.rows.forEach((r, i) => {
      const row = comparison.rows[i]!;
      expect(r.monthlyCost).toBe(`$${row.monthlyCost.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`);
      expect(r.aboveCheapest).toBe(row.isCheapest ? 'Cheapest' : `+$${row.aboveCheapest.toFixed(2)}`);
    });
    expect(cells.rows[0]).toMatchObject({
      region: 'us-east-1',
      regionName: 'US East (N. Virginia)',
      placements: ['Data centre 1', 'Burst (both) 3'],
      sloMinutes: '2 minutes',
      dropped: 'None',
    });
    expect(cells.rows[1]?.regionName).toBe('East US');
  });

  it('writes unit prices with the digits they need, and says where a price is not billed', () => {
    const row = (label: string) => cells.prices.find((p) => p.label === label)?.values.map((v) => v.text);
    expect(row('Function memory-time, per GB-second (GCP: GiB)')).toEqual(['$0.00001667', '$0.000016', '$0.0000025']);
    expect(row('Function CPU-time, per vCPU-second')).toEqual(['not billed', 'not billed', '$0.000024']);
    expect(row('Function cold start')).toEqual(['250 ms', '3,000 ms', '1,500 ms']);
    expect(row('Secure link (VPN), per month')).toEqual(['$36.50', '$138.70', '$36.50']);
  });
});
