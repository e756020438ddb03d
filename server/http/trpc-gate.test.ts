import { describe, expect, it } from 'vitest';
import { UNBATCHED_PROCEDURES } from '../../components/trpc/unbatched';
import { appRouter } from '../root';
import { callsOf, type Procedures } from './trpc-gate';

describe('the tRPC gate', () => {
  it('knows the same unbatched procedures as the client, from their meta', () => {
    const procedures = appRouter._def.procedures as unknown as Procedures;
    const unbatched = Object.entries(procedures)
      .filter(([, p]) => p?._def.meta?.access === 'public' || p?._def.meta?.carriesDocument || p?._def.meta?.preloaded)
      .map(([path]) => path);
    expect(new Set(unbatched)).toEqual(UNBATCHED_PROCEDURES);
  });

  it('reads the calls a URL names, encoded or not', () => {
    expect(callsOf(new URL('http://x/api/trpc/designs.list,shares.open?batch=1'))).toEqual({
      paths: ['designs.list', 'shares.open'],
      isBatch: true,
    });
    expect(callsOf(new URL('http://x/api/trpc/designs.list%2Cshares.open'))).toEqual({
      paths: ['designs.list', 'shares.open'],
      isBatch: false,
    });
  });
});
