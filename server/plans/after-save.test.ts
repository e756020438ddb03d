import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Tx } from '../../db/client';
import type { PreparedDocument } from '../services/prepared-document';
import { queuePlanAfterSave, saveDelayMs } from './after-save';
import type { PlanQueue } from './local-runner';

describe('saveDelayMs', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('reads TIDEMARK_PLAN_SAVE_DELAY_MS: a pause in ms, 0, or off', () => {
    vi.stubEnv('TIDEMARK_PLAN_SAVE_DELAY_MS', '1200');
    expect(saveDelayMs()).toBe(1200);
    vi.stubEnv('TIDEMARK_PLAN_SAVE_DELAY_MS', '0');
    expect(saveDelayMs()).toBe(0);
    vi.stubEnv('TIDEMARK_PLAN_SAVE_DELAY_MS', ' Off ');
    expect(saveDelayMs()).toBeNull();
  });

  it('falls back to 5 s when unset, empty, negative or not a number', () => {
    for (const raw of ['', '-5', 'soon']) {
      vi.stubEnv('TIDEMARK_PLAN_SAVE_DELAY_MS', raw);
      expect(saveDelayMs(), raw).toBe(5000);
    }
    vi.stubEnv('TIDEMARK_PLAN_SAVE_DELAY_MS', undefined);
    expect(saveDelayMs()).toBe(5000);
  });
});

describe('queuePlanAfterSave', () => {
  // Any use of the database or the queue throws: `off` must touch neither.
  const untouchable = <T extends object>(name: string) =>
    new Proxy({} as T, {
      get: (_, key) => {
        throw new Error(`${name}.${String(key)} was used`);
      },
    });

  it('queues nothing when saves are off, now or later', async () => {
    vi.useFakeTimers();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await queuePlanAfterSave(
        untouchable<Tx>('db'),
        untouchable<PlanQueue>('queue'),
        'design-1',
        untouchable<PreparedDocument>('document'),
        null,
      );
      await vi.advanceTimersByTimeAsync(60_000);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
      vi.useRealTimers();
    }
  });

  it('queues at once with no pause (the path off must not take)', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // The save stands when queueing fails: the failure is logged, not thrown.
      await queuePlanAfterSave(
        untouchable<Tx>('db'),
        untouchable<PlanQueue>('queue'),
        'design-2',
        untouchable<PreparedDocument>('document'),
        0,
      );
      expect(logged).toHaveBeenCalledWith(
        expect.stringMatching(/Queueing the plan/),
        expect.stringMatching(/was used/),
      );
    } finally {
      logged.mockRestore();
    }
  });
});
