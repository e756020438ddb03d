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
import { computeQuantile } from '../simulate/series-stats';
import { sizeForSlo, sizeStaticCores } from '../simulate/simulate-static';

/** Weinman's utility premium U: elastic ÷ static price of one core for a month. */
export function computeUtilityPremium(env: Environments): number {
  const vmCoreMonth = (env.vm.hourlyPrice * HOURS_PER_MONTH) / env.vm.vcpu;
  return env.static.coreMonthlyCost > 0 ? vmCoreMonth / env.static.coreMonthlyCost : Number.POSITIVE_INFINITY;
}

export function sizeBurstBase(load: ComponentLoad, env: Environments): number {
  const u = computeUtilityPremium(env);
  const q = u > 1 ? 1 - 1 / u : 0;
  return sizeStaticCores(computeQuantile(load.total, load.peakRps, q, true), load.cpuMs, env.static.headroom);
}

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
