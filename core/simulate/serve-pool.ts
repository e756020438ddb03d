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
 * - backlog, when the load reaches the cores (ρ ≥ 1) or a queue built up earlier is longer than the
 *   stationary one: a fluid queue that fills at λ − cμ and drains at cμ − λ across steps. A sync
 *   request waits what is ahead of it, queue ÷ cμ (its timeout keeps that short); a sync queue holds
 *   at most cμ × timeout requests, beyond which requests would wait past their timeout and fail
 *   (dropped). Messages may wait for hours while the cores change under them, so each learns its
 *   wait when it leaves (async-cohorts.ts).
 * There is no cap below ρ = 1: a pool at 99 % is as slow as M/M/c says.
 */
import { Cohorts, type DoneCohort } from './async-cohorts';
import type { ErlangTable } from './erlang-table';
import type { LatencyMixture } from './latency-mixture';
import { computeMinuteSpread } from './minute-spread';
import { ResponseDist } from './response-dist';
import { computeShares, createShares } from './response-time';
import { computeStepP95 } from './step-quantile';

// Bound once: under a CommonJS transform (tsx, the CLI) an imported name is a getter per call.
const shares = computeShares;
const stepP95 = computeStepP95;
const minuteSpread = computeMinuteSpread;

/** Where a pool reports what it served: OptionStats, or a collector that merges two pools (burst). */
export interface PartSink {
  /** Whether parts need their p95 (the component has an SLO), and the SLO, ms. */
  readonly hasSlo: boolean;
  readonly sloMs: number;
  /** The horizon's latency distribution, fed piece by piece. */
  readonly mix: LatencyMixture;
  /**
   * One stretch: its length, requests arrived, admitted, dropped, admitted latency sum (ms), p95 (ms),
   * and how much one minute's p95 wanders around it (σ of its logarithm, minute-spread.ts).
   */
  part(
    seconds: number,
    arrived: number,
    admitted: number,
    dropped: number,
    latencySumMs: number,
    p95Ms: number,
    spread: number,
  ): void;
  /** Messages of a backlog, answered now; their waits run evenly from the first's to the last's. */
  answered(cohort: DoneCohort): void;
}

/** What a pool carries from one stretch to the next: its queues, in requests, and the messages waiting. */
export interface PoolState {
  syncQueue: number;
  asyncQueue: number;
  backlog: Cohorts;
}

export function createPoolState(): PoolState {
  return { syncQueue: 0, asyncQueue: 0, backlog: new Cohorts() };
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
}

export function createPoolOutcome(): PoolOutcome {
  return { served: 0, dropped: 0, busyCoreSeconds: 0 };
}

const sync = createShares();
const part = new ResponseDist();
/** Backlog delays are spread over a stretch at these quantile midpoints (a uniform, four points). */
export const SPREAD = [0.125, 0.375, 0.625, 0.875] as const;

/**
 * Serves `syncRps` and `asyncRps` for `seconds` from time `now` (seconds since the horizon began) on
 * `cores` cores, records every part in `stats` (its latency pieces in `stats.mix`) and adds served,
 * dropped and busy core-seconds to `out`.
 */
export function servePool(
  state: PoolState,
  spec: PoolSpec,
  cores: number,
  table: ErlangTable,
  syncRps: number,
  asyncRps: number,
  now: number,
  seconds: number,
  stats: PartSink,
  out: PoolOutcome,
): void {
  const full = cores * spec.mu;
  if (!(full > 0)) {
    // No core at all: a load balancer turns sync requests away; messages wait for a consumer.
    const dropped = syncRps * seconds;
    state.asyncQueue += asyncRps * seconds;
    const arrived = (syncRps + asyncRps) * seconds;
    state.backlog.add(
      asyncRps * seconds,
      now,
      now + seconds,
      arrived > 0 ? ((asyncRps * seconds) / arrived) * (seconds / 60) : 0,
    );
    stats.part(arrived > 0 ? (seconds * syncRps * seconds) / arrived : seconds, arrived, 0, dropped, 0, 0, 0);
    out.dropped += dropped;
    return;
  }
  const limit = (full * spec.patienceMs) / 1000;
  if (state.syncQueue > limit) {
    // Fewer cores than before: requests beyond what they can serve within the timeout will fail.
    const dropped = state.syncQueue - limit;
    stats.part(0, 0, 0, dropped, 0, 0, 0);
    out.dropped += dropped;
    state.syncQueue = limit;
  }
  let done = 0;
  for (let guard = 0; seconds - done > 1e-9 && guard < 8; guard++) {
    done += serveStretch(
      state,
      spec,
      cores,
      full,
      limit,
      table,
      syncRps,
      asyncRps,
      now + done,
      seconds - done,
      stats,
      out,
    );
  }
}

