import { describe, expect, it } from 'vitest';
import { openTwoInstances } from '../../db/testing';
import { failureCounter, SignInThrottle, type ThrottleOptions } from './sign-in-throttle';

const options: ThrottleOptions = {
  freeFailures: 3,
  windowSeconds: 60,
  baseDelayMs: 1000,
  maxDelayMs: 4000,
  maxWaiting: 2,
};

/** A throttle whose waits are recorded instead of slept, or held until released. */
function throttle() {
  const waits: number[] = [];
  const held: (() => void)[] = [];
  let hold = false;
  const t = new SignInThrottle(options, (ms) => {
    waits.push(ms);
    return hold ? new Promise<void>((resolve) => held.push(resolve)) : Promise.resolve();
  });
  return { t, waits, held, setHold: (h: boolean) => (hold = h) };
}

describe('sign-in throttle', () => {
  it('lets the first failures through at once, then slows the address down, doubling up to a cap', async () => {
    const { t, waits } = throttle();
    for (let i = 0; i < 7; i++)
      expect(await t.attempt('10.0.0.1', () => false)).toMatchObject({ ran: true, result: false });
    expect(waits).toEqual([1000, 2000, 4000, 4000]);
    // Another address is not slowed by those failures.
    expect(await t.delayMs('10.0.0.2')).toBe(0);
  });

  it('never refuses the right password: it waits its turn, then signs in and clears the address', async () => {
    const { t, waits } = throttle();
    for (let i = 0; i < 100; i++) await t.attempt('10.0.0.1', () => false);
    const right = await t.attempt('10.0.0.1', () => true);
    expect(right).toEqual({ ran: true, result: true, waitedMs: 4000 });
    expect(waits.at(-1)).toBe(4000);
    expect(await t.delayMs('10.0.0.1')).toBe(0);
  });

  it('refuses (429) only attempts beyond those already waiting from the same address', async () => {
    const { t, held, setHold } = throttle();
    for (let i = 0; i < 3; i++) await t.attempt('10.0.0.1', () => false);
    setHold(true);
    const first = t.attempt('10.0.0.1', () => false);
    const second = t.attempt('10.0.0.1', () => true);
    while (held.length < 2) await new Promise((resolve) => setImmediate(resolve));
    expect(await t.attempt('10.0.0.1', () => true)).toEqual({ ran: false, retryAfterMs: 1000 });
    expect(await t.attempt('10.0.0.9', () => true)).toMatchObject({ ran: true, result: true });
    for (const release of held) release();
    expect(await first).toMatchObject({ ran: true, result: false });
    expect(await second).toMatchObject({ ran: true, result: true });
  });
});

describe('sign-in throttle across instances', () => {
  it('counts an address’s failures in the database, so every instance slows it down', async () => {
    const [a, b] = await openTwoInstances();
    const noSleep = () => Promise.resolve();
    const onA = new SignInThrottle(options, noSleep, failureCounter(options, a));
    const onB = new SignInThrottle(options, noSleep, failureCounter(options, b));
    for (let i = 0; i < 3; i++) await (i % 2 ? onA : onB).attempt('10.0.0.9', () => false);
    // Three failures spread over both instances use up the free ones on both.
    expect(await onA.delayMs('10.0.0.9')).toBe(1000);
    expect(await onB.delayMs('10.0.0.9')).toBe(1000);
    expect(await onB.delayMs('10.0.0.10')).toBe(0);
    // The right password on one clears the address on the other.
    await onA.attempt('10.0.0.9', () => true);
    expect(await onB.delayMs('10.0.0.9')).toBe(0);
  });
});
