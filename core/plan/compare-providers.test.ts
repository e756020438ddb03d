import { describe, expect, it } from 'vitest';
import { choosePricing } from '../cost/choose-pricing';
import type { Design, DesignInput } from '../model/design';
import { validateDesign } from '../model/validate';
import { makeDesign } from '../testing/design-fixture';
import { buildPlan } from './build-plan';
import { compareProviders, matchingRegion } from './compare-providers';

function validated(input: DesignInput): Design {
  const checked = validateDesign(input);
  if (!checked.ok) throw new Error(checked.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return checked.value;
}

// A hybrid shape: a bursty API that calls a database pinned in the data centre, and a queue-fed job.
const shop = (extra: Partial<DesignInput> = {}) =>
  validated(
    makeDesign(
      [
        {
          id: 'api',
          name: 'API',
          kind: 'service',
          workload: { pattern: 'periodic', baseRps: 2, peakRps: 40, periodHours: 24, peakHours: 2, peakStartHour: 18 },
          demand: { cpuMs: 40, memoryMb: 512 },
        },
        { id: 'db', name: 'DB', kind: 'database', demand: { cpuMs: 5 }, pin: { placement: 'static', cores: 2 } },
        { id: 'jobs', name: 'Jobs', kind: 'processing', demand: { cpuMs: 200 } },
      ],
      {
        simulation: { days: 2, stepMinutes: 15, seed: 3 },
        connections: [
          { id: 'c1', from: 'api', to: 'db', mode: 'sync', callsPerRequest: 1, payloadKb: 2 },
          { id: 'c2', from: 'api', to: 'jobs', mode: 'async', callsPerRequest: 0.5, payloadKb: 8 },
        ],
        ...extra,
      },
    ),
  );

describe('comparing providers', () => {
  it('gives each provider the plan it would get alone, even though runs are shared between them', () => {
    const design = shop();
    const comparison = compareProviders(design);
    expect(comparison.rows.map((r) => [r.provider, r.region, r.book])).toEqual([
      ['aws', 'us-east-1', 'aws-2026-11'],
      ['azure', 'eastus', 'azure-2026-11'],
      ['gcp', 'us-central1', 'gcp-2026-11'],
    ]);
    for (const row of comparison.rows) {
      const alone = buildPlan(choosePricing(design, { provider: row.provider, region: row.region })).plan;
      expect(row.monthlyCost).toBe(alone.totals.recommended.monthlyCost);
      expect(row.placements).toEqual(Object.fromEntries(alone.placements.map((p) => [p.componentId, p.placement])));
      expect(row.plan.assumptions.pricing?.book).toBe(row.book);
    }
    expect(comparison.simulation.reused).toBeGreaterThan(0);
  });

  it('marks the cheapest, and how far above it the others are, to the cent', () => {
    const { rows, summary } = compareProviders(shop());
    const cheapest = Math.min(...rows.map((r) => r.monthlyCost));
    expect(rows.filter((r) => r.isCheapest).map((r) => r.monthlyCost)).toEqual([cheapest]);
    for (const r of rows) expect(r.aboveCheapest).toBe(Math.round((r.monthlyCost - cheapest) * 100) / 100);
    expect(summary[0]).toMatch(/^Cheapest: (AWS|Azure|Google Cloud) in .+ at \$/);
  });

  it('sets the unit prices side by side, as the books publish them', () => {
    const { prices } = compareProviders(shop());
    const row = (label: string) => prices.find((p) => p.label === label)?.values;
    expect(row('Function requests')).toEqual({ aws: 0.2, azure: 0.2, gcp: 0.4 });
    expect(row('Secure link (VPN)')).toEqual({ aws: 36.5, azure: 138.7, gcp: 36.5 }); // $0.05, $0.19, $0.05 × 730 h
    expect(row('Function CPU-time')).toEqual({ aws: null, azure: null, gcp: 0.000024 });
  });

  it('compares in the design’s part of the world, with its commitment', () => {
    const design = shop({ pricing: { provider: 'aws', region: 'eu-west-1', commitment: '1y' } });
    expect(matchingRegion(design, 'azure')).toBe('westeurope');
    expect(matchingRegion(design, 'gcp')).toBe('europe-west1');
    const comparison = compareProviders(design, { providers: ['aws', 'gcp'] });
    expect(comparison.commitment).toBe('1y');
    expect(comparison.rows.map(({ plan }) => ({ ...plan.assumptions.pricing, sources: undefined }))).toEqual([
      { provider: 'aws', region: 'eu-west-1', commitment: '1y', book: 'aws-2026-11', sources: undefined },
      { provider: 'gcp', region: 'europe-west1', commitment: '1y', book: 'gcp-2026-11', sources: undefined },
    ]);
  });

  it('names the prices the design sets itself, which apply on every provider', () => {
    const comparison = compareProviders(shop({ environments: { link: { monthlyCost: 50 } } }));
    expect(comparison.overrides).toEqual(['environments.link.monthlyCost']);
    expect(comparison.prices.find((p) => p.label === 'Secure link (VPN)')?.values).toEqual({
      aws: 50,
      azure: 50,
      gcp: 50,
    });
    expect(comparison.summary.at(-1)).toBe(
      'Prices the design sets itself apply on every provider: the secure link’s monthly cost.',
    );
  });
});
