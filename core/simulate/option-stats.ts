/**
 * Statistics of one component under one placement, accumulated as the model runs so that memory does
 * not grow with the horizon: request counts, the latency distribution of all requests (a
 * LatencyMixture, for the horizon's p50/p95/p99), SLO-violation minutes, and chart series averaged
 * into at most `points` buckets. A model reports each stretch of time it serves ("part": a step, or
 * the piece of one between two events) with its length, so violation minutes do not depend on the
 * step size: a part violates when its p95 exceeds the SLO or it drops more than its share.
 */

import { MODEL_ASSUMPTIONS } from '../model/defaults';
import { BINS, binEnd, binStart, findBin, pseudoLog2 } from './latency-bins';
import type { Departure } from './backlog';
import type { GiveUp } from './component-load';
import { type Part, type PartSink, createPart } from './serve-pool';
import type { CloudSteps } from './cloud-steps';
import { LatencyMixture } from './latency-mixture';
import { queueSpread, SPREAD_POINTS } from './wait-spread';
import { type DelayPart, ResponseDist } from './response-dist';
import {
  FEW_PER_MINUTE,
  computeMinuteP95,
  computeViolationChance,
  overdispersedAtLeast,
  poissonAtLeast,
  underdispersedAtLeast,
} from './minute-spread';
import { giveBack, takeFloat64 } from './scratch-pool';
import { SERVICE_P95_UNITS } from './step-quantile';

// Bound once: under a CommonJS transform (tsx, the CLI) an imported name is a getter per call.
const binOf = findBin;
const log2 = pseudoLog2;
const chanceOf = computeViolationChance;

/** A backlog departure's SLO minutes are counted at these quantile midpoints of its waits (a uniform, four points). */
const SPREAD = [0.125, 0.375, 0.625, 0.875] as const;
/** The walk's shares at a point of a departure (wait-spread.ts), reused. */
const walkShares = new Float64Array(SPREAD_POINTS);

/**
 * Stretches are kept for a later SLO offset by p95 bin (32 a doubling: two latency bins) and by how
 * they vary minute to minute: a level for the spread s (minute-spread.ts; 0: none; 1–15: s =
 * 2^((level − 12)/2), 0.02 … 2.8) or, for stretches of few requests a minute, for their rate (16–31: 2^(level − 26)
 * requests a minute, 0.001 … 32).
 */
const LEVELS = 32;
const KEYS = (BINS / 2) * LEVELS;
function levelOf(spread: number, perMinute: number): number {
  // The logarithm from the float's bits (latency-bins.ts): a level is a bucket, not a measurement.
  if (perMinute < FEW_PER_MINUTE) {
    const k = Math.round(log2(perMinute) + 26);
    return k < 16 ? 16 : k > 31 ? 31 : k;
  }
  if (!(spread > 0)) return 0;
  const k = Math.round(2 * log2(spread) + 12);
  return k < 1 ? 1 : k > 15 ? 15 : k;
}

/**
 * The share of a settled stretch's requests later than `limit` (ms), from three points of its
 * response times' survival: all of them later than 0, 5 % than its `p95`, e^lnAtSlo than the SLO —
 * straight on the survival's logarithm between the two nearest (beyond the last, on from it). NaN
 * where the points disagree (rounding puts the SLO's share on the wrong side of 5 %): the caller
 * reads the exponential through the first two then.
 *
 * A queue's waits make that logarithm convex (a mixture of exponentials), so the straight line from
 * 0 through the p95 alone, which shift() read before, overstated the share late below the SLO and
 * understated it above: the ERP service of examples/hybrid-backend.json on VMs, its four calls to
 * the database across the link (80 ms), counted 231 SLO-violation minutes in 7 days where its own
 * run at an SLO 80 ms lower counts 216 and the per-request simulator 200.5 (eight seeds).
 */
export function lateBetween(p95: number, sloMs: number, lnAtSlo: number, limit: number): number {
  const ln5 = -Math.log(20);
  if (!(p95 > 0) || !(sloMs > 0) || Math.abs(sloMs - p95) < 1e-9 * p95) return Number.NaN;
  if (sloMs > p95 ? !(lnAtSlo < ln5) : !(lnAtSlo > ln5)) return Number.NaN;
  // The three points in order: (0, 0), then the nearer of the p95 and the SLO, then the other.
  const x1 = Math.min(p95, sloMs);
  const y1 = sloMs > p95 ? ln5 : lnAtSlo;
  const x2 = Math.max(p95, sloMs);
  const y2 = sloMs > p95 ? lnAtSlo : ln5;
  const y = limit <= x1 ? (y1 * limit) / x1 : y1 + ((y2 - y1) * (limit - x1)) / (x2 - x1);
  return y >= 0 ? 1 : Math.exp(y);
}

/** A stretch violates the SLO when more than this share of its requests is turned away. */
export const DROP_TOLERANCE = MODEL_ASSUMPTIONS.stepDropShare;

/**
 * The chance that a minute drops more than DROP_TOLERANCE of its `arrivedPerMinute` requests (and at
 * least one) when it drops `droppedPerMinute` on average: bunched, its count negative binomial with
 * variance ÷ mean `clump`; evened out (clump below 1: binomial, underdispersedAtLeast); else (clump 1,
 * 0 or NaN) Poisson, each drop on its own. (Taken as
 * all or none, a pool that drops one request in 13 minutes — a fleet scaled in to zero under a
 * sporadic load — had no minute over its target where each such drop is one.)
 */
export function dropShareOf(droppedPerMinute: number, arrivedPerMinute: number, clump: number): number {
  const over = Math.floor(DROP_TOLERANCE * arrivedPerMinute) + 1;
  if (clump > 1) return overdispersedAtLeast(over, droppedPerMinute, clump);
  return clump > 0 && clump < 1
    ? underdispersedAtLeast(over, droppedPerMinute, clump)
    : poissonAtLeast(over, droppedPerMinute);
}

