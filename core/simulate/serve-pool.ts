/**
 * A pool of c cores in front of its queue for a stretch of time in which the arrival rates and the
 * cores do not change (a step, or the part of one between two autoscaler events). Requests are sync
 * (a caller waits; it gives up after its timeout, the queue's bound) or async (a message; it waits as
 * long as it takes). Sync work goes first: a queue consumer takes a core only when no sync request
 * waits (non-preemptive priority), the usual way a service shares itself with its queue workers.
 *
 * Each class is in one of two regimes, and a stretch is cut where one ends:
 * - stationary, while its queue is no longer than the stationary queue at the current load: the
 *   exact M/M/c response time (response-time.ts) with C = Erlang C at the total load. Sync requests
 *   wait Exp(cμ − λ_sync) when all cores are busy (they queue only behind each other), truncated at
 *   their timeout (M/M/c+D: the share that gives up is counted as dropped). Async requests wait for
 *   the cores sync work leaves: the priority queue's mean wait C/(cμ(1 − ρ_sync)(1 − ρ)) (Cobham),
 *   taken as exponential.
 *   Near saturation the stationary queue is reached only by diffusion (see serveStretch).
 * - backlog, from the moment the load reaches the cores (ρ ≥ 1) until the queue has caught up with
 *   its arrivals again, across steps: a fluid FIFO queue (backlog.ts) served at the cores' full
 *   rate, whose requests learn their wait when they leave — the cores may change meanwhile. A sync
 *   request older than its timeout gives up and is dropped, so in an overload sync requests wait
 *   up to the timeout (held just below it, backlog.ts) and the excess fails; messages wait as long
 *   as it takes.
 * There is no cap below ρ = 1: a pool at 99 % is as slow as M/M/c says.
 */
import {
  Cohorts,
  type Departure,
  type DepartureSink,
  type Impatience,
  computeImpatience,
  meanBelowLimit,
} from './backlog';
import { giveBack, takeFloat64 } from './scratch-pool';
import { type ErlangTable, findErlangTable } from './erlang-table';
import type { LatencyMixture } from './latency-mixture';
import type { OptionStats } from './option-stats';
import { FEW_PER_MINUTE, clumpOfBursts, computeMinuteSpread, computeMixedMinuteSpread } from './minute-spread';
import { ResponseDist } from './response-dist';
import { computeShares, createShares, hypoSurvival, lateShareOf } from './response-time';
import { computeStepP95 } from './step-quantile';
import {
  ceilingMean,
  ceilingWalk,
  followQueue as followQueueOf,
  growQueue as growQueueOf,
  mayFollow as mayFollowOf,
  overflowAfter,
  queueCourse,
  queueGrowth,
  growBelowCeiling,
  sharedReflectedMean,
  sharedReflectedSpread,
  walkMeanAfter,
} from './relaxation';
import { SPREAD_POINTS, queueSpread, shapeOfSpread, spreadOfQueue } from './wait-spread';
import { type SloCurve, findSloCurve } from './slo-curve';

// Bound once: under a CommonJS transform (tsx, the CLI) an imported name is a getter per call.
const shares = computeShares;
const followQueue = followQueueOf;
const mayFollow = mayFollowOf;
const course = queueCourse;
const growQueue = growQueueOf;
const growth = queueGrowth;
const impatienceOf = computeImpatience;
const impatience: Impatience = { abandoned: 0.5, noWait: 0.5 };
const stepP95 = computeStepP95;
const minuteSpread = computeMinuteSpread;

/** One stretch as a pool reports it (filled in, then committed: no numbers passed one by one). */
export interface Part {
  /** Its length, seconds (its share of SLO minutes: messages in a backlog count theirs later). */
  seconds: number;
  arrived: number;
  /** Requests answered (or still queued): the weight of the latency figures. */
  admitted: number;
  dropped: number;
  /** The admitted requests' latency summed, ms, and their p95, ms. */
  latency: number;
  p95: number;
  /** How much one minute wanders around it: its late share's coefficient of variation (minute-spread.ts). */
  spread: number;
  /** The minute's late count K3 ÷ K2 (minute-spread.ts; NaN: not known). */
  skew: number;
  /** The share of its requests later than the SLO, when known (NaN otherwise). */
  late: number;
  /**
   * Of `late`, the share late at any limit up to the SLO (a function's cold starts longer than the
   * SLO): it does not grow when a delay is added (OptionStats.shift), the rest of it grows as its
   * exponential tail does. Read only with `late` (NaN: none of it). Reset by every commit.
   */
  lateFixed: number;
  /** The chance that one of its minutes exceeds the SLO, when already known (NaN otherwise). */
  chance: number;
  /**
   * A settled stretch's share of requests later than the SLO in its stationary state (NaN: not
   * known). Not `late`, whose minutes are read from it: kept only so that OptionStats.shift reads the
   * late share at another limit from the survival's three known points (everything late at 0, 5 % at
   * the p95, this at the SLO) rather than an exponential through the first two. Reset by every commit.
   */
  tailLate: number;
  /**
   * Whether its SLO minutes are counted elsewhere: by the messages queued with it, which carry them
   * whole (Departure.mate). Reset by every commit.
   */
  deferred: boolean;
  /**
   * How its drops bunch: a minute's drop count's variance ÷ its mean, when they come in bursts of a
   * stationary queue (NaN: spread evenly, every minute dropping alike). Reset by every commit.
   */
  clump: number;
}

export function createPart(): Part {
  return {
    seconds: 0.5,
    arrived: 0.5,
    admitted: 0.5,
    dropped: 0.5,
    latency: 0.5,
    p95: 0.5,
    spread: 0.5,
    skew: Number.NaN,
    late: Number.NaN,
    lateFixed: Number.NaN,
    chance: Number.NaN,
    tailLate: Number.NaN,
    deferred: false,
    clump: Number.NaN,
  };
}

/** Where a pool reports what it served: OptionStats, or a collector that merges two pools (burst). */
export interface PartSink {
  /** Whether parts need their p95 (the component has an SLO), and the SLO, ms. */
  readonly hasSlo: boolean;
  readonly sloMs: number;
  /** The horizon's latency distribution, fed piece by piece. */
  readonly mix: LatencyMixture;
  /** The part being filled in; `commit` records it. */
  readonly partIn: Part;
  commit(): void;
  /** Requests of a backlog leaving now: served (with their waits) or expired. */
  left(departure: Readonly<Departure>): void;
  /** Whether settled stretches may be kept as occupancy and recorded at the end (see Occupancy). */
  readonly canDefer: boolean;
  /** Set while they are: parts committed meanwhile are not charted again. */
  isFlushing: boolean;
  /** A step's latency for the chart (ms over `admitted` requests), outside any part. */
  chartLatency(latencySumMs: number, admitted: number): void;
}

/** Passes a backlog's departures to the stats and the totals of the call in progress. */
class Departures implements DepartureSink {
  stats: PartSink | null = null;
  out: PoolOutcome | null = null;
  leave(d: Readonly<Departure>): void {
    this.stats?.left(d);
    if (this.out) {
      this.out.served += d.served;
      this.out.dropped += d.expired;
    }
  }
}

/** What a pool carries from one stretch to the next: stationary queue lengths, and the backlogs. */
export interface PoolState {
  syncQueue: number;
  asyncQueue: number;
  syncBacklog: Cohorts;
  asyncBacklog: Cohorts;
  departures: Departures;
  occupancy: Occupancy;
  /**
   * After a sync backlog's stretch over the rate that the walk turned requests away from, or that was
   * held at the walk's stationary mean, and that still stood at its end (serveSyncBacklog): the walk's
   * mean then, and when that was (NaN otherwise). The backlog itself holds only those let in, less
   * than the walk's mean by those turned away; back under the rate it drains from the walk's mean.
   */
  walkLevel: number;
  walkAt: number;
  /**
   * After a sync backlog's stretch over the rate that still stood at its end, and that the walk did
   * not hold at or turn away from the timeout's queue: the variance of the walk's queue then
   * (requests²), and when that was (NaN otherwise). The next stretch over the rate grows it on (a
   * backlog built fast and then growing slowly is narrower than its length at the slow drift says),
   * a drain starts from it.
   */
  walkSpread: number;
  walkSpreadAt: number;
  /**
   * A sync backlog draining under the rate (serveSyncBacklog followDrain): the walk's mean where the
   * drain started, its spread then (multipliers of that mean for equal shares; all 1 where it is not
   * known), the drift and variance summed over the drain so far (requests), its seconds, and its end
   * (NaN where no drain goes on).
   */
  drainFrom: number;
  drainShares: Float64Array;
  drainDrift: number;
  drainVariance: number;
  drainSeconds: number;
  drainAt: number;
  drainEnd: number;
}

