import { describe, expect, it } from 'vitest';
import { createStallWatch } from './stall-watch';

const ticks = (watch: ReturnType<typeof createStallWatch>, n: number, owed = true) =>
  Array.from({ length: n }, () => watch.tick(owed));

describe('createStallWatch', () => {
  it('says stalled on the limit-th silent tick while an answer is owed, once', () => {
    const watch = createStallWatch(3);
    expect(ticks(watch, 2)).toEqual([false, false]);
    expect(watch.tick(true)).toBe(true);
    // Counting starts again after it fired: the restarted worker gets the whole limit.
    expect(ticks(watch, 3)).toEqual([false, false, true]);
  });

  it('a word from the worker starts the count again', () => {
    const watch = createStallWatch(3);
    ticks(watch, 2);
    watch.heard();
    expect(ticks(watch, 2)).toEqual([false, false]);
    expect(watch.tick(true)).toBe(true);
  });

  it('an idle worker is never stalled, and idle ticks do not count toward the next run', () => {
    const watch = createStallWatch(3);
    expect(ticks(watch, 10, false).some(Boolean)).toBe(false);
    ticks(watch, 2);
    watch.tick(false);
    expect(ticks(watch, 2)).toEqual([false, false]);
    expect(watch.tick(true)).toBe(true);
  });
});
