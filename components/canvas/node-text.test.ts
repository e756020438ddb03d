import { describe, expect, it } from 'vitest';
import { shortName } from './node-text';

describe('a compact node’s name', () => {
  it('is the whole name when it fits', () => {
    expect(shortName('Component 250')).toBe('Component 250');
    expect(shortName('x'.repeat(18))).toBe('x'.repeat(18));
  });
  it('is cut to 18 characters with an ellipsis, never ending in a space before it', () => {
    expect(shortName('Order history service')).toBe('Order history ser…');
    expect(shortName('Order history service')).toHaveLength(18);
    expect(shortName('Payments gateway adapter')).toBe('Payments gateway…');
  });
});