export function createPoolState(): PoolState {
  return {
    syncQueue: asDouble(0),
    asyncQueue: asDouble(0),
    syncBacklog: new Cohorts(),
    asyncBacklog: new Cohorts(),
    departures: new Departures(),
    occupancy: new Occupancy(),
    walkLevel: asDouble(0),
    walkAt: asDouble(Number.NaN),
    walkSpread: asDouble(0),
    walkSpreadAt: asDouble(Number.NaN),
    drainFrom: asDouble(0),
    drainShares: new Float64Array(SPREAD_POINTS),
    drainDrift: asDouble(0),
    drainVariance: asDouble(0),
    drainSeconds: asDouble(0),
    drainAt: asDouble(Number.NaN),
    drainEnd: asDouble(0),
  };
}

/**
 * The time a pool spent settled — both queues stationary, no backlog — by core count, utilisation
 * (1,024 bins) and share of sync work (five rows), with the time-weighted mean utilisation and share
 * of each cell. Everything such a stretch adds to the statistics (requests, drops, latency pieces,
 * SLO minutes) is a function of those alone, so a step only adds its time to a cell and the cells are
 * recorded once, at the end, each at its mean (`flushOccupancy`): most of a month costs three
 * additions a step. Chart latency, which belongs to its step, is still added as the steps run.
 */
export class Occupancy {
  readonly byCores = new Map<number, Float64Array>();
  cores = -1;
  cells: Float64Array = new Float64Array(0);

  /** The cells of `cores` cores. */
  select(cores: number): Float64Array {
    if (cores !== this.cores) {
      let cells = this.byCores.get(cores);
      if (!cells) {
        cells = takeFloat64(OCCUPANCY_CELLS * 3);
        this.byCores.set(cores, cells);
      }
      this.cores = cores;
      this.cells = cells;
    }
    return this.cells;
  }
}

const OCCUPANCY_POINTS = 1024;
const OCCUPANCY_SHARES = 4;
const OCCUPANCY_CELLS = (OCCUPANCY_SHARES + 1) * (OCCUPANCY_POINTS + 1);

/** Adds a settled stretch of `seconds` at utilisation `rho` and sync share `share` to its cell. */
export function occupy(cells: Float64Array, rho: number, share: number, seconds: number): void {
  const k = (rho * OCCUPANCY_POINTS) | 0;
  const c = 3 * (((share * OCCUPANCY_SHARES + 0.5) | 0) * (OCCUPANCY_POINTS + 1) + k);
  cells[c] = (cells[c] as number) + seconds;
  cells[c + 1] = (cells[c + 1] as number) + rho * seconds;
  cells[c + 2] = (cells[c + 2] as number) + share * seconds;
}

/** Records a pool's settled stretches (see Occupancy) into `stats`; call once, when the run is over. */
export function flushOccupancy(state: PoolState, spec: PoolSpec, stats: PartSink): void {
  const occupancy = state.occupancy;
  const out = createPoolOutcome();
  const s = stretch;
  stats.isFlushing = true;
  for (const [cores, cells] of occupancy.byCores) {
    const full = cores * spec.mu;
    let curve: SloCurve | null = null;
    for (let c = 0; c < OCCUPANCY_CELLS; c++) {
      const seconds = cells[3 * c] as number;
      if (!(seconds > 0)) continue;
      const rho = (cells[3 * c + 1] as number) / seconds;
      const share = (cells[3 * c + 2] as number) / seconds;
      s.cores = cores;
      s.full = full;
      s.ls = rho * full * share;
      s.la = rho * full - s.ls;
      s.seconds = s.used = seconds;
      s.syncShare = share;
      s.isAsyncBacklog = false;
      s.isSettled = true;
      s.erlangC = findErlangTable(cores).erlangC(rho);
      s.syncC = s.erlangC;
      s.syncTheta = (full - s.ls) / 1000;
      shares(sync, s.syncC, s.syncTheta, s.ls / full, spec.patienceMs);
      s.asyncTheta = (full * (1 - s.ls / full) * (1 - rho)) / 1000;
      s.asyncDrainMs = 0;
      if (stats.hasSlo) curve ??= findSloCurve(cores, spec, stats.sloMs);
      recordStationary(s, spec, curve, stats, out);
    }
    giveBack(cells);
  }
  occupancy.byCores.clear();
  occupancy.cores = -1;
  stats.isFlushing = false;
}

/** Messages waiting in a pool, stationary queue and backlog together. */
/**
 * The requests the backlogs still hold when the horizon ends (at `at`), served after it by `cores`
 * cores, sync first, with no arrivals and no scaling: their waits and SLO minutes count, as a run
 * until every request of the horizon has left measures them (the per-request simulator drains the
 * same way, and the serverless model reads a throttled message's wait when it arrives). Sync requests
 * past their timeout expire on the way. On no core nothing is served, and they stay uncounted.
 * (Counted only when served within the horizon, a consumer whose queue grows all month read 96 of its
 * 1,440 minutes over the target while every request it served had waited 11 hours.)
 */
export function drainAtEnd(state: PoolState, spec: PoolSpec, cores: number, at: number, stats: PartSink): void {
  const rate = cores * spec.mu;
  if (!(rate > 0) || (state.syncBacklog.isEmpty && state.asyncBacklog.isEmpty)) return;
  const leave = state.departures;
  leave.stats = stats;
  leave.out = null;
  state.syncBacklog.servers = cores;
  state.asyncBacklog.servers = cores;
  const used = state.syncBacklog.isEmpty
    ? 0
    : state.syncBacklog.serve(rate, at, Number.POSITIVE_INFINITY, spec.patienceMs / 1000, leave);
  if (!state.asyncBacklog.isEmpty)
    state.asyncBacklog.serve(rate, at + used, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, leave);
}

export function countWaitingMessages(state: PoolState): number {
  return state.asyncQueue + state.asyncBacklog.waiting;
}

/** The fixed figures of a pool: one component's requests on one kind of core. */
export interface PoolSpec {
  /** Service rate of one core, requests per second (1000 / cpuMs). */
  mu: number;
  /** Wall-clock duration of one request, ms, and its inverse. */
  durationMs: number;
  nu: number;
  /** Timeout of a sync request, ms. */
  patienceMs: number;
}

/** Totals of one call, for the caller's capacity decisions. */
export interface PoolOutcome {
  served: number;
  dropped: number;
  /** Core-seconds spent serving (what a CPU metric sees). */
  busyCoreSeconds: number;
  /**
   * Whether the last call was served settled (both queues stationary, no backlog): the same call
   * again would be served the same way, its figures in proportion to its length.
   */
  settled: boolean;
}

export function createPoolOutcome(): PoolOutcome {
  return { served: asDouble(0), dropped: asDouble(0), busyCoreSeconds: asDouble(0), settled: false };
}

/**
 * x, written so that an object literal's field starts out as a double: a field that starts as an
 * integer and later holds fractions changes representation once, and code compiled before the
 * change is thrown away. (0.5 - 0.5 is 0, but not a constant the compiler folds into an integer.)
 */
export function asDouble(x: number): number {
  return x + Number.MIN_VALUE - Number.MIN_VALUE;
}

/** One call: `seconds` from `now` (seconds since the horizon began) on `cores` cores, at these rates. */
export interface PoolCall {
  cores: number;
  table: ErlangTable;
  syncRps: number;
  asyncRps: number;
  now: number;
  seconds: number;
  /** The SLO figures of stationary work on these cores (slo-curve.ts), made when first needed. */
  curve: SloCurve | null;
  /** The curves of other core counts this pool has had. */
  curves: Map<number, SloCurve>;
}

export function createPoolCall(table: ErlangTable): PoolCall {
  return {
    cores: table.cores,
    table,
    syncRps: 0.5,
    asyncRps: 0.5,
    now: 0.5,
    seconds: 0.5,
    curve: null,
    curves: new Map(),
  };
}

/** Sets the call's cores (and with them its Erlang table and SLO curve, kept per core count). */
export function setCores(call: PoolCall, cores: number): void {
  if (call.cores === cores) return;
  if (call.curve) call.curves.set(call.cores, call.curve);
  call.cores = cores;
  call.table = findErlangTable(cores);
  call.curve = call.curves.get(cores) ?? null;
}

/** The stretch being served, its figures in one place (see serveGeneral). */
interface Stretch {
  cores: number;
  full: number;
  ls: number;
  la: number;
  now: number;
  seconds: number;
  syncShare: number;
  used: number;
  isAsyncBacklog: boolean;
  /** Whether both queues are at their stationary length (not still growing towards it). */
  isSettled: boolean;
  /** Whether the messages queued in this stretch carry its sync requests' SLO minutes. */
  isCarried: boolean;
  erlangC: number;
  syncC: number;
  syncTheta: number;
  asyncTheta: number;
  syncAdmitted: number;
  asyncAdmitted: number;
  /** Messages' mean wait where Erlang C reads 0 and a queue left before drains (ms; else 0). */
  asyncDrainMs: number;
}

