import { describe, expect, it } from 'vitest';
import { readField } from './read-field';

const factor = { subject: 'The factor', must: 'a number above 0' };
const above0 = (v: number) => v > 0;

describe('readField', () => {
  it('reads a number the way the inspector does, checking its range', () => {
    expect(readField('2.5', above0, factor)).toEqual({ value: 2.5, error: null });
    expect(readField('1,000', above0, factor)).toEqual({ value: 1000, error: null });
    expect(readField('0', above0, factor)).toEqual({ value: 0, error: 'The factor must be a number above 0.' });
  });

  it('words each reason in the field’s own sentence', () => {
    const error = (text: string) => readField(text, above0, factor).error;
    expect(error('2,5')).toBe('The factor must be a number above 0: write decimals with a point (2.5).');
    expect(error('10,00,000')).toBe(
      'The factor must be a number above 0: group thousands in threes (1,000,000), or write it without separators.',
    );
    expect(error('1e400')).toBe('The factor is too large.');
    expect(error('two')).toBe('The factor must be a number above 0.');
    expect(readField('two', above0, factor).value).toBeNaN();
  });

  it('keeps a sentence whose requirement has a comma whole', () => {
    const first = { subject: 'The first day', must: 'a number, 0 or more' };
    expect(readField('-1', (v) => v >= 0, first).error).toBe('The first day must be a number, 0 or more.');
    expect(readField('1e999', (v) => v >= 0, first).error).toBe('The first day is too large.');
  });
});
