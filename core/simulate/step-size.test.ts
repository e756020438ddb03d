/**
 * Results must not depend on the step size (issue 11): the same load — a rise from 20 to 200 rps
 * within an hour, twice a day, on VMs whose autoscaler decides on its own 60 s clock and boots in
 * seconds — planned at 1-, 5- and 15-minute steps (each coarse step the mean of its minutes) gives
 * SLO-violation minutes and drops within 10 % of each other, and the same cost of instances.
 */
import { describe, expect, it } from 'vitest';
import { makeContext, makeLoad } from '../testing/load-fixture';
import { simulateStatic } from './simulate-static';
import { simulateVm } from './simulate-vm';

const minutes = 2 * 24 * 60;
// Hourly plateaus (constant within 15 minutes, so every step size sees the same load).
const perMinute = (m: number) => {
  const hour = Math.floor(m / 60) % 12;
  return hour === 3 ? 200 : hour === 4 ? 120 : 20;
};

function at(stepMinutes: number) {
  const steps = minutes / stepMinutes;
  const load = makeLoad((i) => perMinute(i * stepMinutes), steps, { sloMs: 150 });
  const ctx = makeContext(steps, stepMinutes);
  const vm = simulateVm(load, ctx);
  return {
    vm: vm.stats.finish(),
    instances: vm.meanInstances,
    fixed: simulateStatic(load, ctx, 9).stats.finish(),
  };
}

describe('violation minutes at 1-, 5- and 15-minute steps', () => {
  it('agree within 10 % on VMs and on a static pool', () => {
    const [one, five, fifteen] = [at(1), at(5), at(15)];
    expect(one.vm.sloViolationMinutes).toBeGreaterThan(20);
    expect(one.fixed.sloViolationMinutes).toBeGreaterThan(20);
    for (const other of [five, fifteen]) {
      expect(Math.abs(other.vm.sloViolationMinutes / one.vm.sloViolationMinutes - 1)).toBeLessThan(0.1);
      expect(Math.abs(other.fixed.sloViolationMinutes / one.fixed.sloViolationMinutes - 1)).toBeLessThan(0.1);
      expect(Math.abs(other.instances / one.instances - 1)).toBeLessThan(0.1);
      expect(Math.abs(other.vm.droppedRequests - one.vm.droppedRequests)).toBeLessThanOrEqual(
        0.1 * one.vm.droppedRequests + 1e-6 * one.vm.requests,
      );
    }
  });
});
