import { describe, expect, it } from 'vitest';
import type { Component } from '@/core/model';
import { matchComponents, MAX_MATCHES, stepActive } from './find-components';

const c = (id: string, name: string) => ({ id, name, kind: 'service' }) as Component;
const all = [c('orders', 'Order service'), c('db', 'Shop database'), c('ui', 'Storefront'), c('s2', 'Search')];

describe('matchComponents', () => {
  it('puts names that start with the query before names that contain it, ignoring case', () => {
    expect(matchComponents(all, 'S').map((x) => x.id)).toEqual(['db', 'ui', 's2', 'orders']);
    expect(matchComponents(all, 'front').map((x) => x.id)).toEqual(['ui']);
  });

  it('finds by id too, and nothing for an empty query or no match', () => {
    expect(matchComponents(all, 'orders').map((x) => x.id)).toEqual(['orders']);
    expect(matchComponents(all, '  ')).toEqual([]);
    expect(matchComponents(all, 'zebra')).toEqual([]);
  });

  it('gives at most eight matches in a big design', () => {
    const many = Array.from({ length: 100 }, (_, i) => c(`c${i}`, `Service ${i}`));
    expect(matchComponents(many, 'service')).toHaveLength(MAX_MATCHES);
    expect(matchComponents(many, 'service 42').map((x) => x.id)).toEqual(['c42']);
  });
});

describe('stepActive', () => {
  it('moves down and up through the options, wrapping round, and copes with a shrunk list', () => {
    expect(stepActive(0, 3, 'ArrowDown')).toBe(1);
    expect(stepActive(2, 3, 'ArrowDown')).toBe(0);
    expect(stepActive(0, 3, 'ArrowUp')).toBe(2);
    expect(stepActive(7, 3, 'ArrowUp')).toBe(1);
    expect(stepActive(0, 0, 'ArrowDown')).toBe(0);
  });
});
