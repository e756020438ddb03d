import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it('keeps paths on this site', () => {
    expect(safeNextPath('/designs/abc?x=1#top')).toBe('/designs/abc?x=1#top');
    expect(safeNextPath('/')).toBe('/');
  });

  it('turns anything that could leave the site into /', () => {
    for (const next of [
      null,
      undefined,
      '',
      'designs',
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/\t/evil.example',
      ' /x',
      `/${'a'.repeat(3000)}`,
    ]) {
      expect(safeNextPath(next)).toBe('/');
    }
  });
});
