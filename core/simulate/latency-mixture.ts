/**
 * The response times of all requests over the horizon, accumulated step by step in O(1): every step
 * adds its requests as pieces of response-dist.ts (no wait; an Exp(θ) wait; the same truncated at the
 * timeout; a fixed delay). Pieces are pooled in log-spaced bins of θ or δ (eight a doubling), each
 * bin keeping its weight and its weight-averaged θ or δ, so a horizon of one load level is exact and
 * a varying one is within a fraction of a percent. At the end the few hundred bins at most become
 * one ResponseDist whose quantiles are the horizon's p50, p95 and p99: the percentiles of the
 * request-weighted mixture of the steps' distributions.
 */
import { pseudoLog2 } from './latency-bins';
import { queueSpread, SPREAD_POINTS } from './wait-spread';
import { ResponseDist } from './response-dist';
import { giveBack, takeFloat64 } from './scratch-pool';

// Bound once: under a CommonJS transform (tsx, the CLI) an imported name is a getter per call.
const log2 = pseudoLog2;

const PER_DOUBLING = 8;
/** Covers 2⁻⁶⁴ … 2⁶⁴ (of ms or per ms); beyond, the end bins (their averages stay exact). */
const OFFSET = 64;
const BINS = 128 * PER_DOUBLING;

function binOf(x: number): number {
  const b = ((log2(x) + OFFSET) * PER_DOUBLING) | 0;
  return b < 0 ? 0 : b >= BINS ? BINS - 1 : b;
}

/** Points at which addUniformDelay takes a uniform delay. */
const UNIFORM_POINTS = 16;
const shares = new Float64Array(SPREAD_POINTS);
/**
 * Points of a walk's departure (addWalkDelay), each spread over the walk's eight shares: 4 × 8 where an
 * even one takes 16. At 16 × 8 the engine took 2–4× as long on bursts over many cores (H51); taking
 * one share a point (16 in all) left a minute at ρ 1.05 on 4 cores of 50 ms 15–17 % over the
 * simulator's p95, its sixteen atoms too coarse; at 4 × 8 H49's and H50's grids read as at 16 × 8
 * within 0.5 point of p95 error, for 1.1–1.7× the engine's time on those bursts (none on the canvas
 * benchmark's designs).
 */
const WALK_POINTS = 4;

export class LatencyMixture {
  /** Requests that did not wait. */
  private noWait = 0;
  /** Interleaved [weight, weight·θ] per θ bin: requests with an Exp(θ) wait. */
  private waits = takeFloat64(2 * BINS);
  /** The same for T + Exp(θ) waits (negative weights): the part of a wait cut off at the timeout. */
  private cut = takeFloat64(2 * BINS);
  /** Interleaved [weight, weight·δ] per δ bin: requests delayed by δ ms (backlog, cold start). */
  private delays = takeFloat64(2 * BINS);
  /**
   * weight·δ² per δ bin: each bin's delays leave as a shifted exponential of their mean and spread,
   * not all at their mean. (A bin is 9 % wide: with the delays at its mean, the p95 of a backlog's
   * requests stepped from bin to bin, and moving a sliver of requests across a bin's edge moved it by
   * up to 5 %.)
   */
  private delaySquares = takeFloat64(BINS);
  private used = false;

  constructor(
    /** Service rate, per ms (1 / mean duration). */
    readonly nu: number,
    /** The timeout of sync requests, ms (the delay of the cut-off pieces). */
    readonly patienceMs: number,
  ) {}

  addNoWait(weight: number): void {
    this.noWait += weight;
    this.used = true;
  }

  /** `weight` requests whose wait is Exp(theta), theta per ms. */
  addWait(weight: number, theta: number): void {
    this.put(this.waits, weight, theta);
  }

  /** `weight` (≤ 0) of patience + Exp(theta) waits. */
  addCut(weight: number, theta: number): void {
    this.put(this.cut, weight, theta);
  }

  /** `weight` requests delayed by `delayMs` before their service (no further wait). */
  addDelay(weight: number, delayMs: number): void {
    if (delayMs > 0) {
      this.put(this.delays, weight, delayMs);
      const b = binOf(delayMs);
      this.delaySquares[b] = (this.delaySquares[b] as number) + weight * delayMs * delayMs;
    } else this.noWait += weight;
  }

