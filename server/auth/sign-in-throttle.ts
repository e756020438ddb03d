/**
 * Slows password guessing down per client address, and never refuses the right password because of
 * anyone else's failures. Failed sign-ins are counted per address in the database
 * (rate-limiter-flexible's drizzle store, table `rate_limits`), so every app instance on it draws on
 * one budget per address rather than one each; the first few are free, and after them
 * every attempt from that address waits before its password is checked, twice as long for each
 * further failure up to a cap. A wait is a delay, not a refusal: the right password, once its turn
 * comes, signs in. Only an address that keeps several attempts waiting at once is told to come back
 * later (429), so guessing in parallel gains nothing (counted per instance: the waits themselves are
 * held in memory, so N instances let an address keep 2N attempts waiting). The address is the edge
 * server's (request-info.ts), which a client cannot forge.
 */
import { RateLimiterDrizzle, RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Tx } from '../../db/client';

export interface ThrottleOptions {
  /** Failures an address may make before its attempts start to wait. */
  freeFailures: number;
  /** How long failures are remembered, counted from the first (seconds). */
  windowSeconds: number;
  /** The wait after the first failure past the free ones; it doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts from one address that may wait at once; more are refused with 429. */
  maxWaiting: number;
}

export const SIGN_IN_THROTTLE: ThrottleOptions = {
  freeFailures: 5,
  windowSeconds: 15 * 60,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  maxWaiting: 2,
};

export type Attempt<T> = { ran: true; result: T; waitedMs: number } | { ran: false; retryAfterMs: number };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Failures counted in `db`, shared by every instance on it; in memory without one (unit tests). */
export function failureCounter(options: ThrottleOptions, db?: Tx): RateLimiterAbstract {
  const settings = { keyPrefix: 'sign-in-failures', points: options.freeFailures, duration: options.windowSeconds };
  return db
    ? new RateLimiterDrizzle({ ...settings, storeClient: db.orm, schema: db.tables.rateLimits })
    : new RateLimiterMemory(settings);
}

export class SignInThrottle {
  private readonly waiting = new Map<string, number>();

  constructor(
    private readonly options: ThrottleOptions = SIGN_IN_THROTTLE,
    private readonly sleep: (ms: number) => Promise<void> = realSleep,
    private readonly failures: RateLimiterAbstract = failureCounter(options),
  ) {}

  /** How long the next attempt from `address` waits before its password is checked. */
  async delayMs(address: string): Promise<number> {
    const { freeFailures, baseDelayMs, maxDelayMs } = this.options;
    const failed = (await this.failures.get(address))?.consumedPoints ?? 0;
    if (failed < freeFailures) return 0;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** (failed - freeFailures));
  }

  /**
   * Runs `check` (the password comparison) for `address` after its wait, and records the outcome:
   * `check` returning false is a failure, true clears the address.
   */
  async attempt(address: string, check: () => boolean): Promise<Attempt<boolean>> {
    const delay = await this.delayMs(address);
    if (delay > 0) {
      const waiting = this.waiting.get(address) ?? 0;
      if (waiting >= this.options.maxWaiting) return { ran: false, retryAfterMs: delay };
      this.waiting.set(address, waiting + 1);
      try {
        await this.sleep(delay);
      } finally {
        const left = (this.waiting.get(address) ?? 1) - 1;
        if (left > 0) this.waiting.set(address, left);
        else this.waiting.delete(address);
      }
    }
    const result = check();
    if (result) await this.failures.delete(address);
    else await this.failures.penalty(address, 1);
    return { ran: true, result, waitedMs: delay };
  }
}

const THROTTLES = Symbol.for('tidemark.signInThrottles');
type WithThrottles = typeof globalThis & { [THROTTLES]?: WeakMap<object, SignInThrottle> };

/** The server's throttle on `db`: one per process and database, its counts in the database. */
export function sharedSignInThrottle(db: Tx): SignInThrottle {
  const g = globalThis as WithThrottles;
  g[THROTTLES] ??= new WeakMap();
  let throttle = g[THROTTLES].get(db);
  if (!throttle) {
    throttle = new SignInThrottle(SIGN_IN_THROTTLE, realSleep, failureCounter(SIGN_IN_THROTTLE, db));
    g[THROTTLES].set(db, throttle);
  }
  return throttle;
}
