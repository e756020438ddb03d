/**
 * Slows password guessing down per client address, and never refuses the right password because of
 * anyone else's failures. Failed sign-ins are counted per address (rate-limiter-flexible: in memory
 * now, on the shared database once several instances run); the first few are free, and after them
 * every attempt from that address waits before its password is checked, twice as long for each
 * further failure up to a cap. A wait is a delay, not a refusal: the right password, once its turn
 * comes, signs in. Only an address that keeps several attempts waiting at once is told to come back
 * later (429), so guessing in parallel gains nothing. The address is the edge server's
 * (request-info.ts), which a client cannot forge.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';

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

export class SignInThrottle {
  private readonly failures: RateLimiterMemory;
  private readonly waiting = new Map<string, number>();

  constructor(
    private readonly options: ThrottleOptions = SIGN_IN_THROTTLE,
    private readonly sleep: (ms: number) => Promise<void> = realSleep,
  ) {
    this.failures = new RateLimiterMemory({
      keyPrefix: 'sign-in-failures',
      points: options.freeFailures,
      duration: options.windowSeconds,
    });
  }

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
