/**
 * Tells when the plan worker owes the page an answer and has said nothing for too long: a plan that
 * never ends (a loop in the engine, as a cohort of 10⁻¹¹ requests once made) would otherwise leave the
 * editor "Simulating…" for good. The page ticks it once a second (use-plan-runner.ts); silence is
 * counted in ticks, not in clock time, so a laptop waking from sleep mid-plan (one late tick, a clock
 * that jumped) is not taken for a hung worker. A tick with nothing owed starts the count again.
 */

/**
 * Ticks (one a second) of silence while a plan or a comparison is under way before the workers are
 * ended and started again. The worker posts progress at least every PROGRESS_EVERY_MS while it
 * simulates and a heartbeat while it waits for HiGHS to load; its longest silent stretch is the joint
 * decision, which does not yield: ~1 s cold on the 500-component benchmark design (bench/RESULTS.md,
 * 2026-12-03). Thirty times that leaves room for a slow machine.
 */
export const STALL_TICKS = 30;

export interface StallWatch {
  /** A message came from the worker, or a request went to it. */
  heard(): void;
  /** One tick; true once when `owed` has stayed true through `limit` ticks without a word heard. */
  tick(owed: boolean): boolean;
}

export function createStallWatch(limit: number = STALL_TICKS): StallWatch {
  let silent = 0;
  return {
    heard() {
      silent = 0;
    },
    tick(owed) {
      if (!owed) {
        silent = 0;
        return false;
      }
      silent += 1;
      if (silent < limit) return false;
      silent = 0;
      return true;
    },
  };
}
