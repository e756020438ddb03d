import { describe, expect, it } from 'vitest';
import { dataCentreSchema, type DataCentre } from '../model/pricing-choice';
import { sumLines } from './cost-line';
import { coreMonth, priceDataCentreCores, serverMonth } from './data-centre';

// The example of spec/formats.md, "Additions of December 2026".
const example: DataCentre = {
  serverPrice: 12000,
  coresPerServer: 32,
  amortisationYears: 4,
  wattsPerServer: 450,
  pue: 1.5,
  kwhPrice: 0.15,
  spaceMonthlyPerServer: 100,
  opsMonthlyPerServer: 150,
};

describe('the core-month of an own data centre', () => {
  it('builds a server-month from its parts, worked by hand', () => {
    // hardware: $12,000 ÷ 48 months = $250; power: 450 W × 1.5 × 730 h = 492.75 kWh × $0.15 = $73.9125.
    expect(serverMonth(example)).toEqual({ hardware: 250, power: 73.9125, space: 100, operations: 150 });
  });

  it('divides it among the cores: ($250 + $73.9125 + $100 + $150) ÷ 32 = $17.9348 a core-month', () => {
    const c = coreMonth(example);
    expect(c.hardware).toBe(7.8125);
    expect(c.power).toBeCloseTo(2.30977, 5);
    expect(c.space).toBe(3.125);
    expect(c.operations).toBe(4.6875);
    expect(c.total).toBeCloseTo(17.93477, 5);
  });

  it('prices 10 reserved cores as one line a part, which sum to the cost to the cent', () => {
    const lines = priceDataCentreCores(example, 10);
    expect(lines.map((l) => [l.item, l.quantity, l.unit, l.monthlyCost])).toEqual([
      ['cores', 10, 'core-month', 78.13],
      ['cores', 10, 'core-month', 23.1],
      ['cores', 10, 'core-month', 31.25],
      ['cores', 10, 'core-month', 46.88],
    ]);
    expect(lines.map((l) => l.detail)).toEqual([
      'hardware: $12000 a server over 48 months',
      'power: 450 W × PUE 1.5 × 730 h at $0.15/kWh',
      'space: $100 a server-month',
      'operations: $150 a server-month',
    ]);
    expect(sumLines(lines)).toBe(179.36);
  });

  it('makes the utility premium plausible against an m5.large vCPU (U between 1.5 and 3, the reference asks)', () => {
    // An m5.large vCPU for a month: $0.096 × 730 ÷ 2 = $35.04.
    const u = 35.04 / coreMonth(example).total;
    expect(u).toBeGreaterThan(1.5);
    expect(u).toBeLessThan(3);
  });

  it('refuses figures that cannot be: a PUE under 1, a server without cores', () => {
    expect(dataCentreSchema.safeParse({ ...example, pue: 0.9 }).success).toBe(false);
    expect(dataCentreSchema.safeParse({ ...example, coresPerServer: 0 }).success).toBe(false);
    expect(dataCentreSchema.safeParse({ ...example, rent: 5 }).success).toBe(false);
    expect(dataCentreSchema.parse(example)).toEqual(example);
  });
});
