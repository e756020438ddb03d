/**
 * The figures a classification rests on, each one a plain statistic a person can check: level and
 * spread, the dominant cycle and its autocorrelation, the trend and its fit, spikes, and how much of
 * the volume one window holds. Heavy passes run on a coarse copy of at most COARSE_POINTS points so
 * that a year of one-minute data stays well under a second.
 */
import type { Grid } from './classify-grid';
import { findCyclePeak, foldCycle, findPeakRegion, type PeakRegion } from './classify-profile';
import {
  blockMedianBaseline,
  countSpikes,
  findExcessWindow,
  measureBusiestWindow,
  type SpikeFigures,
} from './classify-spikes';
import {
  blockMeans,
  fitLine,
  mean,
  movingAverage,
  quantileSorted,
  robustSigma,
  sortedCopy,
  std,
} from './classify-stats';
import { detectPeriod } from './periodicity';
import { HOURS_PER_MONTH } from '../model/defaults';

const COARSE_POINTS = 16_384;

export interface Evidence {
  points: number;
  stepMinutes: number;
  spanDays: number;
  gapShare: number;
  meanRps: number;
  medianRps: number;
  cv: number;
  peakToMean: number;
  /** Relative noise: robust spread of each point around its short moving average. */
  noise: number;
  period: { hours: number; autocorrelation: number; cycles: number; peakOverBase: number } | null;
  trend: { growthPerMonth: number; totalChange: number; r2: number; startRps: number };
  spikes: { count: number; perWeek: number; medianPeakRps: number; peakOverBase: number };
  busiestWindow: { share: number; hours: number; startHour: number };
  /** Shortest window holding 80 % of the volume above the normal range. */
  event: { spanShare: number; startHour: number; hours: number; peakOverBase: number; endsAtSeriesEnd: boolean } | null;
}

/**
 * Inside an occasion's region: the highest level it reaches (a three-point average, so one stray
 * point does not set it), where, and the volume above the base (rps × hours).
 */
export interface EventShape {
  top: number;
  topBin: number;
  excessRpsHours: number;
}

/** What the fit needs beyond the figures: the cycle's peak region, the event region, the spikes. */
export interface EvidenceDetail {
  evidence: Evidence;
  cycle: (PeakRegion & { binHours: number }) | null;
  event: (PeakRegion & EventShape & { stepHours: number }) | null;
  spikes: SpikeFigures;
}

function measureEvent(x: Float64Array, region: PeakRegion, stepHours: number): EventShape {
  const smooth = x.length >= 3 ? movingAverage(x, 3) : x;
  let top = region.peak;
  let topBin = region.startBin;
  let excess = 0;
  for (let i = region.startBin; i < Math.min(x.length, region.startBin + region.bins); i++) {
    if ((smooth[i] as number) > top) [top, topBin] = [smooth[i] as number, i];
    excess += Math.max(0, (x[i] as number) - region.base) * stepHours;
  }
  return { top, topBin, excessRpsHours: excess };
}

