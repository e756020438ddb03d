/**
 * Many seeded random workloads drawn by the simulator's generator, as a team-mate who has not seen
 * the classifier would make them: the pattern must come back right, and base, peak and period within
 * 15 %, for nearly all of them. (Two spikes a week over two weeks can honestly look like one
 * occasion, so not for every one.)
 */
import { describe, expect, it } from 'vitest';
import { PATTERNS } from '../model/design-fields';
import { workloadSchema } from '../model/design';
import { classifySeries } from './classify';
import { drawSeries, type KnownWorkload } from '../testing/series-fixture';
import { createPrng } from '../workload/prng';

function drawWorkload(random: () => number): { w: KnownWorkload; days: number; step: number } {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const pattern = pick(PATTERNS);
  const step = pick([1, 5, 15, 60]);
  const days = pick([14, 30, 60]);
  const baseRps = Math.round(5 + random() * 500);
  const w: KnownWorkload = { pattern, baseRps, noise: pick([0, 0.05, 0.1, 0.2]) };
  const peakRps = baseRps * pick([2, 3, 5, 10]);
  if (pattern === 'periodic') {
    const periodHours = pick([24, 12, 6]);
    const peakHours = Math.max((2 * step) / 60, Math.round(random() * periodHours * 0.4));
    Object.assign(w, {
      peakRps,
      periodHours,
      peakHours,
      peakStartHour: Math.floor(random() * (periodHours - peakHours)),
    });
  } else if (pattern === 'once-in-a-lifetime') {
    const peakHours = pick([2, 6, 24, 48]);
    Object.assign(w, { peakRps, peakHours, peakStartHour: Math.floor(random() * (days * 24 - peakHours)) });
  } else if (pattern === 'unpredictable') Object.assign(w, { peakRps, spikesPerWeek: pick([5, 10, 20]) });
  else if (pattern === 'continuously-changing') w.growthPerMonth = pick([0.3, 0.5, 1, -0.3]);
  return { w, days, step };
}

describe('classifySeries on random workloads', () => {
  it('names the pattern and reproduces base, peak and period within 15 % for at least 95 % of 80', () => {
    const random = createPrng(2026);
    const misses: string[] = [];
    for (let k = 0; k < 80; k++) {
      const { w, days, step } = drawWorkload(random);
      const r = classifySeries(drawSeries(w, days, step, k + 1));
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      expect(workloadSchema.safeParse(r.value.workload).success).toBe(true);
      const f = r.value.workload;
      const close = (a: number | undefined, b: number) => a !== undefined && Math.abs(a - b) <= 0.15 * Math.max(b, 1);
      const ok =
        r.value.pattern === w.pattern &&
        close(f.baseRps, w.baseRps) &&
        (w.peakRps === undefined || close(f.peakRps, w.peakRps)) &&
        (w.periodHours === undefined || f.periodHours === w.periodHours);
      if (!ok) misses.push(`${JSON.stringify(w)} at ${step} min over ${days} d → ${JSON.stringify(f)}`);
    }
    expect(misses.length, misses.join('\n')).toBeLessThanOrEqual(4);
  });
});