const sync = createShares();
const LN40 = Math.log(40);
const dist = new ResponseDist();
// Every field starts as a fraction so the engine stores them as unboxed doubles from the first use.
const stretch: Stretch = {
  cores: 0.5,
  full: 0.5,
  ls: 0.5,
  la: 0.5,
  now: 0.5,
  seconds: 0.5,
  syncShare: 0.5,
  used: 0.5,
  isAsyncBacklog: false,
  isSettled: true,
  isCarried: false,
  erlangC: 0.5,
  syncC: 0.5,
  syncTheta: 0.5,
  asyncTheta: 0.5,
  syncAdmitted: 0.5,
  asyncAdmitted: 0.5,
  asyncDrainMs: 0.5,
};

/**
 * Serves `call` on the pool, records every part in `stats` (its latency pieces in `stats.mix`) and
 * adds served, dropped and busy core-seconds to `out`. A call is cut where a backlog catches up.
 * The usual case — sync work only, below saturation, no backlog — takes a short path.
 */
export function servePool(state: PoolState, spec: PoolSpec, call: PoolCall, stats: PartSink, out: PoolOutcome): void {
  const cores = call.cores;
  const full = cores * spec.mu;
  const ls = call.syncRps;
  const la = call.asyncRps;
  const lambda = ls + la;
  out.settled = false;
  // Nothing arrives and nothing waits, on no cores (a group scaled in to zero): nothing to serve or
  // record. (Taken for saturation, 0 ≥ 0, it divided 0 by 0 and every figure of the run was NaN.)
  if (lambda === 0 && full === 0 && state.syncBacklog.isEmpty && state.asyncBacklog.isEmpty) {
    state.syncQueue = 0;
    state.asyncQueue = 0;
    out.settled = true;
    return;
  }
  if (!(lambda < full) || !state.syncBacklog.isEmpty || !state.asyncBacklog.isEmpty || !stats.canDefer) {
    serveGeneral(state, spec, call, stats, out);
    return;
  }
  const seconds = call.seconds;
  const rho = lambda / full;
  const erlangC = call.table.erlangC(rho);
  // Settled? Each queue at its stationary length, or the time to grow there has passed (serveStationary).
  const syncTheta = (full - ls) / 1000; // per ms
  const syncQueue = (ls * erlangC) / (syncTheta * 1000);
  // As serveStationary asks, with the untimed queue (longer: a slower approach, never settled sooner).
  if (mayFollow(state.syncQueue, syncQueue, full + ls, full - ls, seconds)) {
    serveGeneral(state, spec, call, stats, out);
    return;
  }
  let asyncWait = 0;
  if (la > 0) {
    const asyncTheta = (full * (1 - ls / full) * (1 - rho)) / 1000;
    const asyncQueue = (la * erlangC) / (asyncTheta * 1000);
    if (mayFollow(state.asyncQueue, asyncQueue, lambda + full, full - lambda, seconds)) {
      serveGeneral(state, spec, call, stats, out);
      return;
    }
    state.asyncQueue = asyncQueue;
    asyncWait = erlangC / asyncTheta;
  } else state.asyncQueue = 0;
  state.syncQueue = syncQueue;
  // Settled: the stretch only adds its time to its cell (Occupancy); the chart gets its latency now.
  // No arrivals (a quiet stretch): counted as sync, so the cell's share stays a number.
  // (Sync work alone: λ is ls + 0 = ls, and ls ÷ ls is 1 exactly, without the division.)
  const share = la === 0 ? 1 : lambda > 0 ? ls / lambda : 1;
  occupy(state.occupancy.select(cores), rho, share, seconds);
  const admitted = lambda * seconds;
  stats.chartLatency(
    admitted * spec.durationMs + ls * seconds * (erlangC / syncTheta) + la * seconds * asyncWait,
    admitted,
  );
  out.served += admitted;
  out.busyCoreSeconds += admitted / spec.mu;
  out.settled = true;
}

/**
 * Steps `from` … `to` − 1 of a pool whose cores stay as `call` has them (a static reservation), each
 * `call.seconds` long, at the rates of `total` (`asyncSeries` of them messages): each step's chart
 * demand and capacity (stats.beginStep), then servePool — its settled path written out in this loop,
 * the same operations in the same order, the rest by servePool itself. Returns the first step it did
 * not serve: one in which nothing arrives on a quiet pool (the caller takes such runs at once), or
 * `to`. Why: a call a step made each step wait for the one before — its chain of a division, the
 * Erlang table and a division again is most of the step, and with the call's own work around it the
 * next step's could not start meanwhile; in one loop they overlap. (The static model's steps: 216 →
 * 115 ms for bench:engine's design, alternated runs of each, 2026-12-05.) fast-paths.test.ts holds it
 * to servePool step by step.
 */
export function serveSteps(
  state: PoolState,
  spec: PoolSpec,
  call: PoolCall,
  stats: OptionStats,
  out: PoolOutcome,
  total: Float32Array,
  asyncSeries: Float32Array | null,
  from: number,
  to: number,
): number {
  const cores = call.cores;
  const full = cores * spec.mu;
  const table = call.table;
  const canDefer = stats.canDefer;
  const seconds = call.seconds;
  const cells = state.occupancy.select(cores);
  // What servePool reads and writes, kept here between its calls: the queues, the totals, and
  // whether a backlog stands (only servePool's general path starts or ends one).
  let syncQueueIn = state.syncQueue;
  let asyncQueueIn = state.asyncQueue;
  let served = out.served;
  let busy = out.busyCoreSeconds;
  let isClear = state.syncBacklog.isEmpty && state.asyncBacklog.isEmpty;
  let settled = out.settled;
  let i = from;
  for (; i < to; i++) {
    const rps = total[i] as number;
    const asyncRps = asyncSeries === null ? 0 : (asyncSeries[i] as number);
    // isQuiet, of the queues kept here.
    if (rps === 0 && asyncRps === 0 && full > 0 && syncQueueIn === 0 && asyncQueueIn === 0 && isClear) break;
    stats.beginStepOf(i, rps, full);
    const ls = rps - asyncRps;
    const la = asyncRps;
    const lambda = ls + la;
    if (lambda < full && isClear && canDefer) {
      // servePool's settled path.
      const rho = lambda / full;
      const erlangC = table.erlangC(rho);
      const syncTheta = (full - ls) / 1000;
      const syncQueue = (ls * erlangC) / (syncTheta * 1000);
      let settles = !mayFollow(syncQueueIn, syncQueue, full + ls, full - ls, seconds);
      let asyncQueue = 0;
      let asyncTheta = 0;
      if (settles && la > 0) {
        asyncTheta = (full * (1 - ls / full) * (1 - rho)) / 1000;
        asyncQueue = (la * erlangC) / (asyncTheta * 1000);
        settles = !mayFollow(asyncQueueIn, asyncQueue, lambda + full, full - lambda, seconds);
      }
      if (settles) {
        const asyncWait = la > 0 ? erlangC / asyncTheta : 0;
        asyncQueueIn = asyncQueue;
        syncQueueIn = syncQueue;
        const share = la === 0 ? 1 : lambda > 0 ? ls / lambda : 1;
        occupy(cells, rho, share, seconds);
        const admitted = lambda * seconds;
        stats.chartLatency(
          admitted * spec.durationMs + ls * seconds * (erlangC / syncTheta) + la * seconds * asyncWait,
          admitted,
        );
        served += admitted;
        busy += admitted / spec.mu;
        settled = true;
        continue;
      }
    }
    state.syncQueue = syncQueueIn;
    state.asyncQueue = asyncQueueIn;
    out.served = served;
    out.busyCoreSeconds = busy;
    call.syncRps = ls;
    call.asyncRps = la;
    call.now = i * seconds;
    servePool(state, spec, call, stats, out);
    syncQueueIn = state.syncQueue;
    asyncQueueIn = state.asyncQueue;
    served = out.served;
    busy = out.busyCoreSeconds;
    settled = out.settled;
    isClear = state.syncBacklog.isEmpty && state.asyncBacklog.isEmpty;
  }
  out.settled = settled;
  state.syncQueue = syncQueueIn;
  state.asyncQueue = asyncQueueIn;
  out.served = served;
  out.busyCoreSeconds = busy;
  return i;
}

/**
 * Whether a stretch in which nothing arrives may be served by `serveQuietRun`: nothing queued, no
 * backlog (what servePool's settled path leaves after such a stretch).
 */