/**
 * A queue longer than this is a backlog rather than the stationary queue at a slightly lower load:
 * a stationary queue of mean L wanders by about L + 1 (its waiting part is geometric), so only a
 * queue beyond twice that is left over from before and drains as a fluid.
 */
function beyondStationary(queue: number): number {
  return 2 * queue + 4;
}

/** Serves until `seconds` are over or a queue changes regime; returns the seconds served. */
function serveStretch(
  state: PoolState,
  spec: PoolSpec,
  cores: number,
  full: number,
  limit: number,
  table: ErlangTable,
  ls: number,
  la: number,
  now: number,
  seconds: number,
  stats: PartSink,
  out: PoolOutcome,
): number {
  const rhoSync = ls / full;
  const rho = (ls + la) / full;
  const erlangC = rho < 1 ? table.erlangC(rho) : 1;
  // The async class: stationary unless the cores are saturated or a backlog is still draining.
  let asyncTheta = (full * (1 - rhoSync) * (1 - rho)) / 1000; // per ms
  const asyncStationaryQueue = asyncTheta > 0 ? (la * erlangC) / (asyncTheta * 1000) : 0;
  const isAsyncBacklog =
    (la > 0 || state.asyncQueue > 0) && (rho >= 1 || state.asyncQueue > beyondStationary(asyncStationaryQueue));
  // The sync class sees every core busy whenever async work is backed up behind it.
  const syncC = isAsyncBacklog ? 1 : erlangC;
  let syncTheta = (full - ls) / 1000;
  if (rhoSync < 1) shares(sync, syncC, syncTheta, rhoSync, spec.patienceMs);
  const syncStationaryQueue = rhoSync < 1 ? (ls * sync.meanQueueMs) / 1000 : limit;
  const isSyncBacklog =
    (ls > 0 || state.syncQueue > 0) && (rhoSync >= 1 || state.syncQueue > beyondStationary(syncStationaryQueue));
  if (isSyncBacklog) {
    return serveSyncBacklog(state, spec, cores, full, limit, ls, la, syncStationaryQueue, now, seconds, stats, out);
  }
  // Near saturation a queue reaches its stationary length slowly, by diffusion: the square of the
  // queue grows by at most 2λ per second (arrivals and services, both Poisson, each add variance λ).
  // Until it gets there its requests wait as long as the queue they find: θ scaled to match.
  const reach = Math.sqrt(state.syncQueue * state.syncQueue + 2 * ls * seconds);
  if (syncStationaryQueue > reach) {
    syncTheta *= syncStationaryQueue / reach;
    shares(sync, syncC, syncTheta, rhoSync, spec.patienceMs);
  }
  const asyncReach = Math.sqrt(state.asyncQueue * state.asyncQueue + 2 * (ls + la) * seconds);
  if (!isAsyncBacklog && asyncStationaryQueue > asyncReach) asyncTheta *= asyncStationaryQueue / asyncReach;
  state.syncQueue = (ls * sync.meanQueueMs) / 1000;
  const servedSyncRps = ls * (1 - sync.abandoned);
  // With an async backlog, the stretch ends when it has drained to its stationary length.
  let used = seconds;
  const drain = full - servedSyncRps;
  if (isAsyncBacklog) {
    const a0 = state.asyncQueue;
    if (la < drain && a0 - (drain - la) * seconds <= asyncStationaryQueue) {
      used = Math.max(0, (a0 - asyncStationaryQueue) / (drain - la));
      state.asyncQueue = asyncStationaryQueue;
    } else state.asyncQueue = a0 + (la - drain) * used;
  } else state.asyncQueue = asyncTheta > 0 ? (la * erlangC) / (asyncTheta * 1000) : 0;

  const d = spec.durationMs;
  const mix = stats.mix;
  const syncIn = ls * used;
  const syncDropped = syncIn * sync.abandoned;
  const syncAdmitted = syncIn - syncDropped;
  const asyncIn = la * used;
  let latency = 0;
  if (syncAdmitted > 0) {
    mix.addNoWait(syncAdmitted * sync.noWait);
    if (sync.wait > 0) mix.addWait(syncAdmitted * sync.wait, syncTheta);
    if (sync.truncated < 0) mix.addCut(syncAdmitted * sync.truncated, syncTheta);
    latency = syncAdmitted * (d + sync.meanWaitMs);
  }
  let admitted = syncAdmitted;
  let seconds_ = used;
  if (isAsyncBacklog) {
    // Messages join the backlog; those that leave now learn their waits.
    seconds_ = syncIn + asyncIn > 0 ? (used * syncIn) / (syncIn + asyncIn) : used;
    state.backlog.add(asyncIn, now, now + used, (used - seconds_) / 60);
    state.backlog.depart(drain * used, now, used, (c) => stats.answered(c));
    if (used < seconds) state.backlog.flush(now + used, drain, (c) => stats.answered(c));
  } else if (asyncIn > 0) {
    if (!state.backlog.isEmpty) state.backlog.flush(now, drain, (c) => stats.answered(c));
    mix.addNoWait(asyncIn * (1 - erlangC));
    if (erlangC > 0) mix.addWait(asyncIn * erlangC, asyncTheta);
    latency += asyncIn * (d + erlangC / asyncTheta);
    admitted += asyncIn;
  }
  const asyncAdmitted = admitted - syncAdmitted;

  let p95 = 0;
  let spread = 0;
  if (stats.hasSlo && admitted > 0) {
    // The tables give each class's p95; a mix of classes, or a timeout that cuts the tail, is
    // solved exactly only where it matters: near the SLO.
    const syncP95 = syncAdmitted > 0 ? stepP95(syncC, syncTheta, spec.nu) : 0;
    const asyncP95 = asyncAdmitted > 0 ? stepP95(erlangC, asyncTheta, spec.nu) : 0;
    p95 = syncP95 > asyncP95 ? syncP95 : asyncP95;
    const isNear = p95 > stats.sloMs / 4 && p95 < stats.sloMs * 4;
    if (isNear && (sync.truncated < 0 || (asyncAdmitted > 0 && syncAdmitted > 0))) {
      part.reset(spec.nu);
      part.add(syncAdmitted * sync.noWait, 0, 0);
      part.add(syncAdmitted * sync.wait, 0, syncTheta);
      part.add(syncAdmitted * sync.truncated, spec.patienceMs, syncTheta);
      part.add(asyncAdmitted * (1 - erlangC), 0, 0);
      part.add(asyncAdmitted * erlangC, 0, asyncTheta);
      p95 = part.quantile(0.95);
    }
    // Near the SLO it matters how much a minute's p95 wanders (minute-spread.ts): from its main class.
    if (isNear) {
      spread =
        syncAdmitted >= asyncAdmitted
          ? minuteSpread(syncC, syncTheta * 1000, spec.nu * 1000, full, ls, spec.mu, p95)
          : minuteSpread(erlangC, asyncTheta * 1000, spec.nu * 1000, full, ls + la, spec.mu, p95);
    }
  }
  stats.part(seconds_, syncIn + asyncIn, admitted, syncDropped, latency, p95, spread);
  out.served += syncAdmitted + (isAsyncBacklog ? drain * used : asyncIn);
  out.dropped += syncDropped;
  out.busyCoreSeconds += isAsyncBacklog ? cores * used : admitted / spec.mu;
  return used;
}

