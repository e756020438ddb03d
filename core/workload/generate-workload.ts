/**
 * Request-rate series for the five workload patterns of the Cloud Computing Patterns catalogue and
 * for a measured trace, one value per simulation step. Deterministic: the only randomness (spikes,
 * noise) comes from a PRNG seeded with the design's seed and the component's id. `baseRps` is the
 * floor; `peakRps` is reached by every peak that falls within the horizon.
 */
import { HOURS_PER_MONTH, MODEL_ASSUMPTIONS } from '../model/defaults';
import type { WorkloadFields } from '../model/design';
import { deriveSeed, createPrng } from './prng';
import { samplePeriodicPulse, samplePulse } from './pulse-shape';
import { placeSpikes } from './place-spikes';

export interface Horizon {
  days: number;
  stepMinutes: number;
}

export function countSteps(h: Horizon): number {
  return Math.round((h.days * 24 * 60) / h.stepMinutes);
}

/** The series of requests per second, one value per step; `key` (the component id) varies the stream. */
export function generateWorkload(w: WorkloadFields, horizon: Horizon, seed: number, key = ''): Float64Array {
  const steps = countSteps(horizon);
  const out = new Float64Array(steps);
  const random = createPrng(deriveSeed(seed, key));
  const stepH = horizon.stepMinutes / 60;
  const lift = Math.max(0, w.peakRps - w.baseRps);
  if (w.trace) fillTrace(out, w.trace, horizon.stepMinutes);
  else if (w.pattern === 'static') out.fill(w.baseRps);
  else if (w.pattern === 'periodic') {
    for (let i = 0; i < steps; i++) {
      const t0 = i * stepH;
      out[i] = w.baseRps + lift * samplePeriodicPulse(t0, t0 + stepH, w.peakStartHour, w.peakHours, w.periodHours);
    }
  } else if (w.pattern === 'once-in-a-lifetime') {
    for (let i = 0; i < steps; i++) {
      const t0 = i * stepH;
      out[i] = w.baseRps + lift * samplePulse(t0, t0 + stepH, w.peakStartHour, w.peakHours);
    }
  } else if (w.pattern === 'unpredictable') {
    out.fill(w.baseRps);
    for (const s of placeSpikes(w.spikesPerWeek, horizon.days * 24, random)) {
      const first = Math.max(0, Math.floor(s.start / stepH));
      const last = Math.min(steps - 1, Math.floor((s.start + s.hours) / stepH));
      for (let i = first; i <= last; i++) {
        const t0 = i * stepH;
        const v =
          w.baseRps + lift * s.height * samplePulse(t0, t0 + stepH, s.start, s.hours, MODEL_ASSUMPTIONS.spikeRampShare);
        if (v > (out[i] as number)) out[i] = v;
      }
    }
  } else {
    const rate = Math.log1p(w.growthPerMonth) / HOURS_PER_MONTH;
    for (let i = 0; i < steps; i++) out[i] = w.baseRps * Math.exp(rate * i * stepH);
  }
  // A trace is measured, its own noise in it: replayed as it is. (Its fitted pattern's noise, kept in
  // the workload for when the trace is removed, was laid on top, and a trace that peaked at 44.9 req/s
  // planned a peak of 56.)
  if (w.noise > 0 && !w.trace) {
    for (let i = 0; i < steps; i++) out[i] = Math.max(0, (out[i] as number) * (1 + w.noise * (2 * random() - 1)));
  }
  return out;
}

/**
 * A measured series repeated to fill the horizon. A simulation step longer than the trace's step
 * takes the mean of the points it covers; a shorter one repeats the point it falls in.
 */
function fillTrace(out: Float64Array, trace: { stepMinutes: number; rps: number[] }, stepMinutes: number): void {
  const n = trace.rps.length;
  const ratio = stepMinutes / trace.stepMinutes;
  for (let i = 0; i < out.length; i++) {
    const from = Math.floor(i * ratio);
    const to = Math.max(from + 1, Math.floor((i + 1) * ratio));
    let sum = 0;
    for (let k = from; k < to; k++) sum += trace.rps[k % n] as number;
    out[i] = sum / (to - from);
  }
}