  /**
   * `weight` requests delayed evenly from `fromMs` to `toMs` (a backlog's departures), plus `extraMs`
   * each (a cold start): sixteen midpoints of the uniform, as four put a horizon's p95 up to a fifth
   * off inside a long backlog.
   */
  addUniformDelay(weight: number, fromMs: number, toMs: number, extraMs = 0): void {
    const piece = weight / UNIFORM_POINTS;
    for (let j = 0; j < UNIFORM_POINTS; j++)
      this.addDelay(piece, fromMs + ((toMs - fromMs) * (j + 0.5)) / UNIFORM_POINTS + extraMs);
  }

  /**
   * As addUniformDelay, for a backlog that was a walk over its rate (Departure.walkDrift): at
   * WALK_POINTS points of the range, each wait spread as the walk's queue is about its mean
   * (wait-spread.ts), none past `limitMs`.
   */
  addWalkDelay(
    weight: number,
    fromMs: number,
    toMs: number,
    drift: number,
    variance: number,
    rate: number,
    limitMs: number,
  ): void {
    const m = shares;
    // Points no further apart than the shares spread a wait: a departure whose range is wide beside
    // its walk's spread (a drain's, served much faster than it arrived) takes more, and where even
    // sixteen are further apart than that, the range is the spread: it is taken evenly. (At four, a
    // day's scale-out on VMs at 1-minute steps read its p95 25 % over the simulator's.)
    let n = WALK_POINTS;
    const middle = (fromMs + toMs) / 2;
    if (middle > 0) {
      queueSpread((middle / 1000) * rate, drift, variance, m);
      const width = middle * ((m[SPREAD_POINTS - 1] as number) - (m[0] as number));
      const range = Math.abs(toMs - fromMs);
      if (range >= UNIFORM_POINTS * width) {
        this.addUniformDelay(weight, fromMs, toMs);
        return;
      }
      if (range > n * width) n = Math.ceil(range / width);
    }
    const piece = weight / (n * SPREAD_POINTS);
    for (let j = 0; j < n; j++) {
      const wait = fromMs + ((toMs - fromMs) * (j + 0.5)) / n;
      queueSpread((wait / 1000) * rate, drift, variance, m);
      for (let i = 0; i < SPREAD_POINTS; i++) {
        const d = wait * (m[i] as number);
        this.addDelay(piece, d < limitMs ? d : limitMs);
      }
    }
  }

  /** Adds `weight` at `x` (a θ or a δ) to the bins of `a`, with its weighted value for the average. */
  private put(a: Float64Array, weight: number, x: number): void {
    const k = 2 * binOf(x);
    a[k] = (a[k] as number) + weight;
    a[k + 1] = (a[k + 1] as number) + weight * x;
    this.used = true;
  }

  /** The whole horizon as one distribution; releases the bins. */
  finish(): ResponseDist {
    // At its size: its pieces are the bins in use (a typed array grown is costly in a browser's worker).
    let pieces = 1;
    if (this.used)
      for (let k = 0; k < 2 * BINS; k += 2)
        pieces += +(this.waits[k] !== 0) + +(this.cut[k] !== 0) + +(this.delays[k] !== 0);
    const dist = new ResponseDist(pieces).reset(this.nu);
    if (this.used) {
      dist.add(this.noWait, 0, 0);
      for (let b = 0; b < BINS; b++) {
        const k = 2 * b;
        const w = this.waits[k] as number;
        if (w !== 0) dist.add(w, 0, (this.waits[k + 1] as number) / w);
        const x = this.cut[k] as number;
        if (x !== 0) dist.add(x, this.patienceMs, (this.cut[k + 1] as number) / x);
        const d = this.delays[k] as number;
        if (d !== 0) {
          const mean = (this.delays[k + 1] as number) / d;
          const spread = (this.delaySquares[b] as number) / d - mean * mean;
          const sd = spread > 1e-12 * mean * mean ? Math.sqrt(spread) : 0;
          if (sd > 0) dist.add(d, mean - sd, 1 / sd);
          else dist.add(d, mean, 0);
        }
      }
    }
    for (const a of [this.waits, this.cut, this.delays, this.delaySquares]) giveBack(a);
    this.waits = this.cut = this.delays = this.delaySquares = new Float64Array(0);
    return dist;
  }
}