export function isQuiet(state: PoolState): boolean {
  return state.syncQueue === 0 && state.asyncQueue === 0 && state.syncBacklog.isEmpty && state.asyncBacklog.isEmpty;
}

/** The settled cell of a stretch with nothing arriving: ρ 0, counted as sync (share 1). */
const QUIET_CELL = 3 * (OCCUPANCY_SHARES * (OCCUPANCY_POINTS + 1));

/** Below this every sum of whole seconds is exact (serveQuietRun, Autoscaler.payRun). */
export const EXACT_WHOLE = 2 ** 52;

/**
 * servePool's settled path for `count` stretches in a row with nothing arriving on `cores` > 0 cores
 * of a quiet pool (isQuiet), of stats that may defer (PartSink.canDefer), the first of `first`
 * seconds and the rest of `each` (a run of quiet steps): the same sums, to the bit, as `count` calls,
 * without the figures that are all 0 there (ρ, Erlang C and the queues are 0, the cell is QUIET_CELL,
 * the totals gain 0). Their additions of 0 — ρ·seconds to the cell, the chart's latency 0 over 0
 * requests — change nothing, as none of those sums is −0. The cell's seconds are added at once when
 * it and the stretches are whole numbers whose sum stays below EXACT_WHOLE (every partial sum is then
 * whole, each addition exact); otherwise stretch by stretch. An idle component (52 of bench:engine's
 * 200) and the quiet steps of the rest take it: the static, elastic-VM and burst step loops.
 */
export function serveQuietRun(
  state: PoolState,
  cores: number,
  first: number,
  each: number,
  count: number,
  out: PoolOutcome,
): void {
  const cells = state.occupancy.select(cores);
  const time = cells[QUIET_CELL] as number;
  const shared = cells[QUIET_CELL + 2] as number;
  const add = first + (count - 1) * each;
  if (
    Number.isInteger(time) &&
    Number.isInteger(shared) &&
    Number.isInteger(first) &&
    Number.isInteger(each) &&
    time + add < EXACT_WHOLE &&
    shared + add < EXACT_WHOLE
  ) {
    cells[QUIET_CELL] = time + add;
    cells[QUIET_CELL + 2] = shared + add;
  } else {
    for (let k = 0; k < count; k++) {
      const seconds = k === 0 ? first : each;
      cells[QUIET_CELL] = (cells[QUIET_CELL] as number) + seconds;
      cells[QUIET_CELL + 2] = (cells[QUIET_CELL + 2] as number) + seconds;
    }
  }
  out.settled = true;
}

/**
 * How fast a queue grows by diffusion: its mean length after t seconds from empty at ρ = 1 is
 * √(DIFFUSION·λt), the reflected random walk's √(4λt/π) (arrivals and services, both Poisson, each
 * add variance λ a second; the mean of the reflected walk is √(2/π) of its spread). Against an exact
 * transient M/M/5 at ρ 0.9999 (forward equations), minute by minute: within 2 % after the first.
 */
const DIFFUSION = 4 / Math.PI;

/**
 * Whether a stretch of `seconds` at rate λ on capacity cμ grows a queue of `queue` requests more by
 * diffusion than by the excess. From empty, diffusion leads for about DIFFUSION·λ/(λ − cμ)² seconds;
 * once the queue has grown, the excess does (a longer queue gains less from the same diffusion), and
 * the queue is a backlog. (Asked of each stretch from empty, a minute at ρ 1.02 stayed diffusive for
 * ever, so the queue never filled to the timeout as a real one does: waits levelled off at half the
 * timeout and the SLO minutes stopped counting, 22 violation minutes in an hour against 61.)
 */
function growsByDiffusion(lambda: number, full: number, seconds: number, queue: number): boolean {
  return (lambda - full) * seconds < Math.sqrt(queue * queue + DIFFUSION * lambda * seconds) - queue;
}

/** The sync load of a diffusive stretch at ρ ≥ 1, for its stationary figures (the ρ → 1 limit). */
const ALMOST_ONE = 1 - 1e-9;

/** Every other case: async work, saturation, backlogs; stretch by stretch. */
function serveGeneral(state: PoolState, spec: PoolSpec, call: PoolCall, stats: PartSink, out: PoolOutcome): void {
  // Numbers travel in `stretch` (one object, fields of doubles) rather than as arguments: a call
  // that is not inlined would box every number it passes.
  const s = stretch;
  s.cores = call.cores;
  s.full = call.cores * spec.mu;
  s.ls = call.syncRps;
  s.la = call.asyncRps;
  s.now = call.now;
  s.seconds = call.seconds;
  s.syncShare = s.ls + s.la > 0 ? s.ls / (s.ls + s.la) : 1;
  const leave = state.departures;
  leave.stats = stats;
  leave.out = out;
  for (let guard = 0; s.seconds > 1e-9 && guard < 8; guard++) {
    // At ρ = 1 and just above, a queue grows by diffusion faster than by the excess: served as the
    // ρ → 1 limit of a stationary stretch, whose waits are those of the queue reached so far. (The
    // fluid backlog saw no queue at all there: at λ = cμ exactly it caught up at once, and the
    // step's requests were cut, never counted.)
    // (With no core — a fleet scaled in to zero — nothing is served: a backlog, never a diffusion.)
    const isDiffusive =
      s.ls >= s.full &&
      s.full > 0 &&
      state.syncBacklog.isEmpty &&
      growsByDiffusion(s.ls, s.full, s.seconds, state.syncQueue);
    if ((s.ls >= s.full && !isDiffusive) || !state.syncBacklog.isEmpty) serveSyncBacklog(s, state, spec, stats, out);
    else serveStationary(s, state, spec, call, stats, out);
    s.now += s.used;
    s.seconds -= s.used;
  }
  // Eight stretches without finishing the call: a backlog that makes no progress. Its arrivals are
  // served at the ρ → 1 limit rather than lost (they used to go uncounted) — on no core, not served:
  // the sync ones time out, the messages wait. (Served at the limit of no core, 10⁻⁴² of a request
  // left behind by a rate of 10⁻⁴⁵ read NaN drops, and the joint choice threw.)
  if (s.seconds > 1e-9) {
    if (s.full > 0) serveStationary(s, state, spec, call, stats, out);
    else {
      state.asyncBacklog.add(s.la * s.seconds, s.now, s.now + s.seconds, (s.seconds / 60) * (1 - s.syncShare));
      const p = stats.partIn;
      p.seconds = s.seconds * s.syncShare;
      p.arrived = (s.ls + s.la) * s.seconds;
      p.dropped = s.ls * s.seconds;
      p.admitted = p.latency = p.p95 = p.spread = 0;
      p.late = p.chance = p.skew = Number.NaN;
      stats.commit();
      out.dropped += p.dropped;
    }
  }
}

/** What reflectedRate found: the rate to serve at, and the idle work to queue first (requests). */
const reflected = { rate: 0.5, ghost: 0.5 };

/**
 * How a sync backlog of `waiting` requests is served over an overloaded stretch (fills `reflected`).
 * A fluid grows by the excess alone, (λ − cμ)t; the queue's walk grows more, by up to σ²/2m requests
 * (σ² = λ + cμ, m = λ − cμ), most of it while the queue is short: its reflections at empty are idle
 * time the excess never makes up (relaxation.ts growQueue). A minute at ρ 1.03 from empty on 4 cores
 * of 50 ms queues 176 requests, not 144, and its requests waited a fifth more in the per-request
 * simulator than the fluid said (oracle-near-saturation.test.ts). So the stretch's fluid is made to
 * hold the walk's mean at its end and on average over the stretch: a ghost of idle work first (the
 * walk's early, √t growth) and the cores' rate less the rest of the idle time. Far from empty (beyond
 * about 20 σ²/m², where the walk's mean is within 10⁻⁶ of its asymptote) and where the mean reaches
 * the timeout's queue (patience × cμ, held there by the M/M/c+D at the full rate, backlog.ts): the
 * full rate and no ghost, as before.
 */
function reflectedRate(s: Stretch, waiting: number, patience: number): void {
  reflectedRateOf(s.ls, s.full, s.ls + s.full, s.seconds, waiting, patience * s.full);
}

/**
 * reflectedRate for `lambda` a second arriving at `capacity` a second, the walk's variance `sigma2`
 * a second, over `seconds`, from `waiting` requests, the mean held at `limit` requests (a timeout's
 * queue; none for messages): the sync backlog's (above) and the messages' behind sync work
 * (serveStationary), whose walk is the whole pool's (drift λ − cμ, variance λ + cμ).
 */
