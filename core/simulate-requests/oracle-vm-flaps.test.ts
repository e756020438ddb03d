/**
 * Elastic VMs through an hour at 10× their base, against the per-request simulator: the violation
 * minutes of the hours around it. At the base (3 rps of 1 s jobs on three 2-vCPU instances, ρ 0.5)
 * a noisy datapoint now and then scales the fleet in to two (ρ 0.75, 5.6 % of requests over the
 * 4 s SLO) until three datapoints above the target and a boot bring the third back: those minutes
 * are most of the violation minutes outside the overload hour. The engine draws its datapoints' noise
 * as one seeded path (autoscaler.ts, DatapointNoise), so its count of flaps in five hours is one
 * draw, as one simulator seed's is: the default path of this load reads 8.0 minutes where the
 * simulator's mean over seeds is 12.9 — the fewest of 24 paths (8.0 to 19.9, their mean 12.3), not
 * a bias of the model (issue 11, 2026-12-05: "about half the simulator's violation minutes").
 * Both are compared here as means over paths and seeds.
 */
import { describe, expect, it } from 'vitest';
import { simulateVm } from '../simulate/simulate-vm';
import { makeContext, makeLoad } from '../testing/load-fixture';
import { compareEngine } from './compare-engine';

const MINUTES = 300;
const rate = (i: number) => (i >= 60 && i < 120 ? 30 : 3);

function loadOf(asyncShare: number, timeoutMs: number) {
  return makeLoad(rate, MINUTES, {
    cpuMs: 1000,
    durationMs: 1000,
    functionDurationMs: 1000,
    sloMs: 4000,
    timeoutMs,
    async: Float32Array.from({ length: MINUTES }, (_, i) => rate(i) * asyncShare),
  });
}

describe('elastic VMs through an hour at 10× (1 s jobs, 3 → 30 rps, SLO 4 s): violation minutes', () => {
  it.each([1, 0.5])('%s async: the engine over 12 datapoint paths against the simulator over 8 seeds', (share) => {
    // The datapoint noise's seed hashes the load's timeout (datapointSeed): 29 s plus k ms gives
    // other paths of the same load (no request waits 29 s but in the overload's sync backlog).
    const ctx = makeContext(MINUTES);
    const paths = Array.from(
      { length: 12 },
      (_, k) => simulateVm(loadOf(share, 29_000 + k), ctx).stats.finish().sloViolationMinutes,
    );
    const engine = paths.reduce((a, b) => a + b, 0) / paths.length;
    const load = loadOf(share, 29_000);
    const seeds = Array.from(
      { length: 8 },
      (_, k) => compareEngine(load, 'elastic-vm', ctx, { seed: k + 1 }).requests.sloViolationMinutes,
    );
    const simulator = seeds.reduce((a, b) => a + b, 0) / seeds.length;
    // Measured: all async 12.1 / 13.4, half 14.5 / 16.4 (engine / simulator; paths 8.0 to 20.8
    // minutes, seeds 8 to 24: each mean's own scatter is about 1.5). The default path alone, 8.0 and
    // 8.7, is off by more than this.
    expect(simulator).toBeGreaterThan(10);
    expect(Math.abs(engine - simulator)).toBeLessThan(Math.max(0.25 * simulator, 4));
  });
});
