/**
 * Static placement: a fixed reservation of cores in the data centre, paid whether used or not. Sized
 * for the peak demand plus headroom, and more when the p95 SLO needs them at the peak, unless the
 * component is pinned to an exact core count.
 */
import {
  type ComponentLoad,
  type SimulationContext,
  computeServiceRate,
  createStats,
  describePool,
} from './component-load';
import { computeErlangC } from './erlang';
import { findErlangTable } from './erlang-table';
import type { OptionStats } from './option-stats';
import { ResponseDist } from './response-dist';
import { computeShares, createShares } from './response-time';
import {
  computeIndependentSpread,
  computeFrozenChance,
  computeMinuteSpread,
  computeViolationChance,
  frozenWeight,
  type MinuteShape,
} from './minute-spread';
import {
  createPoolCall,
  createPoolOutcome,
  createPoolState,
  drainAtEnd,
  flushOccupancy,
  isQuiet,
  servePool,
  serveQuietRun,
  serveSteps,
} from './serve-pool';
import { SERVICE_P95_UNITS } from './step-quantile';

// Bound once: under a CommonJS transform (tsx, the CLI) an imported name is a getter per call.
const serve = servePool;
const isQuietPool = isQuiet;
const serveQuietSteps = serveQuietRun;
const serveRun = serveSteps;

export interface StaticSizing {
  cores: number;
  /** Cores peak plus headroom alone would reserve. */
  forPeak: number;
  /**
   * False when no core count meets the SLO: the service time alone is too slow, or its own scatter
   * leaves more of the peak's minutes over the SLO than the tolerance (serviceMinuteShare).
   */
  canMeetSlo: boolean;
  /** p95 of the service time alone (ln 20 × its mean), ms: the floor no pool gets below. */
  serviceP95Ms: number;
  /** Share of the peak's minutes over the SLO with no wait at all: the floor no pool gets below. */
  serviceMinuteShare: number;
}

export interface StaticRun {
  stats: OptionStats;
  cores: number;
  sizing: StaticSizing | null;
}

/** Cores for a peak of `peakRps` at `cpuMs` each, plus `headroom` (at least one core). */
export function sizeStaticCores(peakRps: number, cpuMs: number, headroom: number): number {
  return Math.max(1, Math.ceil((peakRps * cpuMs * (1 + headroom)) / 1000 - 1e-9));
}

const shares = createShares();
const dist = new ResponseDist();
/** The peak minute's late count K3 ÷ K2 (minute-spread.ts). */
const shape: MinuteShape = { skew: Number.NaN };

/** The exact p95 response time (ms) of `cores` cores under a steady `rps` (M/M/c with the timeout). */
export function computePoolP95(load: ComponentLoad, cores: number, rps: number): number {
  const mu = computeServiceRate(load);
  const full = cores * mu;
  if (rps >= full) return Number.POSITIVE_INFINITY;
  const nu = 1 / load.durationMs;
  const theta = (full - rps) / 1000;
  computeShares(shares, computeErlangC(cores, rps / mu), theta, rps / full, load.timeoutMs);
  return dist
    .reset(nu)
    .add(shares.noWait, 0, 0)
    .add(shares.wait, 0, theta)
    .add(shares.truncated, load.timeoutMs, theta)
    .quantile(0.95);
}

/**
 * Whether `cores` cores keep a peak minute within the SLO: the chance that one minute's p95 at the
 * peak exceeds it (minute-spread.ts) is at most the share of minutes "meets the SLO" tolerates — or
 * adding cores no longer helps (hardly a request waits: what is left is the service time's own).
 */
function keepsPeakMinutes(load: ComponentLoad, cores: number, minuteShare: number): boolean {
  const mu = computeServiceRate(load);
  const full = cores * mu;
  const rps = load.peakRps;
  if (rps >= full) return false;
  const erlangC = computeErlangC(cores, rps / mu);
  if (erlangC < 1e-4) return true;
  const p95 = computePoolP95(load, cores, rps);
  if (!(p95 <= load.sloMs * 4)) return false;
  const nu = 1 / load.durationMs;
  const spread = computeMinuteSpread(erlangC, full - rps, 1000 * nu, full, rps, mu, p95, shape, load.timeoutMs);
  // computePoolP95 left the peak's response-time distribution in `dist`: its share later than the SLO.
  const late = dist.survival(load.sloMs) / dist.total();
  let chance = computeViolationChance(p95, spread, 60 * rps, nu, load.sloMs, late, shape.skew);
  // A queue that remembers much of a minute: the chance from its states too, as the SLO curve does.
  const weight = frozenWeight(erlangC, full, rps, mu, load.timeoutMs, late);
  if (weight > 0) {
    const frozen = computeFrozenChance(erlangC, full - rps, 1000 * nu, full, rps, mu, load.sloMs, load.timeoutMs);
    if (frozen >= 0) chance = weight * frozen + (1 - weight) * chance;
  }
  return chance <= minuteShare;
}

/** The chance that a peak minute misses the SLO with no wait at all: its requests' own service times. */
function serviceMinuteChance(load: ComponentLoad): number {
  const perMinute = 60 * load.peakRps;
  const nu = 1 / load.durationMs;
  const late = Math.exp(-nu * load.sloMs);
  const serviceP95 = SERVICE_P95_UNITS * load.durationMs;
  return computeViolationChance(serviceP95, computeIndependentSpread(perMinute), perMinute, nu, load.sloMs, late);
}