function reflectedRateOf(
  lambda: number,
  capacity: number,
  sigma2: number,
  seconds: number,
  waiting: number,
  limit: number,
): void {
  reflected.rate = capacity;
  reflected.ghost = 0;
  const m = lambda - capacity;
  if (!(m > 0) || !(seconds > 0) || waiting * m > 20.5 * sigma2) return;
  // The walk's mean gains at least the excess: already at the timeout's queue so, it is held there.
  if (!(waiting + m * seconds < limit)) return;
  growQueue(waiting, m, sigma2, seconds);
  if (!(growth.end < limit)) {
    // The walk's mean would pass the timeout's queue, which holds it down: its mean under that
    // ceiling. Its losses there keep it below what the excess adds, so the rate stays the cores' and
    // only a ghost lifts the fluid to the walk's mean over the stretch. (Without it, an hour at ρ 1.02
    // as one step on one core of 1 s with a 100 s timeout rose by the excess alone, 72 requests where
    // the walk's mean nears 60 within a quarter of it: the month's mean latency read 16 % short.)
    if (!growBelowCeiling(waiting, m, sigma2, limit, seconds)) return;
    const lift = growth.reach - waiting - (m * seconds) / 2;
    if (!(lift > 0) || !(waiting + lift + m * seconds < limit)) return;
    reflected.ghost = lift;
    return;
  }
  // A ghost g first and a rate r after: the fluid ends at q0 + g + (λ − r)T = end and averages
  // (q0 + g + end) ÷ 2 = reach. The walk's mean grows faster early, so g ≥ 0 and r ≤ cμ.
  const ghost = 2 * growth.reach - growth.end - waiting;
  const g = ghost > 0 ? ghost : 0;
  const rate = lambda - (growth.end - waiting - g) / seconds;
  if (!(rate < capacity)) return;
  reflected.rate = rate;
  reflected.ghost = g;
}

/**
 * The share of a sync stretch's `ls` a second that give up, where a queue of `q0` is still on its way
 * (growing near the rate, or just over it): the requests its walk pushes past the timeout's queue,
 * patience × cμ (relaxation.ts overflowAfter), over the stretch. Their level is the exact M/M/c+D's
 * (backlog.ts): the walk's stationary rate α is scaled to it, as the diffusion overstates a ceiling
 * of a few requests (5 requests: 20 % against 14 %), and the walk says only how much of it the
 * stretch reaches. Why: the stationary share over a stretch that starts empty, the fluid's excess, or
 * the mean's wait alone each dropped what the walk's spread does not: on 2 cores of 1 s with a 29 s
 * timeout, five minutes a day at ρ 1.0 / 1.02 / 1.05 (one 5-minute step) dropped 3 / 520 / 0 in a
 * month where the per-request simulator drops 64 / 131 / 284, and now 78 / 139 / 294
 * (oracle-near-saturation.test.ts). NaN where the walk is not used (no timeout, nothing arriving, a
 * ceiling already reached, a drift up too steep for its series: a fluid's).
 */
function walkAbandoned(q0: number, ls: number, full: number, cores: number, patience: number, seconds: number): number {
  if (!(ls > 0) || !(full > 0) || !(patience < Number.POSITIVE_INFINITY) || !(seconds > 0)) return Number.NaN;
  const lost = overflowAfter(q0, ls - full, ls + full, patience * full, seconds);
  if (!(lost > 0)) return lost;
  const alpha = ceilingWalk.rate;
  const exact = impatienceOf(impatience, ls, cores, full, patience).abandoned * ls;
  const share = (alpha > 0 ? (lost * exact) / alpha : lost) / (ls * seconds);
  return share < 1 ? share : 1;
}

/** Sync work beyond the cores: a backlog served at full rate until it catches up. */
function serveSyncBacklog(s: Stretch, state: PoolState, spec: PoolSpec, stats: PartSink, out: PoolOutcome): void {
  const backlog = state.syncBacklog;
  // A queue grown so far (by diffusion, or a stationary one) is where the backlog starts: its requests
  // were counted when they arrived, so they only hold the cores (a ghost), as long as they wait.
  // (Less than a request is nothing to wait behind: a ghost of 0.001 over a microsecond "caught up"
  // at once and cut the step's real requests.)
  if (backlog.isEmpty && state.syncQueue >= 1 && s.ls > 0)
    backlog.addGhost(state.syncQueue, s.now - Math.max(state.syncQueue / s.ls, 1e-6), s.now);
  const patience = spec.patienceMs / 1000;
  // Over the rate, the walk about the fluid reaches the timeout's queue (patience × cμ, the ceiling)
  // before the fluid does. Where the walk stands is its mean: the backlog's length, or, right after a
  // stretch the walk turned requests away from, the walk's mean then (the backlog holds only those let
  // in; aged by its own length it started younger every stretch, and a steady ρ 1.02 on one core of
  // 20 ms with a 2 s timeout dropped 13 % short, oracle-hard-cases.test.ts).
  // - Below its stationary mean (ceilingMean) the walk is on its way, and it loses walkAbandoned's
  //   share (below).
  // - At that mean it is stationary: the M/M/c+D's share times out and those served wait spread
  //   below the timeout (backlog.ts), as a queue held at the timeout does, from now on and not once
  //   the fluid has risen that far. Risen at its excess, the fluid took (L − mean) ÷ (λ − cμ) more
  //   and dropped nothing meanwhile: 15 minutes a day at ρ 1.02 on 2 cores of 1 s with a 29 s
  //   timeout, at 5-minute steps (ten minutes of that climb), dropped 584 in a month against the
  //   per-request simulator's 1,097 (8 seeds), now 1,097.
  const ceiling = patience * s.full;
  const waiting = backlog.waiting;
  const walkMean = s.ls > s.full ? ceilingMean(s.ls - s.full, s.ls + s.full, ceiling) : Number.NaN;
  const carried = Math.abs(state.walkAt - s.now) < 1e-6 && state.walkLevel > waiting;
  const level = carried ? state.walkLevel : waiting;
  state.walkAt = Number.NaN;
  if (carried && !(s.ls > s.full) && s.ls > 0) {
    // Back under the rate, the queue drains from where the walk stands, not from the backlog of those
    // let in: those turned away were the walk's overflow, and the walk stays as high.
    const gap = level - waiting;
    backlog.addGhost(gap, s.now - gap / s.ls, s.now);
  }
  // (At that mean, not within SETTLED_SHARE of it: held that early, over H50's 207 cases the drops'
  // mean error went 9.5 → 10.4 % and the mean latency's 4.2 → 5.2 %, measured before the drain's lift
  // above, with which they are 9.6 % and 4.1 % without the tolerance.)
  const isHeld = level >= walkMean && waiting < ceiling;
  // Under the rate: the walk's mean as it drains, and where the backlog hands over (NaN: it does not).
  let handover = Number.NaN;
  drainSpread = Number.NaN;
  if (isHeld) {
    reflected.rate = s.full;
    reflected.ghost = 0;
  } else if (s.ls < s.full && s.ls > 0) handover = followDrain(s, state, level, ceiling);
  else reflectedRate(s, waiting, patience);
  if (!(s.ls < s.full)) state.drainAt = Number.NaN;
  const rate = reflected.rate;
  const start = waiting + reflected.ghost;
  const end = start + (s.ls - rate) * s.seconds;
  // Those the walk loses are the last to come, when it stands highest: the rest arrive as they would,
  // and wait as long. (Taken evenly from the whole stretch, the fluid stood lower all along: 15 minutes
  // at ρ 1.1 on one core of 1 s with a 100 s timeout read the p95 30 % short, H49.)
  let window = s.seconds;
  // The walk's mean at the stretch's end, once asked (the cut below and the carry after it both read it).
  let after = Number.NaN;
  if (s.ls > s.full && level < walkMean) {
    const walk = walkAbandoned(level, s.ls, s.full, s.cores, patience, s.seconds);
    if (end < ceiling) {
      if (walk >= 0) window = s.seconds * (1 - walk);
    } else if (walk > 0) {
      // A fluid that reaches the ceiling within the stretch drops only its excess there (end − ceiling),
      // from the moment it arrives; the walk reaches it sooner and loses more (five minutes at ρ 1.1
      // on 2 cores of 1 s with a 29 s timeout, one 5-minute step: 60 dropped in a month against the
      // per-request simulator's 604, H49; now 439). The difference is turned away at the stretch's
      // end, where the fluid stands at the ceiling: each arrival taken out there would have been
      // dropped with the chance (λ − cμ) ÷ λ anyway, so (lost − excess) ÷ cμ seconds of them make up
      // the walk's loss. Never more than the fluid can lose while it drains and still end at the
      // walk's mean: turned away past that, it ended far below, and a short timeout's queue emptied
      // (8 cores of 100 ms at ρ 1.01, 1 s timeout, 1-minute steps: 19 % too few drops; 15 minutes at
      // ρ 1.02 then 0.98 on 2 cores of 1 s: the mean 17 % low as it drained from too short a queue, H50).
      const lost = walk * s.ls * s.seconds;
      const excess = end - ceiling;
      after = walkMeanAfter(level, s.ls - s.full, s.ls + s.full, ceiling, s.seconds);
      const most = (ceiling - after) / rate;
      const extra = (lost - excess) / rate;
      const cut = s.seconds - (extra < most ? extra : most);
      if (cut < s.seconds) {
        const reach = (ceiling - start) / (s.ls - rate);
        window = cut > reach ? cut : reach;
      }
    }
  }
  const isWalk = window < s.seconds;
  if (reflected.ghost > 0) backlog.addGhost(reflected.ghost, s.now - 1e-6, s.now);
  // The walk's variance over the stretch, where it grows freely below the timeout's queue: its
  // variance so far plus (λ + cμ) a second, but no more than a walk's grown from empty at this drift
  // to this length has (its reflections at empty hold that back). Not known so far: as grown from
  // empty. Those arriving find the queue at the stretch's middle, spread so.
  let spreadEnd = Number.NaN;
  if (s.ls > s.full && !isHeld && !isWalk && end < ceiling) {
    const drift = s.ls - s.full;
    const variance = s.ls + s.full;
    const carried = Math.abs(state.walkSpreadAt - s.now) < 1e-6;
    const fromEmpty = (q: number) => {
      const cv = spreadOfQueue(q, drift, variance);
      return q * q * cv * cv;
    };
    const spreadStart = carried ? state.walkSpread : fromEmpty(start);
    const middle = (start + end) / 2;
    const free = spreadStart + (variance * s.seconds) / 2;
    const atMiddle = fromEmpty(middle);
    backlog.nextSpread = Math.sqrt(free < atMiddle ? free : atMiddle) / middle;
    const freeEnd = spreadStart + variance * s.seconds;
    const atEnd = fromEmpty(end);
    spreadEnd = freeEnd < atEnd ? freeEnd : atEnd;
  }
  if (drainSpread >= 0) backlog.nextSpread = drainSpread;
  backlog.add(s.ls * window, s.now, s.now + window, (s.seconds / 60) * s.syncShare);
  backlog.servers = s.cores;
  s.used = backlog.serve(rate, s.now, s.seconds, patience, state.departures, isHeld ? 0 : undefined);
  if (s.used < s.seconds) backlog.cutAfter(s.now + s.used);
  // Carried only where the backlog still stands at the stretch's end (one that caught up has no walk
  // to carry; aged over the whole stretch, it would have been older than it was).
  else if (isWalk || isHeld) {
    if (!isHeld && Number.isNaN(after)) after = walkMeanAfter(level, s.ls - s.full, s.ls + s.full, ceiling, s.seconds);
    state.walkLevel = isHeld ? level : after;
    state.walkAt = s.now + s.seconds;
  }
  if (spreadEnd >= 0 && s.used >= s.seconds) {
    state.walkSpread = spreadEnd;
    state.walkSpreadAt = s.now + s.seconds;
  } else state.walkSpreadAt = Number.NaN;
  // Messages arriving meanwhile wait behind it.
  state.asyncBacklog.add(s.la * s.used, s.now, s.now + s.used, (s.used / 60) * (1 - s.syncShare));
  // Handed over, the queue the fluid leaves is the walk's (serveStationary drains it from there).
  state.syncQueue = handover > 0 && s.used < s.seconds ? handover : 0;
  state.asyncQueue = 0;
  const p = stats.partIn;
  p.seconds = 0;
  p.arrived = (s.ls + s.la) * s.used;
  p.admitted = p.latency = p.p95 = p.spread = 0;
  // (A fluid that caught up before the stretch's end leaves the rest of it to the next part, which
  // has those arrivals again: only what this part turned away is lost.)
  p.dropped = isWalk && s.used > window ? s.ls * (s.used - window) : 0;
  p.late = p.chance = p.skew = Number.NaN;
  stats.commit();
  out.dropped += p.dropped;
  out.busyCoreSeconds += s.cores * s.used;
}

