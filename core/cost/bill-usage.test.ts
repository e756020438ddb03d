import { describe, expect, it } from 'vitest';
import { environmentsSchema } from '../model/design';
import { COMMITMENT_HELP } from '../model/labels';
import type { PricingChoice } from '../model/pricing-choice';
import { sumLines } from './cost-line';
import { billCrossing, billSecureLink, billStaging, billUsage } from './bill-usage';
import { tariffOf } from './tariff';
import { SPEC_DATA_CENTRE } from '../testing/pricing-fixtures';

const tariff = (pricing?: PricingChoice, environments: unknown = {}) =>
  tariffOf({ environments: environmentsSchema.parse(environments), pricing });
const costs = (lines: { item: string; monthlyCost: number }[]) => lines.map((l) => [l.item, l.monthlyCost]);

// The default book: AWS us-east-1 list prices (reference/pricing-and-scaling.md), worked by hand below.
const aws = tariff();

describe('billUsage at the default (AWS us-east-1) prices', () => {
  it('prices reserved cores per core-month ($16, the data-centre default)', () => {
    expect(sumLines(billUsage({ placement: 'static', cores: 10 }, aws))).toBe(160);
  });

  it('prices m5.large instance-hours at $0.096 (one instance all month: $70.08, vector T5)', () => {
    const lines = billUsage({ placement: 'elastic-vm', instanceHours: 730, alwaysOnInstances: 1 }, aws);
    expect(lines).toEqual([
      { item: 'instances', quantity: 730, unit: 'instance-hour', unitPrice: 0.096, monthlyCost: 70.08 },
    ]);
  });

  it('prices functions per request and GB-second (vector T2: 300,000 × 200 ms × 256 MB → $0.31)', () => {
    const usage = { invocations: 300_000, memoryMb: 256, durationMs: 200, gatewayRequests: 0 };
    const lines = billUsage({ placement: 'serverless', ...usage }, aws);
    // 300,000 × $0.20/M = $0.06; 300,000 × 0.25 GB × 0.2 s = 15,000 GB-s × $0.0000166667 = $0.25.
    expect(costs(lines)).toEqual([
      ['function-requests', 0.06],
      ['function-compute', 0.25],
    ]);
    expect(lines[1]?.quantity).toBe(15_000);
  });

  it('bills a modelled mean duration as it is: no 1 ms rounding of 86.4 ms (MODELLED_ROUNDING_FLOOR_MS)', () => {
    const usage = { invocations: 1e6, memoryMb: 1024, durationMs: 86.4, gatewayRequests: 0 };
    const [, compute] = billUsage({ placement: 'serverless', ...usage }, aws);
    expect(compute?.quantity).toBeCloseTo(86_400, 6); // 1e6 × 1 GB × 0.0864 s
  });

  it('adds the API gateway as its own line only when there are gateway requests ($1.00 per million)', () => {
    const usage = { invocations: 2e6, memoryMb: 128, durationMs: 1, gatewayRequests: 2e6 };
    const lines = billUsage({ placement: 'serverless', ...usage }, aws);
    expect(lines.find((l) => l.item === 'api-gateway')).toEqual({
      item: 'api-gateway',
      quantity: 2e6,
      unit: 'request',
      unitPrice: 0.000001,
      monthlyCost: 2,
    });
  });

  it('prices a burst as its base cores, cloud instance-hours and its traffic manager', () => {
    // 2 cores $32; 100 h × $0.096 = $9.60; Route 53 zone $0.50 + health checks $0.50 (AWS endpoint) and
    // $0.75 (the data centre) = $1.75; 10 M requests × 0.1 query × $0.40/M = $0.40.
    const lines = billUsage({ placement: 'burst', baseCores: 2, instanceHours: 100, managedRequests: 1e7 }, aws);
    expect(lines.map((l) => l.monthlyCost)).toEqual([32, 9.6, 1.75, 0.4]);
    expect(sumLines(lines)).toBe(43.75);
  });
});

describe('the split at the default (AWS) prices', () => {
  it('prices a queue at three requests a message (vector T9: $1.20 per million messages)', () => {
    expect(sumLines(billCrossing({ queuedMessages: 1e6, messageKb: 4, kilobytesOut: 0 }, aws))).toBe(1.2);
  });

  it('bills an SQS message over 64 KB as two requests each way (100 kB = 100,000 bytes > 65,536)', () => {
    // 1 M messages × 3 requests × 2 chunks = 6 M requests × $0.40/M = $2.40.
    expect(sumLines(billCrossing({ queuedMessages: 1e6, messageKb: 100, kilobytesOut: 0 }, aws))).toBe(2.4);
  });

  it('prices egress per GB of 10⁶ kB at $0.09', () => {
    const lines = billCrossing({ queuedMessages: 0, messageKb: 4, kilobytesOut: 50e6 }, aws);
    expect(lines).toEqual([{ item: 'egress', quantity: 50, unit: 'GB', unitPrice: 0.09, monthlyCost: 4.5 }]);
  });

  it('prices the secure link at $0.05 a connection-hour: $36.50 a month', () => {
    expect(billSecureLink(aws)).toEqual([
      {
        item: 'secure-link',
        quantity: 1,
        unit: 'month',
        unitPrice: 36.5,
        monthlyCost: 36.5,
        detail: 'VPN connection, 730 hours',
      },
    ]);
  });

  it('prices staging as storage per GB-month and a data-access core', () => {
    expect(costs(billStaging(40, aws, true))).toEqual([
      ['storage', 0.92],
      ['data-access', 16],
    ]);
    expect(billStaging(40, aws, false).map((l) => l.item)).toEqual(['data-access']);
  });

  it('follows an override in the environments', () => {
    expect(sumLines(billSecureLink(tariff(undefined, { link: { monthlyCost: 100 } })))).toBe(100);
  });
});

