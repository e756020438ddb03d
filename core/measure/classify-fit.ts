/**
 * The workload fields of spec/formats.md that reproduce a series under its pattern, in rps, as the
 * simulator will read them (core/model/design.ts resolveWorkload): only the fields the pattern uses,
 * plus baseRps and noise. Levels come from robust quantiles (median off-peak, upper quartile of the
 * peak), never from the single highest point. Times are hours from the series' first timestamp.
 */
import { PATTERN_FIELDS, type Pattern, type Workload } from '../model/design';
import type { EvidenceDetail } from './classify-evidence';
import { roundSignificant } from '../model/round';

type FittedFields = Omit<Workload, 'trace'>;

/**
 * The simulator's peak (pulse-shape.ts) is a trapezoid ramping over its first and last quarter, so
 * its half-height width is 3/4 of peakHours and starts 1/8 of peakHours late; a measured peak
 * region at half height is turned back into those fields.
 */
const PULSE_RAMP_SHARE = 0.25;
/** Spike heights are 0.3 + 0.7·U(0,1) of the tallest (place-spikes.ts): their 90th percentile is 0.93 of it. */
const HIGH_SPIKE_SHARE = 0.3 + 0.7 * 0.9;

/**
 * workloadSchema's upper bounds: a fit beyond them (a year-long series with its occasion in month
 * ten, an hour of bursts extrapolated to a week) is held at the bound so the editor can still accept
 * it; the evidence keeps the unclamped figures.
 */
const FIELD_MAX: Record<string, number> = {
  baseRps: 1e7,
  peakRps: 1e8,
  periodHours: 24 * 90,
  peakHours: 24 * 90,
  peakStartHour: 24 * 90,
  spikesPerWeek: 1000,
};

export function fitWorkload(pattern: Pattern, detail: EvidenceDetail): FittedFields {
  const e = detail.evidence;
  const all: Partial<FittedFields> & { baseRps: number } = { baseRps: e.medianRps };
  if (pattern === 'periodic' && detail.cycle && e.period) {
    const c = detail.cycle;
    const periodHours = Math.max(0.25, e.period.hours);
    const { peakHours, peakStartHour } = invertPulse(c.startBin * c.binHours, c.bins * c.binHours, e.stepMinutes / 60);
    Object.assign(all, {
      baseRps: c.base,
      peakRps: c.peak,
      periodHours,
      peakHours: Math.min(periodHours, peakHours),
      peakStartHour: ((peakStartHour % periodHours) + periodHours) % periodHours,
    });
  } else if (pattern === 'once-in-a-lifetime' && detail.event) {
    const ev = detail.event;
    const { peakHours, peakStartHour } = invertPulse(ev.startBin * ev.stepHours, ev.bins * ev.stepHours, ev.stepHours);
    Object.assign(all, { baseRps: ev.base, peakRps: ev.peak, peakHours, peakStartHour: Math.max(0, peakStartHour) });
  } else if (pattern === 'unpredictable') {
    const base = detail.spikes.baseRps;
    const lift = Math.max(0, detail.spikes.highPeakRps - base) / HIGH_SPIKE_SHARE;
    Object.assign(all, { baseRps: base, peakRps: base + lift, spikesPerWeek: e.spikes.perWeek });
  } else if (pattern === 'continuously-changing') {
    Object.assign(all, {
      baseRps: e.trend.startRps,
      growthPerMonth: Math.min(10, Math.max(-0.99, e.trend.growthPerMonth)),
    });
  }
  const out: Record<string, unknown> = {
    pattern,
    baseRps: roundSignificant(Math.min(all.baseRps, FIELD_MAX.baseRps as number)),
  };
  for (const field of PATTERN_FIELDS[pattern]) {
    const value = all[field as keyof typeof all];
    if (typeof value === 'number') out[field] = roundSignificant(Math.min(value, FIELD_MAX[field] ?? Infinity));
  }
  if (typeof out.peakRps === 'number' && out.peakRps < (out.baseRps as number)) out.peakRps = out.baseRps;
  if (typeof out.periodHours === 'number' && (out.peakStartHour as number) >= out.periodHours) out.peakStartHour = 0;
  out.noise = roundSignificant(Math.min(1, Math.max(0, e.noise)), 3);
  return out as FittedFields;
}

/**
 * Half-height region (start, width) measured on steps of `step` hours → the simulator's
 * peakStartHour and peakHours. A step shows a peak's highest value within it, so the region is
 * about one step wider than the half-height span and starts half a step early; a peak of a single
 * step cannot be resolved finer than that step.
 */
function invertPulse(start: number, width: number, step: number): { peakHours: number; peakStartHour: number } {
  const span = Math.max(width - step, width / 2);
  const peakHours = Math.max(1 / 60, span / (1 - PULSE_RAMP_SHARE));
  return { peakHours, peakStartHour: start + (width - span) / 2 - (PULSE_RAMP_SHARE / 2) * peakHours };
}
