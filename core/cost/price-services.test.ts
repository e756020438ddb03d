import { describe, expect, it } from 'vitest';
import { sumLines, type CostLine } from './cost-line';
import { PRICE_BOOKS } from './books/price-book';
import {
  billedQueueBytes,
  priceApiGateway,
  priceCommitment,
  priceEgress,
  priceInstances,
  priceQueue,
  priceSecureLink,
  priceStorage,
  priceTrafficManager,
  queueRequestsForMessages,
} from './price-services';

const { aws, azure, gcp } = PRICE_BOOKS;
const costs = (lines: CostLine[]) => lines.map((l) => l.monthlyCost);
// Expected figures marked "Infracost" are the lines of its golden files at commit e9ce62908 (cc1f4eb7
// for the Azure VPN gateway, 16e40f6 for the EKS node group), internal/providers/terraform/<provider>/testdata/.

describe('virtual machines', () => {
  it('price instance-hours on demand: Infracost’s node groups, m5.large and m5.xlarge for 2,190 h', () => {
    expect(costs(priceInstances(aws, 'us-east-1', { size: 'm5.large', instanceHours: 2190 }))).toEqual([210.24]);
    expect(costs(priceInstances(aws, 'us-east-1', { size: 'm5.xlarge', instanceHours: 2190 }))).toEqual([420.48]);
  });

  it('use the region’s default size when none is named, and refuse one it lacks', () => {
    expect(priceInstances(azure, 'eastus', { instanceHours: 730 })).toEqual([
      {
        item: 'instances',
        quantity: 730,
        unit: 'instance-hour',
        unitPrice: 0.096,
        monthlyCost: 70.08,
        detail: 'Standard_D2s_v5, on demand',
      },
    ]);
    expect(() => priceInstances(gcp, 'europe-west1', { size: 'm5.large', instanceHours: 1 })).toThrow(
      'price book gcp-2026-11 has no size "m5.large" in europe-west1; it has e2-standard-2, e2-standard-4, n2-standard-2',
    );
  });

  it('bill committed capacity every hour of the month: Infracost’s t3.medium Standard RI, $19.05 (1 y) and $13.14 (3 y)', () => {
    expect(costs(priceCommitment(aws, 'us-east-1', { size: 't3.medium', instances: 1, term: '1y' }))).toEqual([19.05]);
    expect(costs(priceCommitment(aws, 'us-east-1', { size: 't3.medium', instances: 1, term: '3y' }))).toEqual([13.14]);
    const [line] = priceCommitment(azure, 'eastus', { instances: 2, term: '1y' });
    // No own rate for D2s v5: two for a month at the book's 41 % discount, 1,460 h × 0.59 × $0.096.
    expect(line).toMatchObject({ item: 'commitment', quantity: 1460, monthlyCost: 82.69 });
    expect(line?.detail).toBe('Standard_D2s_v5, 1y Azure Reserved VM Instance');
  });
});

describe('API gateways', () => {
  it('AWS HTTP API: Infracost’s 1 B requests → $300.00 for the first 300 M + $630.00 beyond', () => {
    const lines = priceApiGateway(aws, 'us-east-1', { requests: 1e9 });
    expect(costs(lines)).toEqual([300, 630]);
    expect(lines.map((l) => l.unitPrice)).toEqual([0.000001, 0.0000009]);
  });

  it('Azure API Management (Consumption): Infracost’s 10 M calls → $35.00', () => {
    expect(costs(priceApiGateway(azure, 'eastus', { requests: 10_000_000 }))).toEqual([35]);
  });

  it('GCP API Gateway: 12 M calls a month, the first 2 M free → $30.00 (the c3x.dev example of the same tiers)', () => {
    expect(costs(priceApiGateway(gcp, 'us-central1', { requests: 12_000_000, includeFreeTier: true }))).toEqual([30]);
    expect(costs(priceApiGateway(gcp, 'us-central1', { requests: 12_000_000 }))).toEqual([36]);
  });
});

