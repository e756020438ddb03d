/**
 * Series with known answers for the classifier's tests and benchmark, drawn by the simulator's own
 * generator (generate-workload.ts) so that "fitted fields reproduce the series" means what the
 * simulator will do with them.
 */
import { resolveWorkload } from '../model/design-fields';
import type { Pattern } from '../model/design';
import { generateWorkload } from '../workload/generate-workload';
import type { Series } from '../measure/parse-series-order';

export interface KnownWorkload {
  pattern: Pattern;
  baseRps: number;
  peakRps?: number;
  periodHours?: number;
  peakHours?: number;
  peakStartHour?: number;
  spikesPerWeek?: number;
  growthPerMonth?: number;
  noise: number;
}

/** `days` of the workload at `stepMinutes`, timestamped from `startMs` (2024-01-01 by default). */
export function drawSeries(
  w: KnownWorkload,
  days: number,
  stepMinutes: number,
  seed: number,
  startMs = Date.UTC(2024, 0, 1),
): Series {
  const v = generateWorkload(resolveWorkload(w), { days, stepMinutes }, seed, 'classify');
  const t = Float64Array.from(v, (_, i) => startMs + i * stepMinutes * 60_000);
  return { t, v };
}
