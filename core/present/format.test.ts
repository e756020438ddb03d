import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatCountOf,
  formatDuration,
  formatLimit,
  formatLimitMinutes,
  formatMoney,
  formatMs,
  formatPointTime,
  formatRps,
  formatSpan,
  progressPercent,
} from './format';

describe('result formatting', () => {
  it('writes dollars with cents and thousands separators', () => {
    expect(formatMoney(1234.561)).toBe('$1,234.56');
    expect(formatMoney(0)).toBe('$0.00');
    expect(formatMoney(Number.NaN)).toBe('—');
  });

  it('writes milliseconds with a decimal only below 10', () => {
    expect(formatMs(12.4)).toBe('12 ms');
    expect(formatMs(0.42)).toBe('0.4 ms');
    expect(formatMs(1250)).toBe('1,250 ms');
    expect(formatMs(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('writes counts and rates', () => {
    expect(formatCount(1234567.4)).toBe('1,234,567');
    expect(formatRps(0.25)).toBe('0.3');
    expect(formatRps(0.05)).toBe('0.05');
    expect(formatRps(0.001736)).toBe('0.0017');
    expect(formatRps(0)).toBe('0');
    expect(formatRps(1200.2)).toBe('1,200');
    // A load kept as a 32-bit float reads as the double it was written as.
    expect(formatRps(Math.fround(1.05))).toBe(formatRps(1.05));
    expect(formatRps(Math.fround(0.35))).toBe(formatRps(0.35));
  });

  it('writes a limit to one decimal, so that a count just over it does not read as equal', () => {
    // A burst 22 minutes over its target against a reserve of half of 43.2 minutes.
    expect(formatLimit(21.6)).toBe('21.6');
    expect(formatLimit(43.2)).toBe('43.2');
    expect(formatLimit(22)).toBe('22');
    expect(formatLimit(1440)).toBe('1,440');
    expect(formatLimit(Number.NaN)).toBe('—');
  });

  it('writes a limit in minutes, the noun singular only where the limit reads 1', () => {
    expect(formatLimitMinutes(1)).toBe('1 minute');
    expect(formatLimitMinutes(1.02)).toBe('1 minute');
    expect(formatLimitMinutes(43.2)).toBe('43.2 minutes');
    expect(formatLimitMinutes(1.5)).toBe('1.5 minutes');
    expect(formatLimitMinutes(0)).toBe('0 minutes');
    expect(formatLimitMinutes(1440)).toBe('1,440 minutes');
  });

  it('writes a count with its noun, singular only where the count reads 1', () => {
    expect(formatCountOf(1, 'minute')).toBe('1 minute');
    expect(formatCountOf(0.6, 'minute')).toBe('1 minute');
    expect(formatCountOf(0, 'request')).toBe('0 requests');
    expect(formatCountOf(2128.2, 'minute')).toBe('2,128 minutes');
  });

  it('names a chart point by its day and hour', () => {
    expect(formatPointTime(0, 60)).toBe('Day 1, 00:00');
    expect(formatPointTime(38, 60)).toBe('Day 2, 14:00');
    expect(formatPointTime(3, 15)).toBe('Day 1, 00:45');
    expect(formatPointTime(719, 60)).toBe('Day 30, 23:00');
  });

  it('turns phase progress into one rising percentage', () => {
    expect(progressPercent(null)).toBe(0);
    expect(progressPercent({ phase: 'simulate', done: 0, total: 4 })).toBe(0);
    expect(progressPercent({ phase: 'simulate', done: 2, total: 4 })).toBe(45);
    expect(progressPercent({ phase: 'simulate', done: 4, total: 4 })).toBe(90);
    expect(progressPercent({ phase: 'wiring', done: 1, total: 1 })).toBe(100);
    expect(progressPercent({ phase: 'placement', done: 0, total: 0 })).toBe(97);
  });
});

describe('formatDuration', () => {
  it('writes a run time in the unit that reads best', () => {
    expect(formatDuration(480)).toBe('480 ms');
    expect(formatDuration(7484)).toBe('7.5 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
  });
});

describe('formatSpan', () => {
  it('says a month only for a simulated month, else the days', () => {
    expect(formatSpan(30 * 24 * 60)).toBe('a month');
    expect(formatSpan(31 * 24 * 60)).toBe('a month');
    expect(formatSpan(7 * 24 * 60)).toBe('in 7 days');
    expect(formatSpan(24 * 60)).toBe('in 1 day');
    expect(formatSpan(90 * 24 * 60)).toBe('in 90 days');
    expect(formatSpan(3 * 60)).toBe('in 3 hours');
    expect(formatSpan(60)).toBe('in 1 hour');
  });
});
