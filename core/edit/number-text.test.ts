import { describe, expect, it } from 'vitest';
import { parseNumberText } from './number-text';

const value = (text: string) => {
  const r = parseNumberText(text);
  return r.ok ? r.value : r.error;
};
const reason = (text: string) => {
  const r = parseNumberText(text);
  return r.ok ? r.value : [r.reason, r.hint];
};

describe('parseNumberText', () => {
  it('reads plain decimal notation', () => {
    expect(value('1000')).toBe(1000);
    expect(value(' -2.5 ')).toBe(-2.5);
    expect(value('.5')).toBe(0.5);
    expect(value('+3')).toBe(3);
    expect(value('1e6')).toBe(1e6);
  });

  it('reads thousands grouped in threes, as the app writes them', () => {
    expect(value('1,000')).toBe(1000);
    expect(value('12,345.5')).toBe(12345.5);
    expect(value('-1,000,000')).toBe(-1e6);
    expect(value('10 000')).toBe(10000);
    expect(value('10\u202f000')).toBe(10000);
  });

  it('refuses a decimal comma, saying how to write it', () => {
    expect(value('1,5')).toBe('must be a number: write decimals with a point (1.5)');
    expect(value('0,25')).toBe('must be a number: write decimals with a point (0.25)');
  });

  it('refuses separators that are not thousands in threes, saying what is wrong', () => {
    const grouping = 'must be a number: group thousands in threes (1,000,000), or write it without separators';
    expect(value('10,00,000')).toBe(grouping);
    expect(value('1,0000')).toBe(grouping);
    expect(value('1,000 000')).toBe(grouping);
    expect(value('1,000,')).toBe(grouping);
  });

  it('stays strict about anything else', () => {
    for (const garbage of [
      '12abc',
      '0x10',
      '0b11',
      'Infinity',
      'NaN',
      '1.2.3',
      '10 rps',
      ',5',
      '1,000.',
      '',
      '--1',
      '1_000',
    ])
      expect(value(garbage), garbage).toBe('must be a number');
    expect(value('1e400')).toBe('is too large');
  });

  it('gives the reason and the hint apart, for callers that word their own sentence', () => {
    expect(reason('2,5')).toEqual(['decimal-comma', 'write decimals with a point (2.5)']);
    expect(reason('-0,25')).toEqual(['decimal-comma', 'write decimals with a point (-0.25)']);
    const grouping = 'group thousands in threes (1,000,000), or write it without separators';
    expect(reason('10,00,000')).toEqual(['grouping', grouping]);
    expect(reason('1 0000')).toEqual(['grouping', grouping]);
    expect(reason('1e400')).toEqual(['too-large', undefined]);
    expect(reason('-1e400')).toEqual(['too-large', undefined]);
    expect(reason(`${'999,'.repeat(103)}999`), 'a grouped number past the largest double').toEqual([
      'too-large',
      undefined,
    ]);
    expect(reason('0x10')).toEqual(['not-a-number', undefined]);
    expect(reason('')).toEqual(['not-a-number', undefined]);
    expect(reason('1,000')).toBe(1000);
  });
});