export function gatherEvidence(grid: Grid): EvidenceDetail {
  const x = grid.rps;
  const n = x.length;
  const stepHours = grid.stepSeconds / 3600;
  const spanHours = n * stepHours;
  const factor = Math.max(1, Math.ceil(n / COARSE_POINTS));
  const coarse = blockMeans(x, factor);
  const coarseHours = factor * stepHours;
  const m = mean(x);
  const median = quantileSorted(sortedCopy(x), 0.5);

  const highpass = movingAverage(coarse, Math.max(3, Math.round(coarse.length / 4)));
  for (let i = 0; i < coarse.length; i++) highpass[i] = (coarse[i] as number) - (highpass[i] as number);
  const detected = detectPeriod(highpass, coarseHours);
  const cycleProfile = detected ? foldCycle(x, stepHours, detected.periodHours) : null;
  const cycle = cycleProfile ? { ...findCyclePeak(cycleProfile.levels), binHours: cycleProfile.binHours } : null;

  const blockSize = Math.max(1, Math.round(coarse.length / 32));
  const blocks = blockMeans(coarse, blockSize);
  const floor = Math.max(m * 0.01, 1e-9);
  const times = Float64Array.from(blocks, (_, b) => (b + 0.5) * blockSize * coarseHours);
  const line = fitLine(
    times,
    Float64Array.from(blocks, (v) => Math.log(v + floor)),
  );

  const baseline =
    cycleProfile && detected && detected.strength >= 0.3
      ? Float64Array.from(
          x,
          (_, i) =>
            cycleProfile.levels[
              Math.floor(((i * stepHours) % detected.periodHours) / cycleProfile.binHours + 1e-6) %
                cycleProfile.levels.length
            ] as number,
        )
      : blockMedianBaseline(x, Math.max(5, Math.round(n / 20)));
  const window = findExcessWindow(coarse);
  const region = window ? findPeakRegion(coarse, false, Math.max(1, Math.round(window.length / 8))) : null;
  const event = region ? { ...region, ...measureEvent(coarse, region, coarseHours), stepHours: coarseHours } : null;
  const mergeGap = Math.max(1, Math.min(Math.round(1 / stepHours), Math.round(n / 200)));
  // Spikes inside a concentrated occasion belong to the occasion; a spread-out window is no occasion.
  const skip =
    event && window && window.spanShare < 0.5
      ? [event.startBin * factor, (event.startBin + event.bins) * factor]
      : [0, 0];
  const spikes = countSpikes(x, baseline, mergeGap, skip[0], skip[1]);
  const busiest = measureBusiestWindow(coarse);

  const evidence: Evidence = {
    points: n,
    stepMinutes: grid.stepSeconds / 60,
    spanDays: spanHours / 24,
    gapShare: grid.gapShare,
    meanRps: m,
    medianRps: median,
    cv: m > 0 ? std(x) / m : 0,
    peakToMean: m > 0 ? findMax(x) / m : 0,
    noise: measureNoise(x, cycleProfile && detected && detected.strength >= 0.3 ? baseline : null),
    period:
      detected && cycle
        ? {
            hours: detected.periodHours,
            autocorrelation: detected.strength,
            cycles: spanHours / detected.periodHours,
            peakOverBase: ratio(cycle.peak, cycle.base),
          }
        : null,
    trend: {
      growthPerMonth: Math.exp(line.slope * HOURS_PER_MONTH) - 1,
      totalChange: Math.exp(line.slope * spanHours) - 1,
      r2: line.r2,
      startRps: Math.max(0, Math.exp(line.intercept) - floor),
    },
    spikes: {
      count: spikes.count,
      perWeek: spikes.count / (spanHours / 168),
      medianPeakRps: spikes.medianPeakRps,
      peakOverBase: ratio(spikes.medianPeakRps, spikes.baseRps),
    },
    busiestWindow: {
      share: busiest.share,
      hours: busiest.length * coarseHours,
      startHour: busiest.start * coarseHours,
    },
    event:
      window && event
        ? {
            spanShare: window.spanShare,
            startHour: event.startBin * coarseHours,
            hours: event.bins * coarseHours,
            peakOverBase: ratio(event.peak, event.base),
            endsAtSeriesEnd: event.startBin + event.bins >= coarse.length - Math.max(1, Math.round(coarse.length / 50)),
          }
        : null,
  };
  return { evidence, cycle, event, spikes };
}

function findMax(x: Float64Array): number {
  let top = -Infinity;
  for (let i = 0; i < x.length; i++) if ((x[i] as number) > top) top = x[i] as number;
  return top;
}

function ratio(a: number, b: number): number {
  // A zero base (an idle service between bursts) would make the ratio infinite; cap it readably.
  return Math.min(1e6, b > 0 ? a / b : a > 0 ? 1e6 : 1);
}

/**
 * Relative noise as the simulator draws it, level · (1 + noise · U(-1, 1)): the median absolute
 * relative deviation of a uniform draw is noise / 2. The level is the typical cycle when there is
 * one, else a 5-point moving average (corrected for the point's own weight in its average).
 */
function measureNoise(x: Float64Array, cycleLevel: Float64Array | null): number {
  const level = cycleLevel ?? movingAverage(x, 5);
  const rel = new Float64Array(x.length);
  let count = 0;
  for (let i = 0; i < x.length; i++)
    if ((level[i] as number) > 0) rel[count++] = (x[i] as number) / (level[i] as number) - 1;
  const correction = cycleLevel ? 1 : Math.sqrt(0.8);
  return count > 0 ? Math.min(1, (2 * robustSigma(rel.subarray(0, count), 0)) / 1.4826 / correction) : 0;
}
