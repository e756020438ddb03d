/**
 * Plans priced by each provider's book, checked against the providers' published prices with the
 * arithmetic done here by hand (not by the engine's pricing functions): a design whose placements are
 * pinned, so that what each option and wiring element uses is known in advance — a static workload of
 * 5 requests a second is 5 × 3,600 × 730 = 13,140,000 requests a 730-hour month.
 */
import { describe, expect, it } from 'vitest';
import type { CostLine, Plan } from '../model/plan';
import type { DesignInput } from '../model/design';
import type { PricingChoice } from '../model/pricing-choice';
import { entryOf, makeDesign, optionOf, planOf } from '../testing/design-fixture';
import { SPEC_DATA_CENTRE } from '../testing/pricing-fixtures';

const MONTH_SECONDS = 730 * 3600;
const cents = (dollars: number) => Math.round(dollars * 100) / 100;

const pinned = (pricing?: PricingChoice, environments?: DesignInput['environments']): DesignInput =>
  makeDesign(
    [
      {
        id: 'web',
        name: 'Web',
        kind: 'ui',
        workload: { pattern: 'static', baseRps: 20 },
        demand: { cpuMs: 20 },
        pin: { placement: 'burst' },
      },
      {
        id: 'api',
        name: 'API',
        kind: 'service',
        workload: { pattern: 'static', baseRps: 5 },
        demand: { cpuMs: 100, memoryMb: 512 },
        pin: { placement: 'serverless' },
      },
      {
        id: 'jobs',
        name: 'Jobs',
        kind: 'processing',
        workload: { pattern: 'static', baseRps: 10 },
        demand: { cpuMs: 50 },
        pin: { placement: 'elastic-vm' },
      },
      { id: 'db', name: 'DB', kind: 'database', demand: { cpuMs: 5 }, pin: { placement: 'static', cores: 2 } },
    ],
    {
      simulation: { days: 2, stepMinutes: 15, seed: 1 },
      connections: [{ id: 'c1', from: 'api', to: 'db', mode: 'sync', callsPerRequest: 1, payloadKb: 2 }],
      ...(pricing ? { pricing } : {}),
      ...(environments ? { environments } : {}),
    },
  );

const lines = (plan: Plan, id: string, placement: string, item: string): CostLine[] =>
  optionOf(plan, id, placement).costLines.filter((l) => l.item === item);
const wiring = (plan: Plan, kind: string) => plan.wiring.filter((w) => w.kind === kind);

/** Published prices, as each provider's pricing page (or the book's cited source) states them. */
const PUBLISHED = {
  aws: {
    perMillionRequests: 0.2, // Lambda
    perGbSecond: 0.0000166667,
    gateway: 1.0, // API Gateway HTTP API, first 300 M
    vm: 0.096, // m5.large, Linux on demand
    vpnMonth: 0.05 * 730, // Site-to-Site VPN, $0.05 a connection-hour
    managerMonth: 0.5 + 0.5 + 0.75, // Route 53 zone + AWS-endpoint check + external check
    perMillionQueries: 0.4,
    egress: 0.09,
  },
  azure: {
    perMillionRequests: 0.2, // Functions consumption, $0.20 per million executions
    perGbSecond: 0.000016,
    gateway: 3.5, // API Management consumption
    vm: 0.096, // D2s v5
    vpnMonth: 0.19 * 730, // VPN Gateway VpnGw1
    managerMonth: 0.36 + 0.54, // Traffic Manager: Azure endpoint + external endpoint
    perMillionQueries: 0.54,
    egress: 0.087,
  },
  gcp: {
    perMillionRequests: 0.4, // Cloud Run functions, Tier 1
    perVcpuSecond: 0.000024,
    perGibSecond: 0.0000025,
    gateway: 3.0, // API Gateway, 2 M–1 B calls
    vm: 0.067006, // e2-standard-2, us-central1
    vpnMonth: 0.05 * 730, // Cloud VPN tunnel
    managerMonth: 0.2, // Cloud DNS managed zone
    perMillionQueries: 0.4,
    egress: 0.12,
  },
};

