/**
 * Share views per client address: the share page, its document and `shares.open` each take one
 * (rate-limiter-flexible, in memory; one limiter for the whole process, shared by the page, route and
 * tRPC bundles through globalThis). A person reading a shared design uses a handful a minute; a
 * script hammering a link is told to wait (429 with Retry-After) long before it costs anyone else.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export const SHARE_VIEWS_PER_MINUTE = 60;

const LIMITER = Symbol.for('tidemark.shareViewLimiter');
type WithLimiter = typeof globalThis & { [LIMITER]?: RateLimiterMemory };

function limiter(): RateLimiterMemory {
  const g = globalThis as WithLimiter;
  g[LIMITER] ??= new RateLimiterMemory({ keyPrefix: 'share-views', points: SHARE_VIEWS_PER_MINUTE, duration: 60 });
  return g[LIMITER];
}

/** Takes one view for `address`: 0 when it may go ahead, else the seconds to wait. */
export async function takeShareView(address: string, from: RateLimiterMemory = limiter()): Promise<number> {
  try {
    await from.consume(address, 1);
    return 0;
  } catch (rejected) {
    if (rejected instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejected.msBeforeNext / 1000));
    throw rejected;
  }
}

export const tooManyViews = (seconds: number) =>
  `Too many views of shared designs from your address. Try again in ${seconds} seconds.`;
