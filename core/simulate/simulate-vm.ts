/**
 * Elastic-VM placement: instances in the cloud behind a reactive autoscaler (autoscaler.ts) that
 * decides on its own clock. A simulation step is served in stretches cut at every datapoint and
 * every boot that completes, so a step of 15 minutes sees the same scaling as fifteen of one: the
 * results do not depend on the step size. The autoscaler sees the CPU the instances spent (what was
 * served, at most all of it); with no instance running, the load balancer's request count stands in.
 * Each datapoint is drawn around that mean with a measurement's scatter (DatapointNoise).
 * Waiting messages count too, as the work to clear them within one evaluation period (an Elastic
 * Queue [CCP]: queue consumers scale on their backlog, AWS's "backlog per instance"). A peak known in
 * advance gets a scheduled minimum that has booted when it starts (planned-scaling.ts).
 */
import { Autoscaler, DatapointNoise, createPolicy, datapointSeed } from './autoscaler';
import { type ComponentLoad, type GiveUp, type SimulationContext, createStats, describePool } from './component-load';
import { findErlangTable } from './erlang-table';
import type { OptionStats } from './option-stats';
import { ScheduleCursor, scheduleActions } from './planned-scaling';
import {
  type PoolCall,
  type PoolOutcome,
  type PoolSpec,
  type PoolState,
  countWaitingMessages,
  createPoolCall,
  createPoolOutcome,
  createPoolState,
  drainAtEnd,
  flushOccupancy,
  isQuiet,
  occupy,
  servePool,
  serveQuietRun,
  setCores,
} from './serve-pool';
import { mayFollow } from './relaxation';

// Bound once: under a CommonJS transform (tsx, the CLI) an imported name is a getter per call.
const serve = servePool;
const tableFor = findErlangTable;
const setPoolCores = setCores;
const waitingMessages = countWaitingMessages;
const isQuietPool = isQuiet;
const serveQuietSteps = serveQuietRun;
const occupyCell = occupy;
const mayFollowQueue = mayFollow;

export interface VmRun {
  stats: OptionStats;
  /** Instance-hours paid over the horizon (running and booting). */
  instanceHours: number;
  /** Mean instances held over the horizon. */
  meanInstances: number;
  peakInstances: number;
  /** Given up before the horizon's end, its figures over `giveUp` already (see GiveUp). */
  gaveUp: boolean;
}

