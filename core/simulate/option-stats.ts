/**
 * Statistics of one component under one placement, accumulated as the steps run so that memory does
 * not grow with the horizon: request counts, a request-weighted latency histogram (log-spaced bins, latency-bins.ts)
 * for the p95, SLO-violation minutes, and chart series averaged into at most `points` buckets.
 */

import { MODEL_ASSUMPTIONS } from '../model/defaults';
import { BINS, binEnd, binStart, findBin } from './latency-bins';
import { giveBack, takeFloat64, takeUint32 } from './scratch-pool';

// Bound once: under a CommonJS transform (tsx, the CLI) an imported name is a getter per call.
const binOf = findBin;

/** A step violates the SLO when more than this share of its requests is turned away. */
export const DROP_TOLERANCE = MODEL_ASSUMPTIONS.stepDropShare;

export interface ChartSeries {
  /** Requests per second arriving, mean per point. */
  demand: Float32Array;
  /** Requests per second the placement could serve, mean per point. */
  capacity: Float32Array;
  /** Mean response time of served requests, ms, request-weighted per point. */
  latencyMs: Float32Array;
  /** Requests turned away within each point (what the timeline replay marks on the canvas). */
  dropped: Float32Array;
  /** Minutes of each point whose steps missed the SLO (p95 over it, or dropping beyond the tolerance). */
  sloMinutes: Float32Array;
}

export interface OptionFigures {
  requests: number;
  served: number;
  droppedRequests: number;
  meanLatencyMs: number;
  p95LatencyMs: number;
  sloViolationMinutes: number;
}

export class OptionStats {
  private requests = 0;
  private served = 0;
  private dropped = 0;
  private latencySum = 0;
  private violationSteps = 0;
  private hist = takeFloat64(BINS);
  /** Steps by their p95 bin, and steps that dropped too much: SLO minutes under a latency offset. */
  private stepHist = takeUint32(BINS);
  /** After finish(): the non-empty step bins only (bin, count pairs), the rest released. */
  private stepBins = new Uint32Array(0);
  private figures: OptionFigures | null = null;
  private dropSteps = 0;
  /** Chart point of the current step, and the first step of the next point. */
  private point = 0;
  private nextPointAt: number;
  private sums: Float64Array;
  private weights: Float64Array;
  private readonly points: number;
  readonly series: ChartSeries;

  constructor(
    private readonly steps: number,
    private readonly stepMinutes: number,
    private readonly sloMs: number,
    points: number,
  ) {
    const n = Math.max(1, Math.min(points, steps));
    this.series = {
      demand: new Float32Array(n),
      capacity: new Float32Array(n),
      latencyMs: new Float32Array(n),
      dropped: new Float32Array(n),
      sloMinutes: new Float32Array(n),
    };
    this.points = n;
    this.sums = takeFloat64(n * 3);
    this.weights = takeFloat64(n);
    this.nextPointAt = this.pointStart(1);
  }

  /** First step of chart point p (points split the steps as evenly as integers allow). */
  private pointStart(p: number): number {
    return Math.ceil((p * this.steps) / this.points);
  }

  /** Records one step; rates in requests per second, counts in requests. */
  record(
    i: number,
    demandRps: number,
    capacityRps: number,
    arrived: number,
    served: number,
    dropped: number,
    meanMs: number,
    p95Ms: number,
  ): void {
    this.requests += arrived;
    this.served += served;
    this.dropped += dropped;
    this.latencySum += served * meanMs;
    const isDropping = dropped >= 1 && dropped > DROP_TOLERANCE * arrived;
    if (served > 0) {
      const bin = binOf(p95Ms);
      this.hist[bin] = (this.hist[bin] as number) + served;
      if (!isDropping) this.stepHist[bin] = (this.stepHist[bin] as number) + 1;
    }
    if (isDropping) this.dropSteps++;
    const isViolating = (served > 0 && p95Ms > this.sloMs) || isDropping;
    if (isViolating) this.violationSteps++;
    while (i >= this.nextPointAt) this.nextPointAt = this.pointStart(++this.point + 1);
    const p = this.point;
    // When, not only how much: the replay marks the points where requests are dropped or the SLO missed.
    if (dropped > 0) this.series.dropped[p] = (this.series.dropped[p] as number) + dropped;
    if (isViolating) this.series.sloMinutes[p] = (this.series.sloMinutes[p] as number) + this.stepMinutes;
    this.sums[3 * p] = (this.sums[3 * p] as number) + demandRps;
    this.sums[3 * p + 1] = (this.sums[3 * p + 1] as number) + capacityRps;
    this.sums[3 * p + 2] = (this.sums[3 * p + 2] as number) + served * meanMs;
    this.weights[p] = (this.weights[p] as number) + served;
  }

