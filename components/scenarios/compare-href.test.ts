import { describe, expect, it } from 'vitest';
import { compareHref, parseCompareParams } from './compare-href';

const params = (href: string) => Object.fromEntries(new URL(href, 'http://x').searchParams);

describe('compare addresses', () => {
  it('round-trips two revisions of one design, and the latest when none is named', () => {
    const href = compareHref({ designId: 'abc123', revision: 2 }, { designId: 'abc123' });
    expect(href).toBe('/compare?a=abc123&ar=2&b=abc123');
    expect(parseCompareParams(params(href))).toEqual({
      ok: true,
      a: { designId: 'abc123', revision: 2 },
      b: { designId: 'abc123' },
    });
  });

  it('refuses what is not a design id or a revision, naming the parameter', () => {
    expect(parseCompareParams({ a: '../x', b: 'ok1' })).toEqual({ ok: false, problems: ['a: not a design id'] });
    expect(parseCompareParams({ a: 'ok1', ar: '0', b: 'ok2', br: '2e3' })).toEqual({
      ok: false,
      problems: ['ar: not a revision number', 'br: not a revision number'],
    });
    expect(parseCompareParams({ a: 'ok1', ar: '99999999999', b: 'ok2' })).toMatchObject({ ok: false });
    expect(parseCompareParams({ a: 'ok1' })).toEqual({ ok: false, problems: ['b: missing'] });
    expect(parseCompareParams({ a: ['x', 'y'], b: 'ok2' })).toEqual({
      ok: false,
      problems: ['a: given more than once'],
    });
  });
});
