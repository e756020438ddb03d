/**
 * Statistics of one component under one placement, accumulated as the model runs so that memory does
 * not grow with the horizon: request counts, the latency distribution of all requests (a
 * LatencyMixture, for the horizon's p50/p95/p99), SLO-violation minutes, and chart series averaged
 * into at most `points` buckets. A model reports each stretch of time it serves ("part": a step, or
 * the piece of one between two events) with its length, so violation minutes do not depend on the
 * step size: a part violates when its p95 exceeds the SLO or it drops more than its share.
 */

import { MODEL_ASSUMPTIONS } from '../model/defaults';
import { binEnd, binStart, findBin } from './latency-bins';
import type { DoneCohort } from './async-cohorts';
import { LatencyMixture } from './latency-mixture';
import { FEW_PER_MINUTE, computeViolationChance } from './minute-spread';
import { giveBack, takeFloat64 } from './scratch-pool';
import { SPREAD } from './serve-pool';
import { SERVICE_P95_UNITS } from './step-quantile';

// Bound once: under a CommonJS transform (tsx, the CLI) an imported name is a getter per call.
const binOf = findBin;
const chanceOf = computeViolationChance;

/**
 * Stretches are kept for a later SLO offset by p95 bin and by how they vary minute to minute: a
 * level for the spread σ (0: none; 1–23: σ = 2^((level − 24)/2), 0.0002 … 0.7) or, for stretches of
 * few requests a minute, for their rate (24–47: 2^((level − 40)/2) requests a minute).
 */
const LEVELS = 48;
function levelOf(spread: number, perMinute: number): number {
  if (perMinute < FEW_PER_MINUTE) {
    const k = Math.round(2 * Math.log2(perMinute) + 40);
    return k < 24 ? 24 : k > 47 ? 47 : k;
  }
  if (!(spread > 0)) return 0;
  const k = Math.round(2 * Math.log2(spread) + 24);
  return k < 1 ? 1 : k > 23 ? 23 : k;
}
function spreadOf(level: number): number {
  return level === 0 || level >= 24 ? 0 : 2 ** ((level - 24) / 2);
}
function perMinuteOf(level: number): number {
  return level >= 24 ? 2 ** ((level - 40) / 2) : FEW_PER_MINUTE;
}

/** A stretch violates the SLO when more than this share of its requests is turned away. */
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
  /** Minutes of each point that missed the SLO (p95 over it, or dropping beyond the tolerance). */
  sloMinutes: Float32Array;
}

export interface OptionFigures {
  requests: number;
  /** Requests admitted and answered (or still queued at the end): the weight of every latency figure. */
  served: number;
  droppedRequests: number;
  meanLatencyMs: number;
  /** Percentiles of the response times of all requests of the horizon. */
  p50LatencyMs: number;
  p95LatencyMs: number;
  p99LatencyMs: number;
  sloViolationMinutes: number;
}

export class OptionStats {
  /** Whether parts need their p95 (the component has an SLO). */
  readonly hasSlo: boolean;
  readonly mix: LatencyMixture;
  private requests = 0;
  private served = 0;
  private dropped = 0;
  private latencySum = 0;
  private violationMinutes = 0;
  /** Minutes by p95 bin × level (see levelOf), and minutes that dropped too much: for an SLO offset. */
  private minutesByKey = new Map<number, number>();
  private dropMinutes = 0;
  private figures: OptionFigures | null = null;
  /** Chart point of the current step, and the first step of the next point. */
  private point = 0;
  private nextPointAt: number;
  private sums: Float64Array;
  private weights: Float64Array;
  private readonly points: number;
  readonly series: ChartSeries;

  constructor(
    private readonly steps: number,
    readonly sloMs: number,
    points: number,
    /** Service rate of one request, per ms, and the timeout of sync requests, ms. */
    private readonly nu: number,
    patienceMs: number,
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
    this.hasSlo = Number.isFinite(sloMs);
    this.mix = new LatencyMixture(nu, patienceMs);
  }

  /** First step of chart point p (points split the steps as evenly as integers allow). */
  private pointStart(p: number): number {
    return Math.ceil((p * this.steps) / this.points);
  }

  /** Starts step i of the chart: the demand arriving and the capacity in place, requests per second. */
  beginStep(i: number, demandRps: number, capacityRps: number): void {
    while (i >= this.nextPointAt) this.nextPointAt = this.pointStart(++this.point + 1);
    const p = 3 * this.point;
    this.sums[p] = (this.sums[p] as number) + demandRps;
    this.sums[p + 1] = (this.sums[p + 1] as number) + capacityRps;
  }

  /**
   * Records one stretch of `seconds`: requests arrived, admitted (answered or still queued: the
   * weight of the latency figures), dropped, the admitted requests' latency summed (ms), their p95 and
   * how much a minute's p95 wanders (σ of its logarithm). Its violation minutes are its minutes ×
   * the chance that a minute's p95 exceeds the SLO (minute-spread.ts), or all of them when it drops.
   */
  part(
    seconds: number,
    arrived: number,
    admitted: number,
    dropped: number,
    latencySumMs: number,
    p95Ms: number,
    spread: number,
  ): void {
    this.requests += arrived;
    this.served += admitted;
    this.dropped += dropped;
    this.latencySum += latencySumMs;
    const p = this.point;
    this.sums[3 * p + 2] = (this.sums[3 * p + 2] as number) + latencySumMs;
    this.weights[p] = (this.weights[p] as number) + admitted;
    const minutes = seconds / 60;
    const isDropping = dropped > DROP_TOLERANCE * arrived && dropped >= minutes;
    // When, not only how much: the replay marks the points where requests are dropped or the SLO missed.
    if (dropped > 0) this.series.dropped[p] = (this.series.dropped[p] as number) + dropped;
    let over = 0;
    if (isDropping) {
      this.dropMinutes += minutes;
      over = minutes;
    } else if (this.hasSlo && admitted > 0) {
      const perMinute = admitted / minutes;
      const key = binOf(p95Ms) * LEVELS + levelOf(spread, perMinute);
      this.minutesByKey.set(key, (this.minutesByKey.get(key) ?? 0) + minutes);
      over = minutes * chanceOf(p95Ms, spread, perMinute, this.nu, this.sloMs);
    }
    this.violationMinutes += over;
    if (over > 0) this.series.sloMinutes[p] = (this.series.sloMinutes[p] as number) + over;
  }

