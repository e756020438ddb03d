/**
 * Share views per client address: the share page, its document and `shares.open` each take one
 * (rate-limiter-flexible, in memory; one limiter for the whole process, shared by the page, route and
 * tRPC bundles through globalThis). A person reading a shared design uses a handful a minute; a
 * script hammering a link is told to wait (429 with Retry-After) long before it costs anyone else.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export const SHARE_VIEWS_PER_MINUTE = 60;

/**
 * A per-minute limiter in memory, one per process under `name` (globalThis: shared by the page,
 * route and tRPC bundles).
 */
export function sharedMinuteLimiter(name: string, points: number): RateLimiterMemory {
  const g = globalThis as typeof globalThis & Record<symbol, RateLimiterMemory | undefined>;
  const key = Symbol.for(`tidemark.${name}Limiter`);
  g[key] ??= new RateLimiterMemory({ keyPrefix: name, points, duration: 60 });
  return g[key];
}

const limiter = () => sharedMinuteLimiter('share-views', SHARE_VIEWS_PER_MINUTE);

/** Takes one point for `key` from a limiter: 0 when it may go ahead, else the seconds to wait. */
export async function takePoint(from: RateLimiterMemory, key: string): Promise<number> {
  try {
    await from.consume(key, 1);
    return 0;
  } catch (rejected) {
    if (rejected instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejected.msBeforeNext / 1000));
    throw rejected;
  }
}

/** Takes one view for `address`: 0 when it may go ahead, else the seconds to wait. */
export const takeShareView = (address: string, from: RateLimiterMemory = limiter()): Promise<number> =>
  takePoint(from, address);

export const tooManyViews = (seconds: number) =>
  `Too many views of shared designs from your address. Try again in ${seconds} seconds.`;
