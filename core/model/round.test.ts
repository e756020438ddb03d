import { describe, expect, it } from 'vitest';
import { roundCents, roundFigure, roundPlaces, roundRate, roundSignificant } from './round';

describe('rounding', () => {
  it('rounds to decimal places, cents included', () => {
    expect(roundPlaces(1.23456, 3)).toBe(1.235);
    expect(roundPlaces(12.34, 1)).toBe(12.3);
    expect(roundCents(18.745)).toBe(18.75);
    expect(roundCents(0.404)).toBe(0.4);
  });

  it('keeps a plan figure valid: non-finite and negative become 0', () => {
    expect(roundFigure(3.14159, 2)).toBe(3.14);
    expect(roundFigure(-1, 2)).toBe(0);
    expect(roundFigure(Number.NaN, 1)).toBe(0);
    expect(roundFigure(Number.POSITIVE_INFINITY, 1)).toBe(0);
  });

  it('rounds fitted figures to significant digits, whatever their scale', () => {
    expect(roundSignificant(123456.7)).toBe(123500);
    expect(roundSignificant(0.000123456)).toBe(0.0001235);
    expect(roundSignificant(0.987654, 2)).toBe(0.99);
    expect(roundSignificant(0)).toBe(0);
  });

  it('rounds a demand rate to 3 places, or 3 significant digits where a small rate would read 0', () => {
    expect(roundRate(12.34567)).toBe(12.346);
    expect(roundRate(0.1234)).toBe(0.123);
    // 1,051 requests in a 30-day month.
    expect(roundRate(1051 / (30 * 86400))).toBe(0.000405);
    expect(roundRate(0.0567)).toBe(0.0567);
    expect(roundRate(0)).toBe(0);
  });
});