export function simulateVm(
  load: ComponentLoad,
  ctx: SimulationContext,
  giveUp?: GiveUp,
  /** Every step through the stretch loop, none by a shortcut (a test's reference: the same run). */
  stretchesOnly = false,
): VmRun {
  const { dt } = ctx;
  const policy = createPolicy(ctx.env.vm);
  const stats = createStats(load, ctx);
  const spec = describePool(load);
  const coresPerRps = load.cpuMs / 1000;
  const noise = new DatapointNoise(datapointSeed(load, ctx.steps * dt, 1), coresPerRps, policy.evaluationSeconds);
  const scaler = new Autoscaler(policy, ((load.total[0] as number) || 0) * coresPerRps, noise);
  const state = createPoolState();
  const call = createPoolCall(tableFor(0));
  const out = createPoolOutcome();
  const evaluation = policy.evaluationSeconds;
  let nextEval = evaluation;
  let window = 0; // busy core-seconds since the last datapoint
  let scatter = 0; // of which busy while requests came and went freely (no backlog): what scatters
  let t = 0;
  const schedule = new ScheduleCursor(
    scheduleActions(load.planned, policy.bootSeconds, (peak) => scaler.desiredFor(peak * coresPerRps)),
  );
  const asyncSeries = load.async;
  // A whole evaluation period just served settled, and what its datapoint saw (NaN: none). The same
  // rates on the same instances are served the same way, so the periods that follow in the step are
  // served in one call until a boot, a scheduled action or a datapoint that acts (see below).
  let repeatBusy = Number.NaN;
  let repeatScatter = 0;
  let gaveUp = false;
  for (let i = 0; i < ctx.steps; i++) {
    if (giveUp !== undefined && stats.isOver(giveUp)) {
      gaveUp = true;
      break;
    }
    // (Not const: a run of steady periods, below, may hand the loop a later step it has begun.)
    let rps = load.total[i] as number;
    let asyncRps = asyncSeries === null ? 0 : (asyncSeries[i] as number);
    let end = (i + 1) * dt;
    stats.stepDemand = rps;
    stats.stepCapacity = scaler.running * policy.vcpu * spec.mu;
    stats.beginStep(i);
    repeatBusy = Number.NaN;
    // The step is one evaluation period from its start, with no boot and no scheduled action in it:
    // the loop below would make one stretch and take one datapoint at the step's end. The same
    // operations, in the same order, without the loop's bookkeeping (boots, schedule, merging).
    if (
      nextEval === end &&
      window === 0 &&
      scatter === 0 &&
      t < end - 1e-9 &&
      schedule.nextAt() > end &&
      scaler.nextBootAt() === Number.POSITIVE_INFINITY &&
      !stretchesOnly
    ) {
      const cores = scaler.running * policy.vcpu;
      if (rps === 0 && asyncRps === 0 && cores * spec.mu > 0 && isQuietPool(state)) {
        // Nothing arrives: a stretch of a quiet pool (serveQuietRun) and a datapoint of 0 busy cores.
        // So would the steps after it that are alike; their datapoints all read 0, so the scaler
        // says which would act first (datapointsUntilAction) and they are taken up to it in one
        // call, as quietPeriods' merged periods are.
        let alike = 1;
        for (let e = end; i + alike < ctx.steps; alike++) {
          const k = i + alike;
          e += evaluation;
          if ((load.total[k] as number) !== 0 || (asyncSeries !== null && (asyncSeries[k] as number) !== 0)) break;
          if (e !== (k + 1) * dt || !(schedule.nextAt() > e)) break;
        }
        const count = alike > 1 ? scaler.datapointsUntilAction(end, 0, alike) : 1;
        // The steps' chart, quiet cell and pay, each the same sums as step by step (the steps after
        // the first are dt long: (k + 1)·dt − k·dt, whole numbers, exactly).
        if (count > 1) {
          stats.stepDemand = load.total[i + count - 1] as number;
          stats.stepCapacity = cores * spec.mu;
          stats.beginQuietSteps(i + 1, count - 1);
        }
        const first = end - t;
        serveQuietSteps(state, cores, first, dt, count, out);
        scaler.payRun(first, dt, count);
        t = (i + count) * dt;
        scaler.scatterCores = 0;
        scaler.busyIn = 0;
        nextEval = scaler.takeDatapointsIn(nextEval, count);
        i += count - 1;
        continue;
      }
      const seconds = end - t;
      const busyBefore = out.busyCoreSeconds;
      const backlogged = !(rps < cores * spec.mu) || !state.syncBacklog.isEmpty || !state.asyncBacklog.isEmpty;
      setPoolCores(call, cores);
      call.syncRps = rps - asyncRps;
      call.asyncRps = asyncRps;
      call.now = t;
      call.seconds = seconds;
      serve(state, spec, call, stats, out);
      scaler.pay(seconds);
      const busySeconds = cores > 0 ? out.busyCoreSeconds - busyBefore : rps * coresPerRps * seconds;
      window += busySeconds;
      if (cores === 0 || !backlogged) scatter += busySeconds;
      const waiting = waitingMessages(state);
      if (waiting !== 0) window += ((waiting * coresPerRps) / evaluation) * seconds;
      t = end;
      // A datapoint surely below the target that cannot act is only counted (countLow).
      if (scaler.countLow(window)) nextEval += evaluation;
      else {
        scaler.scatterCores = scatter / evaluation;
        scaler.busyIn = window / evaluation;
        nextEval = scaler.takeDatapoint(nextEval);
        window = 0;
        scatter = 0;
        continue;
      }
      window = 0;
      scatter = 0;
      // The steps after it served the same way (most of a month), in a loop of their own (steadySteps).
      i = steadySteps(
        state,
        spec,
        call,
        stats,
        out,
        scaler,
        load.total,
        asyncSeries,
        ctx.steps,
        dt,
        coresPerRps,
        giveUp,
        cores,
        evaluation,
        schedule.nextAt(),
        i,
        nextEval,
      );
      nextEval = steady.nextEval;
      t = (i + 1) * dt;
      continue;
    }
    // A step of several evaluation periods (the default 5-minute steps of 1-minute periods) with no
    // boot and no scheduled action in it: its stretches, and those of the steps after it, on the same
    // instances, in a loop of their own (steadyPeriods). It stops after a datapoint that acts, or
    // before a step that is not such, and the loop below takes over from there.
    if (
      nextEval < end &&
      window === 0 &&
      scatter === 0 &&
      schedule.nextAt() > end &&
      scaler.nextBootAt() === Number.POSITIVE_INFINITY &&
      !stretchesOnly
    ) {
      const from = i;
      i = steadyPeriods(
        state,
        spec,
        call,
        stats,
        out,
        scaler,
        load.total,
        asyncSeries,
        ctx.steps,
        dt,
        coresPerRps,
        giveUp,
        scaler.running * policy.vcpu,
        evaluation,
        schedule.nextAt(),
        i,
        t,
        nextEval,
      );
      const r = periods;
      t = r.t;
      nextEval = r.nextEval;
      window = r.window;
      scatter = r.scatter;
      repeatBusy = r.repeatBusy;
      repeatScatter = r.repeatScatter;
      if (!r.isWithin) continue;
      if (i !== from) {
        rps = load.total[i] as number;
        asyncRps = asyncSeries === null ? 0 : (asyncSeries[i] as number);
        end = (i + 1) * dt;
      }
    }
    while (t < end - 1e-9) {
      if (schedule.nextAt() <= t + 1e-9) schedule.applyDue(t, scaler);
      scaler.bootUntil(t);
      const boot = scaler.nextBootAt();
      let until = end < nextEval ? (end < boot ? end : boot) : nextEval < boot ? nextEval : boot;
      const at = schedule.nextAt();
      if (at < until) until = at;
      const startsPeriod = window === 0 && nextEval - t > evaluation - 1e-9;
      let periods = 1;
      if (!Number.isNaN(repeatBusy) && startsPeriod && until === nextEval) {
        // Whole periods before the step ends, a boot completes or a scheduled action is due; each
        // datapoint sees what the last one saw, so the scaler says which would act first.
        const limit = end < boot ? (end < at ? end : at) : boot < at ? boot : at;
        // (Asked only when two periods fit, as quietPeriods would answer 1: a call not inlined here, and
        // the numbers passed to it were boxed on every step of 1-minute steps.)
        if ((limit - t) / evaluation + 1e-9 >= 2) {
          scaler.scatterCores = repeatScatter;
          periods = scaler.quietPeriods(t, nextEval, limit, repeatBusy);
        }
        // The datapoint times as takeDatapoints steps through them (the same sums, to the bit).
        for (let j = 1; j < periods; j++) until += evaluation;
      }
      const seconds = until - t;
      const cores = scaler.running * policy.vcpu;
      const busyBefore = out.busyCoreSeconds;
      // Every core busy through a backlog: the datapoint measures them exactly (DatapointNoise).
      const backlogged = !(rps < cores * spec.mu) || !state.syncBacklog.isEmpty || !state.asyncBacklog.isEmpty;
      setPoolCores(call, cores);
      call.syncRps = rps - asyncRps;
      call.asyncRps = asyncRps;
      call.now = t;
      call.seconds = seconds;
      serve(state, spec, call, stats, out);
      scaler.pay(seconds);
      const busySeconds = cores > 0 ? out.busyCoreSeconds - busyBefore : rps * coresPerRps * seconds;
      window += busySeconds;
      // With no instance the request count stands in, and a count always scatters.
      if (cores === 0 || !backlogged) scatter += busySeconds;
      // (Nothing waiting adds exactly 0: skipped, with its division. A NaN is still added.)
      const waiting = waitingMessages(state);
      if (waiting !== 0) window += ((waiting * coresPerRps) / evaluation) * seconds;
      t = until;
      if (t >= nextEval - 1e-9) {
        // Instances whose boot ends at the datapoint are in the fleet it measures against.
        scaler.bootUntil(t);
        const running = scaler.running;
        const pending = scaler.pending;
        const busy = periods > 1 ? repeatBusy : window / evaluation;
        const free = periods > 1 ? repeatScatter : scatter / evaluation;
        scaler.scatterCores = free;
        // Every datapoint of merged periods sees the same busy cores; only the last may act.
        scaler.busyIn = busy;
        nextEval = scaler.takeDatapointsIn(nextEval, periods);
        // A whole period, settled, after which the scaler held still: the next one repeats it.
        repeatBusy =
          startsPeriod && out.settled && scaler.running === running && scaler.pending === pending ? busy : Number.NaN;
        repeatScatter = free;
        window = 0;
        scatter = 0;
      } else repeatBusy = Number.NaN;
    }
  }
  const horizon = ctx.steps * dt;
  // What the queues still hold at the end leaves after it, on the instances running then (serve-pool.ts);
  // a run given up has no end, its figures a floor of the whole run's.
  if (!gaveUp) drainAtEnd(state, spec, scaler.running * policy.vcpu, horizon, stats);
  flushOccupancy(state, spec, stats);
  return {
    stats,
    instanceHours: scaler.instanceSeconds / 3600,
    meanInstances: horizon > 0 ? scaler.instanceSeconds / horizon : 0,
    peakInstances: scaler.peak,
    gaveUp,
  };
}