describe('queues', () => {
  it('T9: SQS standard, a million messages of send + receive + delete → $1.20', () => {
    const requests = queueRequestsForMessages(aws, 1_000_000);
    expect(requests).toBe(3_000_000);
    expect(costs(priceQueue(aws, 'us-east-1', { requests, requestBytes: 4096 }))).toEqual([1.2]);
  });

  it('SQS bills a request per 64 KB chunk: Infracost’s 1 M requests of 128 KB → 2 M requests, $0.80', () => {
    const [line] = priceQueue(aws, 'us-east-1', { requests: 1_000_000, requestBytes: 128 * 1024 });
    expect(line).toMatchObject({ quantity: 2_000_000, monthlyCost: 0.8 });
  });

  it('Pub/Sub bills volume: Infracost’s 10 TiB → $400.00; two requests a message', () => {
    const requests = 10 * 2 ** 20; // of 1 MiB each
    expect(costs(priceQueue(gcp, 'us-central1', { requests, requestBytes: 2 ** 20 }))).toEqual([400]);
    expect(queueRequestsForMessages(gcp, 1000)).toBe(2000);
  });

  it('Pub/Sub bills at least 1000 bytes a request: the page’s 100 publishes of 500 bytes bill 100 KB', () => {
    expect(billedQueueBytes(gcp, { requests: 100, requestBytes: 500 })).toBe(100_000);
  });

  it('Azure Queue Storage: $0.004 per 10,000 operations, as Infracost bills 400 × 10k class 2 operations → $1.60', () => {
    expect(costs(priceQueue(azure, 'eastus', { requests: 4_000_000, requestBytes: 1024 }))).toEqual([1.6]);
  });
});

describe('storage and egress', () => {
  it('GCP’s simple pricing example: 50 GB Standard $1.00 and 1 GB out $0.12', () => {
    expect(costs(priceStorage(gcp, 'us-central1', { gbMonths: 50 }))).toEqual([1]);
    expect(costs(priceEgress(gcp, 'us-central1', { gb: 1 }))).toEqual([0.12]);
  });

  it('S3 Standard $0.023 per GB-month and $0.09 per GB out (pricing-and-scaling.md)', () => {
    expect(costs(priceStorage(aws, 'us-east-1', { gbMonths: 1000 }))).toEqual([23]);
    expect(costs(priceEgress(aws, 'us-east-1', { gb: 1000 }))).toEqual([90]);
  });
});

describe('the secure link', () => {
  it('a month of one link: AWS VPN $36.50, Azure VpnGw1 $138.70, a GCP tunnel $36.50 (Infracost)', () => {
    expect(costs(priceSecureLink(aws, 'us-east-1'))).toEqual([36.5]);
    expect(costs(priceSecureLink(azure, 'eastus'))).toEqual([138.7]);
    expect(costs(priceSecureLink(gcp, 'us-central1'))).toEqual([36.5]);
    expect(costs(priceSecureLink(gcp, 'us-central1', { links: 2 }))).toEqual([73]); // HA VPN's two tunnels
  });
});

describe('the traffic manager', () => {
  it('Route 53: Infracost’s zone $0.50, 1.1 B queries $400 + $20, health checks $0.50 (AWS) and $0.75 (other)', () => {
    const lines = priceTrafficManager(aws, 'us-east-1', {
      queries: 1.1e9,
      healthChecks: 1,
      externalHealthChecks: 1,
    });
    expect(costs(lines)).toEqual([0.5, 400, 20, 0.5, 0.75]);
    expect(lines.map((l) => l.detail)).toEqual([
      'hosted zone or profile',
      'first 1 B queries',
      'over 1 B queries',
      'cloud endpoint',
      'external endpoint',
    ]);
    expect(sumLines(lines)).toBe(421.75);
  });

  it('Azure Traffic Manager: Infracost’s 1,234,567,890 queries $540.00 + $87.96; endpoints $0.36 and $0.54', () => {
    const lines = priceTrafficManager(azure, 'westeurope', {
      queries: 1_234_567_890,
      healthChecks: 1,
      externalHealthChecks: 1,
    });
    expect(costs(lines)).toEqual([0, 540, 87.96, 0.36, 0.54]);
  });

  it('Cloud DNS: Infracost’s zone $0.20 and 100,000 queries $0.04', () => {
    expect(costs(priceTrafficManager(gcp, 'us-central1', { queries: 100_000 }))).toEqual([0.2, 0.04, 0, 0]);
  });
});
