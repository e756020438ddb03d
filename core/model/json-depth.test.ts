import { describe, expect, it } from 'vitest';
import { excessNestingAt, MAX_JSON_DEPTH, nestingProblem } from './json-depth';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('excessNestingAt', () => {
  it('accepts nesting up to the limit and points at the first bracket past it', () => {
    expect(excessNestingAt(bytes(`${'['.repeat(64)}${']'.repeat(64)}`))).toBe(-1);
    expect(excessNestingAt(bytes(`${'['.repeat(65)}${']'.repeat(65)}`))).toBe(64);
    expect(excessNestingAt(bytes('{"a":[{"b":[1]}]}'), 4)).toBe(-1);
    expect(excessNestingAt(bytes('{"a":[{"b":[1]}]}'), 3)).toBe(11);
  });

  it('skips brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ name: `[[[{{{ "\\" ${'['.repeat(500)}` });
    expect(excessNestingAt(bytes(text), 2)).toBe(-1);
    expect(excessNestingAt(bytes(`["\\\\", ${'['.repeat(3)}]]]]`), 3)).toBe(9);
  });

  it('is not fooled by multi-byte characters', () => {
    expect(excessNestingAt(bytes(`["ünïcødé ✓ 𝄞", ["€"]]`), 2)).toBe(-1);
  });

  it('refuses five million levels in one pass, with a message that says what and where', () => {
    const deep = new Uint8Array(10_000_000);
    deep.fill(0x5b, 0, 5_000_000);
    deep.fill(0x5d, 5_000_000);
    expect(excessNestingAt(deep)).toBe(MAX_JSON_DEPTH);
    expect(nestingProblem(deep)).toMatch(/^nested deeper than 64 levels \(at byte 65\)/);
    expect(nestingProblem('{"a": 1}')).toBeNull();
  });
});