describe('a pinned design planned with each provider’s book, checked by hand', () => {
  const requests = 5 * MONTH_SECONDS; // the API's invocations and gateway requests
  const webRequests = 20 * MONTH_SECONDS; // resolved through the traffic manager, a DNS query per ten

  it('AWS: Lambda at 512 MB stretches 100 ms of CPU to 345.5 ms (1,769 MB = 1 vCPU)', () => {
    const plan = planOf(pinned({ provider: 'aws' }));
    const p = PUBLISHED.aws;
    const seconds = (0.1 * 1769) / 512;
    expect(lines(plan, 'api', 'serverless', 'function-requests')[0]?.quantity).toBeCloseTo(requests, 3);
    expect(lines(plan, 'api', 'serverless', 'function-requests')[0]?.monthlyCost).toBe(
      cents((requests * p.perMillionRequests) / 1e6),
    ); // $2.63
    const compute = lines(plan, 'api', 'serverless', 'function-compute');
    expect(compute.map((l) => l.monthlyCost)).toEqual([cents(requests * 0.5 * seconds * p.perGbSecond)]); // $37.83
    expect(lines(plan, 'api', 'serverless', 'api-gateway')[0]?.monthlyCost).toBe(cents((requests * p.gateway) / 1e6));
    // One m5.large holds 10 req/s × 50 ms = 0.5 of its 2 vCPU, under the 60 % target: 730 h a month.
    expect(lines(plan, 'jobs', 'elastic-vm', 'instances')).toEqual([
      { item: 'instances', quantity: 730, unit: 'instance-hour', unitPrice: p.vm, monthlyCost: 70.08 },
    ]);
    expect(lines(plan, 'web', 'burst', 'traffic-manager').map((l) => l.monthlyCost)).toEqual([
      cents(p.managerMonth),
      cents((webRequests * 0.1 * p.perMillionQueries) / 1e6),
    ]);
    const link = wiring(plan, 'secure-link');
    expect(link.find((w) => w.connectionId === undefined)?.monthlyCost).toBe(cents(p.vpnMonth));
    // The API's calls to the database leave the cloud: 13.14 M × 2 kB = 26.28 GB.
    expect(link.find((w) => w.connectionId === 'c1')?.monthlyCost).toBe(cents((requests * 2 * p.egress) / 1e6));
    expect(plan.assumptions.pricing).toMatchObject({
      provider: 'aws',
      region: 'us-east-1',
      commitment: 'none',
      book: 'aws-2026-11',
    });
  });

  it('Azure: a Consumption instance is one core, so 100 ms stays 100 ms; API Management, VpnGw1, Traffic Manager', () => {
    const plan = planOf(pinned({ provider: 'azure' }));
    const p = PUBLISHED.azure;
    expect(lines(plan, 'api', 'serverless', 'function-requests')[0]?.monthlyCost).toBe(
      cents((requests * p.perMillionRequests) / 1e6),
    );
    // 512 MB is already a multiple of 128 MB; 100 ms meets the 100 ms minimum: 657,000 GB-s.
    const [compute] = lines(plan, 'api', 'serverless', 'function-compute');
    expect(compute?.quantity).toBeCloseTo(requests * 0.5 * 0.1, 3);
    expect(compute?.monthlyCost).toBe(cents(requests * 0.5 * 0.1 * p.perGbSecond)); // $10.51
    expect(lines(plan, 'api', 'serverless', 'api-gateway')[0]?.monthlyCost).toBe(cents((requests * p.gateway) / 1e6));
    expect(lines(plan, 'jobs', 'elastic-vm', 'instances')[0]?.monthlyCost).toBe(cents(730 * p.vm));
    expect(lines(plan, 'web', 'burst', 'traffic-manager').map((l) => l.monthlyCost)).toEqual([
      cents(p.managerMonth),
      cents((webRequests * 0.1 * p.perMillionQueries) / 1e6),
    ]);
    const link = wiring(plan, 'secure-link');
    expect(link.find((w) => w.connectionId === undefined)?.monthlyCost).toBe(cents(p.vpnMonth)); // $138.70
    expect(link.find((w) => w.connectionId === 'c1')?.monthlyCost).toBe(cents((requests * 2 * p.egress) / 1e6));
  });

  it('Google Cloud: 512 MiB buys 0.333 vCPU, 300.3 ms billed as 400 ms, vCPU- and GiB-seconds', () => {
    const plan = planOf(pinned({ provider: 'gcp' }));
    const p = PUBLISHED.gcp;
    expect(lines(plan, 'api', 'serverless', 'function-requests')[0]?.monthlyCost).toBe(
      cents((requests * p.perMillionRequests) / 1e6),
    ); // $5.26
    const compute = lines(plan, 'api', 'serverless', 'function-compute');
    expect(compute.map((l) => [l.unit, l.monthlyCost])).toEqual([
      ['vCPU-second', cents(requests * 0.333 * 0.4 * p.perVcpuSecond)], // $42.01
      ['GiB-second', cents(requests * 0.5 * 0.4 * p.perGibSecond)], // $6.57
    ]);
    expect(optionOf(plan, 'api', 'serverless').note).toContain('of 300 ms at 512 MB');
    expect(lines(plan, 'api', 'serverless', 'api-gateway')[0]?.monthlyCost).toBe(cents((requests * p.gateway) / 1e6));
    expect(lines(plan, 'jobs', 'elastic-vm', 'instances')[0]?.monthlyCost).toBe(cents(730 * p.vm)); // $48.91
    expect(lines(plan, 'web', 'burst', 'traffic-manager').map((l) => l.monthlyCost)).toEqual([
      cents(p.managerMonth),
      cents((webRequests * 0.1 * p.perMillionQueries) / 1e6),
    ]);
    const link = wiring(plan, 'secure-link');
    expect(link.find((w) => w.connectionId === undefined)?.monthlyCost).toBe(cents(p.vpnMonth));
    expect(link.find((w) => w.connectionId === 'c1')?.monthlyCost).toBe(cents((requests * 2 * p.egress) / 1e6));
  });

  it('lets the design’s own prices win over the book', () => {
    const plan = planOf(pinned({ provider: 'azure' }, { vm: { hourlyPrice: 0.08 }, link: { monthlyCost: 99 } }));
    expect(lines(plan, 'jobs', 'elastic-vm', 'instances')[0]?.monthlyCost).toBe(cents(730 * 0.08));
    expect(wiring(plan, 'secure-link').find((w) => w.connectionId === undefined)?.monthlyCost).toBe(99);
    expect(plan.assumptions.environments.vm.hourlyPrice).toBe(0.08);
    expect(plan.assumptions.environments.functions.coldStartMs).toBe(3000); // the rest is still Azure's
  });
});

