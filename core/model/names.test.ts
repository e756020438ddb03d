import { describe, expect, it } from 'vitest';
import { checkName } from './names';

describe('checkName (the design name typed in the editor)', () => {
  it('keeps a name trimmed', () => {
    expect(checkName('  Shop ')).toEqual({ ok: true, value: 'Shop' });
  });

  it('says why a name is refused in plain words, never zod’s', () => {
    expect(checkName('x'.repeat(150))).toEqual({ ok: false, message: 'must have at most 120 characters, got 150' });
    expect(checkName('   ')).toEqual({ ok: false, message: 'must not be empty' });
    expect(checkName('a\nb')).toEqual({ ok: false, message: 'must not contain a line break, found at character 2' });
  });
});
