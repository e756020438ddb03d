/**
 * What the per-request simulator measures: every request's response time in a fine log histogram
 * (256 bins a doubling: quantiles to 0.3 %, for any number of requests), and per minute of arrival
 * the requests that arrived, were answered, were dropped and were answered later than the SLO. A
 * minute violates the SLO when more than 5 % of its answers are late (its p95 exceeds the SLO) or it
 * drops more than the engine's tolerated share — the same definitions as the engine, counted here
 * from requests rather than from formulas.
 */
import { MODEL_ASSUMPTIONS } from '../model/defaults';
import type { OptionFigures } from '../simulate/option-stats';

const PER_DOUBLING = 256;
const LOW = -20; // 2⁻²⁰ ms
const BINS = 60 * PER_DOUBLING;

/** The same figures as the engine reports (option-stats.ts), measured instead of computed. */
export type RequestFigures = OptionFigures;

/**
 * Milliseconds a request that arrived at `arrivedAt` (seconds) waits beyond its own response for its
 * sync calls across the link, given the side that served it (`inCloud`): call-delays.ts draws them
 * call by call. Its randomness is its own, so the requests' own times are the same with or without it.
 */
export type CallDelay = (arrivedAt: number, inCloud: boolean) => number;

export class RequestRecord {
  private readonly hist = new Float64Array(BINS);
  private sum = 0;
  private served = 0;
  private requests = 0;
  private dropped = 0;
  readonly arrivedByMinute: Float64Array;
  readonly servedByMinute: Float64Array;
  readonly droppedByMinute: Float64Array;
  readonly lateByMinute: Float64Array;
  /** Response times summed per minute of arrival, ms. */
  readonly latencyByMinute: Float64Array;

  constructor(
    minutes: number,
    private readonly sloMs: number,
    /** Calls across the link, added to each answer (absent: none). */
    private readonly callDelay?: CallDelay,
    /** The side a request is served on when the simulator does not say (a burst does). */
    private readonly inCloud = false,
  ) {
    this.arrivedByMinute = new Float64Array(minutes);
    this.servedByMinute = new Float64Array(minutes);
    this.droppedByMinute = new Float64Array(minutes);
    this.lateByMinute = new Float64Array(minutes);
    this.latencyByMinute = new Float64Array(minutes);
  }

  private minute(arrivedAt: number): number {
    return Math.min(this.arrivedByMinute.length - 1, Math.floor(arrivedAt / 60));
  }

  arrive(at: number): void {
    this.requests++;
    const m = this.minute(at);
    this.arrivedByMinute[m] = (this.arrivedByMinute[m] as number) + 1;
  }

  /** A request that arrived at `at` (seconds) answered after `ms`, served in the cloud or not. */
  answer(at: number, own: number, inCloud = this.inCloud): void {
    const ms = this.callDelay ? own + this.callDelay(at, inCloud) : own;
    this.served++;
    this.sum += ms;
    const b = Math.min(BINS - 1, Math.max(0, Math.floor((Math.log2(ms) - LOW) * PER_DOUBLING)));
    this.hist[b] = (this.hist[b] as number) + 1;
    const m = this.minute(at);
    this.servedByMinute[m] = (this.servedByMinute[m] as number) + 1;
    this.latencyByMinute[m] = (this.latencyByMinute[m] as number) + ms;
    if (ms > this.sloMs) this.lateByMinute[m] = (this.lateByMinute[m] as number) + 1;
  }

  drop(at: number): void {
    this.dropped++;
    const m = this.minute(at);
    this.droppedByMinute[m] = (this.droppedByMinute[m] as number) + 1;
  }

  quantile(q: number): number {
    if (this.served === 0) return 0;
    const target = q * this.served;
    let acc = 0;
    for (let b = 0; b < BINS; b++) {
      const n = this.hist[b] as number;
      if (acc + n >= target) {
        // Within the bin, spread its requests evenly on the log scale.
        const f = n > 0 ? (target - acc) / n : 0;
        return 2 ** (LOW + (b + f) / PER_DOUBLING);
      }
      acc += n;
    }
    return 2 ** (LOW + BINS / PER_DOUBLING);
  }

  violationMinutes(): number {
    let n = 0;
    for (let m = 0; m < this.arrivedByMinute.length; m++) {
      const arrived = this.arrivedByMinute[m] as number;
      const dropped = this.droppedByMinute[m] as number;
      const served = this.servedByMinute[m] as number;
      const isDropping = dropped >= 1 && dropped > MODEL_ASSUMPTIONS.stepDropShare * arrived;
      if (isDropping || (served > 0 && (this.lateByMinute[m] as number) > 0.05 * served)) n++;
    }
    return n;
  }

  figures(): RequestFigures {
    return {
      requests: this.requests,
      served: this.served,
      droppedRequests: this.dropped,
      meanLatencyMs: this.served > 0 ? this.sum / this.served : 0,
      p50LatencyMs: this.quantile(0.5),
      p95LatencyMs: this.quantile(0.95),
      p99LatencyMs: this.quantile(0.99),
      sloViolationMinutes: this.violationMinutes(),
    };
  }
}