/**
 * The messages' part of servePool's settled test in steadySteps, its numbers in fields (`messages`):
 * their theta and stationary queue, and whether their queue settles. A call of its own: steadySteps
 * has no inlining budget left for a second mayFollow (Erlang table, chart, cell, scaler and mayFollow
 * for the sync queue take it), and called from there, its five numbers were boxed on every step of a
 * component with messages (150 MB a plan of bench:engine, 2026-12-05). Fields are not.
 */
function messagesSettle(m: typeof messages): boolean {
  m.theta = (m.full * (1 - m.ls / m.full) * (1 - m.rho)) / 1000;
  m.queue = (m.la * m.erlangC) / (m.theta * 1000);
  const lambda = m.ls + m.la;
  return !mayFollowQueue(m.queueIn, m.queue, lambda + m.full, m.full - lambda, m.seconds);
}

/** messagesSettle's inputs and results (every field a fraction at first: stored as doubles). */
const messages = {
  queueIn: 0.5,
  la: 0.5,
  ls: 0.5,
  full: 0.5,
  rho: 0.5,
  erlangC: 0.5,
  seconds: 0.5,
  theta: 0.5,
  queue: 0.5,
};

/** What steadySteps hands back besides its last step: the time of the next datapoint. */
const steady = { nextEval: 0.5 };

