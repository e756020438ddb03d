import { describe, expect, it } from 'vitest';
import { retryDeadlock } from './pg-boss-queue';

const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });

describe('a start-up step that PostgreSQL aborts as a deadlock', () => {
  it('is run again until it succeeds', async () => {
    let calls = 0;
    const result = await retryDeadlock(() => {
      calls++;
      return calls < 3 ? Promise.reject(deadlock()) : Promise.resolve('created');
    });
    expect(result).toBe('created');
    expect(calls).toBe(3);
  });

  it('gives up after its attempts, with the deadlock itself', async () => {
    let calls = 0;
    await expect(
      retryDeadlock(() => {
        calls++;
        return Promise.reject(deadlock());
      }, 2),
    ).rejects.toThrow('deadlock detected');
    expect(calls).toBe(2);
  });

  it('never retries another error', async () => {
    let calls = 0;
    await expect(
      retryDeadlock(() => {
        calls++;
        return Promise.reject(Object.assign(new Error('password authentication failed'), { code: '28P01' }));
      }),
    ).rejects.toThrow('password authentication failed');
    expect(calls).toBe(1);
  });
});