describe('Azure East US (azure-2026-11)', () => {
  const azure = tariff({ provider: 'azure' });

  it('rounds billed memory up to 128 MB and bills at least 100 ms: 1 M × 50 ms at 200 MB', () => {
    // Memory 200 → 256 MB = 0.25 GB; 50 ms → 100 ms: 1 M × 0.25 × 0.1 = 25,000 GB-s × $0.000016 = $0.40;
    // requests 1 M × $0.20/M = $0.20.
    const usage = { invocations: 1e6, memoryMb: 200, durationMs: 50, gatewayRequests: 0 };
    const lines = billUsage({ placement: 'serverless', ...usage }, azure);
    expect(lines.map((l) => [l.item, l.quantity, l.monthlyCost])).toEqual([
      ['function-requests', 1e6, 0.2],
      ['function-compute', 25_000, 0.4],
    ]);
  });

  it('caps billed memory at 1,536 MB', () => {
    const usage = { invocations: 1000, memoryMb: 2048, durationMs: 1000, gatewayRequests: 0 };
    const [, compute] = billUsage({ placement: 'serverless', ...usage }, azure);
    expect(compute?.quantity).toBe(1500); // 1000 × 1.5 GB × 1 s
  });

  it('prices API Management (consumption) at $3.50 per million calls', () => {
    const usage = { invocations: 1e6, memoryMb: 128, durationMs: 100, gatewayRequests: 4e6 };
    const gateway = billUsage({ placement: 'serverless', ...usage }, azure).find((l) => l.item === 'api-gateway');
    expect(gateway?.monthlyCost).toBe(14);
  });

  it('prices Traffic Manager per monitored endpoint ($0.36 Azure + $0.54 external) and $0.54 per million queries', () => {
    const lines = billUsage({ placement: 'burst', baseCores: 1, instanceHours: 0, managedRequests: 1e8 }, azure);
    const manager = lines.filter((l) => l.item === 'traffic-manager');
    // $0.36 + $0.54 = $0.90; 100 M × 0.1 = 10 M queries × $0.54/M = $5.40.
    expect(manager.map((l) => l.monthlyCost)).toEqual([0.9, 5.4]);
  });

  it('prices the VPN gateway (VpnGw1) at $0.19 an hour: $138.70 a month', () => {
    expect(sumLines(billSecureLink(azure))).toBe(138.7);
  });

  it('prices D2s v5 at $0.096 an hour and egress at $0.087 per GB', () => {
    const vm = billUsage({ placement: 'elastic-vm', instanceHours: 100, alwaysOnInstances: 1 }, azure);
    expect(sumLines(vm)).toBe(9.6);
    expect(sumLines(billCrossing({ queuedMessages: 0, messageKb: 1, kilobytesOut: 10e6 }, azure))).toBe(0.87);
  });
});

describe('Google Cloud us-central1 (gcp-2026-11)', () => {
  const gcp = tariff({ provider: 'gcp' });

  it('bills vCPU-seconds from the memory table and GiB-seconds, time rounded up to 100 ms', () => {
    // 512 MiB → 0.333 vCPU; 120 ms → 200 ms. 1 M × 0.333 × 0.2 s = 66,600 vCPU-s × $0.000024 = $1.60;
    // 1 M × 0.5 GiB × 0.2 s = 100,000 GiB-s × $0.0000025 = $0.25; 1 M requests × $0.40/M = $0.40.
    const usage = { invocations: 1e6, memoryMb: 512, durationMs: 120, gatewayRequests: 0 };
    const lines = billUsage({ placement: 'serverless', ...usage }, gcp);
    expect(lines.map((l) => [l.item, l.unit, l.monthlyCost])).toEqual([
      ['function-requests', 'request', 0.4],
      ['function-compute', 'vCPU-second', 1.6],
      ['function-compute', 'GiB-second', 0.25],
    ]);
    expect(lines[1]?.quantity).toBeCloseTo(66_600, 6);
  });

  it('bills Pub/Sub by volume: two requests a message, at least 1000 bytes each, $40 per TiB', () => {
    // 10 M messages × 2 requests × 4,000 bytes = 8 × 10¹⁰ bytes = 0.072760 TiB × $40 = $2.91.
    const lines = billCrossing({ queuedMessages: 1e7, messageKb: 4, kilobytesOut: 0 }, gcp);
    expect(lines.map((l) => [l.item, l.unit, l.monthlyCost])).toEqual([['queue-requests', 'TiB', 2.91]]);
  });

  it('prices Cloud DNS at its zone ($0.20) and $0.40 per million queries, Cloud VPN at $36.50', () => {
    const lines = billUsage({ placement: 'burst', baseCores: 1, instanceHours: 0, managedRequests: 1e8 }, gcp);
    expect(lines.filter((l) => l.item === 'traffic-manager').map((l) => l.monthlyCost)).toEqual([0.2, 4]);
    expect(sumLines(billSecureLink(gcp))).toBe(36.5);
  });

  it('prices API Gateway at $3.00 per million (after the free 2 M, which the engine ignores)', () => {
    const usage = { invocations: 1e6, memoryMb: 128, durationMs: 100, gatewayRequests: 5e6 };
    const gateway = billUsage({ placement: 'serverless', ...usage }, gcp).find((l) => l.item === 'api-gateway');
    expect(gateway?.monthlyCost).toBe(15);
  });
});

