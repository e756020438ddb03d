import { describe, expect, it } from 'vitest';
import { environmentsSchema } from '../model/design';
import { sumLines } from './cost-line';
import { billCrossing, billSecureLink, billStaging, billUsage } from './bill-usage';

// The defaults: AWS us-east-1 list prices (reference/pricing-and-scaling.md), worked by hand below.
const env = environmentsSchema.parse({});

describe('billUsage at the default (AWS) prices', () => {
  it('prices reserved cores per core-month', () => {
    expect(sumLines(billUsage({ placement: 'static', cores: 10 }, env))).toBe(160);
  });

  it('prices m5.large instance-hours at $0.096 (one instance all month: $70.08, vector T5)', () => {
    expect(sumLines(billUsage({ placement: 'elastic-vm', instanceHours: 730 }, env))).toBe(70.08);
  });

  it('prices functions per request and GB-second (vector T2: 300,000 × 200 ms × 256 MB → $0.31)', () => {
    const lines = billUsage(
      { placement: 'serverless', invocations: 300_000, gbSeconds: 15_000, gatewayRequests: 0 },
      env,
    );
    expect(lines.map((l) => [l.item, l.monthlyCost])).toEqual([
      ['function-requests', 0.06],
      ['function-compute', 0.25],
    ]);
  });

  it('adds the API gateway as its own line only when there are gateway requests ($1.00 per million)', () => {
    const lines = billUsage({ placement: 'serverless', invocations: 2e6, gbSeconds: 0, gatewayRequests: 2e6 }, env);
    expect(lines.find((l) => l.item === 'api-gateway')?.monthlyCost).toBe(2);
    expect(lines.find((l) => l.item === 'api-gateway')?.unitPrice).toBe(0.000001);
  });

  it('prices a burst as its base cores, cloud instance-hours and its traffic manager', () => {
    // 2 cores $32; 100 h × $0.096 = $9.60; manager $1.75 + 10 M requests × 0.1 query × $0.40/M = $0.40.
    const lines = billUsage({ placement: 'burst', baseCores: 2, instanceHours: 100, managedRequests: 1e7 }, env);
    expect(lines.map((l) => l.monthlyCost)).toEqual([32, 9.6, 1.75, 0.4]);
    expect(sumLines(lines)).toBe(43.75);
  });
});

describe('the split at the default (AWS) prices', () => {
  it('prices a queue at three requests a message (vector T9: $1.20 per million messages)', () => {
    expect(sumLines(billCrossing({ queuedMessages: 1e6, kilobytesOut: 0 }, env))).toBe(1.2);
  });

  it('prices egress per GB of 10⁶ kB at $0.09', () => {
    const lines = billCrossing({ queuedMessages: 0, kilobytesOut: 50e6 }, env);
    expect(lines).toEqual([{ item: 'egress', quantity: 50, unit: 'GB', unitPrice: 0.09, monthlyCost: 4.5 }]);
  });

  it('prices the secure link at $0.05 a connection-hour: $36.50 a month', () => {
    expect(sumLines(billSecureLink(env))).toBe(36.5);
  });

  it('prices staging as storage per GB-month and a data-access core', () => {
    expect(billStaging(40, env, true).map((l) => [l.item, l.monthlyCost])).toEqual([
      ['storage', 0.92],
      ['data-access', 16],
    ]);
    expect(billStaging(40, env, false).map((l) => l.item)).toEqual(['data-access']);
  });

  it('follows an override in the environments', () => {
    const custom = environmentsSchema.parse({ link: { monthlyCost: 100 } });
    expect(sumLines(billSecureLink(custom))).toBe(100);
  });
});