/**
 * The steps after step `i` (just served by simulateVm's one-period path, its datapoint only counted)
 * that are served the same way, most of a month: one evaluation period each, on the same `cores`
 * (a datapoint only counted changes none), with no boot and no scheduled action (`nextAction`) in
 * them. The same operations in the same order as simulateVm's; the first step that is not such, or
 * that arrives at nothing on a quiet pool (simulateVm's quiet steps), is left to it, not yet begun.
 * Returns the last step served (`i` when none), the next datapoint's time in `steady.nextEval`.
 * servePool's settled path is written out here, the pool's queues and totals in locals between its
 * calls (as serveSteps does for the static model): a call a step made each step wait for the one
 * before. A function of its own, for its own inlining budget: written inside simulateVm, the Erlang
 * table and mayFollow were no longer inlined there and their numbers were boxed every step.
 */
function steadySteps(
  state: PoolState,
  spec: PoolSpec,
  call: PoolCall,
  stats: OptionStats,
  out: PoolOutcome,
  scaler: Autoscaler,
  total: Float32Array,
  asyncSeries: Float32Array | null,
  steps: number,
  dt: number,
  coresPerRps: number,
  giveUp: GiveUp | undefined,
  cores: number,
  evaluation: number,
  nextAction: number,
  i: number,
  nextEval: number,
): number {
  // The pool's rate: scaler.running × vCPU × μ, as the step loop charts it (cores is running × vCPU).
  const full = cores * spec.mu;
  let t = (i + 1) * dt;
  let window = 0; // as simulateVm's: busy core-seconds since the last datapoint
  let scatter = 0;
  const table = call.table;
  const cells = state.occupancy.select(cores);
  const canDefer = stats.canDefer;
  const durationMs = spec.durationMs;
  let syncQueueIn = state.syncQueue;
  let asyncQueueIn = state.asyncQueue;
  let served = out.served;
  let busyTotal = out.busyCoreSeconds;
  let settled = out.settled;
  // Whether no backlog stands, and the messages the async one holds (only servePool changes them).
  let isClear = state.syncBacklog.isEmpty && state.asyncBacklog.isEmpty;
  let backlogWaiting = state.asyncBacklog.waiting;
  let lastSync = call.syncRps;
  let lastAsync = call.asyncRps;
  let lastNow = call.now;
  let lastSeconds = call.seconds;
  // scaler.pay's sum in a local, written back at the end: the instances held do not change in these
  // steps (a datapoint that acts ends them). As a call, inlined, it used up the last of this
  // function's inlining budget: the messages' mayFollow below was called instead, its five numbers
  // boxed on every step of a component with messages (150 MB a plan of bench:engine, 2026-12-05).
  const held = scaler.running + scaler.pending;
  let paid = scaler.instanceSeconds;
  while (i + 1 < steps) {
    // (A run that may give up does so at the loop's start of the step.)
    if (giveUp !== undefined && stats.isOver(giveUp)) break;
    const k = i + 1;
    const rps = total[k] as number;
    const asyncRps = asyncSeries === null ? 0 : (asyncSeries[k] as number);
    const end = (k + 1) * dt;
    if (!(nextEval === end && t < end - 1e-9 && nextAction > end)) break;
    // isQuiet, of the queues kept here.
    if (rps === 0 && asyncRps === 0 && full > 0 && syncQueueIn === 0 && asyncQueueIn === 0 && isClear) break;
    stats.beginStepOf(k, rps, full);
    const seconds = end - t;
    const busyBefore = busyTotal;
    const backlogged = !(rps < full) || !isClear;
    const ls = rps - asyncRps;
    const la = asyncRps;
    lastSync = ls;
    lastAsync = la;
    lastNow = t;
    lastSeconds = seconds;
    let settles = false;
    const lambda = ls + la;
    if (lambda < full && isClear && canDefer) {
      const rho = lambda / full;
      const erlangC = table.erlangC(rho);
      const syncTheta = (full - ls) / 1000;
      const syncQueue = (ls * erlangC) / (syncTheta * 1000);
      settles = !mayFollowQueue(syncQueueIn, syncQueue, full + ls, full - ls, seconds);
      let asyncQueue = 0;
      let asyncTheta = 0;
      if (settles && la > 0) {
        const m = messages;
        m.queueIn = asyncQueueIn;
        m.la = la;
        m.ls = ls;
        m.full = full;
        m.rho = rho;
        m.erlangC = erlangC;
        m.seconds = seconds;
        settles = messagesSettle(m);
        asyncTheta = m.theta;
        asyncQueue = m.queue;
      }
      if (settles) {
        const asyncWait = la > 0 ? erlangC / asyncTheta : 0;
        asyncQueueIn = asyncQueue;
        syncQueueIn = syncQueue;
        const share = la === 0 ? 1 : lambda > 0 ? ls / lambda : 1;
        occupyCell(cells, rho, share, seconds);
        const admitted = lambda * seconds;
        stats.chartLatency(
          admitted * durationMs + ls * seconds * (erlangC / syncTheta) + la * seconds * asyncWait,
          admitted,
        );
        served += admitted;
        busyTotal += admitted / spec.mu;
        settled = true;
      }
    }
    if (!settles) {
      state.syncQueue = syncQueueIn;
      state.asyncQueue = asyncQueueIn;
      out.served = served;
      out.busyCoreSeconds = busyTotal;
      call.syncRps = ls;
      call.asyncRps = la;
      call.now = t;
      call.seconds = seconds;
      serve(state, spec, call, stats, out);
      syncQueueIn = state.syncQueue;
      asyncQueueIn = state.asyncQueue;
      served = out.served;
      busyTotal = out.busyCoreSeconds;
      settled = out.settled;
      isClear = state.syncBacklog.isEmpty && state.asyncBacklog.isEmpty;
      backlogWaiting = state.asyncBacklog.waiting;
    }
    paid += held * seconds;
    const busySeconds = cores > 0 ? busyTotal - busyBefore : rps * coresPerRps * seconds;
    window += busySeconds;
    if (cores === 0 || !backlogged) scatter += busySeconds;
    // waitingMessages, of the queue kept here.
    const waiting = asyncQueueIn + backlogWaiting;
    if (waiting !== 0) window += ((waiting * coresPerRps) / evaluation) * seconds;
    t = end;
    i = k;
    if (scaler.countLow(window)) nextEval += evaluation;
    else {
      scaler.scatterCores = scatter / evaluation;
      scaler.busyIn = window / evaluation;
      nextEval = scaler.takeDatapoint(nextEval);
      window = 0;
      scatter = 0;
      break;
    }
    window = 0;
    scatter = 0;
  }
  scaler.instanceSeconds = paid;
  state.syncQueue = syncQueueIn;
  state.asyncQueue = asyncQueueIn;
  out.served = served;
  out.busyCoreSeconds = busyTotal;
  out.settled = settled;
  call.syncRps = lastSync;
  call.asyncRps = lastAsync;
  call.now = lastNow;
  call.seconds = lastSeconds;
  steady.nextEval = nextEval;
  return i;
}