  /**
   * Messages of a backlog answered now (async-cohorts.ts): their waits run evenly from the first's to
   * the last's; their SLO minutes are those of their arrival, weighted as the cohort says.
   */
  answered(cohort: DoneCohort): void {
    const n = cohort.count;
    const service = 1 / this.nu;
    const each = n / SPREAD.length;
    const minutes = cohort.minutes / SPREAD.length;
    const perMinute = cohort.minutes > 0 ? n / cohort.minutes : Number.POSITIVE_INFINITY;
    for (const s of SPREAD) {
      const delay = 1000 * (cohort.firstWait + (cohort.lastWait - cohort.firstWait) * s);
      this.mix.addDelay(each, delay);
      if (this.hasSlo && minutes > 0) {
        const p95 = delay + SERVICE_P95_UNITS * service;
        const key = binOf(p95) * LEVELS + levelOf(0, perMinute);
        this.minutesByKey.set(key, (this.minutesByKey.get(key) ?? 0) + minutes);
        const over = minutes * chanceOf(p95, 0, perMinute, this.nu, this.sloMs);
        this.violationMinutes += over;
        if (over > 0) this.series.sloMinutes[this.point] = (this.series.sloMinutes[this.point] as number) + over;
      }
    }
    const latency = n * (service + 500 * (cohort.firstWait + cohort.lastWait));
    this.served += n;
    this.latencySum += latency;
    const p = this.point;
    this.sums[3 * p + 2] = (this.sums[3 * p + 2] as number) + latency;
    this.weights[p] = (this.weights[p] as number) + n;
  }

  /**
   * The horizon's figures; also completes the chart series. Afterwards the accumulators are released
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
    const dist = this.mix.finish();
    const isServed = this.served > 0 && dist.total() > 0;
    this.figures = {
      requests: this.requests,
      served: this.served,
      droppedRequests: this.dropped,
      meanLatencyMs: this.served > 0 ? this.latencySum / this.served : 0,
      p50LatencyMs: isServed ? dist.quantile(0.5) : 0,
      p95LatencyMs: isServed ? dist.quantile(0.95) : 0,
      p99LatencyMs: isServed ? dist.quantile(0.99) : 0,
      sloViolationMinutes: this.violationMinutes,
    };
    for (const a of [this.sums, this.weights]) giveBack(a);
    this.sums = this.weights = new Float64Array(0);
    return this.figures;
  }

  /**
   * The figures had every request paid `meanOffsetMs` more on average and `tailOffsetMs` more at its
   * percentiles (the link latency of calls that cross). Percentiles shift exactly; SLO minutes are
   * counted again from the stretches' p95 bins (each at most 1.1 % wide) and spread levels.
   */
  shift(base: OptionFigures, meanOffsetMs: number, tailOffsetMs: number): OptionFigures {
    if (meanOffsetMs <= 0 && tailOffsetMs <= 0) return base;
    this.finish();
    let over = this.dropMinutes;
    if (this.hasSlo) {
      const limit = this.sloMs - tailOffsetMs;
      for (const [key, minutes] of this.minutesByKey) {
        const b = Math.floor(key / LEVELS);
        const level = key - b * LEVELS;
        // A bin stands for its midpoint.
        const p95 = (binStart(b) + binEnd(b)) / 2;
        over += minutes * chanceOf(p95, spreadOf(level), perMinuteOf(level), this.nu, limit);
      }
    }
    const has = base.served > 0;
    return {
      ...base,
      meanLatencyMs: has ? base.meanLatencyMs + meanOffsetMs : 0,
      p50LatencyMs: has ? base.p50LatencyMs + tailOffsetMs : 0,
      p95LatencyMs: has ? base.p95LatencyMs + tailOffsetMs : 0,
      p99LatencyMs: has ? base.p99LatencyMs + tailOffsetMs : 0,
      sloViolationMinutes: Math.max(base.sloViolationMinutes, over),
    };
  }

  /**
   * The largest latency offset (ms) under which the SLO-violation minutes stay within
   * `allowedMinutes` — what a caller's link latency may add before its SLO is missed — found by
   * bisection on shift(), whose minutes grow with the offset; Infinity when no offset can push it
   * over (no SLO), −1 when the minutes are over already.
   */
  largestShift(allowedMinutes: number): number {
    const base = this.finish();
    if (base.sloViolationMinutes > allowedMinutes) return -1;
    if (!this.hasSlo) return Infinity;
    const fits = (offset: number) => this.shift(base, 0, offset).sloViolationMinutes <= allowedMinutes;
    let hi = this.sloMs + 1;
    if (fits(hi)) return Infinity;
    let lo = 0;
    // To a hundredth of a millisecond: link latencies are whole milliseconds times calls per request.
    while (hi - lo > 0.01) {
      const mid = (lo + hi) / 2;
      if (fits(mid)) lo = mid;
      else hi = mid;
    }
    return lo;
  }
}