describe('the plan names where every price came from', () => {
  it('gives each price the book set its source page and the day it was checked', () => {
    const plan = planOf(pinned({ provider: 'gcp' }, { link: { monthlyCost: 99 } }));
    const sources = plan.assumptions.pricing?.sources ?? {};
    expect(sources['vm.hourlyPrice']).toEqual({
      from: 'book',
      source: 'vm-usc1',
      url: 'https://cloud.google.com/compute/vm-instance-pricing',
      checked: '2026-12-01',
      basis: 'secondary',
    });
    expect(sources['functions.vcpuSecondPrice']?.url).toBe('https://cloud.google.com/run/pricing');
    expect(sources['link.monthlyCost']).toEqual({ from: 'design' }); // the design's own $99
    expect(sources['static.coreMonthlyCost']).toEqual({ from: 'default' });
    // GCP bills Pub/Sub by volume: there is no per-request queue price, so nothing to source.
    expect(sources['queue.pricePerMillionRequests']).toBeUndefined();
    for (const [path, s] of Object.entries(sources)) {
      if (s.from !== 'book') continue;
      expect([path, s.url]).toEqual([path, expect.stringMatching(/^https:\/\//)]);
      expect([path, s.checked]).toEqual([path, expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]);
    }
  });

  it('re-plans byte for byte from its own assumptions, sources included, on any book', () => {
    const dataCentre = {
      serverPrice: 9000,
      coresPerServer: 24,
      amortisationYears: 5,
      wattsPerServer: 400,
      pue: 1.4,
      kwhPrice: 0.2,
      spaceMonthlyPerServer: 80,
      opsMonthlyPerServer: 120,
    };
    for (const pricing of [
      { provider: 'gcp', commitment: '1y' },
      { provider: 'azure', region: 'westeurope' },
    ] as const) {
      const plan = planOf(pinned(pricing, { dataCentre }));
      const again = planOf({ ...pinned(pricing), environments: plan.assumptions.environments });
      expect(JSON.stringify(again)).toBe(JSON.stringify(plan));
    }
  });

  it('says a core-month built up from the data centre came from it', () => {
    const dataCentre = SPEC_DATA_CENTRE;
    const plan = planOf(pinned({ provider: 'azure' }, { dataCentre }));
    expect(plan.assumptions.pricing?.sources?.['static.coreMonthlyCost']).toEqual({ from: 'data-centre' });
    expect(plan.assumptions.pricing?.sources?.['link.monthlyCost']?.source).toBe('vpn-gateway');
  });
});

describe('commitments', () => {
  it('bill the VM minimum at the committed rate and say what that saves and locks in', () => {
    const plan = planOf(pinned({ provider: 'aws', commitment: '1y' }));
    // m5.large 1-year Standard RI, no upfront: on demand × 0.627 = $0.060192 an hour × 730 h = $43.94.
    const committed = lines(plan, 'jobs', 'elastic-vm', 'commitment');
    expect(committed.map((l) => [l.quantity, l.unitPrice, l.monthlyCost])).toEqual([[730, 0.060192, 43.94]]);
    expect(lines(plan, 'jobs', 'elastic-vm', 'instances')).toEqual([]); // nothing beyond the minimum
    expect(optionOf(plan, 'jobs', 'elastic-vm').note).toContain('saves $26.14');
    expect(plan.commitment).toMatchObject({
      term: '1y',
      instances: 1,
      monthlyCost: 43.94,
      onDemandMonthlyCost: 70.08,
      monthlySaving: 26.14,
      lockedIn: 527.28, // 12 × $43.94
    });
    expect(plan.commitment?.text).toContain('locks in $527.28 over 12 months');
  });

  it('leave the plan without a commitment field when there is none', () => {
    expect(planOf(pinned()).commitment).toBeUndefined();
  });
});

describe('an own data centre, built up', () => {
  it('shows reserved cores and the burst base as hardware, power, space and operations lines', () => {
    const dataCentre = SPEC_DATA_CENTRE;
    const plan = planOf(pinned(undefined, { dataCentre }));
    // The database's 2 pinned cores: $250 / 32 × 2 = $15.63; 492.75 kWh × $0.15 / 32 × 2 = $4.62;
    // $100 / 32 × 2 = $6.25; $150 / 32 × 2 = $9.38.
    const db = lines(plan, 'db', 'static', 'cores');
    expect(db.map((l) => l.monthlyCost)).toEqual([15.63, 4.62, 6.25, 9.38]);
    expect(db.map((l) => l.detail?.split(':')[0])).toEqual(['hardware', 'power', 'space', 'operations']);
    expect(lines(plan, 'web', 'burst', 'cores')).toHaveLength(4);
    expect(plan.assumptions.environments.static.coreMonthlyCost).toBeCloseTo(573.9125 / 32, 9);
    expect(entryOf(plan, 'db').placement).toBe('static');
  });
});
