/**
 * The workload fields of spec/formats.md that reproduce a series under its pattern, in rps, as the
 * simulator will read them (core/model/design.ts resolveWorkload): only the fields the pattern uses,
 * plus baseRps and noise. Levels come from robust quantiles (median off-peak, upper quartile of the
 * peak), never from the single highest point. Times are hours from the series' first timestamp.
 */
import { PATTERN_FIELDS } from '../model/design-fields';
import type { Pattern, Workload } from '../model/design';
import type { EvidenceDetail } from './classify-evidence';
import { roundSignificant } from '../model/round';

type FittedFields = Omit<Workload, 'trace'>;

/**
 * The simulator's peak (pulse-shape.ts) is a trapezoid ramping over its first and last quarter, so
 * its half-height width is 3/4 of peakHours and starts 1/8 of peakHours late; a measured peak
 * region at half height is turned back into those fields.
 */
const PULSE_RAMP_SHARE = 0.25;
/**
 * An occasion whose top is more than this many times its median level has a structure inside it
 * (match days through a tournament, a daily cycle through a sale): one plateau at the median would
 * fit a peak far below the series' own (the World Cup 98 trace: 324 req/s fitted, ~3,000 measured).
 */
const STRUCTURED_EVENT = 2;
/** A fitted peak this many times below the series' highest point no longer describes the series. */
const UNDERSTATED_PEAK = 10;
/** The share of peakHours × the lift a trapezoid ramping over its first and last quarter covers. */
const PULSE_AREA = 1 - PULSE_RAMP_SHARE;
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
    Object.assign(all, fitOccasion(detail.event));
  } else if (pattern === 'unpredictable') {
    const base = detail.spikes.baseRps;
    const lift = Math.max(0, detail.spikes.highPeakRps - base) / HIGH_SPIKE_SHARE;
    // The peak is the tallest spike. Estimated from the high spikes it suits spike heights as the
    // simulator draws them; heavy-tailed ones (Twitter AAPL: 2 req/s estimated, 45 measured) would
    // leave it more than ten times below the series' own, so then the tallest measured sets it.
    const tallest = e.peakToMean * e.meanRps;
    const peakRps = base + lift < tallest / UNDERSTATED_PEAK ? tallest : base + lift;
    Object.assign(all, { baseRps: base, peakRps, spikesPerWeek: e.spikes.perWeek });
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
 * The occasion as one plateau: its median level over the half-height region, or, when its top is
 * far above that median, the top itself held for as long as keeps the occasion's volume above the
 * base, centred where the top is (within the region).
 */
function fitOccasion(ev: NonNullable<EvidenceDetail['event']>): Partial<FittedFields> {
  const regionStart = ev.startBin * ev.stepHours;
  const regionHours = ev.bins * ev.stepHours;
  const { peakHours, peakStartHour } = invertPulse(regionStart, regionHours, ev.stepHours);
  if (!(ev.top > STRUCTURED_EVENT * ev.peak && ev.top > ev.base)) {
    return { baseRps: ev.base, peakRps: ev.peak, peakHours, peakStartHour: Math.max(0, peakStartHour) };
  }
  const hours = Math.min(regionHours, Math.max(ev.stepHours, ev.excessRpsHours / ((ev.top - ev.base) * PULSE_AREA)));
  const centre = (ev.topBin + 0.5) * ev.stepHours;
  const start = Math.min(regionStart + regionHours - hours, Math.max(regionStart, centre - hours / 2));
  return { baseRps: ev.base, peakRps: ev.top, peakHours: hours, peakStartHour: Math.max(0, start) };
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