/**
 * What steadyPeriods hands back besides its step: the time reached, the next datapoint's, the busy
 * and scattering core-seconds since the last datapoint, the loop's repeatBusy and repeatScatter, and
 * whether it stopped within its step (else at the step's end).
 */
const periods = {
  t: 0.5,
  nextEval: 0.5,
  window: 0.5,
  scatter: 0.5,
  repeatBusy: 0.5,
  repeatScatter: 0.5,
  isWithin: false,
};

/**
 * simulateVm's stretch loop from time `t` within step `i` (begun: its chart step, repeatBusy NaN),
 * and the steps after it, on `cores` cores (the instances running), at steps of several evaluation
 * periods: the 5-minute steps of 1-minute periods most designs simulate, where a step is a stretch to
 * its first datapoint and, when that left the pool settled and the fleet as it was, one of the periods
 * after it up to the first whose datapoint acts (quietPeriods). The same operations in the same order
 * as the loop's (its datapoints by the scaler's own methods; one of a single period surely below the
 * target only counted, countLow, as in steadySteps), less its bookkeeping of boots and scheduled
 * actions, of which there are none: the caller checked step `i`, each later step is checked here
 * before it is begun, and a datapoint that launches or stops instances ends the run. servePool's
 * settled path written out with the pool's queues and totals in locals, as in steadySteps (the
 * occupancy cells selected when first used, as servePool does: the order in which a pool's core
 * counts first settle is the order they are recorded in). Returns the step it stopped in or after.
 */