export interface ChartSeries {
  /** Requests per second arriving, mean per point. */
  demand: Float32Array;
  /** Requests per second the placement could serve, mean per point. */
  capacity: Float32Array;
  /** Mean response time of served requests, ms, request-weighted per point. */
  latencyMs: Float32Array;
  /** Requests turned away within each point (what the timeline replay marks on the canvas). */
  dropped: Float32Array;
  /**
   * Minutes of each point that missed the SLO (p95 over it, or dropping beyond the tolerance). A
   * pool's settled stretches, recorded at the end (isFlushing), drop nothing and are not charted here.
   */
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

/** Per-key arrays (minutes, requests, skew, late share, tail) of finished stats, all 0, for the next to take. */
const keyArrays: [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array][] = [];
/**
 * Numbers a kept key holds in minuteKeys: the key, its minutes, requests a minute, skew, the share
 * of its requests late at the SLO and the part of it late at any limit below (NaN, 0: not known), its
 * spread (the mean of its minutes', not its level's) and the log of a settled stretch's stationary
 * share late at the SLO (Part.tailLate; NaN: not known).
 */
const KEPT = 8;
const MAX_KEY_ARRAYS = 16;

/** Limits whose shifted minutes an OptionStats keeps (a run's neighbours give a handful). */
const SHIFTS_KEPT = 64;
/** missChanceAt's answers kept at most (a month of routed steps gives a few hundred loads). */
const LOAD_CHANCES_KEPT = 4096;
/**
 * missChanceAt reads the minutes kept within this much of a step's load (log2 of 1.05: ±5 %): a
 * static pool's p95 moves with its load, steeply near saturation, and a step's own minutes sit in
 * keys whose mean load is within a few per cent of its own.
 */
const LOAD_BAND = Math.log2(1.05);

/** The first index of ascending `a` whose value is above `v` (or, `orAt`, at least `v`); a.length if none. */
function firstAbove(a: Float64Array, v: number, orAt = false): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = a[mid] as number;
    if (x > v || (orAt && x === v)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** bracketShift's counts at most, and the width it stops at (ms). */
const SHIFT_PROBES = 10;
const SHIFT_BRACKET_MS = 0.01;

/**
 * The empty arrays a stats object holds where it has none (before its per-key arrays are taken, a
 * collector's sums, what finish() released): one, shared, since nothing can be written to it.
 * Allocating typed arrays one by one is dear in a browser: in Chromium's Web Worker, 5,300 of them
 * (800 components' series) took 83–420 ms against 7–157 ms for one buffer per component's five
 * (scratch probe, load average ~7, H24 2026-12-06), and an edit's OptionStats constructors were
 * 13 % of the plan's second thread (CPU profile of the 50-component bench edit).
 */
const NONE = new Float64Array(0);
/** quantilesDelayedBy's delayed distribution: read for three quantiles and dropped, so one serves every reading. */
const delayedScratch = new ResponseDist(256);

export class OptionStats implements PartSink {
  /** The stretch a model is reporting: filled in, then `commit()`. */
  readonly partIn: Part = createPart();
  /** Whether parts need their p95 (the component has an SLO). */
  readonly hasSlo: boolean;
  readonly mix: LatencyMixture;
  /**
   * A burst's cloud side's own response times (its cloud pool's collector writes here, the base's to
   * `mix`), so that each side's requests take their own calls across the link (quantilesDelayedBy).
   * Null for a run of one side.
   */
  private cloudMix: LatencyMixture | null = null;
  /** A burst's: the steps its manager sent requests to the cloud (cloud-steps.ts); null for other runs. */
  cloudSteps: CloudSteps | null = null;
  private requests = 0;
  private served = 0;
  private dropped = 0;
  private latencySum = 0;
  private violationMinutes = 0;
  /**
   * Minutes and requests by p95 bin × level (see levelOf), and minutes that dropped too much: for an
   * SLO offset (a minute's chance depends on how many requests it holds, minute-spread.ts).
   */
  private minutesByKey: Float64Array = NONE;
  private requestsByKey: Float64Array = NONE;
  /** Per key: minutes whose skew is known, and their skew × minutes. */
  private skewByKey: Float64Array = NONE;
  /**
   * Per key: minutes whose late share is known (Part.late), their late share × minutes, and their
   * Part.lateFixed × minutes. Made when a part first knows it (functions): a pool's runs have none.
   */
  private lateByKey: Float64Array = NONE;
  /**
   * Per key: spread × minutes, minutes whose stationary share late at the SLO is known (Part.tailLate),
   * and its log × those minutes. A level's spreads are up to a fifth apart, and a pool's stretches at
   * one level sit at much the same spread: read at the level's own, the VM fleet of
   * examples/hybrid-backend.json's ERP service counted its SLO minutes again 9 % under what each
   * stretch's own spread gives.
   */
  private tailByKey: Float64Array = NONE;
  /** Keys `keep` found at 0 minutes (each key at least once, in no order; some twice). */
  private touched: number[] = [];
  /** After finish(): the non-empty keys only (KEPT numbers each), the rest released. */
  private minuteKeys: Float64Array = NONE;
  private dropMinutes = 0;
  /**
   * The minute late backlog requests arrived in last (see followLate; -1: none yet): their arrival
   * seconds in it, their longest wait beyond the late limit (s), their class's share of its requests,
   * and requests a minute.
   */
  private lateMinute = -1;
  private lateSeconds = 0.5;
  private lateMax = 0.5;
  private lateShare = 0.5;
  private latePerMinute = 0.5;
  /**
   * The chance that the rest of that minute is over anyway: that of the first part committed after
   * its late requests (the stretch after the backlog caught up; NaN until one is).
   */
  private restChance = Number.NaN;
  /**
   * Whether minutes are left as counted (a burst's two pools, or messages carrying their sync
   * requests' minutes: the rest of such a minute is counted by the other pool or class).
   */
  private isWholeOff = false;
  private figures: OptionFigures | null = null;
  /** The horizon's response-time distribution, once finished: shiftParts delays it in parts. */
  private horizon: ResponseDist | null = null;
  /** A burst's sides' distributions, once finished (`horizon` is both): null for a run of one side. */
  private sides: { base: ResponseDist; cloud: ResponseDist } | null = null;
  /** shiftParts' p50, p95 and p99 by the parts' shares and delays: fixed once finished. */
  private readonly delayedQuantiles = new Map<string, readonly [number, number, number]>();
  /** missChanceAt's keys by load, made when first asked (a few hundred keys at most). */
  private loadIndex: { logs: Float64Array; order: Int32Array } | null = null;
  /** missChanceAt by load and limit: fixed once finished, asked again by every plan of a kept run. */
  private readonly loadChances = new Map<string, number>();
  /** largestShift() by allowance: the figures are fixed once finished. */
  private readonly largestShifts = new Map<number, number>();
  /** largestSideDelay() by allowance, cloud share and side: fixed once finished. */
  private readonly sideDelays = new Map<string, number>();
  /**
   * shift()'s SLO minutes (beyond the drop minutes) by the limit they were counted against: the
   * figures are fixed once finished, and every joint choice asks a kept run (core/plan/run-memo.ts)
   * again at the few offsets its neighbours' placements give. Counting them again was a sixth of a
   * 500-component design's decision (CPU profile of leaf edits, 2026-12-04). At most SHIFTS_KEPT; the
   * drop minutes included, so the sum is the one shift() made before, to the bit.
   */
  private readonly shiftedMinutes = new Map<number, number>();
  /**
   * The run's own SLO minutes less what countShifted's recount reads at the SLO itself (NaN: not yet
   * known), and the most it may read: a shifted count starts from the run's own (see countShifted).
   */
  private lift = Number.NaN;
  private shiftCap = 0;
  /** The kept minutes, over which missChanceAt spreads `lift` evenly. */
  private keptMinutes = 0;
  /** Chart point of the current step, and the first step of the next point. */
  private point = 0;
  private nextPointAt: number;
  private sums: Float64Array;
  private weights: Float64Array;
  private readonly points: number;
  readonly series: ChartSeries;

  /**
   * A collector (see `collectorFor`) sums its parts here instead of recording them: one of a
   * burst's two pools, whose parts become one record per stretch of time.
   */
  private readonly parent: OptionStats | null;
  segment = { seconds: 0, arrived: 0, admitted: 0, dropped: 0, latency: 0, p95: 0, spread: 0, skew: Number.NaN };

  constructor(
    private readonly steps: number,
    readonly sloMs: number,
    points: number,
    /** Service rate of one request, per ms, and the timeout of sync requests, ms. */
    private readonly nu: number,
    patienceMs: number,
    parent: OptionStats | null = null,
    /** A collector of a burst's cloud pool: its response times kept apart from the base's. */
    cloudSide = false,
  ) {
    const n = Math.max(1, Math.min(points, steps));
    // The five series in one buffer: one allocation, not five (see NONE).
    const all = new Float32Array(5 * n);
    this.series = {
      demand: all.subarray(0, n),
      capacity: all.subarray(n, 2 * n),
      latencyMs: all.subarray(2 * n, 3 * n),
      dropped: all.subarray(3 * n, 4 * n),
      sloMinutes: all.subarray(4 * n, 5 * n),
    };
    this.points = n;
    this.sums = parent ? NONE : takeFloat64(n * 3);
    this.weights = parent ? NONE : takeFloat64(n);
    this.nextPointAt = this.pointStart(1);
    this.hasSlo = Number.isFinite(sloMs);
    this.mix = parent ? (cloudSide ? parent.cloudSideMix() : parent.mix) : new LatencyMixture(nu, patienceMs);
    this.parent = parent;
  }

  /**
   * Stats that sum a pool's parts for `parent` (same class, so a pool's calls stay monomorphic); a
   * burst's cloud pool's (`cloudSide`) keep their response times apart (quantilesDelayedBy).
   */
  static collectorFor(parent: OptionStats, cloudSide = false): OptionStats {
    // Two pools share each minute: the rest of a minute one's backlog is late in is the other's too.
    parent.isWholeOff = true;
    return new OptionStats(1, parent.sloMs, 1, parent.nu, parent.mix.patienceMs, parent, cloudSide);
  }
  private cloudSideMix(): LatencyMixture {
    this.cloudMix ??= new LatencyMixture(this.nu, this.mix.patienceMs);
    return this.cloudMix;
  }

  /** Empties a collector's segment. */
  clearSegment(): void {
    const g = this.segment;
    g.seconds = g.arrived = g.admitted = g.dropped = g.latency = g.p95 = g.spread = 0;
    g.skew = Number.NaN;
  }

  /** First step of chart point p (points split the steps as evenly as integers allow). */
  private pointStart(p: number): number {
    return Math.ceil((p * this.steps) / this.points);
  }

  /** The demand arriving in the step `beginStep` starts, and the capacity in place, requests per second. */
  stepDemand = 0.5;
  stepCapacity = 0.5;

  /**
   * While true, committed parts are not charted: a pool's settled stretches are recorded at the end
   * (serve-pool.ts: Occupancy), their chart latency having been added step by step (`chartLatency`).
   */
  isFlushing = false;
  /** Whether a pool may defer its settled stretches to the end (not a collector's parts). */
  get canDefer(): boolean {
    return this.parent === null;
  }

  /** Adds a step's latency (ms summed over `admitted` requests) to the chart, outside any part. */
  chartLatency(latencySumMs: number, admitted: number): void {
    const p = this.point;
    this.sums[3 * p + 2] = (this.sums[3 * p + 2] as number) + latencySumMs;
    this.weights[p] = (this.weights[p] as number) + admitted;
  }

  /** Starts step i of the chart with `stepDemand` and `stepCapacity` (fields: nothing boxed per call). */
  beginStep(i: number): void {
    if (i >= this.nextPointAt) this.advanceTo(i);
    const p = 3 * this.point;
    this.sums[p] = (this.sums[p] as number) + this.stepDemand;
    this.sums[p + 1] = (this.sums[p + 1] as number) + this.stepCapacity;
  }

  /**
   * beginStep with the demand and capacity passed, for a loop that inlines it (serveSteps: its
   * numbers stay unboxed there, and the two fields go unwritten).
   */
  beginStepOf(i: number, demand: number, capacity: number): void {
    if (i >= this.nextPointAt) this.advanceTo(i);
    const p = 3 * this.point;
    this.sums[p] = (this.sums[p] as number) + demand;
    this.sums[p + 1] = (this.sums[p + 1] as number) + capacity;
  }

  /**
   * beginStep for the `count` steps from step `from` on in which nothing arrives (a stepDemand of 0
   * adds nothing: the demand sums are never −0), at `stepCapacity`: the same additions in the same
   * order, a chart point's in a local.
   */
  beginQuietSteps(from: number, count: number): void {
    const capacity = this.stepCapacity;
    const end = from + count;
    let k = from;
    while (k < end) {
      if (k >= this.nextPointAt) this.advanceTo(k);
      const stop = this.nextPointAt < end ? this.nextPointAt : end;
      const j = 3 * this.point + 1;
      let sum = this.sums[j] as number;
      for (; k < stop; k++) sum += capacity;
      this.sums[j] = sum;
    }
  }

  /**
   * For a step loop that keeps the chart's sums of its point in locals (simulateServerless: a step's
   * beginStep and chartLatency were two field stores and four sums in memory): moves to step i's
   * point as beginStep does and returns the first step of the next point. The point's sums are
   * `chartSums[3 · chartPoint + 0, 1, 2]` (demand, capacity, latency × requests) and
   * `chartWeights[chartPoint]` (requests): read them at a point's first step, add to them as
   * beginStep and chartLatency would, and store them back before commit() and at the point's end.
   */
  chartTo(i: number): number {
    if (i >= this.nextPointAt) this.advanceTo(i);
    return this.nextPointAt;
  }

  get chartPoint(): number {
    return this.point;
  }

  get chartSums(): Float64Array {
    return this.sums;
  }

  get chartWeights(): Float64Array {
    return this.weights;
  }

  /**
   * Whether the figures finish() will give are already over `limit` (GiveUp, component-load.ts): SLO
   * minutes and drops are sums of non-negative terms, so what is counted so far is a floor of them.
   */
  isOver(limit: Readonly<GiveUp>): boolean {
    return this.violationMinutes > limit.minutes || this.dropped > limit.dropped;
  }

  /** Moves to the chart point of step i (out of line: once a point, and step loops inline beginStep). */
  private advanceTo(i: number): void {
    while (i >= this.nextPointAt) this.nextPointAt = this.pointStart(++this.point + 1);
  }

  /**
   * Records the stretch in `partIn` (serve-pool.ts: Part). Its violation minutes are its minutes × the
   * chance that a minute's p95 exceeds the SLO (minute-spread.ts), or all of them when it drops.
   */
  commit(): void {
    const q = this.partIn;
    if (this.parent) {
      const g = this.segment;
      // A part whose minutes the queued messages carry (Part.deferred) reports no seconds to the
      // segment: the messages count them whole when they leave (left, through the parent), and the
      // segment counting them again read 1,442 minutes in a 1,440-minute day (a burst's base
      // carrying its sync requests' minutes behind a backlog, H40's fuzzer).
      if (!q.deferred) g.seconds += q.seconds;
      q.deferred = false;
      q.clump = Number.NaN;
      q.tailLate = Number.NaN;
      g.arrived += q.arrived;
      g.admitted += q.admitted;
      g.dropped += q.dropped;
      g.latency += q.latency;
      if (q.admitted > 0 && q.p95 > g.p95) {
        g.p95 = q.p95;
        g.spread = q.spread;
        g.skew = q.skew;
      }
      return;
    }
    const seconds = q.seconds;
    const arrived = q.arrived;
    const admitted = q.admitted;
    const dropped = q.dropped;
    const latencySumMs = q.latency;
    const p95Ms = q.p95;
    const spread = q.spread;
    const skew = q.skew;
    const lateShare = q.late;
    const lateFixed = q.lateFixed;
    const tailLate = q.tailLate;
    const knownChance = q.chance;
    const isDeferred = q.deferred;
    const clump = q.clump;
    q.deferred = false;
    q.clump = Number.NaN;
    q.lateFixed = Number.NaN;
    q.tailLate = Number.NaN;
    this.requests += arrived;
    this.served += admitted;
    this.dropped += dropped;
    this.latencySum += latencySumMs;
    if (!this.isFlushing) {
      const p = this.point;
      this.sums[3 * p + 2] = (this.sums[3 * p + 2] as number) + latencySumMs;
      this.weights[p] = (this.weights[p] as number) + admitted;
    }
    const minutes = seconds / 60;
    // The share of its minutes that drop more than the tolerance (and at least one request): all or
    // none when drops are spread evenly; when they bunch (clump), a minute's count is negative
    // binomial with that variance ÷ mean, and most minutes of a queue that drops a few a minute
    // drop none (1 core at ρ 0.97, 5 s timeout: 69 minutes of 240 drop in the per-request
    // simulator, where every minute did here).
    // A part whose minutes the queued messages carry (deferred) counts none of them here, not even
    // those that drop: the messages count the stretch's minutes whole when they leave (left), each
    // once, and its drop minutes added here too read 1,491 minutes in a 1,440-minute day (H40's
    // fuzzer). Its sync requests wait behind the backlog with every core busy, their p95 in the
    // minute's that the messages carry (Departure.mateP95).
    const dropping =
      dropped > 0 && minutes > 0 && !isDeferred ? dropShareOf(dropped / minutes, arrived / minutes, clump) : 0;
    let over = 0;
    if (dropping > 0) {
      this.dropMinutes += minutes * dropping;
      over = minutes * dropping;
    }
    if (dropping < 1 && this.hasSlo && admitted > 0 && minutes > 0 && !isDeferred) {
      // The minutes that do not drop (taken as independent of those that do).
      const rest = 1 - dropping;
      const perMinute = admitted / minutes;
      this.keep(
        p95Ms,
        levelOf(spread, perMinute),
        minutes * rest,
        admitted * rest,
        skew,
        lateShare,
        lateFixed,
        spread,
        tailLate,
      );
      const chance =
        knownChance >= 0 ? knownChance : chanceOf(p95Ms, spread, perMinute, this.nu, this.sloMs, lateShare, skew);
      over += minutes * rest * chance;
    }
    this.violationMinutes += over;
    if (!this.isFlushing) this.chartTrouble(dropped, over);
    if (this.lateMinute >= 0 && !(this.restChance >= 0) && minutes > 0 && !isDeferred) this.restChance = over / minutes;
  }

  /** When, not only how much: the replay marks the points where requests are dropped or the SLO missed. */
  private chartTrouble(dropped: number, overMinutes: number): void {
    const p = this.point;
    if (dropped > 0) this.series.dropped[p] = (this.series.dropped[p] as number) + dropped;
    if (overMinutes > 0) this.series.sloMinutes[p] = (this.series.sloMinutes[p] as number) + overMinutes;
  }

  /** A minute's p95 whose requests waited `delayMs` (with the other class's, Departure.mate). */
  private minuteP95(delayMs: number, service: number, d: Readonly<Departure>): number {
    return d.mate > 0 ? computeMinuteP95(delayMs, service, d.mate, d.mateP95) : delayMs + SERVICE_P95_UNITS * service;
  }

  /**
   * Keeps `minutes` of parts with this p95 and level, and their `requests`, for a later SLO offset;
   * and their skew (minute-spread.ts) and late share at the SLO (Part.late, Part.lateFixed), each as
   * the mean over the minutes that know it.
   */
  private keep(
    p95Ms: number,
    level: number,
    minutes: number,
    requests: number,
    skew: number,
    late = Number.NaN,
    lateFixed = Number.NaN,
    spread = 0,
    tailLate = Number.NaN,
  ): void {
    if (this.minutesByKey.length === 0) this.takeKeyArrays();
    const key = (binOf(p95Ms) >> 1) * LEVELS + level;
    if ((this.minutesByKey[key] as number) === 0) this.touched.push(key);
    this.minutesByKey[key] = (this.minutesByKey[key] as number) + minutes;
    this.requestsByKey[key] = (this.requestsByKey[key] as number) + requests;
    const t = this.tailByKey;
    if (spread > 0) t[3 * key] = (t[3 * key] as number) + minutes * spread;
    if (tailLate >= 0) {
      t[3 * key + 1] = (t[3 * key + 1] as number) + minutes;
      t[3 * key + 2] = (t[3 * key + 2] as number) + minutes * Math.log(Math.max(tailLate, Number.MIN_VALUE));
    }
    if (skew > 0) {
      this.skewByKey[2 * key] = (this.skewByKey[2 * key] as number) + minutes;
      this.skewByKey[2 * key + 1] = (this.skewByKey[2 * key + 1] as number) + minutes * skew;
    }
    if (late >= 0) {
      if (this.lateByKey.length === 0) this.lateByKey = new Float64Array(3 * KEYS);
      const l = this.lateByKey;
      l[3 * key] = (l[3 * key] as number) + minutes;
      l[3 * key + 1] = (l[3 * key + 1] as number) + minutes * late;
      if (lateFixed > 0) l[3 * key + 2] = (l[3 * key + 2] as number) + minutes * Math.min(late, lateFixed);
    }
  }

  /**
   * Requests of a backlog leaving now (backlog.ts): those served waited evenly from the first's wait
   * to the last's; those expired are dropped. Their SLO minutes are those of their arrival: dropping
   * minutes when more than the tolerated share expired, else each minute's p95 against the SLO.
   */
  /**
   * Requests that waited in a queue, leaving (serve-pool.ts): `into`, the response times they join —
   * a collector's own side's (a burst's cloud pool's queued messages are the cloud side's, not the
   * base's: H38 found them read as the base's, so that its calls across the link fell on the wrong side).
   */
  left(d: Readonly<Departure>, into: LatencyMixture = this.mix): void {
    if (this.parent) {
      this.parent.left(d, this.mix);
      return;
    }
    const service = 1 / this.nu;
    const minutes = d.minutes;
    this.dropped += d.expired;
    // Judged on the window these arrived in (Departure.windowArrived): a part that waited nothing
    // shares its minutes with the part that timed out.
    const dropping =
      d.windowExpired > 0 && d.windowMinutes > 0
        ? dropShareOf(d.windowExpired / d.windowMinutes, d.windowArrived / d.windowMinutes, 1)
        : 0;
    if (dropping > 0) {
      this.dropMinutes += minutes * dropping;
      this.violationMinutes += minutes * dropping;
    }
    this.chartTrouble(d.expired, minutes * dropping);
    // Whole minutes (followLate): a window that drops beyond the tolerance fails its minutes whole,
    // as late requests do.
    if (d.mate > 0) this.isWholeOff = true;
    if (this.hasSlo && minutes > 0 && !this.isWholeOff) this.followLate(d, dropping > 0.5 ? Number.NaN : 1 / this.nu);
    if (!(d.served > 0)) return;
    const each = d.served / SPREAD.length;
    // Requests a minute, of both classes: `minutes` is the window × this class's share.
    const perMinute = minutes > 0 ? d.served / minutes : Number.POSITIVE_INFINITY;
    // Carrying the other class's minutes (Departure.mate): whole minutes, and all their requests.
    const whole = d.mate > 0 ? 1 / (1 - d.mate) : 1;
    // Where the backlog grew as a walk over its rate, each wait spread as the walk is (wait-spread.ts).
    if (d.walkDrift !== 0)
      into.addWalkDelay(
        d.served,
        1000 * d.firstWait,
        1000 * d.lastWait,
        d.walkDrift,
        d.walkVariance,
        d.walkRate,
        1000 * d.walkLimit,
      );
    else into.addUniformDelay(d.served, 1000 * d.firstWait, 1000 * d.lastWait);
    // The SLO minutes at four points of the range: each a share of the departure's minutes.
    // The minutes that do not drop (as in commit).
    const rest = 1 - dropping;
    if (this.hasSlo && rest > 0 && minutes > 0) {
      // A walk's minute waits behind the queue its walk stands at then, which differs from day to day as
      // its requests' waits do (wait-spread.ts): its minutes are judged at each of the walk's eight
      // shares, an eighth of them each. (At the mean alone, 15 minutes an hour near ρ 1 on 1–8 cores of
      // 1 s with a 100 s timeout and an SLO of 10–60 s read the minutes over 22 % off the per-request
      // simulator's on average, up to all of them missing at ρ 1.02–1.05 under 30–60 s; now 8 %.)
      // (Where the lowest and the highest share miss alike — every day, or none — the mean alone is
      // judged: each share's chance costs as much as the rest of the departure.)
      const limit = 1000 * d.walkLimit;
      for (const s of SPREAD) {
        const at = 1000 * (d.firstWait + (d.lastWait - d.firstWait) * s);
        let shares = 1;
        if (d.walkDrift !== 0) {
          queueSpread((at / 1000) * d.walkRate, d.walkDrift, d.walkVariance, walkShares);
          const low = this.minuteP95(at * (walkShares[0] as number), service, d);
          const high = this.minuteP95(Math.min(at * (walkShares[SPREAD_POINTS - 1] as number), limit), service, d);
          const spread =
            chanceOf(high, 0, perMinute, this.nu, this.sloMs) - chanceOf(low, 0, perMinute, this.nu, this.sloMs);
          if (spread > 1e-3) shares = SPREAD_POINTS;
        }
        for (let i = 0; i < shares; i++) {
          const delay = shares === 1 ? at : Math.min(at * (walkShares[i] as number), limit);
          const p95 = this.minuteP95(delay, service, d);
          const part = (rest * whole * minutes) / (SPREAD.length * shares);
          this.keep(p95, levelOf(0, perMinute), part, (rest * whole * each) / shares, Number.NaN);
          const over = part * chanceOf(p95, 0, perMinute, this.nu, this.sloMs);
          this.violationMinutes += over;
          this.chartTrouble(0, over);
        }
      }
    }
    const latency = d.served * (service + 500 * (d.firstWait + d.lastWait));
    this.served += d.served;
    this.latencySum += latency;
    const p = this.point;
    this.sums[3 * p + 2] = (this.sums[3 * p + 2] as number) + latency;
    this.weights[p] = (this.weights[p] as number) + d.served;
  }

  /**
   * A minute misses its SLO whole when more than 5 % of its requests are late, but a backlog's
   * requests count the minutes of their own arrival only, each in proportion: a late stretch that
   * begins or ends within a minute counted that minute in part (after a minute on 4 cores at ρ 1.5
   * and back to ρ 0.2, the minute the backlog drains in read 0.6 of a minute, where the per-request
   * simulator finds every such minute over). So the late seconds of each minute are summed as the
   * departures come (in the order of their arrival: FIFO), and a minute they leave counts the rest of
   * itself too when its late requests are 5 % of its requests (finishLateMinute).
   *
   * A departure's requests waited from `firstWait` to `lastWait` evenly over their arrivals, and those
   * whose wait is over the SLO less a service's p95 are late (a minute's p95 is its 5 % latest).
   */
  private followLate(d: Readonly<Departure>, serviceMs: number): void {
    // Dropping (no service time given): all of its window, at no wait of its own.
    const isExpired = !(serviceMs >= 0);
    const limit = isExpired ? 0 : (this.sloMs - SERVICE_P95_UNITS * serviceMs) / 1000;
    const first = isExpired ? 0 : d.firstWait;
    const last = isExpired ? 0 : d.lastWait;
    if (!(first > limit || last > limit || isExpired)) return;
    const a = d.arrivedFrom;
    const b = d.arrivedTo;
    if (!(b > a)) return;
    const slope = (last - first) / (b - a);
    // The late part of [a, b], the wait being linear in the arrival time.
    const from = first > limit || isExpired ? a : a + (limit - first) / slope;
    const to = last > limit || isExpired ? b : a + (limit - first) / slope;
    if (!(to > from)) return;
    // This class's share of the minutes' requests (whole when it carries the other's, Departure.mate),
    // and their requests a minute, both classes.
    const share = ((d.mate > 0 ? 1 / (1 - d.mate) : 1) * d.minutes * 60) / (b - a);
    const perMinute = (d.served + d.expired) / d.minutes;
    let m = Math.floor(from / 60);
    // (Two backlogs, sync and async, may leave out of each other's order: a minute already left is not
    // judged again.)
    if (m < this.lateMinute) return;
    let start = from;
    for (;;) {
      if (m > this.lateMinute) {
        this.finishLateMinute();
        this.lateMinute = m;
        this.lateSeconds = 0;
        this.lateMax = 0;
      }
      // (Set after the minute before is finished with its own.)
      this.lateShare = share < 1 ? share : 1;
      this.latePerMinute = perMinute;
      this.restChance = Number.NaN;
      const end = 60 * (m + 1);
      const stop = to < end ? to : end;
      this.lateSeconds += stop - start;
      // The longest wait within the minute is at one end of its piece.
      const w0 = first + slope * (start - a) - limit;
      const w1 = first + slope * (stop - a) - limit;
      const w = w0 > w1 ? w0 : w1;
      if (w > this.lateMax) this.lateMax = w;
      if (to <= end) return;
      // The minutes it covers whole are counted whole already: on to the last one.
      m = Math.ceil(to / 60) - 1;
      start = 60 * m;
    }
  }

  /**
   * Counts the rest of the minute late requests arrived in last when they are 5 % of its requests —
   * `need` seconds of arrivals at their class's share. Its p95 is the wait of the late request 5 % of
   * the minute in from the latest (the wait taken as linear over the late seconds), plus a service's
   * p95; its chance of being over the SLO as any minute's of that p95 (chanceOf).
   */
  private finishLateMinute(): void {
    const late = this.lateSeconds;
    if (this.lateMinute < 0 || !(late < 60) || !(this.lateShare > 0.05)) return;
    const need = 3 / this.lateShare;
    if (late < need) return;
    if (this.isWholeOff) return;
    // The rest of the minute counted over already, by its own parts, is not counted again.
    const rest = this.restChance > 0 ? 1 - this.restChance : 1;
    const minutes = (rest * (60 - late)) / 60;
    const p95 = this.sloMs + 1000 * this.lateMax * (1 - need / late);
    this.keep(p95, levelOf(0, this.latePerMinute), minutes, minutes * this.latePerMinute, Number.NaN);
    const over = minutes * chanceOf(p95, 0, this.latePerMinute, this.nu, this.sloMs);
    this.violationMinutes += over;
    this.chartTrouble(0, over);
  }

  /**
   * A finished OptionStats that crossed a thread boundary (structured clone keeps its fields but not
   * its class): its prototypes restored, so that shift() and largestShift() work as on the original.
   */
  static revive(cloned: OptionStats): OptionStats {
    Object.setPrototypeOf(cloned, OptionStats.prototype);
    Object.setPrototypeOf(cloned.mix, LatencyMixture.prototype);
    if (cloned.horizon) Object.setPrototypeOf(cloned.horizon, ResponseDist.prototype);
    if (cloned.cloudMix) Object.setPrototypeOf(cloned.cloudMix, LatencyMixture.prototype);
    if (cloned.sides) {
      Object.setPrototypeOf(cloned.sides.base, ResponseDist.prototype);
      Object.setPrototypeOf(cloned.sides.cloud, ResponseDist.prototype);
    }
    if (!cloned.figures) throw new Error('only finished option stats can be revived');
    return cloned;
  }

  /**
   * The horizon's figures; also completes the chart series. Afterwards the accumulators are released
   * (a large design keeps four of these per component until placement is done).
   */
  finish(): OptionFigures {
    if (this.figures) return this.figures;
    this.finishLateMinute();
    this.lateMinute = -1;
    const n = this.points;
    for (let p = 0; p < n; p++) {
      const count = this.pointStart(p + 1) - this.pointStart(p) || 1;
      this.series.demand[p] = (this.sums[3 * p] as number) / count;
      this.series.capacity[p] = (this.sums[3 * p + 1] as number) / count;
      const w = this.weights[p] as number;
      this.series.latencyMs[p] = w > 0 ? (this.sums[3 * p + 2] as number) / w : 0;
    }
    let dist = this.mix.finish();
    if (this.cloudMix) {
      const cloud = this.cloudMix.finish();
      this.sides = { base: dist, cloud };
      dist = ResponseDist.joined(dist, cloud);
    }
    this.horizon = dist;
    const isServed = this.served > 0 && dist.total() > 0;
    this.figures = {
      requests: this.requests,
      served: this.served,
      droppedRequests: this.dropped,
      meanLatencyMs: this.served > 0 ? this.latencySum / this.served : 0,
      p50LatencyMs: isServed ? dist.quantile(0.5) : 0,
      p95LatencyMs: isServed ? dist.quantile(0.95) : 0,
      p99LatencyMs: isServed ? dist.quantile(0.99) : 0,
      // Float rounding can leave the sum 10⁻¹⁰ below zero (a VM pool's, seen in fuzzing).
      sloViolationMinutes: Math.max(0, this.violationMinutes),
    };
    // The keys with minutes, in ascending order (countShifted sums them in this order): those
    // touched, not all 32,768 (a scan of each run's arrays and their zeroing when next taken were
    // about 1 % of a warm plan of bench:engine's design; see the commit).
    const byKey = this.minutesByKey;
    const keys = this.touched.sort((a, b) => a - b);
    let used = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as number;
      if ((byKey[k] as number) > 0 && k !== keys[i - 1]) used++;
    }
    this.minuteKeys = used > 0 ? new Float64Array(KEPT * used) : NONE;
    for (let i = 0, j = 0; i < keys.length; i++) {
      const k = keys[i] as number;
      const minutes = byKey[k] as number;
      if (minutes > 0 && k !== keys[i - 1]) {
        const known = this.skewByKey[2 * k] as number;
        this.minuteKeys[j++] = k;
        this.minuteKeys[j++] = minutes;
        this.minuteKeys[j++] = (this.requestsByKey[k] as number) / minutes;
        this.minuteKeys[j++] = known > 0 ? (this.skewByKey[2 * k + 1] as number) / known : Number.NaN;
        const lateKnown = this.lateByKey.length > 0 ? (this.lateByKey[3 * k] as number) : 0;
        this.minuteKeys[j++] = lateKnown > 0 ? (this.lateByKey[3 * k + 1] as number) / lateKnown : Number.NaN;
        this.minuteKeys[j++] = lateKnown > 0 ? (this.lateByKey[3 * k + 2] as number) / lateKnown : 0;
        const t = this.tailByKey;
        this.minuteKeys[j++] = (t[3 * k] as number) / minutes;
        const tailKnown = t[3 * k + 1] as number;
        this.minuteKeys[j++] = tailKnown > 0 ? (t[3 * k + 2] as number) / tailKnown : Number.NaN;
      }
    }
    this.giveKeyArraysBack();
    for (const a of [this.sums, this.weights]) giveBack(a);
    this.sums =
      this.weights =
      this.minutesByKey =
      this.requestsByKey =
      this.skewByKey =
      this.lateByKey =
      this.tailByKey =
        NONE;
    return this.figures;
  }

  /** The per-key arrays, all 0: kept ones (zeroed where touched on their way back), else new. */
  private takeKeyArrays(): void {
    const kept = keyArrays.pop();
    this.minutesByKey = kept?.[0] ?? new Float64Array(KEYS);
    this.requestsByKey = kept?.[1] ?? new Float64Array(KEYS);
    this.skewByKey = kept?.[2] ?? new Float64Array(2 * KEYS);
    this.lateByKey = kept?.[3] ?? NONE;
    this.tailByKey = kept?.[4] ?? new Float64Array(3 * KEYS);
  }

  /** Zeroes the touched keys of the per-key arrays (nothing else was written) and keeps them. */
  private giveKeyArraysBack(): void {
    if (this.minutesByKey.length === 0) return;
    for (const k of this.touched) {
      this.minutesByKey[k] = 0;
      this.requestsByKey[k] = 0;
      this.skewByKey[2 * k] = 0;
      this.skewByKey[2 * k + 1] = 0;
    }
    const late = this.lateByKey;
    if (late.length > 0) {
      for (const k of this.touched) late[3 * k] = late[3 * k + 1] = late[3 * k + 2] = 0;
    }
    const tail = this.tailByKey;
    for (const k of this.touched) tail[3 * k] = tail[3 * k + 1] = tail[3 * k + 2] = 0;
    this.touched = [];
    if (keyArrays.length < MAX_KEY_ARRAYS)
      keyArrays.push([this.minutesByKey, this.requestsByKey, this.skewByKey, this.lateByKey, this.tailByKey]);
  }

  /**
   * The figures had every request paid `meanOffsetMs` more on average and `tailOffsetMs` more at its
   * percentiles (the link latency of calls that cross). Percentiles shift exactly; SLO minutes are
   * counted again from the stretches' p95 bins (each at most 1.1 % wide), spreads and shares late at
   * the SLO, from the run's own count (countShifted).
   */
  shift(base: OptionFigures, meanOffsetMs: number, tailOffsetMs: number): OptionFigures {
    if (meanOffsetMs <= 0 && tailOffsetMs <= 0) return base;
    this.finish();
    let over = this.dropMinutes;
    if (this.hasSlo) {
      const limit = this.sloMs - tailOffsetMs;
      over = this.countShifted(limit);
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
   * The drop minutes and the SLO minutes counted again against `limit` (shift), kept — or, once the
   * sum is over `stopAbove`, that partial sum, not kept: a sum of non-negative terms never falls back
   * (rounding is monotone), so whether the full sum is over is known then, to the bit. Half of
   * largestShift's bisection's counts are over, most of them well before their last term.
   */
  private countShifted(limit: number, stopAbove = Infinity): number {
    const known = this.shiftedMinutes.get(limit);
    if (known !== undefined) return known;
    if (Number.isNaN(this.lift)) this.calibrateShift();
    // The recount from kept minutes reads what a delay adds; it starts from the run's own count, which
    // reads more of each stretch than its key keeps (a pool's curve, a backlog's walk), so that a delay
    // of nothing counts what the run counts. (Started from its own reading at the SLO, the image
    // resizer of examples/hybrid-serverless.json in the data centre, 142 cores of 1.2 s whose minutes
    // at one p95 range over the day's loads, counted 3.6 minutes in 7 days for 0.001 ms where its run
    // counts 1.6.) A partial sum over the budget is over it whole only where the cap is too.
    const cap = this.shiftCap;
    const stops = cap > stopAbove;
    let over = this.dropMinutes + this.lift;
    if (stops && over > stopAbove) return over;
    for (let k = 0; k < this.minuteKeys.length; k += KEPT) {
      over += (this.minuteKeys[k + 1] as number) * this.keyChance(k, limit);
      if (stops && over > stopAbove) return over;
    }
    over = over < 0 ? 0 : over > cap ? cap : over;
    if (this.shiftedMinutes.size >= SHIFTS_KEPT) this.shiftedMinutes.clear();
    this.shiftedMinutes.set(limit, over);
    return over;
  }

  /** Sets `lift` and `shiftCap`: the recount at the SLO itself, and every kept minute over. */
  private calibrateShift(): void {
    const own = this.finish().sloViolationMinutes;
    let at = this.dropMinutes;
    let all = this.dropMinutes;
    for (let k = 0; k < this.minuteKeys.length; k += KEPT) {
      const minutes = this.minuteKeys[k + 1] as number;
      at += minutes * this.keyChance(k, this.sloMs);
      all += minutes;
    }
    this.lift = own - at;
    this.shiftCap = Math.max(own, all);
    this.keptMinutes = all - this.dropMinutes;
  }

  /** The chance that a minute of the kept key at `k` (an index into minuteKeys) is over `limit`. */
  private keyChance(k: number, limit: number): number {
    const key = this.minuteKeys[k] as number;
    const b = Math.floor(key / LEVELS);
    const level = key - b * LEVELS;
    // A bin stands for its midpoint.
    const p95 = (binStart(2 * b) + binEnd(2 * b + 1)) / 2;
    const perMinute = this.minuteKeys[k + 2] as number;
    const skew = this.minuteKeys[k + 3] as number;
    // Where the parts knew their late share at the SLO (functions: Part.late), it is carried to the
    // limit rather than read again off the bin's p95, which is the stationary tail's reading: for a
    // function of a handful of cold-started invocations a day, 99 % late at the SLO, it read all of
    // them late, and a 1 ms shift counted 1,440 minutes where the run's own count was 1 (H40's
    // fuzzer; computeViolationChance read an all-late minute as over without a request in it), and
    // one of 40 a day under an SLO over its cold start 1.57 minutes at 0.001 ms where the run counts
    // 1.51 (shift-few-requests.test.ts). A request's time is its service's exponential after what
    // came before, so the share late grows at most e^(ν·delay) as the limit falls by the delay —
    // exactly for the warm ones; the cold starts already past the SLO (lateFixed) are late at any
    // limit and do not grow. At the SLO itself: the parts' own share.
    const late = this.minuteKeys[k + 4] as number;
    let lateShare = Number.NaN;
    if (late >= 0) {
      const fixed = this.minuteKeys[k + 5] as number;
      const grows = late - fixed;
      lateShare = grows > 0 ? Math.min(1, fixed + grows * Math.exp(this.nu * (this.sloMs - limit))) : fixed;
    } else {
      const lnTail = this.minuteKeys[k + 7] as number;
      if (lnTail === lnTail) lateShare = lateBetween(p95, this.sloMs, lnTail, limit);
    }
    // The level's spread only where the minutes' own is not kept (a level of few requests a minute has none).
    const spread = level >= 1 && level < 16 ? (this.minuteKeys[k + 6] as number) : 0;
    return chanceOf(p95, spread, perMinute, this.nu, limit, lateShare, skew);
  }

  /**
   * The chance that a minute with `perMinute` requests is over `limit` (ms: the SLO less a delay its
   * requests take): the mean, over the minutes kept at about that load (within LOAD_BAND of it, or
   * else as near as the nearest), of each one's chance as countShifted reads it. A burst callee's
   * routed step adds its own minutes' chance at its delay (call-delay-parts.ts addedByRouted), which
   * a rank of its hour among the month's hours read wrongly both ways (H37's review: a ten-minute
   * peak in a quiet hour read 22 minutes where 46 miss; a caller whose few requests a minute at night
   * are its worst minutes read its busy hour as worse still). For a static pool a minute's p95 is
   * set by its load (and the spread of its kind of load, which comes with it); a kept key's load is
   * the mean of its minutes'. NaN `perMinute`: every kept minute. 0 without an SLO or a kept minute.
   */
  missChanceAt(perMinute: number, limit: number): number {
    this.finish();
    if (!this.hasSlo || this.minuteKeys.length === 0) return 0;
    const memo = `${perMinute}|${limit}`;
    const known = this.loadChances.get(memo);
    if (known !== undefined) return known;
    const index = (this.loadIndex ??= this.indexByLoad());
    const logs = index.logs;
    let from = 0;
    let to = logs.length;
    if (perMinute > 0) {
      const x = Math.log2(perMinute);
      const i = firstAbove(logs, x);
      const near = Math.min(
        i < logs.length ? (logs[i] as number) - x : Infinity,
        i > 0 ? x - (logs[i - 1] as number) : Infinity,
      );
      const width = Math.max(LOAD_BAND, near) * (1 + 1e-9);
      from = firstAbove(logs, x - width, true);
      to = firstAbove(logs, x + width);
    }
    let minutes = 0;
    let over = 0;
    for (let j = from; j < to; j++) {
      const k = KEPT * (index.order[j] as number);
      const m = this.minuteKeys[k + 1] as number;
      minutes += m;
      over += m * this.keyChance(k, limit);
    }
    // With countShifted's lift, spread evenly over the kept minutes: the loads' chances add up to its count.
    if (Number.isNaN(this.lift)) this.calibrateShift();
    const lifted = minutes > 0 ? over / minutes + this.lift / this.keptMinutes : 0;
    const chance = lifted < 0 ? 0 : lifted > 1 ? 1 : lifted;
    if (this.loadChances.size >= LOAD_CHANCES_KEPT) this.loadChances.clear();
    this.loadChances.set(memo, chance);
    return chance;
  }

  /** The kept keys in order of their load (log2 of their requests a minute), for missChanceAt. */
  private indexByLoad(): { logs: Float64Array; order: Int32Array } {
    const n = this.minuteKeys.length / KEPT;
    const order = Int32Array.from({ length: n }, (_, j) => j);
    const logOf = (j: number) => Math.log2(this.minuteKeys[KEPT * j + 2] as number);
    order.sort((a, b) => logOf(a) - logOf(b) || a - b);
    return { logs: Float64Array.from(order, logOf), order };
  }

  /**
   * As shift, with the requests delayed in parts: `parts[i].share` of them by `parts[i].delayMs` (a
   * burst: its data-centre side's requests by their calls across the link, its cloud side's by
   * theirs). The percentiles are the delayed mixture's, and the SLO minutes are counted against the
   * target less the p95's own shift. (Each shifted by the larger delay, a burst whose cloud served 6 %
   * of the cart's requests, each 60 ms later for its three calls back to the database, read every
   * request 60 ms later: p50 79 ms where its requests' is 19, and 12 minutes over where 2 are.)
   * Returns the figures and the p95's shift.
   */
  shiftParts(
    base: OptionFigures,
    meanOffsetMs: number,
    parts: readonly DelayPart[],
  ): { figures: OptionFigures; tailOffsetMs: number } {
    const used = parts.filter((p) => p.share > 0);
    const first = used[0]?.delayMs ?? 0;
    this.finish();
    const horizon = this.horizon;
    if (used.every((p) => p.delayMs === first) || !horizon || !(base.served > 0) || !(horizon.total() > 0))
      return { figures: this.shift(base, meanOffsetMs, first), tailOffsetMs: first };
    const [p50, p95, p99] = this.quantilesDelayedBy(used);
    const tail = Math.max(0, p95 - base.p95LatencyMs);
    const figures = this.shift(base, meanOffsetMs, tail);
    return {
      figures: { ...figures, p50LatencyMs: p50, p95LatencyMs: p95, p99LatencyMs: p99 },
      tailOffsetMs: tail,
    };
  }

  /**
   * The p50, p95 and p99 of the horizon's requests delayed in parts (`parts[i].share` of them by
   * `parts[i].delayMs`; shares summing to 1): the mixture's own, not each part's. With `cloudParts`, a
   * burst's base takes `parts` and its cloud side `cloudParts`, each on its own response times (its
   * cloud side's requests are those of its busy minutes). The figures' own when the run served nothing.
   */
  quantilesDelayedBy(
    parts: readonly DelayPart[],
    cloudParts?: readonly DelayPart[],
  ): readonly [number, number, number] {
    const base = this.finish();
    const horizon = this.horizon;
    if (!horizon || !(base.served > 0) || !(horizon.total() > 0))
      return [base.p50LatencyMs, base.p95LatencyMs, base.p99LatencyMs];
    const sides = cloudParts && this.sides;
    // Every request delayed alike (a callee always across the link): the percentiles shift exactly.
    const only = parts.length === 1 ? (parts[0] as DelayPart).delayMs : Number.NaN;
    if (!sides && Number.isFinite(only))
      return [base.p50LatencyMs + only, base.p95LatencyMs + only, base.p99LatencyMs + only];
    // Kept by the parts: a kept run (core/plan/run-memo.ts) is assessed again by every later plan.
    const text = (list: readonly DelayPart[]) => list.map((p) => `${p.share}:${p.delayMs}`).join('|');
    const key = sides ? `${text(parts)}/${text(cloudParts)}` : text(parts);
    let quantiles = this.delayedQuantiles.get(key);
    if (quantiles === undefined) {
      // Read once and dropped: made in one scratch distribution (no typed arrays made once it has grown).
      const delayed = sides
        ? delayedScratch.reset(sides.base.nu).addDelayed(sides.base, parts).addDelayed(sides.cloud, cloudParts)
        : delayedScratch.reset(horizon.nu).addDelayed(horizon, parts);
      quantiles = [delayed.quantile(0.5), delayed.quantile(0.95), delayed.quantile(0.99)];
      if (this.delayedQuantiles.size >= SHIFTS_KEPT) this.delayedQuantiles.clear();
      this.delayedQuantiles.set(key, quantiles);
    }
    return quantiles;
  }

  /**
   * The largest latency offset (ms) under which the SLO-violation minutes stay within
   * `allowedMinutes` — what a caller's link latency may add before its SLO is missed — found by
   * bisection on shift(), whose minutes grow with the offset; Infinity when no offset can push it
   * over (no SLO), −1 when the minutes are over already.
   */
  largestShift(allowedMinutes: number): number {
    // The figures are fixed once finished, so the answer is too: kept per allowance, because a kept
    // run (core/plan/run-memo.ts) is asked again by every later plan's joint choice.
    const known = this.largestShifts.get(allowedMinutes);
    if (known !== undefined) return known;
    const found = this.searchLargestShift(allowedMinutes);
    this.largestShifts.set(allowedMinutes, found);
    return found;
  }

  /**
   * A burst's latency budget for one side: the largest delay (ms) its `side`'s requests — the
   * cloud's `cloudShare` of them, or the data centre's rest — may take on, the other side's taking
   * none, under which shiftParts' SLO minutes stay within `allowedMinutes`. At least largestShift
   * (which delays every request); more where the side is a small share, since the mixture's p95 moves
   * less than its delay. With the figures' p95 at p and the uniform budget L, the delayed share `x`
   * fits while (1 − x)·S(p + L) + x·S(p + L − d) ≤ 5 % of the requests (S: the horizon's
   * unnormalised survival), which gives d from one quantile of the horizon; the answer is then held
   * to shiftParts itself, and bisected down to what it accepts if rounding put it a hair over.
   * Infinity when any delay fits (or the side serves nothing), −1 when the minutes are over already.
   */
  largestSideDelay(allowedMinutes: number, cloudShare: number, side: 'dc' | 'cloud'): number {
    const key = `${allowedMinutes}|${cloudShare}|${side}`;
    const known = this.sideDelays.get(key);
    if (known !== undefined) return known;
    const found = this.searchSideDelay(allowedMinutes, cloudShare, side);
    this.sideDelays.set(key, found);
    return found;
  }

  private searchSideDelay(allowedMinutes: number, cloudShare: number, side: 'dc' | 'cloud'): number {
    const uniform = this.largestShift(allowedMinutes);
    const x = side === 'cloud' ? cloudShare : 1 - cloudShare;
    if (!(x > 0)) return Infinity;
    const base = this.finish();
    const horizon = this.horizon;
    if (uniform < 0 || !Number.isFinite(uniform) || x >= 1 || !horizon || !(base.served > 0)) return uniform;
    const total = horizon.total();
    if (!(total > 0)) return uniform;
    const parts = (d: number) =>
      side === 'cloud'
        ? [
            { share: 1 - cloudShare, delayMs: 0 },
            { share: cloudShare, delayMs: d },
          ]
        : [
            { share: 1 - cloudShare, delayMs: d },
            { share: cloudShare, delayMs: 0 },
          ];
    const fits = (d: number) => this.shiftParts(base, 0, parts(d)).figures.sloViolationMinutes <= allowedMinutes;
    const target = base.p95LatencyMs + uniform;
    const room = (0.05 * total - (1 - x) * horizon.survival(target)) / x;
    // The side's requests could all be past the target and the mixture's p95 stay on it.
    const FAR_MS = 1e7;
    if (room >= total) return fits(FAR_MS) ? Infinity : uniform;
    let d = room > 0 ? target - horizon.quantile(1 - room / total) : uniform;
    if (!(d > uniform)) return uniform;
    if (fits(d)) return d;
    let lo = uniform;
    while (d - lo > 0.01) {
      const mid = (lo + d) / 2;
      if (fits(mid)) lo = mid;
      else d = mid;
    }
    return lo;
  }

  private searchLargestShift(allowedMinutes: number): number {
    const base = this.finish();
    if (base.sloViolationMinutes > allowedMinutes) return -1;
    if (!this.hasSlo) return Infinity;
    // shift()'s minutes are at least the base's, which fit: an offset fits when its count does (a
    // NaN does not, as shift()'s would not).
    const fits = (offset: number) => this.countShifted(this.sloMs - offset, allowedMinutes) <= allowedMinutes;
    let hi = this.sloMs + 1;
    if (fits(hi)) return Infinity;
    // Offsets up to `known[0]` fit and from `known[1]` do not (the count grows with the offset), found
    // by a few counts near where it crosses the allowance; the bisection below asks only about the
    // offsets between, so its answer is the one it gives asking about every offset on its way.
    const known = this.bracketShift(allowedMinutes, hi);
    let lo = 0;
    // To a hundredth of a millisecond: link latencies are whole milliseconds times calls per request.
    while (hi - lo > 0.01) {
      const mid = (lo + hi) / 2;
      const ok = mid <= known[0] ? true : mid >= known[1] ? false : fits(mid);
      if (ok) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Offsets [a, b] with a fitting and b not, b − a at most SHIFT_BRACKET_MS where a few counts can tell:
   * the bisection's own first midpoints until one fits, then a secant through the last two counts'
   * logarithms (an SLO's minutes grow about exponentially with the offset near where they cross the
   * allowance), stepping half the width past its estimate so that the next count falls on the other
   * side; the bracket's midpoint where the secant has nothing to go on or falls outside. a is
   * −Infinity while no count has fitted. (searchLargestShift's bisection counted 12 times a search on
   * bench:engine's design; see the commit.)
   */
  private bracketShift(allowedMinutes: number, hi: number): [number, number] {
    let a = Number.NEGATIVE_INFINITY;
    let b = hi;
    let x = hi / 2;
    let x1 = Number.NaN;
    let ln1 = Number.NaN;
    const lnAllowed = Math.log(allowedMinutes);
    for (let probes = 0; probes < SHIFT_PROBES; probes++) {
      const count = this.countShifted(this.sloMs - x);
      const fitted = count <= allowedMinutes;
      if (fitted) a = x;
      else b = x;
      if (b - a <= SHIFT_BRACKET_MS) break;
      const ln = Math.log(count);
      let next = Number.NaN;
      if (a > Number.NEGATIVE_INFINITY && Number.isFinite(ln) && Number.isFinite(ln1) && ln !== ln1) {
        next = x + ((lnAllowed - ln) * (x - x1)) / (ln - ln1) + (fitted ? 0.5 : -0.5) * SHIFT_BRACKET_MS;
      }
      x1 = x;
      ln1 = ln;
      x = next > a && next < b ? next : a > Number.NEGATIVE_INFINITY ? (a + b) / 2 : b / 2;
    }
    return [a, b];
  }
}