describe('commitments', () => {
  it('bills the always-on instance at the committed rate and the rest on demand', () => {
    // AWS m5.large 1y: $0.096 × 0.627 = $0.060192 an hour; 1 instance × 730 h = $43.94; 270 h on demand
    // × $0.096 = $25.92.
    const oneYear = tariff({ commitment: '1y' });
    const lines = billUsage({ placement: 'elastic-vm', instanceHours: 1000, alwaysOnInstances: 1 }, oneYear);
    expect(lines.map((l) => [l.item, l.quantity, l.unitPrice, l.monthlyCost])).toEqual([
      ['commitment', 730, 0.060192, 43.94],
      ['instances', 270, 0.096, 25.92],
    ]);
    expect(lines[0]?.detail).toBe('m5.large, 1y EC2 Standard Reserved Instance, no upfront');
  });

  it('uses a size’s own published rate: t3.medium 3y Standard RI, $0.018 an hour', () => {
    const t3 = tariff({ commitment: '3y' }, { vm: { size: 't3.medium' } });
    const lines = billUsage({ placement: 'elastic-vm', instanceHours: 730, alwaysOnInstances: 1 }, t3);
    expect(costs(lines)).toEqual([['commitment', 13.14]]);
  });

  it('commits nothing of a burst: its cloud part scales from zero', () => {
    const lines = billUsage(
      { placement: 'burst', baseCores: 1, instanceHours: 50, managedRequests: 0 },
      tariff({ commitment: '3y' }),
    );
    expect(lines.some((l) => l.item === 'commitment')).toBe(false);
  });

  it('is described in the Assumptions tab as what it bills: the always-on VMs, not a burst’s base', () => {
    // It said "bills always-on cloud capacity (the fewest VMs, a burst’s base) at the committed rate".
    const t = tariff({ commitment: '1y' });
    const committed = (usage: Parameters<typeof billUsage>[0]) =>
      billUsage(usage, t).filter((l) => l.item === 'commitment');
    expect(committed({ placement: 'elastic-vm', instanceHours: 2000, alwaysOnInstances: 2 })).toMatchObject([
      { quantity: 2 * 730 },
    ]);
    expect(committed({ placement: 'burst', baseCores: 4, instanceHours: 2000, managedRequests: 0 })).toEqual([]);
    expect(committed({ placement: 'static', cores: 4 })).toEqual([]);
    expect(COMMITMENT_HELP).toContain('the elastic VMs that are always on (the fewest VMs)');
    expect(COMMITMENT_HELP).toContain('a burst’s cloud overflow and functions stay on demand');
    expect(COMMITMENT_HELP).toContain('a burst’s base among them, are owned, not committed');
  });
});

describe('an own data centre, built up', () => {
  const dataCentre = SPEC_DATA_CENTRE;

  it('shows reserved cores as four lines: hardware, power, space, operations', () => {
    // Per core: $250 / 32 = $7.8125; 450 W × 1.5 × 730 h × $0.15 / 32 = $2.30977; $100 / 32 = $3.125;
    // $150 / 32 = $4.6875. For 4 cores: $31.25, $9.24, $12.50, $18.75.
    const lines = billUsage({ placement: 'static', cores: 4 }, tariff(undefined, { dataCentre }));
    expect(costs(lines)).toEqual([
      ['cores', 31.25],
      ['cores', 9.24],
      ['cores', 12.5],
      ['cores', 18.75],
    ]);
  });

  it('builds up the data-access core too, and yields to a core-month the design sets', () => {
    expect(billStaging(10, tariff(undefined, { dataCentre }), false).map((l) => l.item)).toEqual([
      'data-access',
      'data-access',
      'data-access',
      'data-access',
    ]);
    const set = tariff(undefined, { dataCentre, static: { coreMonthlyCost: 20 } });
    expect(costs(billUsage({ placement: 'static', cores: 4 }, set))).toEqual([['cores', 80]]);
  });
});
