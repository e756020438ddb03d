import { describe, expect, it } from 'vitest';
import { FUNCTIONS_DEFAULTS, QUEUE_DEFAULTS, VM_DEFAULTS } from '../model/defaults';
import {
  computeBreakEvenRequests,
  computeFunctionCost,
  computeInstanceCost,
  computeQueueCost,
  computeStaticCost,
  scaleToMonth,
} from './prices';
import { roundCents } from '../model/round';

// Test vectors of reference/pricing-and-scaling.md.
const fn = FUNCTIONS_DEFAULTS;

describe('cost test vectors', () => {
  it('T1: 512 MB, 3 M invocations of 1 s, with the free tier → $18.74', () => {
    // The AWS pricing page's worked example bills 1.1 M GB-s at its rounded rate of $0.00001667;
    // the engine's own formula, fed the same rate and the free tier taken off, must reproduce it.
    const pageRate = { requestPrice: fn.requestPrice, gbSecondPrice: 0.00001667 };
    const free = { requests: 1_000_000, gbSeconds: 400_000 };
    const billedRequests = 3_000_000 - free.requests;
    const billedGbSeconds = 3_000_000 * 0.5 * 1 - free.gbSeconds;
    const compute = computeFunctionCost(billedGbSeconds / 0.5, 512, 1, pageRate).compute;
    const requests = computeFunctionCost(billedRequests, 512, 1, pageRate).requests;
    expect(roundCents(compute)).toBe(18.34);
    expect(roundCents(requests)).toBe(0.4);
    expect(roundCents(compute + requests)).toBe(18.74);
  });

  it('T2: 300,000 requests of 200 ms at 256 MB → $0.31', () => {
    const c = computeFunctionCost(300_000, 256, 0.2, fn);
    expect(roundCents(c.compute)).toBe(0.25);
    expect(roundCents(c.requests)).toBe(0.06);
    expect(roundCents(c.total)).toBe(0.31);
  });

  it('T3: 720 runs × 120 s at 1 GB = 86,400 GB-s → $1.44 of duration', () => {
    const c = computeFunctionCost(720, 1024, 120, fn);
    expect(c.compute / fn.gbSecondPrice).toBeCloseTo(86_400, 6);
    expect(roundCents(c.compute)).toBe(1.44);
  });

  it('T5: 512 MB × 100 ms vs one m5.large → break-even ≈ 67.8 M requests ≈ 25.8 req/s', () => {
    const m5 = scaleToMonth(computeInstanceCost(730, VM_DEFAULTS.hourlyPrice), 730);
    expect(roundCents(m5)).toBe(70.08);
    expect(computeFunctionCost(1, 512, 0.1, fn).total).toBeCloseTo(1.033335e-6, 12);
    const breakEven = computeBreakEvenRequests(m5, 512, 0.1, fn);
    expect(breakEven / 1e6).toBeCloseTo(67.8, 1);
    expect(breakEven / (730 * 3600)).toBeCloseTo(25.8, 1);
  });

  it('T9: SQS standard, one million messages → $1.20', () => {
    expect(roundCents(computeQueueCost(1_000_000, QUEUE_DEFAULTS))).toBe(1.2);
  });

  it('static cost is cores × core-month, whatever the use', () => {
    expect(computeStaticCost(5, 16)).toBe(80);
  });

  it('a 30-day horizon (720 h) scales up to a 730-hour month', () => {
    expect(scaleToMonth(72, 720)).toBeCloseTo(73, 10);
  });
});
