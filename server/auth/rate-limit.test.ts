import { describe, expect, it } from 'vitest';
import { SignInLimiter } from './rate-limit';

const t0 = 1_000_000;

describe('sign-in rate limiter', () => {
  it('refuses an address after five failures until its minute is over', () => {
    const limiter = new SignInLimiter({ limit: 5, windowMs: 60_000, globalLimit: 100 });
    for (let i = 0; i < 5; i++) {
      expect(limiter.retryAfterMs('10.0.0.1', t0 + i)).toBe(0);
      limiter.recordFailure('10.0.0.1', t0 + i);
    }
    expect(limiter.retryAfterMs('10.0.0.1', t0 + 10)).toBe(60_000 - 10);
    expect(limiter.retryAfterMs('10.0.0.2', t0 + 10)).toBe(0); // other addresses are not affected
    expect(limiter.retryAfterMs('10.0.0.1', t0 + 60_000)).toBe(0);
  });

  it('starts a new window once the old one is over', () => {
    const limiter = new SignInLimiter({ limit: 2, windowMs: 1000, globalLimit: 100 });
    limiter.recordFailure('a', t0);
    limiter.recordFailure('a', t0 + 1500); // the first window is over: this is failure 1 of a new one
    expect(limiter.retryAfterMs('a', t0 + 1600)).toBe(0);
    limiter.recordFailure('a', t0 + 1700);
    expect(limiter.retryAfterMs('a', t0 + 1700)).toBe(800);
  });

  it('forgets an address that signs in', () => {
    const limiter = new SignInLimiter({ limit: 2, windowMs: 60_000, globalLimit: 100 });
    limiter.recordFailure('a', t0);
    limiter.recordSuccess('a');
    limiter.recordFailure('a', t0 + 1);
    expect(limiter.retryAfterMs('a', t0 + 2)).toBe(0);
  });

  it('bounds guessing from many (forged) addresses with a global budget', () => {
    const limiter = new SignInLimiter({ limit: 5, windowMs: 60_000, globalLimit: 20 });
    for (let i = 0; i < 20; i++) limiter.recordFailure(`forged-${i}`, t0);
    expect(limiter.retryAfterMs('fresh', t0 + 5)).toBe(60_000 - 5);
    expect(limiter.retryAfterMs('fresh', t0 + 60_000)).toBe(0);
  });

  it('remembers a bounded number of addresses', () => {
    const limiter = new SignInLimiter({ limit: 1, windowMs: 60_000, globalLimit: 1_000_000, maxTracked: 100 });
    for (let i = 0; i < 1000; i++) limiter.recordFailure(`a${i}`, t0);
    expect(limiter.retryAfterMs('a999', t0)).toBeGreaterThan(0);
    expect(limiter.retryAfterMs('a0', t0)).toBe(0); // the oldest were dropped
  });
});