/**
 * A capacity planner sizes for the peak plus headroom, and adds cores until a peak minute keeps its
 * p95 within the SLO (the exact M/M/c response time, and how much one minute's p95 wanders around
 * it: a pool whose stationary p95 just touches the SLO fails it in half its peak minutes). When the
 * SLO is at or below the p95 of the service time alone (ln 20 ≈ 3 × the mean of an exponential), no
 * core count meets it: the planner keeps peak + headroom and says so.
 */
export function sizeForSlo(load: ComponentLoad, headroom: number, minuteShare: number): StaticSizing {
  const forPeak = sizeStaticCores(load.peakRps, load.cpuMs, headroom);
  const serviceP95Ms = SERVICE_P95_UNITS * load.durationMs;
  const sized = { cores: forPeak, forPeak, canMeetSlo: true, serviceP95Ms, serviceMinuteShare: 0 };
  if (!Number.isFinite(load.sloMs) || load.peakRps <= 0) return sized;
  if (load.sloMs <= serviceP95Ms) return { ...sized, canMeetSlo: false };
  // A peak minute of few slow requests can miss the SLO by their service times alone: with no wait at
  // all, its late count is binomial. Beyond the tolerance, no core count meets it, and cores are added
  // only while they help — until a peak minute misses no more often than with no wait, within the
  // tolerance, as options falling short are compared. (Sized for the tolerance itself, one request a
  // second of 2 s with an SLO of 8 s took 10 cores, where 5 miss 87 minutes a day and 8 to 16 miss 78:
  // its service alone misses 78, and the per-request simulator agrees.)
  const floor = serviceMinuteChance(load);
  const canMeetSlo = floor <= minuteShare;
  const meets = (c: number) => keepsPeakMinutes(load, c, canMeetSlo ? minuteShare : floor + minuteShare);
  if (!canMeetSlo) Object.assign(sized, { canMeetSlo, serviceMinuteShare: floor });
  if (meets(forPeak)) return sized;
  // p95 falls as cores are added and tends to the service's own: double, then bisect.
  let lo = forPeak;
  let hi = forPeak * 2;
  while (!meets(hi)) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (meets(mid)) hi = mid;
    else lo = mid;
  }
  return { ...sized, cores: hi };
}

/** `sized`: sizeForSlo's answer for this load, when the caller already has it (it is not cheap). */
export function simulateStatic(
  load: ComponentLoad,
  ctx: SimulationContext,
  pinnedCores?: number,
  sized?: StaticSizing,
  /** Every step served by servePool, none by the quiet shortcut (a test's reference: the same run). */
  stepByStep = false,
): StaticRun {
  const sizing =
    pinnedCores === undefined
      ? (sized ?? sizeForSlo(load, ctx.env.static.headroom, ctx.env.decision.sloMinuteShare))
      : null;
  const cores = pinnedCores ?? (sizing as StaticSizing).cores;
  const stats = createStats(load, ctx);
  const spec = describePool(load);
  const table = findErlangTable(cores);
  const state = createPoolState();
  const out = createPoolOutcome();
  const capacity = cores * spec.mu;
  const call = createPoolCall(table);
  const { dt } = ctx;
  call.seconds = dt;
  const asyncSeries = load.async;
  for (let i = 0; i < ctx.steps; i++) {
    // The steps up to the next in which nothing arrives on a quiet pool, in one call (serveSteps: the
    // same as below, step by step, to the bit).
    if (!stepByStep) {
      i = serveRun(state, spec, call, stats, out, load.total, asyncSeries, i, ctx.steps);
      if (i >= ctx.steps) break;
    }
    const rps = load.total[i] as number;
    const asyncRps = asyncSeries === null ? 0 : (asyncSeries[i] as number);
    stats.stepDemand = rps;
    stats.stepCapacity = capacity;
    stats.beginStep(i);
    // Nothing arrives (an idle component, a quiet step): servePool's settled path, its sums alone;
    // and so for the steps after it in which nothing arrives either, taken at once (serveQuietRun:
    // the same sums).
    if (rps === 0 && asyncRps === 0 && capacity > 0 && isQuietPool(state) && !stepByStep) {
      let count = 1;
      while (
        i + count < ctx.steps &&
        (load.total[i + count] as number) === 0 &&
        (asyncSeries === null || (asyncSeries[i + count] as number) === 0)
      )
        count++;
      if (count > 1) {
        stats.stepDemand = load.total[i + count - 1] as number;
        stats.beginQuietSteps(i + 1, count - 1);
      }
      serveQuietSteps(state, cores, dt, dt, count, out);
      i += count - 1;
      continue;
    }
    call.syncRps = rps - asyncRps;
    call.asyncRps = asyncRps;
    call.now = i * dt;
    serve(state, spec, call, stats, out);
  }
  // What the queues still hold at the end leaves after it, on the same cores (serve-pool.ts).
  drainAtEnd(state, spec, cores, ctx.steps * dt, stats);
  flushOccupancy(state, spec, stats);
  return { stats, cores, sizing };
}
