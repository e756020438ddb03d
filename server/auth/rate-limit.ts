/**
 * Failed sign-ins, counted in memory per client address over a fixed window: after `limit` failures
 * an address is refused until its window ends. A second, global budget bounds guessing from many
 * addresses (X-Forwarded-For is whatever the client or its proxy sent, so addresses can be forged).
 * The clock is passed in, so tests need no timers.
 */
export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  /** Failures allowed across all addresses per window. */
  globalLimit: number;
  /** Addresses remembered at most; the oldest windows are dropped first. */
  maxTracked?: number;
}

interface Window {
  startedAt: number;
  failures: number;
}

export class SignInLimiter {
  private readonly byAddress = new Map<string, Window>();
  private global: Window = { startedAt: 0, failures: 0 };

  constructor(private readonly options: RateLimiterOptions) {}

  /** Milliseconds until `address` may try again, or 0 when it may try now. */
  retryAfterMs(address: string, now: number): number {
    const { windowMs, limit, globalLimit } = this.options;
    const own = this.current(this.byAddress.get(address), now);
    const global = this.current(this.global, now);
    const waits = [0];
    if (own && own.failures >= limit) waits.push(own.startedAt + windowMs - now);
    if (global && global.failures >= globalLimit) waits.push(global.startedAt + windowMs - now);
    return Math.max(...waits);
  }

  recordFailure(address: string, now: number): void {
    const own = this.current(this.byAddress.get(address), now) ?? { startedAt: now, failures: 0 };
    own.failures += 1;
    this.byAddress.delete(address); // re-inserted last: the map stays ordered oldest first
    this.byAddress.set(address, own);
    this.global = this.current(this.global, now) ?? { startedAt: now, failures: 0 };
    this.global.failures += 1;
    this.prune(now);
  }

  /** A successful sign-in clears the address's failures (not the global budget). */
  recordSuccess(address: string): void {
    this.byAddress.delete(address);
  }

  private current(window: Window | undefined, now: number): Window | undefined {
    return window && now - window.startedAt < this.options.windowMs ? window : undefined;
  }

  private prune(now: number) {
    const max = this.options.maxTracked ?? 10_000;
    for (const [address, window] of this.byAddress) {
      if (this.byAddress.size <= max && this.current(window, now)) break;
      this.byAddress.delete(address);
    }
  }
}
