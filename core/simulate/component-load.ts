/**
 * What every capacity model reads: one component's demand series and its per-request figures, the
 * step length, and the latency a request pays for crossing the data-centre/cloud link from each side.
 */
import type { Environments } from '../model/design';

export interface ComponentLoad {
  /** Requests per second arriving at each step (own workload + callers × callsPerRequest). */
  total: Float32Array;
  /** The asynchronous part of `total`, or null when nothing arrives asynchronously. */
  async: Float32Array | null;
  cpuMs: number;
  /** Wall-clock time of one request, ms. */
  durationMs: number;
  memoryMb: number;
  /** p95 target, ms; Infinity when the component has none. */
  sloMs: number;
  /** Largest value of `total`. */
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