function steadyPeriods(
  state: PoolState,
  spec: PoolSpec,
  call: PoolCall,
  stats: OptionStats,
  out: PoolOutcome,
  scaler: Autoscaler,
  total: Float32Array,
  asyncSeries: Float32Array | null,
  steps: number,
  dt: number,
  coresPerRps: number,
  giveUp: GiveUp | undefined,
  cores: number,
  evaluation: number,
  nextAction: number,
  i: number,
  from: number,
  firstEval: number,
): number {
  let t = from;
  let nextEval = firstEval;
  let window = 0;
  let scatter = 0;
  let repeatBusy = Number.NaN;
  let repeatScatter = 0;
  let isWithin = true;
  let end = (i + 1) * dt;
  let rps = total[i] as number;
  let asyncRps = asyncSeries === null ? 0 : (asyncSeries[i] as number);
  const running = scaler.running;
  const pending = scaler.pending;
  const held = running + pending;
  const full = cores * spec.mu;
  setPoolCores(call, cores);
  const table = call.table;
  let cells: Float64Array | null = null;
  const canDefer = stats.canDefer;
  const durationMs = spec.durationMs;
  let syncQueueIn = state.syncQueue;
  let asyncQueueIn = state.asyncQueue;
  let served = out.served;
  let busyTotal = out.busyCoreSeconds;
  let settled = out.settled;
  let isClear = state.syncBacklog.isEmpty && state.asyncBacklog.isEmpty;
  let backlogWaiting = state.asyncBacklog.waiting;
  let lastSync = call.syncRps;
  let lastAsync = call.asyncRps;
  let lastNow = call.now;
  let lastSeconds = call.seconds;
  let paid = scaler.instanceSeconds;
  for (;;) {
    if (!(t < end - 1e-9)) {
      // The step is over: the next, if it is such (the loop's checks at a step's start, and the caller's).
      isWithin = false;
      const k = i + 1;
      if (k >= steps) break;
      if (giveUp !== undefined && stats.isOver(giveUp)) break;
      const next = (k + 1) * dt;
      if (!(nextEval < next && window === 0 && scatter === 0 && nextAction > next)) break;
      i = k;
      end = next;
      rps = total[k] as number;
      asyncRps = asyncSeries === null ? 0 : (asyncSeries[k] as number);
      stats.beginStepOf(k, rps, full);
      repeatBusy = Number.NaN;
      isWithin = true;
    }
    // One stretch of the loop: to the next datapoint, or the step's end; after a settled period that
    // left the fleet as it was, the whole periods to the step's end up to the first that acts.
    let until = end < nextEval ? end : nextEval;
    const startsPeriod = window === 0 && nextEval - t > evaluation - 1e-9;
    let merged = 1;
    if (!Number.isNaN(repeatBusy) && startsPeriod && until === nextEval) {
      if ((end - t) / evaluation + 1e-9 >= 2) {
        scaler.scatterCores = repeatScatter;
        merged = scaler.quietPeriods(t, nextEval, end, repeatBusy);
      }
      for (let j = 1; j < merged; j++) until += evaluation;
    }
    const seconds = until - t;
    const busyBefore = busyTotal;
    const backlogged = !(rps < full) || !isClear;
    const ls = rps - asyncRps;
    const la = asyncRps;
    lastSync = ls;
    lastAsync = la;
    lastNow = t;
    lastSeconds = seconds;
    let settles = false;
    const lambda = ls + la;
    if (lambda < full && isClear && canDefer) {
      const rho = lambda / full;
      const erlangC = table.erlangC(rho);
      const syncTheta = (full - ls) / 1000;
      const syncQueue = (ls * erlangC) / (syncTheta * 1000);
      settles = !mayFollowQueue(syncQueueIn, syncQueue, full + ls, full - ls, seconds);
      let asyncQueue = 0;
      let asyncTheta = 0;
      if (settles && la > 0) {
        const m = messages;
        m.queueIn = asyncQueueIn;
        m.la = la;
        m.ls = ls;
        m.full = full;
        m.rho = rho;
        m.erlangC = erlangC;
        m.seconds = seconds;
        settles = messagesSettle(m);
        asyncTheta = m.theta;
        asyncQueue = m.queue;
      }
      if (settles) {
        const asyncWait = la > 0 ? erlangC / asyncTheta : 0;
        asyncQueueIn = asyncQueue;
        syncQueueIn = syncQueue;
        const share = la === 0 ? 1 : lambda > 0 ? ls / lambda : 1;
        cells ??= state.occupancy.select(cores);
        occupyCell(cells, rho, share, seconds);
        const admitted = lambda * seconds;
        stats.chartLatency(
          admitted * durationMs + ls * seconds * (erlangC / syncTheta) + la * seconds * asyncWait,
          admitted,
        );
        served += admitted;
        busyTotal += admitted / spec.mu;
        settled = true;
      }
    }
    if (!settles) {
      state.syncQueue = syncQueueIn;
      state.asyncQueue = asyncQueueIn;
      out.served = served;
      out.busyCoreSeconds = busyTotal;
      call.syncRps = ls;
      call.asyncRps = la;
      call.now = t;
      call.seconds = seconds;
      serve(state, spec, call, stats, out);
      syncQueueIn = state.syncQueue;
      asyncQueueIn = state.asyncQueue;
      served = out.served;
      busyTotal = out.busyCoreSeconds;
      settled = out.settled;
      isClear = state.syncBacklog.isEmpty && state.asyncBacklog.isEmpty;
      backlogWaiting = state.asyncBacklog.waiting;
    }
    paid += held * seconds;
    const busySeconds = cores > 0 ? busyTotal - busyBefore : rps * coresPerRps * seconds;
    window += busySeconds;
    if (cores === 0 || !backlogged) scatter += busySeconds;
    // waitingMessages, of the queue kept here.
    const waiting = asyncQueueIn + backlogWaiting;
    if (waiting !== 0) window += ((waiting * coresPerRps) / evaluation) * seconds;
    t = until;
    if (t >= nextEval - 1e-9) {
      const busy = merged > 1 ? repeatBusy : window / evaluation;
      const free = merged > 1 ? repeatScatter : scatter / evaluation;
      if (merged === 1 && scaler.countLow(window)) nextEval += evaluation;
      else {
        scaler.scatterCores = free;
        scaler.busyIn = busy;
        // (The scaler does not read what it has been paid: that is written back at the end.)
        nextEval = scaler.takeDatapointsIn(nextEval, merged);
      }
      const still = scaler.running === running && scaler.pending === pending;
      repeatBusy = startsPeriod && settled && still ? busy : Number.NaN;
      repeatScatter = free;
      window = 0;
      scatter = 0;
      // A datapoint that acted: the loop takes the fleet it leaves (its boots, its cores).
      if (!still) break;
    } else repeatBusy = Number.NaN;
  }
  scaler.instanceSeconds = paid;
  state.syncQueue = syncQueueIn;
  state.asyncQueue = asyncQueueIn;
  out.served = served;
  out.busyCoreSeconds = busyTotal;
  out.settled = settled;
  call.syncRps = lastSync;
  call.asyncRps = lastAsync;
  call.now = lastNow;
  call.seconds = lastSeconds;
  const r = periods;
  r.t = t;
  r.nextEval = nextEval;
  r.window = window;
  r.scatter = scatter;
  r.repeatBusy = repeatBusy;
  r.repeatScatter = repeatScatter;
  r.isWithin = isWithin;
  return i;
}
