/**
 * OptionStats.missChanceAt: the chance that a minute at a load misses its SLO, from the run's own
 * minutes at that load — what a burst callee's routed step adds to its caller (call-delay-parts.ts).
 * Checked against runs of each load alone: a pool whose quiet and busy halves differ must read each
 * half's own minutes, not the month's.
 */
import { describe, expect, it } from 'vitest';
import { makeContext, makeLoad } from '../testing/load-fixture';
import { simulateStatic } from './simulate-static';

/** One core of 20 ms, SLO 150 ms: 10 requests a second (ρ 0.2, p95 75 ms) and 30 (ρ 0.6, p95 150 ms), 12 hours each. */
const steps = 24 * 60;
const half = steps / 2;
const extra = { cpuMs: 20, durationMs: 20, functionDurationMs: 20, sloMs: 150 };
const QUIET = 10;
const BUSY = 30;

/** A run of `rps` alone: its SLO minutes a minute, its requests `d` ms later. */
function aloneAt(rps: number, d: number): number {
  const stats = simulateStatic(
    makeLoad(() => rps, half, extra),
    makeContext(half),
    1,
  ).stats;
  const f = stats.finish();
  return stats.shift(f, d, d).sloViolationMinutes / half;
}

describe("a run's chance of missing, at a load", () => {
  const stats = simulateStatic(
    makeLoad((i) => (i < half ? QUIET : BUSY), steps, extra),
    makeContext(steps),
    1,
  ).stats;
  const f = stats.finish();

  it("reads each load's own minutes, with and without a delay", () => {
    for (const rps of [QUIET, BUSY])
      for (const d of [0, 10, 25]) {
        const own = aloneAt(rps, d);
        const read = stats.missChanceAt(60 * rps, stats.sloMs - d);
        expect(Math.abs(read - own)).toBeLessThan(0.02 + 0.1 * own);
      }
    // The busy half misses often at 25 ms, the quiet half hardly at all.
    expect(stats.missChanceAt(60 * BUSY, stats.sloMs - 25)).toBeGreaterThan(0.2);
    expect(stats.missChanceAt(60 * QUIET, stats.sloMs - 25)).toBeLessThan(0.05);
  });

  it('a load between kept ones reads the nearest; an unknown one the whole run', () => {
    expect(stats.missChanceAt(60 * BUSY * 1.3, stats.sloMs - 25)).toBe(stats.missChanceAt(60 * BUSY, stats.sloMs - 25));
    expect(stats.missChanceAt(Number.NaN, stats.sloMs - 25)).toBeCloseTo(
      stats.shift(f, 25, 25).sloViolationMinutes / steps,
      9,
    );
  });
});
