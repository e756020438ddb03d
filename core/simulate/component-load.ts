/**
 * What every capacity model reads: one component's demand series and its per-request figures, the
 * step length, and the latency a request pays for crossing the data-centre/cloud link from each side.
 */
import type { Environments } from '../model/design';
import { OptionStats } from './option-stats';
import type { PoolSpec } from './serve-pool';

export interface ComponentLoad {
  /** Requests per second arriving at each step (own workload + callers × callsPerRequest). */
  total: Float32Array;
  /** The asynchronous part of `total`, or null when nothing arrives asynchronously. */
  async: Float32Array | null;
  cpuMs: number;
  /** Wall-clock time of one request on a server, ms. */
  durationMs: number;
  /** Wall-clock time of one function invocation at `memoryMb`, ms (CPU follows memory). */
  functionDurationMs: number;
  memoryMb: number;
  /** How long a sync request waits before it fails, ms. */
  timeoutMs: number;
  /** p95 target, ms; Infinity when the component has none. */
  sloMs: number;
  /** Largest value of `total`. */
  peakRps: number;
  /**
   * Peaks known in advance (a once-in-a-lifetime event of its own or of a caller): capacity for
   * them is planned, not discovered by the autoscaler. Absent or empty: every peak is a surprise.
   */
  planned?: readonly PlannedPeak[] | undefined;
}

/**
 * A peak whose time is known in advance — a launch, a ticket sale ("once-in-a-lifetime ... often
 * known in advance; provisioning can be planned", ../shared/reference/placement-rules.md [CCP]) —
 * in seconds from the start of the horizon, with this component's largest demand inside it.
 */
export interface PlannedPeak {
  startSeconds: number;
  endSeconds: number;
  peakRps: number;
}

export interface SimulationContext {
  steps: number;
  stepMinutes: number;
  /** Step length, seconds. */
  dt: number;
  env: Environments;
  /** Points per chart series. */
  points: number;
}

/** Added latency per request (ms) from sync calls that cross the link, when served on each side. */
export interface LinkLatency {
  inDataCentre: number;
  inCloud: number;
}

/** Service rate of one core, requests per second (spec: 1000 / cpuMs). */
export function computeServiceRate(load: ComponentLoad): number {
  return 1000 / load.cpuMs;
}

/** The pool figures of a component on servers: service rate per core, duration, timeout. */
export function describePool(load: ComponentLoad): PoolSpec {
  return { mu: 1000 / load.cpuMs, durationMs: load.durationMs, nu: 1 / load.durationMs, patienceMs: load.timeoutMs };
}

/**
 * Where a run that only has to be found wanting may stop (a tuned autoscaler tried and dropped when it
 * falls short, run-placement.ts): once its SLO-violation minutes or its drops so far are over these.
 */
export interface GiveUp {
  minutes: number;
  dropped: number;
}

/**
 * The GiveUp of a tolerance: over `minutes` SLO minutes, or drops over `dropShare` of every request
 * the horizon brings. The requests a run counts are its arrivals, Σ rate × step: taken a millionth
 * over that sum so that the bound stays above the run's own count whatever the order of its sums.
 */
export function giveUpBeyond(load: ComponentLoad, ctx: SimulationContext, minutes: number, dropShare: number): GiveUp {
  let arrivals = 0;
  for (let i = 0; i < ctx.steps; i++) arrivals += load.total[i] as number;
  return { minutes, dropped: dropShare * Math.max(1, arrivals * ctx.dt * (1 + 1e-6)) };
}

/** Statistics for one option of this component, its latency measured against service rate `nu`. */
export function createStats(load: ComponentLoad, ctx: SimulationContext, nu = 1 / load.durationMs): OptionStats {
  return new OptionStats(ctx.steps, load.sloMs, ctx.points, nu, load.timeoutMs);
}
