/**
 * How big the static base of a burst placement is. Weinman's argument (R3): a core reserved
 * statically costs `coreMonthlyCost` every hour of the month; the same capacity rented elastically
 * costs U times as much but only while needed. A base core pays for itself when demand needs it more
 * than 1/U of the time, so the base covers demand up to its (1 − 1/U) quantile, plus headroom.
 * That is where a plan's burst starts: one that leaves the burst beyond the share of the tolerances a
 * split may use is raised (run-placement.ts, raiseBurstBase).
 */
import { HOURS_PER_MONTH } from '../model/defaults';
import type { Environments } from '../model/design';
import type { ComponentLoad } from '../simulate/component-load';
import { type SeriesHistogram, histogramOf, quantileOf } from '../simulate/series-stats';
import { sizeForSlo, sizeStaticCores } from '../simulate/simulate-static';

/** Weinman's utility premium U: elastic ÷ static price of one core for a month. */
export function computeUtilityPremium(env: Environments): number {
  const vmCoreMonth = (env.vm.hourlyPrice * HOURS_PER_MONTH) / env.vm.vcpu;
  return env.static.coreMonthlyCost > 0 ? vmCoreMonth / env.static.coreMonthlyCost : Number.POSITIVE_INFINITY;
}

export function sizeBurstBase(load: ComponentLoad, env: Environments): number {
  const u = computeUtilityPremium(env);
  const q = u > 1 ? 1 - 1 / u : 0;
  return sizeStaticCores(quantileOfLoad(load, q), load.cpuMs, env.static.headroom);
}

/**
 * The load's q-quantile (computeQuantile), its histogram kept by its series: a kept demand series
 * (propagate-demand.ts) is the same array from plan to plan and never written to, and a price edit
 * moves only q. Counting the series again was ~30 ms of a price edit's 115–150 ms re-plan of
 * bench:engine's design (CPU profile, 2026-12-05).
 */
function quantileOfLoad(load: ComponentLoad, q: number): number {
  const series = load.total;
  const peak = load.peakRps;
  if (peak <= 0 || series.length === 0) return 0;
  if (q >= 1) return peak;
  let histogram = histograms.get(series);
  if (histogram?.peak !== peak) {
    histogram = histogramOf(series, peak);
    histograms.set(series, histogram);
  }
  return quantileOf(histogram, q);
}
const histograms = new WeakMap<Float32Array, SeriesHistogram>();

/**
 * The base a plan gives an unpinned burst: Weinman's, but never more than the data centre's own sizing
 * (`sloCores`: sizeForSlo's, passed when already known).
 */
export function planBurstBase(
  load: ComponentLoad,
  env: Environments,
  sloCores = sizeForSlo(load, env.static.headroom, env.decision.sloMinuteShare).cores,
): number {
  return Math.min(sizeBurstBase(load, env), sloCores);
}