/** The spread of the queue those arriving in followDrain's stretch find (NaN: not a walk's drain; serveSyncBacklog clears it before each call). */
let drainSpread = Number.NaN;

/**
 * How a sync backlog drains under the rate (fills `reflected`; returns the walk's mean where the fluid
 * empties within the stretch, NaN otherwise). A fluid drains at the spare rate cμ − λ to empty and
 * stays there; the queue's walk (drift λ − cμ, variance λ + cμ a second) reflects at empty, and from a
 * spread start its long realisations drain slowly while the short ones reflect: its mean stays higher
 * and settles at the stationary queue from above (relaxation.ts sharedReflectedMean, from the eighths
 * of the spread the walk had grown to when the drain started, PoolState.walkSpread, or from a point
 * where that is not known; its drift and variance summed over the drain). The fluid is served at the
 * rate that ends each stretch at the walk's mean. Where it would empty within the stretch at the full
 * rate, it does, and leaves the walk's mean then as the stationary stretch's queue (serveStationary
 * drains it on, serveSyncBacklog). Why: fifteen minutes at ρ 1.05 then thirty at 0.95 on one core of
 * 1 s (900 s timeout), drained as a fluid, read the hour's mean latency 21 % short of the per-request
 * simulator's.
 */
function followDrain(s: Stretch, state: PoolState, level: number, ceiling: number): number {
  reflected.ghost = 0;
  reflected.rate = s.full;
  // Above the timeout's queue, those past it time out as the fluid drains: no walk to follow yet.
  if (!(level < ceiling)) {
    state.drainAt = Number.NaN;
    return Number.NaN;
  }
  const spare = s.full - s.ls;
  const variance = s.full + s.ls;
  // A drain goes on where the last stretch left the fluid at the walk's mean: one whose requests timed
  // out meanwhile (those that waited through the burst) starts again from what is left.
  if (!(Math.abs(state.drainAt - s.now) < 1e-6) || !(Math.abs(level - state.drainEnd) <= 1e-6 * level + 1e-9)) {
    state.drainFrom = level;
    state.drainDrift = 0;
    state.drainVariance = 0;
    state.drainSeconds = 0;
    if (Math.abs(state.walkSpreadAt - s.now) < 1e-6 && level > 0)
      queueSpread(1, shapeOfSpread(Math.sqrt(state.walkSpread) / level), 1, state.drainShares);
    else state.drainShares.fill(1);
  }
  // A fluid that empties within the stretch hands over where it does, at the walk's mean then.
  const fluidEnd = level - spare * s.seconds;
  const seconds = fluidEnd > 0 ? s.seconds : level / spare;
  const t = state.drainSeconds + seconds;
  // The walk is free below the timeout's queue only: where its high realisations (the top share and
  // three deviations of what the drain has added) reach it, those time out instead, and the fluid,
  // which loses them, is nearer the walk than a free walk's mean (a load alternating about ρ 1 with
  // a 60 s timeout on 4 cores of 1 s read the mean latency 17 % over the per-request simulator's).
  const top =
    state.drainFrom * (state.drainShares[SPREAD_POINTS - 1] as number) +
    3 * Math.sqrt(state.drainVariance + variance * seconds);
  if (!(top < ceiling)) {
    state.drainAt = Number.NaN;
    return Number.NaN;
  }
  const drift = (state.drainDrift - spare * seconds) / t;
  const sigma2 = (state.drainVariance + variance * seconds) / t;
  const end = sharedReflectedMean(state.drainFrom, state.drainShares, drift, sigma2, t);
  // Those arriving find the walk spread about its mean as it stands halfway (their waits spread so).
  const middle = state.drainSeconds + seconds / 2;
  drainSpread = sharedReflectedSpread(
    state.drainFrom,
    state.drainShares,
    (state.drainDrift - (spare * seconds) / 2) / middle,
    (state.drainVariance + (variance * seconds) / 2) / middle,
    middle,
  );
  if (!(fluidEnd > 0)) {
    state.drainAt = Number.NaN;
    return end;
  }
  state.drainDrift -= spare * seconds;
  state.drainVariance += variance * seconds;
  state.drainSeconds = t;
  state.drainAt = s.now + s.seconds;
  state.drainEnd = fluidEnd;
  if (end > fluidEnd) {
    const rate = s.ls - (end - level) / s.seconds;
    reflected.rate = rate > s.ls ? rate : s.ls;
    state.drainEnd = level + (s.ls - reflected.rate) * s.seconds;
  }
  return Number.NaN;
}

