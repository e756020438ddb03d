/**
 * Static sizing for an SLO (simulate-static.ts, sizeForSlo) where the service time's own scatter
 * misses it: one request a second of 2 s with an SLO of 8 s. A minute of 60 such requests has more
 * than 5 % of them over 8 s by their service alone in about one minute in twenty, whatever the cores.
 * Against the per-request simulator: no core count meets the tolerance, and the cores sized are as
 * good as any more.
 */
import { describe, expect, it } from 'vitest';
import { simulatePoolRequests } from '../simulate-requests/simulate-pool-requests';
import { makeLoad } from '../testing/load-fixture';
import { sizeForSlo } from './simulate-static';

const DAY = 1440;
const TOLERANCE = 0.001; // the default share of minutes over the SLO ("meets the SLO")
const slow = makeLoad(() => 1, DAY, { cpuMs: 2000, durationMs: 2000, functionDurationMs: 2000, sloMs: 8000 });

/** The simulator's violation minutes in a day on `cores` cores, the mean of four seeds. */
function simulatedMinutes(cores: number): number {
  let sum = 0;
  for (let seed = 1; seed <= 4; seed++)
    sum += simulatePoolRequests(slow, { steps: DAY, dt: 60, seed, cores }).figures.sloViolationMinutes;
  return sum / 4;
}

describe('sizing a pool whose service time alone misses the SLO in too many minutes', () => {
  const sized = sizeForSlo(slow, 0.25, TOLERANCE);

  it('says no core count meets it, with the share its service alone misses', () => {
    expect(sized.canMeetSlo).toBe(false);
    expect(sized.serviceMinuteShare).toBeGreaterThan(0.04);
    expect(sized.serviceMinuteShare).toBeLessThan(0.07);
  });

  it('the simulator agrees: 64 cores miss as many minutes, beyond the tolerance', () => {
    const floor = simulatedMinutes(64);
    expect(floor).toBeGreaterThan(10 * TOLERANCE * DAY);
    // The service alone's share, by the engine, is the simulator's with every core free.
    expect(sized.serviceMinuteShare * DAY).toBeGreaterThan(0.85 * floor);
    expect(sized.serviceMinuteShare * DAY).toBeLessThan(1.15 * floor);
  });

  it('buys cores only while they help: the sized pool misses about what 64 cores miss', () => {
    const floor = simulatedMinutes(64);
    const atSized = simulatedMinutes(sized.cores);
    expect(atSized).toBeLessThan(floor * 1.05 + TOLERANCE * DAY);
    // And not the 10 cores a search for the tolerance itself took, nor peak + headroom's 3.
    expect(sized.cores).toBeLessThan(10);
    expect(sized.cores).toBeGreaterThan(sized.forPeak);
    expect(simulatedMinutes(sized.forPeak)).toBeGreaterThan(floor * 1.3);
  });

  it('leaves a pool that can meet its SLO as it was: sized for the tolerance', () => {
    const fast = makeLoad(() => 10, DAY, { cpuMs: 500, durationMs: 500, functionDurationMs: 500, sloMs: 2000 });
    const s = sizeForSlo(fast, 0.25, TOLERANCE);
    expect(s.canMeetSlo).toBe(true);
    expect(s.serviceMinuteShare).toBe(0);
    expect(s.cores).toBeGreaterThan(s.forPeak);
  });
});