  /**
   * The month's figures; also completes the chart series. Afterwards the accumulators are released
   * (a large design keeps four of these per component until placement is done).
   */
  finish(): OptionFigures {
    if (this.figures) return this.figures;
    const n = this.points;
    for (let p = 0; p < n; p++) {
      const count = this.pointStart(p + 1) - this.pointStart(p) || 1;
      this.series.demand[p] = (this.sums[3 * p] as number) / count;
      this.series.capacity[p] = (this.sums[3 * p + 1] as number) / count;
      const w = this.weights[p] as number;
      this.series.latencyMs[p] = w > 0 ? (this.sums[3 * p + 2] as number) / w : 0;
    }
    this.figures = {
      requests: this.requests,
      served: this.served,
      droppedRequests: this.dropped,
      meanLatencyMs: this.served > 0 ? this.latencySum / this.served : 0,
      p95LatencyMs: this.quantile(0.95),
      sloViolationMinutes: this.violationSteps * this.stepMinutes,
    };
    const pairs: number[] = [];
    this.stepHist.forEach((count, bin) => {
      if (count > 0) pairs.push(bin, count);
    });
    this.stepBins = Uint32Array.from(pairs);
    for (const a of [this.hist, this.sums, this.weights, this.stepHist]) giveBack(a);
    this.hist = this.sums = this.weights = new Float64Array(0);
    this.stepHist = new Uint32Array(0);
    return this.figures;
  }

  /**
   * The figures had every request paid `meanOffsetMs` more on average and `p95OffsetMs` more at the
   * 95th percentile (the link latency of calls that cross). Exact for mean and p95 up to the 2 % bin
   * width; SLO minutes are counted from the steps' p95 bins.
   */
  shift(base: OptionFigures, meanOffsetMs: number, p95OffsetMs: number): OptionFigures {
    if (meanOffsetMs <= 0 && p95OffsetMs <= 0) return base;
    this.finish();
    let over = this.dropSteps;
    if (Number.isFinite(this.sloMs)) {
      const limit = this.sloMs - p95OffsetMs;
      for (let k = 0; k < this.stepBins.length; k += 2) {
        const b = this.stepBins[k] as number;
        // A bin counts when its midpoint lies over the limit.
        if ((binStart(b) + binEnd(b)) / 2 > limit) over += this.stepBins[k + 1] as number;
      }
    }
    return {
      ...base,
      meanLatencyMs: base.served > 0 ? base.meanLatencyMs + meanOffsetMs : 0,
      p95LatencyMs: base.served > 0 ? base.p95LatencyMs + p95OffsetMs : 0,
      sloViolationMinutes: Math.max(base.sloViolationMinutes, over * this.stepMinutes),
    };
  }

  /** Request-weighted quantile of the steps' p95 (upper edge of the bin, so never optimistic). */
  private quantile(q: number): number {
    if (this.served <= 0) return 0;
    const target = q * this.served;
    let acc = 0;
    for (let b = 0; b < BINS; b++) {
      acc += this.hist[b] as number;
      if (acc >= target) return binEnd(b);
    }
    return binEnd(BINS - 1);
  }
}