/** Sync work stationary; async work stationary too, or draining a backlog with the cores left over. */
function serveStationary(
  s: Stretch,
  state: PoolState,
  spec: PoolSpec,
  call: PoolCall,
  stats: PartSink,
  out: PoolOutcome,
): void {
  const ls = s.ls;
  const la = s.la;
  const full = s.full;
  const q0 = state.syncQueue;
  // Below 1 but for a diffusive stretch at ρ ≥ 1 (serveGeneral), whose limit is taken.
  const syncLoad = ls < full ? ls : full * ALMOST_ONE;
  const rhoSync = syncLoad / full;
  const rho = (ls + la) / full;
  s.erlangC = rho < 1 ? call.table.erlangC(rho) : 1;
  s.isSettled = true;
  s.isCarried = false;
  // Messages at a total ρ of 1, or just over it, queue by diffusion as sync requests do (serveGeneral).
  const lambda = ls + la;
  const isAsyncDiffusive =
    rho >= 1 && state.asyncBacklog.isEmpty && growsByDiffusion(lambda, full, s.seconds, state.asyncQueue);
  s.isAsyncBacklog = (rho >= 1 && la > 0 && !isAsyncDiffusive) || !state.asyncBacklog.isEmpty;
  // The sync class sees every core busy whenever async work is backed up behind it.
  s.syncC = s.isAsyncBacklog ? 1 : s.erlangC;
  s.syncTheta = (full - syncLoad) / 1000; // per ms
  shares(sync, s.syncC, s.syncTheta, rhoSync, spec.patienceMs);
  // Near saturation a queue reaches its stationary length slowly, by diffusion (DIFFUSION). Until it
  // gets there its requests wait as long as the queue they find: an exponential wait of mean the
  // stretch's average reach ÷ λ. (Not θ scaled by the stationary queue over the reach: with a
  // timeout the stationary queue is the truncated one, about λ × half the timeout near ρ = 1, and
  // the waits came out 7 s where the queue had grown to 1.1 s of arrivals.)
  const syncStationary = (ls * sync.meanQueueMs) / 1000;
  let syncEnd = Number.NaN;
  if (syncStationary > 1 && ls >= full) {
    // The reflected walk's mean at its drift (relaxation.ts growQueue). (Its diffusion and its excess
    // added, a minute at ρ 1.01 on 4 cores of 50 ms queued 127 requests where the walk's mean is 105,
    // and its mean latency read 22 % over the per-request simulator's: oracle-near-saturation.test.ts.)
    growQueue(state.syncQueue, ls - full, ls + full, s.seconds);
    syncEnd = growth.end;
    if (syncStationary > syncEnd) {
      s.syncTheta = (s.syncC * ls) / (1000 * growth.reach);
      s.isSettled = false;
      shares(sync, s.syncC, s.syncTheta, rhoSync, spec.patienceMs);
    } else {
      syncEnd = Number.NaN;
      // Settled at or just over the rate: the waits are the ρ → 1 limit's, and the share that times
      // out is the M/M/c+D's at the rate itself (backlog.ts), not the limit's: at ρ 1.01 on 8 cores
      // of 200 ms with a 1.5 s timeout, 2.1 % (the simulator's 2.1 %) where the limit gave 1.6 %.
      const held = impatienceOf(impatience, ls, s.cores, full, spec.patienceMs / 1000);
      sync.abandoned = held.abandoned;
      // And those served that found a free server waited nothing: the limit's shares wait all but
      // a sliver (Erlang C → 1), so its waits are scaled to the rest.
      if (held.noWait > sync.noWait) {
        const scale = (1 - held.noWait) / (1 - sync.noWait);
        sync.wait *= scale;
        sync.truncated *= scale;
        sync.meanWaitMs *= scale;
        sync.noWait = held.noWait;
      }
      // Just over the rate the waits lean towards the timeout (density e^(ax) on (0, D), a = λ − cμ),
      // where the limit's are even: the mean is the M/M/c+D's, D − (1/a − D/(e^(aD) − 1)) for those
      // that wait (8 cores of 200 ms at ρ 1.01, 1.5 s: 994 ms, the simulator's 1,005; even, 922).
      const a = ls - full;
      const patience = spec.patienceMs / 1000;
      if (a * patience > 1e-6)
        sync.meanWaitMs = 1000 * (1 - sync.noWait) * (patience - meanBelowLimit(a * patience, patience));
    }
  } else if (ls > 0 && followQueue(state.syncQueue, syncStationary, full + ls, full - ls, s.seconds)) {
    syncEnd = course.end;
    s.isSettled = false;
    if (s.syncC > 0) {
      s.syncTheta = (s.syncC * ls) / (1000 * course.reach);
      shares(sync, s.syncC, s.syncTheta, rhoSync, spec.patienceMs);
    } else sync.meanWaitMs = (1000 * course.reach) / ls;
    // (Erlang C negligible, read as 0: none waits at the stationary state, yet a queue left before
    // drains. The walk's wait weighs C at a rate in proportion to C, a mean of reach ÷ λ whatever C:
    // at 0 that is 0 ÷ 0, and a fuzzed design's mean read NaN, shown as 0 (H40). Its limit is kept:
    // the mean, with no share of the requests' percentiles.)
  }
  // A queue still on its way (or at the rate's limit) drops what its walk pushes past the timeout's
  // queue, not the stationary share (walkAbandoned).
  if (ls >= full || !s.isSettled) {
    const walk = walkAbandoned(q0, ls, full, s.cores, spec.patienceMs / 1000, s.seconds);
    if (walk >= 0) sync.abandoned = walk;
  }
  state.syncQueue = syncEnd >= 0 ? syncEnd : (ls * sync.meanQueueMs) / 1000;
  s.used = s.seconds;
  s.asyncTheta = 0;
  s.asyncDrainMs = 0;
  if (s.isAsyncBacklog) {
    // The async backlog drains with what sync work leaves, until it has caught up.
    const backlog = state.asyncBacklog;
    // The messages queued so far hold the cores first (as sync requests' do, serveSyncBacklog).
    if (backlog.isEmpty && state.asyncQueue >= 1 && la > 0)
      backlog.addGhost(state.asyncQueue, s.now - Math.max(state.asyncQueue / la, 1e-6), s.now);
    // Messages that find no backlog and arrive no faster than the cores left serve them (ρ = 1 to the
    // bit, or the timeouts freeing a little) would leave at once, the fluid queue "caught up" with
    // nothing served, and the stretch never counted: they leave at their own rate, waiting nothing.
    const leftover = full - syncLoad * (1 - sync.abandoned);
    let rate = backlog.isEmpty && leftover >= la ? la * ALMOST_ONE : leftover;
    // Over the rate the cores leave them, messages alone queue as the pool's reflected walk does, more
    // than the excess alone (reflectedRate, as sync requests' backlog: 100 % messages at ρ 1.02 and
    // 1.03 read their mean 30 % and 20 % low against the per-request simulator, as sync requests did;
    // oracle-near-saturation.test.ts). Not yet beside sync requests: there the backlog held longer
    // also makes the sync requests wait as behind a full pool (syncC 1), and half-and-half at ρ
    // 1.02–1.05 read the mean right but the p95 30–44 % high, where without it the mean reads 30–8 %
    // low and the p95 25 % low to 8 % high (2026-12-07).
    if (la > leftover && ls === 0) {
      reflectedRateOf(la, leftover, lambda + full, s.seconds, backlog.waiting, Number.POSITIVE_INFINITY);
      rate = reflected.rate;
      if (reflected.ghost > 0) backlog.addGhost(reflected.ghost, s.now - 1e-6, s.now);
    }
    // A minute misses its SLO on all its requests together: when more than 5 % of them are messages
    // stuck behind a backlog, it misses whatever its sync requests do. So the messages carry the
    // minutes of the sync requests that arrive with them (their share and p95, known now), and count
    // them when they leave and learn their wait (OptionStats.left).
    s.isCarried = stats.hasSlo && ls > 0 && la > 0;
    backlog.add(
      la * s.seconds,
      s.now,
      s.now + s.seconds,
      (s.seconds / 60) * (1 - s.syncShare),
      s.isCarried ? s.syncShare : 0,
      s.isCarried ? stepP95(s.syncC, s.syncTheta, spec.nu) : 0,
    );
    s.used = backlog.serve(rate, s.now, s.seconds, Number.POSITIVE_INFINITY, state.departures);
    if (s.used < s.seconds) backlog.cutAfter(s.now + s.used);
    state.asyncQueue = 0;
  } else if (la > 0) {
    // Messages wait for the cores sync work leaves: Cobham's priority-queue mean, as an exponential.
    s.asyncTheta = (full * (1 - rhoSync) * (1 - (rho < 1 ? rho : ALMOST_ONE))) / 1000;
    const asyncStationary = (la * s.erlangC) / (s.asyncTheta * 1000);
    if (rho >= 1) {
      // A diffusive stretch at a total ρ of 1 or just over (the ρ → 1 limit): the whole pool's reflected
      // walk's mean (growQueue, as the sync requests'; its diffusion and excess added read 100 %
      // messages' mean 22 % high at ρ 1.01 against the per-request simulator).
      growQueue(state.asyncQueue, lambda - full, lambda + full, s.seconds);
      const asyncEnd = growth.end;
      if (asyncStationary > asyncEnd) {
        s.asyncTheta *= asyncStationary / growth.reach;
        s.isSettled = false;
        state.asyncQueue = asyncEnd;
      } else state.asyncQueue = asyncStationary;
    } else if (followQueue(state.asyncQueue, asyncStationary, lambda + full, full - lambda, s.seconds)) {
      // The whole pool's walk moves the messages' queue: sync work takes its cores first. (Erlang C
      // read as 0: the walk's mean alone, as the sync requests' above.)
      if (s.erlangC > 0) s.asyncTheta *= asyncStationary / course.reach;
      else s.asyncDrainMs = (1000 * course.reach) / la;
      s.isSettled = false;
      state.asyncQueue = course.end;
    } else state.asyncQueue = asyncStationary;
  } else state.asyncQueue = 0;
  // The curves are tabulated below ρ = 1: a diffusive stretch settled at the ρ → 1 limit is measured.
  const curve =
    stats.hasSlo && s.isSettled && !s.isAsyncBacklog && lambda < full
      ? (call.curve ??= findSloCurve(s.cores, spec, stats.sloMs))
      : null;
  recordStationary(s, spec, curve, stats, out);
}