/** All cores on sync work that queues beyond the stationary level: a fluid queue. */
function serveSyncBacklog(
  state: PoolState,
  spec: PoolSpec,
  cores: number,
  full: number,
  limit: number,
  ls: number,
  la: number,
  stationaryQueue: number,
  now: number,
  seconds: number,
  stats: PartSink,
  out: PoolOutcome,
): number {
  const q0 = state.syncQueue;
  let used = seconds;
  if (ls < full) {
    // Draining: the stretch ends when the queue is back to its stationary length.
    if (q0 - (full - ls) * seconds < stationaryQueue) used = Math.max(0, (q0 - stationaryQueue) / (full - ls));
  } else if (q0 < limit && q0 + (ls - full) * seconds > limit) {
    // Filling: the stretch ends when the queue is full (from then on, the excess times out).
    used = (limit - q0) / (ls - full);
  }
  const atLimit = q0 >= limit && ls >= full;
  // A stretch cut short ends exactly at the level that cut it, so the next one changes regime.
  const q1 = atLimit ? limit : used < seconds ? (ls < full ? stationaryQueue : limit) : q0 + (ls - full) * used;
  state.syncQueue = q1;
  const arrived = ls * used;
  const dropped = atLimit ? (ls - full) * used : 0;
  const admitted = arrived - dropped;
  const d0 = (1000 * q0) / full;
  const d1 = (1000 * q1) / full;
  const mix = stats.mix;
  for (const s of SPREAD) mix.addDelay(admitted / SPREAD.length, d0 + (d1 - d0) * s);
  const latency = admitted * (spec.durationMs + (d0 + d1) / 2);
  // Messages arriving meanwhile join the backlog; no core is left for them.
  const asyncIn = la * used;
  state.asyncQueue += asyncIn;
  const share = arrived + asyncIn > 0 ? arrived / (arrived + asyncIn) : 1;
  state.backlog.add(asyncIn, now, now + used, (used * (1 - share)) / 60);
  let p95 = 0;
  if (stats.hasSlo && admitted > 0) {
    part.reset(spec.nu);
    for (const s of SPREAD) part.add(admitted / SPREAD.length, d0 + (d1 - d0) * s, 0);
    p95 = part.quantile(0.95);
  }
  stats.part(used * share, arrived + asyncIn, admitted, dropped, latency, p95, 0);
  out.served += full * used;
  out.dropped += dropped;
  out.busyCoreSeconds += cores * used;
  return used;
}
