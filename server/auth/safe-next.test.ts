import { describe, expect, it } from 'vitest';
import offSite from '../../e2e/data/off-site-next.json';
import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it('keeps paths on this site', () => {
    expect(safeNextPath('/designs/abc?x=1#top')).toBe('/designs/abc?x=1#top');
    expect(safeNextPath('/')).toBe('/');
    expect(safeNextPath('/designs/./abc')).toBe('/designs/abc');
    expect(safeNextPath('/designs/x/../abc?next=//evil.example')).toBe('/designs/abc?next=//evil.example');
  });

  it.each(offSite.paths)('turns %j into /', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });

  it('turns empty, missing and overlong values into /', () => {
    for (const next of [null, undefined, '', `/${'a'.repeat(3000)}`, '/%E0%A4%A']) expect(safeNextPath(next)).toBe('/');
  });
});