/** The stationary classes' requests of a stretch: latency pieces, figures, and the part itself. */
function recordStationary(s: Stretch, spec: PoolSpec, curve: SloCurve | null, stats: PartSink, out: PoolOutcome): void {
  const d = spec.durationMs;
  const mix = stats.mix;
  const syncIn = s.ls * s.used;
  const syncDropped = syncIn * sync.abandoned;
  s.syncAdmitted = syncIn - syncDropped;
  s.asyncAdmitted = s.isAsyncBacklog ? 0 : s.la * s.used;
  let latency = 0;
  if (s.syncAdmitted > 0) {
    mix.addNoWait(s.syncAdmitted * sync.noWait);
    if (sync.wait > 0) mix.addWait(s.syncAdmitted * sync.wait, s.syncTheta);
    if (sync.truncated < 0) mix.addCut(s.syncAdmitted * sync.truncated, s.syncTheta);
    latency = s.syncAdmitted * (d + sync.meanWaitMs);
  }
  if (s.asyncAdmitted > 0) {
    mix.addNoWait(s.asyncAdmitted * (1 - s.erlangC));
    if (s.erlangC > 0) mix.addWait(s.asyncAdmitted * s.erlangC, s.asyncTheta);
    latency += s.asyncAdmitted * (d + s.erlangC / s.asyncTheta);
  }
  if (s.asyncAdmitted > 0 && s.asyncDrainMs > 0) {
    latency += s.asyncAdmitted * s.asyncDrainMs;
  }
  const admitted = s.syncAdmitted + s.asyncAdmitted;
  const p = stats.partIn;
  p.p95 = 0;
  p.spread = 0;
  p.late = p.chance = p.skew = Number.NaN;
  p.deferred = s.isAsyncBacklog && s.isCarried;
  if (curve && admitted > 0 && s.isSettled && !s.isAsyncBacklog) {
    // Settled at its stationary state: the pool's tabulated curve (slo-curve.ts).
    curve.read((s.ls + s.la) / s.full, s.syncAdmitted / admitted);
    p.p95 = curve.p95;
    p.spread = curve.spread;
    p.skew = curve.skew;
    p.chance = curve.chance;
    p.tailLate = curve.late;
  } else if (stats.hasSlo && admitted > 0) {
    // Far below the SLO a bound will do: P(W + D > a + b) ≤ P(W > a) + P(D > b), each at 2.5 %.
    const nu = spec.nu;
    const syncBound = s.syncAdmitted > 0 ? LN40 / nu + (s.syncC > 0.025 ? Math.log(40 * s.syncC) / s.syncTheta : 0) : 0;
    const asyncBound =
      s.asyncAdmitted > 0 ? LN40 / nu + (s.erlangC > 0.025 ? Math.log(40 * s.erlangC) / s.asyncTheta : 0) : 0;
    p.p95 = syncBound > asyncBound ? syncBound : asyncBound;
    if (p.p95 > stats.sloMs / 4) measureNearSlo(s, spec, stats);
  }
  // Messages in a backlog count their SLO minutes when they leave; this stretch keeps the rest.
  p.seconds = s.isAsyncBacklog ? s.used * s.syncShare : s.used;
  p.arrived = syncIn + s.la * s.used;
  p.admitted = admitted;
  p.dropped = syncDropped;
  p.latency = latency;
  // A stationary queue drops only while it stands near the timeout, in bursts (clumpOfBursts).
  if (syncDropped > 0) p.clump = clumpOfBursts((s.ls + s.la) / s.full);
  stats.commit();
  out.served += admitted;
  out.dropped += syncDropped;
  out.busyCoreSeconds += s.isAsyncBacklog ? s.cores * s.used : admitted / spec.mu;
}

/**
 * The p95 of a stationary stretch whose bound came near the SLO: the tables give each class's; a mix
 * of classes, or a timeout that cuts the tail, is solved exactly (it lies between its parts' p95s,
 * or below the untruncated one). Then how much a minute's p95 wanders (minute-spread.ts), and with
 * few requests a minute the share later than the SLO (such a minute's p95 is its worst request).
 */
function measureNearSlo(s: Stretch, spec: PoolSpec, stats: PartSink): void {
  const p = stats.partIn;
  const nu = spec.nu;
  const syncP95 = s.syncAdmitted > 0 ? stepP95(s.syncC, s.syncTheta, nu) : 0;
  const asyncP95 = s.asyncAdmitted > 0 ? stepP95(s.erlangC, s.asyncTheta, nu) : 0;
  let p95 = syncP95 > asyncP95 ? syncP95 : asyncP95;
  const isNear = p95 > stats.sloMs / 4 && p95 < stats.sloMs * 4;
  if (isNear && (sync.truncated < 0 || (s.asyncAdmitted > 0 && s.syncAdmitted > 0))) {
    dist.reset(nu);
    dist.add(s.syncAdmitted * sync.noWait, 0, 0);
    dist.add(s.syncAdmitted * sync.wait, 0, s.syncTheta);
    dist.add(s.syncAdmitted * sync.truncated, spec.patienceMs, s.syncTheta);
    dist.add(s.asyncAdmitted * (1 - s.erlangC), 0, 0);
    dist.add(s.asyncAdmitted * s.erlangC, 0, s.asyncTheta);
    const low = s.syncAdmitted > 0 && s.asyncAdmitted > 0 ? Math.min(syncP95, asyncP95) : 0;
    p95 = dist.quantile(0.95, low * 0.999, p95 * 1.001);
  }
  p.p95 = p95;
  if (isNear) {
    p.spread =
      s.asyncAdmitted === 0
        ? minuteSpread(s.syncC, s.syncTheta * 1000, nu * 1000, s.full, s.ls + s.la, spec.mu, p95, p, spec.patienceMs)
        : s.syncAdmitted === 0
          ? minuteSpread(s.erlangC, s.asyncTheta * 1000, nu * 1000, s.full, s.ls + s.la, spec.mu, p95, p)
          : computeMixedMinuteSpread(
              s.syncAdmitted / (s.syncAdmitted + s.asyncAdmitted),
              s.syncC,
              s.syncTheta * 1000,
              s.erlangC,
              s.asyncTheta * 1000,
              nu * 1000,
              s.full,
              s.ls + s.la,
              spec.mu,
              p95,
              p,
              spec.patienceMs,
            );
  }
  const admitted = s.syncAdmitted + s.asyncAdmitted;
  if (p95 > stats.sloMs / 8 && (admitted * 60) / s.used < FEW_PER_MINUTE) {
    const slo = stats.sloMs;
    const service = Math.exp(-nu * slo);
    p.late =
      (s.syncAdmitted * lateShareOf(sync, slo, s.syncTheta, nu, spec.patienceMs) +
        s.asyncAdmitted *
          ((1 - s.erlangC) * service + (s.erlangC > 0 ? s.erlangC * hypoSurvival(slo, s.asyncTheta, nu) : 0))) /
      admitted;
  }
}
