/**
 * Burst placement (cloud bursting, the Azure hybrid-app pattern): a static base in the data centre
 * plus elastic VMs in the cloud behind a traffic manager. The manager notices an overflow only after
 * it has lasted `detectionMinutes`, then sends the overflow to the cloud — only as much as healthy
 * cloud instances can take (health monitoring); the rest stays on the base. The cloud group scales on
 * the overflow's request count while it is routed (its instances start from zero, so CPU cannot speak
 * for them) and on the waiting messages' queue length read at each datapoint, with the same datapoint
 * rules, boot and cooldown as the elastic-VM model. When the overflow has been
 * gone for `detectionMinutes` the manager routes everything back. Like the VM model, steps are cut
 * at every datapoint and boot, so the clock of every decision is independent of the step size.
 * A peak known in advance is not left to detection: the manager's weights send the overflow to the
 * cloud from its start, and the cloud group's minimum is raised beforehand (planned-scaling.ts).
 */
import { MODEL_ASSUMPTIONS } from '../model/defaults';
import { Autoscaler, DatapointNoise, createPolicy, datapointSeed } from './autoscaler';
import { type ComponentLoad, type GiveUp, type SimulationContext, createStats, describePool } from './component-load';
import { findErlangTable } from './erlang-table';
import { CloudStepsBuilder } from './cloud-steps';
import { OptionStats } from './option-stats';
import { PlannedClock, ScheduleCursor, scheduleActions } from './planned-scaling';
import {
  countWaitingMessages,
  createPoolCall,
  createPoolOutcome,
  createPoolState,
  drainAtEnd,
  flushOccupancy,
  type PoolCall,
  type PoolOutcome,
  type PoolSpec,
  type PoolState,
  isQuiet as isQuietState,
  occupy,
  serveQuietRun,
  servePool,
  setCores,
} from './serve-pool';
import { mayFollow } from './relaxation';

// Bound once: under a CommonJS transform (tsx, the CLI) an imported name is a getter per call.
const serve = servePool;
const setPoolCores = setCores;
const waitingMessages = countWaitingMessages;
const isQuietPool = isQuietState;
const serveQuietSteps = serveQuietRun;
const occupyCell = occupy;
const mayFollowQueue = mayFollow;

/** Share of the cloud instances' capacity the traffic manager fills before holding traffic back. */
const CLOUD_FILL = MODEL_ASSUMPTIONS.cloudFill;

export interface BurstRun {
  stats: OptionStats;
  baseCores: number;
  instanceHours: number;
  meanInstances: number;
  /** Requests served by the cloud part. */
  cloudServed: number;
  /** Given up before the horizon's end, its figures over `giveUp` already (see GiveUp). */
  gaveUp: boolean;
}

/** The steps a run routes, gathered in one builder for every run (a run is simulated at one go). */
const routedSteps = new CloudStepsBuilder();

export function simulateBurst(
  load: ComponentLoad,
  ctx: SimulationContext,
  baseCores: number,
  /** A run asked only whether it stays within a share of the tolerances stops once it cannot. */
  giveUp?: GiveUp,
  /** Every step through the stretch loop, none by a shortcut (a test's reference: the same run). */
  stretchesOnly = false,
): BurstRun {
  const { dt, env } = ctx;
  const stats = createStats(load, ctx);
  const spec = describePool(load);
  const mu = spec.mu;
  const coresPerRps = load.cpuMs / 1000;
  // The base is "full" at the utilisation static sizing plans for: peak ÷ (1 + headroom).
  const threshold = (baseCores * mu) / (1 + env.static.headroom);
  const detectSeconds = env.trafficManager.detectionMinutes * 60;
  const policy = createPolicy(env.vm, 0);
  // The overflow is counted in requests: its datapoints scatter as a Poisson count (autoscaler.ts).
  const noise = new DatapointNoise(datapointSeed(load, ctx.steps * dt, 2), coresPerRps, policy.evaluationSeconds, true);
  const cloud = new Autoscaler(policy, 0, noise);
  const baseCall = createPoolCall(findErlangTable(baseCores));
  const cloudCall = createPoolCall(findErlangTable(0));
  const base = createPoolState();
  const remote = createPoolState();
  const baseOut = createPoolOutcome();
  const cloudOut = createPoolOutcome();
  const routed = routedSteps.reset();
  const baseParts = OptionStats.collectorFor(stats);
  const cloudParts = OptionStats.collectorFor(stats, true);
  const evaluation = policy.evaluationSeconds;
  let nextEval = evaluation;
  let window = 0; // overflow core-seconds since the last datapoint
  let routing = false;
  let streak = 0; // seconds the overflow has been present (or absent) against the routing
  let t = 0;
  const schedule = new ScheduleCursor(
    scheduleActions(load.planned, policy.bootSeconds, (peak) =>
      cloud.desiredFor(Math.max(0, peak - threshold) * coresPerRps),
    ),
  );
  const planned = new PlannedClock(load.planned);
  const hasPeaks = planned.hasPeaks;
  // The planned clock's answers at the last time asked, and a time below which they hold (its next
  // start or end less a microsecond, far more than t + 1e-9 rounds by within 30 days): asked once a
  // stretch, `inside` and `nextStartAfter` were calls not inlined, each boxing its time (see the
  // commit). They are functions of the time alone, which never decreases.
  let peakNow = false;
  let peakNext = Number.POSITIVE_INFINITY;
  let peaksHoldUntil = hasPeaks ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  const asyncSeries = load.async;
  // Whether the whole evaluation period just served had the base alone, settled, no overflow, nothing
  // in the cloud and a cloud group that held still: the same rates are then served the same way, so
  // the periods that follow in the step are served in one call until something changes (as in the
  // elastic-VM model). Every datapoint of such periods sees no demand for the cloud.
  let isQuiet = false;
  /**
   * The messages waiting, read at a datapoint as the cloud group's busy cores: a queue's length is a
   * gauge, read when the datapoint is taken, not averaged over its period (the AWS EC2 Auto Scaling
   * guide's SQS policy reads ApproximateNumberOfMessages each minute, "Scaling policy based on Amazon
   * SQS", read 2026-12-05) — the cloud's own, and the base's while the overflow is routed (one queue,
   * consumers on both sides). Averaged, the period in which the manager started routing read no base
   * queue: the traffic manager's detection ends on a datapoint (steps and detection are whole
   * minutes), so every overflow's cloud booted a minute after the per-request simulator's, the base
   * queued another minute of messages and all of them waited a minute more (the hybrid-serverless
   * example's image resizer: mean +14 %, p95 +25 %).
   */
  const queueReading = () =>
    ((waitingMessages(remote) + (routing ? waitingMessages(base) : 0)) * coresPerRps) / evaluation;
  // The capacity a step of a dormant cloud charts: (baseCores + 0 · vCPU) · μ.
  const dormantCapacity = (baseCores + 0 * policy.vcpu) * mu;
  let gaveUp = false;
  for (let i = 0; i < ctx.steps; i++) {
    if (giveUp !== undefined && stats.isOver(giveUp)) {
      gaveUp = true;
      break;
    }
    // (Not const: a run of dormant periods, below, may hand the loop a later step it has begun.)
    let rps = load.total[i] as number;
    let asyncRps = asyncSeries === null ? 0 : (asyncSeries[i] as number);
    let syncRps = rps - asyncRps;
    let end = (i + 1) * dt;
    stats.stepDemand = rps;
    stats.stepCapacity = (baseCores + cloud.running * policy.vcpu) * mu;
    stats.beginStep(i);
    isQuiet = false;
    // The step is one evaluation period from its start, with no boot, no scheduled action and no
    // planned peak in it, nothing routed and nothing in the cloud: if the base alone has no overflow,
    // the loop below would make one stretch of the base alone and take one datapoint at the step's
    // end. The same operations, in the same order, without the loop's bookkeeping (most of a month).
    if (
      nextEval === end &&
      window === 0 &&
      !routing &&
      t < end - 1e-9 &&
      schedule.nextAt() > end &&
      cloud.nextBootAt() === Number.POSITIVE_INFINITY &&
      remote.syncBacklog.isEmpty &&
      remote.asyncBacklog.isEmpty &&
      !stretchesOnly
    ) {
      if (t >= peaksHoldUntil) {
        peakNow = planned.inside(t + 1e-9);
        peakNext = planned.nextStartAfter(t);
        peaksHoldUntil = planned.nextChangeAfter(t + 1e-9) - 1e-6;
      }
      // (With nothing waiting, rps + 0 ÷ evaluation compares as rps: no division.)
      const waiting = waitingMessages(base);
      const wanted = waiting === 0 ? rps : rps + waiting / evaluation;
      if (!peakNow && !(peakNext < end) && !(wanted > threshold)) {
        // The loop's split with nothing for the cloud, as it computes it.
        const toCloud = 0;
        const syncToCloud = toCloud < syncRps ? toCloud : syncRps;
        let asyncToCloud = toCloud - syncToCloud;
        if (asyncToCloud > asyncRps) asyncToCloud = asyncRps;
        baseCall.syncRps = syncRps - syncToCloud;
        baseCall.asyncRps = asyncRps - asyncToCloud;
        const seconds = end - t;
        baseCall.now = cloudCall.now = t;
        baseCall.seconds = cloudCall.seconds = seconds;
        remote.syncQueue = remote.asyncQueue = 0;
        // The datapoint's reading (nothing routed: the cloud's queue alone, which the base leaves be):
        // 0 / evaluation + 0 · coresPerRps / evaluation, exactly 0, when no message waits there.
        const busy = waitingMessages(remote) === 0 ? 0 : window / evaluation + queueReading();
        if (rps === 0 && asyncRps === 0 && busy === 0 && isQuietPool(base)) {
          // Nothing arrives and nothing waits: a quiet stretch of the base (serveQuietRun; on no core,
          // servePool's nothing) and a datapoint of 0. So would the steps after it that are alike, up
          // to the first datapoint that acts (datapointsUntilAction), as in simulate-vm.ts.
          let alike = 1;
          for (let e = end; i + alike < ctx.steps; alike++) {
            const k = i + alike;
            e += evaluation;
            if ((load.total[k] as number) !== 0 || (asyncSeries !== null && (asyncSeries[k] as number) !== 0)) break;
            if (e !== (k + 1) * dt || !(schedule.nextAt() > e) || !(k * dt < peaksHoldUntil) || peakNext < e) break;
          }
          const count = alike > 1 ? cloud.datapointsUntilAction(end, 0, alike) : 1;
          if (count > 1) {
            stats.stepDemand = load.total[i + count - 1] as number;
            stats.stepCapacity = (baseCores + cloud.running * policy.vcpu) * mu;
            stats.beginQuietSteps(i + 1, count - 1);
            baseCall.now = cloudCall.now = (i + count - 1) * dt;
            baseCall.seconds = cloudCall.seconds = dt;
          }
          if (baseCores * mu > 0) serveQuietSteps(base, baseCores, seconds, dt, count, baseOut);
          else {
            base.syncQueue = base.asyncQueue = 0;
            baseOut.settled = true;
          }
          cloud.payRun(seconds, dt, count);
          streak = 0;
          t = (i + count) * dt;
          nextEval = cloud.takeDatapoints(nextEval, busy, count);
          i += count - 1;
          continue;
        }
        serve(base, spec, baseCall, stats, baseOut);
        cloud.pay(seconds);
        streak = 0;
        t = end;
        cloud.bootUntil(t);
        // (No instance in the cloud and nothing to read: a datapoint that changes nothing but the counts.)
        if (busy === 0 && cloud.running === 0) nextEval = cloud.takeDormant(nextEval);
        else {
          cloud.busyIn = busy;
          nextEval = cloud.takeDatapoint(nextEval);
          continue;
        }
        // The steps after it served the same way (most of a month), in a loop of their own (dormantSteps).
        const from = i;
        i = dormantSteps(
          base,
          spec,
          baseCall,
          cloudCall,
          stats,
          baseOut,
          load.total,
          asyncSeries,
          ctx.steps,
          dt,
          giveUp,
          threshold,
          evaluation,
          dormantCapacity,
          schedule.nextAt(),
          peakNext,
          peaksHoldUntil,
          i,
          nextEval,
        );
        const dormant = i - from;
        nextEval = dormantRun.nextEval;
        t = (i + 1) * dt;
        if (dormant > 0) cloud.takeDormantRun(dormant);
        continue;
      }
    }
    // A step of several evaluation periods (the default 5-minute steps of 1-minute periods) with the
    // base alone, no overflow and a dormant cloud, most of a month: its stretches, and the steps after
    // it that are alike, in a loop of their own (dormantPeriods). It stops before a stretch that is not
    // such, at a step's start or within one, and the loop below takes over from there.
    if (
      nextEval < end &&
      !routing &&
      window === 0 &&
      cloud.running === 0 &&
      cloud.pending === 0 &&
      cloud.nextBootAt() === Number.POSITIVE_INFINITY &&
      schedule.nextAt() > end &&
      remote.syncBacklog.isEmpty &&
      remote.asyncBacklog.isEmpty &&
      remote.asyncBacklog.waiting === 0 &&
      !stretchesOnly
    ) {
      // (As the loop's first stretch would: the planned clock's answers are functions of the time.)
      if (t >= peaksHoldUntil) {
        peakNow = planned.inside(t + 1e-9);
        peakNext = planned.nextStartAfter(t);
        peaksHoldUntil = planned.nextChangeAfter(t + 1e-9) - 1e-6;
      }
      if (!peakNow && !(peakNext < end) && end < peaksHoldUntil) {
        const from = i;
        i = dormantPeriods(
          base,
          spec,
          baseCall,
          cloudCall,
          remote,
          stats,
          baseOut,
          load.total,
          asyncSeries,
          ctx.steps,
          dt,
          giveUp,
          threshold,
          evaluation,
          dormantCapacity,
          schedule.nextAt(),
          peakNext,
          peaksHoldUntil,
          i,
          t,
          nextEval,
        );
        const r = periodRun;
        t = r.t;
        nextEval = r.nextEval;
        isQuiet = r.isQuiet;
        if (r.stretches > 0) streak = 0;
        if (r.datapoints > 0) cloud.takeDormantRun(r.datapoints);
        if (!r.isWithin) continue;
        if (i !== from) {
          rps = load.total[i] as number;
          asyncRps = asyncSeries === null ? 0 : (asyncSeries[i] as number);
          syncRps = rps - asyncRps;
          end = (i + 1) * dt;
        }
      }
    }
    while (t < end - 1e-9) {
      if (schedule.nextAt() <= t + 1e-9) schedule.applyDue(t, cloud);
      if (t >= peaksHoldUntil) {
        peakNow = planned.inside(t + 1e-9);
        peakNext = planned.nextStartAfter(t);
        peaksHoldUntil = planned.nextChangeAfter(t + 1e-9) - 1e-6;
      }
      // Inside a planned peak the weights already send the overflow to the cloud.
      if (!routing && peakNow) {
        routing = true;
        streak = 0;
      }
      cloud.bootUntil(t);
      const boot = cloud.nextBootAt();
      let until = end < nextEval ? (end < boot ? end : boot) : nextEval < boot ? nextEval : boot;
      const at = schedule.nextAt();
      if (at < until) until = at;
      const start = peakNext;
      if (start < until) until = start;
      const startsPeriod = window === 0 && nextEval - t > evaluation - 1e-9;
      let periods = 1;
      if (isQuiet && startsPeriod && until === nextEval && !routing) {
        let limit = end < boot ? end : boot;
        if (at < limit) limit = at;
        if (start < limit) limit = start;
        // Asked only when two periods fit, as in simulate-vm.ts.
        if ((limit - t) / evaluation + 1e-9 >= 2) periods = cloud.quietPeriods(t, nextEval, limit, 0);
        for (let j = 1; j < periods; j++) until += evaluation;
      }
      // Waiting async work counts as demand: the manager watches queue length too (Elastic Queue).
      const wanted = rps + waitingMessages(base) / evaluation;
      const overflow = wanted > threshold ? wanted - threshold : 0;
      // The manager flips when the overflow has been present (absent) for the detection time: cut there.
      if (routing !== overflow > 0) {
        const flip = t + detectSeconds - streak;
        if (flip > t + 1e-9 && flip < until) until = flip;
      }
      const seconds = until - t;
      const cloudCores = cloud.running * policy.vcpu;
      const cloudCap = cloudCores * mu * CLOUD_FILL;
      const toCloud = routing ? (overflow < cloudCap ? overflow : cloudCap) : 0;
      // Sync traffic is redirected first (it cannot wait); async work beyond the base follows, and
      // when new arrivals do not fill the cloud's share its instances take the base's waiting messages.
      const syncToCloud = toCloud < syncRps ? toCloud : syncRps;
      let asyncToCloud = toCloud - syncToCloud;
      let fromBase = 0; // messages a second the cloud takes from the base's queue
      if (asyncToCloud > asyncRps) {
        fromBase = asyncToCloud - asyncRps;
        asyncToCloud = asyncRps;
      }
      baseCall.syncRps = syncRps - syncToCloud;
      baseCall.asyncRps = asyncRps - asyncToCloud;
      baseCall.now = cloudCall.now = t;
      baseCall.seconds = cloudCall.seconds = seconds;
      if (toCloud <= 0 && remote.syncBacklog.isEmpty && remote.asyncBacklog.isEmpty) {
        // Nothing in the cloud (most of the month): the base alone, straight into the stats.
        remote.syncQueue = remote.asyncQueue = 0;
        serve(base, spec, baseCall, stats, baseOut);
      } else {
        baseParts.clearSegment();
        cloudParts.clearSegment();
        if (fromBase > 0) {
          // Consumers of one queue on both sides: the cloud's take the head of the base's queue, the
          // oldest first, as the stretch goes, at the rate its share leaves them (the per-request
          // simulator's burst). Its own messages come first there, so they do not wait behind these.
          // (Moved into the cloud's queue at the stretch's start, a minute's share left at the cloud's
          // full rate, ahead of its own: the moved waited 4 % less than the simulator's, the cloud's own
          // up to 13 s, and the p95 came out 7 % low on the hybrid-serverless image resizer.)
          const d = remote.departures;
          d.stats = cloudParts;
          d.out = cloudOut;
          base.asyncBacklog.serve(fromBase, t, seconds, Number.POSITIVE_INFINITY, d);
        }
        serve(base, spec, baseCall, baseParts, baseOut);
        setPoolCores(cloudCall, cloudCores);
        cloudCall.syncRps = syncToCloud;
        cloudCall.asyncRps = asyncToCloud;
        serve(remote, spec, cloudCall, cloudParts, cloudOut);
        recordSegment(stats, seconds, baseParts, cloudParts);
        routed.add(i, dt, seconds, rps, syncRps, toCloud, syncToCloud);
      }
      cloud.pay(seconds);
      // The cloud group's demand: the overflow's requests while they are routed there (what reaches the
      // cloud is counted, nothing before), the waiting messages as the queue's length at the datapoint.
      if (routing && rps > threshold) window += (rps - threshold) * coresPerRps * seconds;
      // The traffic manager's view: how long the overflow has been present (or absent).
      if (routing === overflow > 0) streak = 0;
      else if ((streak += seconds) >= detectSeconds - 1e-9) {
        routing = !routing;
        streak = 0;
      }
      t = until;
      if (t >= nextEval - 1e-9) {
        // Instances whose boot ends at the datapoint are in the fleet it measures against (simulate-vm.ts).
        cloud.bootUntil(t);
        const running = cloud.running;
        const pending = cloud.pending;
        const reading = queueReading();
        const quiet = toCloud <= 0 && overflow <= 0 && !routing && baseOut.settled && window === 0 && reading === 0;
        // Every datapoint of merged periods sees no demand for the cloud; only the last may act.
        nextEval = cloud.takeDatapoints(nextEval, periods > 1 ? 0 : window / evaluation + reading, periods);
        isQuiet =
          quiet &&
          startsPeriod &&
          remote.syncBacklog.isEmpty &&
          remote.asyncBacklog.isEmpty &&
          cloud.running === running &&
          cloud.pending === pending;
        window = 0;
      } else isQuiet = false;
    }
  }
  const horizon = ctx.steps * dt;
  // What the queues still hold at the end leaves after it, each pool on its cores then (serve-pool.ts).
  // A run given up has no end, its figures a floor of the whole run's (as in simulate-vm.ts).
  if (!gaveUp) {
    drainAtEnd(base, spec, baseCores, horizon, stats);
    drainAtEnd(remote, spec, cloud.running * policy.vcpu, horizon, cloudParts);
  }
  flushOccupancy(base, spec, stats);
  flushOccupancy(remote, spec, stats);
  stats.cloudSteps = routed.finish(load.total, asyncSeries, ctx.steps, dt);
  return {
    stats,
    baseCores,
    instanceHours: cloud.instanceSeconds / 3600,
    meanInstances: horizon > 0 ? cloud.instanceSeconds / horizon : 0,
    cloudServed: cloudOut.served,
    gaveUp,
  };
}

/**
 * One record for both pools. A minute misses its SLO when more than 5 % of all its requests are late,
 * so the late requests of the two pools add up: each pool's share later than the SLO follows from its
 * p95 (the exponential tail minute-spread.ts assumes), their request-weighted sum is the minute's, and
 * the segment's p95 is the one that gives that share. The late count's dispersion is the two pools'
 * (independent: variances add), its skew the pool's with more late requests. (The worse pool's p95
 * for the whole minute counted a base over the SLO as the minute's even when the cloud took most of
 * the requests: 80 violation minutes where a per-request simulation of the burst found 14.)
 */
function recordSegment(stats: OptionStats, seconds: number, baseParts: OptionStats, cloudParts: OptionStats): void {
  const base = baseParts.segment;
  const cloud = cloudParts.segment;
  const admitted = base.admitted + cloud.admitted;
  const p = stats.partIn;
  // A pool's stretches in a backlog count their minutes when their requests leave (OptionStats.left),
  // and report no seconds here: the segment keeps only the rest, or a minute of a base overflowing
  // before detection counted twice (112 minutes in a 105-minute stretch, and a week of 10,080 minutes
  // read 10,087 over).
  const counted = base.seconds + cloud.seconds - seconds;
  p.seconds = counted > 0 ? counted : 0;
  p.arrived = base.arrived + cloud.arrived;
  p.admitted = admitted;
  p.dropped = base.dropped + cloud.dropped;
  p.latency = base.latency + cloud.latency;
  p.p95 = 0;
  p.spread = 0;
  p.skew = Number.NaN;
  p.late = p.chance = Number.NaN;
  const slo = stats.sloMs;
  if (admitted > 0 && slo > 0 && Number.isFinite(slo)) {
    const lateBase = base.admitted > 0 ? lateAt(base.p95, slo) * base.admitted : 0;
    const lateCloud = cloud.admitted > 0 ? lateAt(cloud.p95, slo) * cloud.admitted : 0;
    const late = (lateBase + lateCloud) / admitted;
    if (late > 0) {
      p.p95 = late < 1 ? slo / (1 - Math.log(late / 0.05) / LN20) : Math.max(base.p95, cloud.p95);
      // Dispersion D = variance ÷ mean of a pool's late count, from its spread at its p95 (spread² ×
      // 0.05N/0.95, at least Poisson); the minute's is the late-weighted mean, back to a spread.
      const toMinute = 60 / seconds;
      const d =
        (dispersionOf(base, toMinute) * lateBase + dispersionOf(cloud, toMinute) * lateCloud) / (lateBase + lateCloud);
      p.spread = Math.sqrt((d * 0.95) / (0.05 * admitted * toMinute));
      p.skew = lateBase >= lateCloud ? base.skew : cloud.skew;
    }
  }
  stats.commit();
}

/**
 * recordSegment's dispersion of a pool's late count over a minute (`toMinute` = 60 ÷ the segment's
 * seconds). A function of the module, not a closure made per segment: under tsx's transform each
 * closure made was named by a call that defines a property (3 % of the burst model, 2026-12-05).
 */
function dispersionOf(g: OptionStats['segment'], toMinute: number): number {
  return Math.max(1, (g.spread * g.spread * 0.05 * g.admitted * toMinute) / 0.95);
}

/** ln 20: the p95 of an exponential in units of its mean. */
const LN20 = Math.log(20);

/** Share later than `slo` of requests whose p95 is `p95` (an exponential tail beyond it; 0 when no p95). */
function lateAt(p95: number, slo: number): number {
  if (!(p95 > 0)) return 0;
  const late = 0.05 * Math.exp(LN20 * (1 - slo / p95));
  return late < 1 ? late : 1;
}

/**
 * What dormantPeriods hands back besides its step: the time reached, the next datapoint's, whether
 * the last datapoint left the base quiet (the loop's isQuiet), the stretches served and the
 * datapoints taken, and whether it stopped within its step (else at the step's end).
 */
const periodRun = { t: 0.5, nextEval: 0.5, isQuiet: false, stretches: 0, datapoints: 0, isWithin: false };

/**
 * simulateBurst's stretch loop from time `t` within step `i` (begun: its chart step and isQuiet
 * false), and the steps after it, while each stretch has the base alone, no overflow and a cloud with
 * no instance, nothing booting, waiting or scheduled (the caller checked so for step `i`; each later
 * step is checked here before it is begun), at steps of several evaluation periods: the 5-minute steps
 * of 1-minute periods most designs simulate, where a step is one stretch to the first datapoint and,
 * when that left the base settled, one of the periods after it (quietPeriods). The same operations in
 * the same order as the loop's, less those that change nothing on such a cloud (its pay of 0
 * instances, its boots, its reading of an empty queue, its datapoints of 0 busy cores: each only
 * counted, which the caller takes at the end with takeDormantRun, as quietPeriods lets none of them
 * act); the planned clock is not asked, as no start or end falls within the steps (`peaksHoldUntil`,
 * `peakNext`). The base's settled path of servePool written out with its queues and totals in locals,
 * as in dormantSteps. Stops before a stretch with an overflow (waiting messages can make one), or a
 * step that is not such; returns the step it stopped in or after, the rest in periodRun.
 */
function dormantPeriods(
  base: PoolState,
  spec: PoolSpec,
  baseCall: PoolCall,
  cloudCall: PoolCall,
  remote: PoolState,
  stats: OptionStats,
  baseOut: PoolOutcome,
  total: Float32Array,
  asyncSeries: Float32Array | null,
  steps: number,
  dt: number,
  giveUp: GiveUp | undefined,
  threshold: number,
  evaluation: number,
  dormantCapacity: number,
  nextAction: number,
  peakNext: number,
  peaksHoldUntil: number,
  i: number,
  from: number,
  firstEval: number,
): number {
  let t = from;
  let nextEval = firstEval;
  let isQuiet = false;
  let stretches = 0;
  let datapoints = 0;
  let isWithin = true;
  let end = (i + 1) * dt;
  let rps = total[i] as number;
  let asyncRps = asyncSeries === null ? 0 : (asyncSeries[i] as number);
  let syncRps = rps - asyncRps;
  const full = baseCall.cores * spec.mu;
  const table = baseCall.table;
  const cells = base.occupancy.select(baseCall.cores);
  const canDefer = stats.canDefer;
  const durationMs = spec.durationMs;
  let syncQueueIn = base.syncQueue;
  let asyncQueueIn = base.asyncQueue;
  let served = baseOut.served;
  let busyTotal = baseOut.busyCoreSeconds;
  let settled = baseOut.settled;
  let isClear = base.syncBacklog.isEmpty && base.asyncBacklog.isEmpty;
  let backlogWaiting = base.asyncBacklog.waiting;
  let lastSync = baseCall.syncRps;
  let lastAsync = baseCall.asyncRps;
  let lastNow = baseCall.now;
  let lastSeconds = baseCall.seconds;
  for (;;) {
    if (!(t < end - 1e-9)) {
      // The step is over: the next, if it is such (the loop's checks at a step's start, and the caller's).
      isWithin = false;
      const k = i + 1;
      if (k >= steps) break;
      if (giveUp !== undefined && stats.isOver(giveUp)) break;
      const next = (k + 1) * dt;
      if (!(nextEval < next && nextAction > next && next < peaksHoldUntil) || peakNext < next) break;
      i = k;
      end = next;
      rps = total[k] as number;
      asyncRps = asyncSeries === null ? 0 : (asyncSeries[k] as number);
      syncRps = rps - asyncRps;
      stats.beginStepOf(k, rps, dormantCapacity);
      isQuiet = false;
      isWithin = true;
    }
    // One stretch of the loop: to the next datapoint, or the step's end; after a datapoint that left the
    // base settled, the whole periods to the step's end (quietPeriods: on no instance none acts).
    let until = end < nextEval ? end : nextEval;
    const startsPeriod = nextEval - t > evaluation - 1e-9;
    let periods = 1;
    if (isQuiet && startsPeriod && until === nextEval) {
      if ((end - t) / evaluation + 1e-9 >= 2) {
        const fit = Math.floor((end - t) / evaluation + 1e-9);
        periods = fit > 1 ? fit : 1;
      }
      for (let j = 1; j < periods; j++) until += evaluation;
    }
    // The loop's overflow test, with its waiting messages (waitingMessages of the queues kept here).
    if (rps + (asyncQueueIn + backlogWaiting) / evaluation > threshold) break;
    const toCloud = 0;
    const syncToCloud = toCloud < syncRps ? toCloud : syncRps;
    let asyncToCloud = toCloud - syncToCloud;
    if (asyncToCloud > asyncRps) asyncToCloud = asyncRps;
    const ls = syncRps - syncToCloud;
    const la = asyncRps - asyncToCloud;
    const seconds = until - t;
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
        asyncTheta = (full * (1 - ls / full) * (1 - rho)) / 1000;
        asyncQueue = (la * erlangC) / (asyncTheta * 1000);
        settles = !mayFollowQueue(asyncQueueIn, asyncQueue, lambda + full, full - lambda, seconds);
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
      base.syncQueue = syncQueueIn;
      base.asyncQueue = asyncQueueIn;
      baseOut.served = served;
      baseOut.busyCoreSeconds = busyTotal;
      baseCall.syncRps = ls;
      baseCall.asyncRps = la;
      baseCall.now = t;
      baseCall.seconds = seconds;
      serve(base, spec, baseCall, stats, baseOut);
      syncQueueIn = base.syncQueue;
      asyncQueueIn = base.asyncQueue;
      served = baseOut.served;
      busyTotal = baseOut.busyCoreSeconds;
      settled = baseOut.settled;
      isClear = base.syncBacklog.isEmpty && base.asyncBacklog.isEmpty;
      backlogWaiting = base.asyncBacklog.waiting;
    }
    stretches++;
    t = until;
    if (t >= nextEval - 1e-9) {
      // The datapoints: each reads 0 cores of a cloud with none (takeDatapoints' times, to the bit).
      if (periods > 1) {
        let at = nextEval;
        for (let j = 1; j < periods; j++) at += evaluation;
        nextEval = at + evaluation;
      } else nextEval += evaluation;
      datapoints += periods;
      isQuiet = settled && startsPeriod;
    } else isQuiet = false;
  }
  base.syncQueue = syncQueueIn;
  base.asyncQueue = asyncQueueIn;
  // The loop's stretches of the base alone leave the cloud's queues at 0.
  if (stretches > 0) remote.syncQueue = remote.asyncQueue = 0;
  baseOut.served = served;
  baseOut.busyCoreSeconds = busyTotal;
  baseOut.settled = settled;
  baseCall.syncRps = lastSync;
  baseCall.asyncRps = lastAsync;
  baseCall.now = cloudCall.now = lastNow;
  baseCall.seconds = cloudCall.seconds = lastSeconds;
  const r = periodRun;
  r.t = t;
  r.nextEval = nextEval;
  r.isQuiet = isQuiet;
  r.stretches = stretches;
  r.datapoints = datapoints;
  r.isWithin = isWithin;
  return i;
}

/** What dormantSteps hands back besides its last step: the time of the next datapoint. */
const dormantRun = { nextEval: 0.5 };

/**
 * The steps after step `i` (just served by simulateBurst's one-period path) that are served the same
 * way, most of a month: the base alone, no overflow, a dormant cloud. The same operations in the same
 * order as simulateBurst's, less those that change nothing on a cloud with no instance and nothing
 * booting, waiting or scheduled in the step (its pay of 0 instances, its boots, its reading of an
 * empty queue), and with their datapoints' counts taken at the end by the caller (takeDormantRun);
 * the first step that is not such is left to the caller, not yet begun. Called outside a planned
 * peak (the step just served was, by its own test), `peakNext` the next one's start. Returns the last step served (`i` when
 * none), the next datapoint's time in `dormantRun.nextEval`. servePool's settled path is written out
 * here, the base's queues and totals in locals between its calls, as in serveSteps and simulate-vm.ts's
 * steadySteps (why, there).
 */
function dormantSteps(
  base: PoolState,
  spec: PoolSpec,
  baseCall: PoolCall,
  cloudCall: PoolCall,
  stats: OptionStats,
  baseOut: PoolOutcome,
  total: Float32Array,
  asyncSeries: Float32Array | null,
  steps: number,
  dt: number,
  giveUp: GiveUp | undefined,
  threshold: number,
  evaluation: number,
  dormantCapacity: number,
  nextAction: number,
  peakNext: number,
  peaksHoldUntil: number,
  i: number,
  nextEval: number,
): number {
  let t = (i + 1) * dt;
  const full = baseCall.cores * spec.mu;
  const table = baseCall.table;
  const cells = base.occupancy.select(baseCall.cores);
  const canDefer = stats.canDefer;
  const durationMs = spec.durationMs;
  let syncQueueIn = base.syncQueue;
  let asyncQueueIn = base.asyncQueue;
  let served = baseOut.served;
  let busyTotal = baseOut.busyCoreSeconds;
  let settled = baseOut.settled;
  // Whether no backlog stands, and the messages the async one holds (only servePool changes them).
  let isClear = base.syncBacklog.isEmpty && base.asyncBacklog.isEmpty;
  let backlogWaiting = base.asyncBacklog.waiting;
  let lastSync = baseCall.syncRps;
  let lastAsync = baseCall.asyncRps;
  let lastNow = baseCall.now;
  let lastSeconds = baseCall.seconds;
  while (i + 1 < steps) {
    // (A run that may give up does so at the loop's start of the step.)
    if (giveUp !== undefined && stats.isOver(giveUp)) break;
    const k = i + 1;
    const rps = total[k] as number;
    const asyncRps = asyncSeries === null ? 0 : (asyncSeries[k] as number);
    const syncRps = rps - asyncRps;
    const end = (k + 1) * dt;
    if (!(nextEval === end && t < end - 1e-9 && nextAction > end && t < peaksHoldUntil)) break;
    if (peakNext < end) break;
    // waitingMessages and isQuiet, of the queues kept here.
    const waiting = asyncQueueIn + backlogWaiting;
    const wanted = waiting === 0 ? rps : rps + waiting / evaluation;
    if (wanted > threshold) break;
    if (rps === 0 && asyncRps === 0 && syncQueueIn === 0 && asyncQueueIn === 0 && isClear) break;
    stats.beginStepOf(k, rps, dormantCapacity);
    const toCloud = 0;
    const syncToCloud = toCloud < syncRps ? toCloud : syncRps;
    let asyncToCloud = toCloud - syncToCloud;
    if (asyncToCloud > asyncRps) asyncToCloud = asyncRps;
    const ls = syncRps - syncToCloud;
    const la = asyncRps - asyncToCloud;
    const seconds = end - t;
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
        asyncTheta = (full * (1 - ls / full) * (1 - rho)) / 1000;
        asyncQueue = (la * erlangC) / (asyncTheta * 1000);
        settles = !mayFollowQueue(asyncQueueIn, asyncQueue, lambda + full, full - lambda, seconds);
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
      base.syncQueue = syncQueueIn;
      base.asyncQueue = asyncQueueIn;
      baseOut.served = served;
      baseOut.busyCoreSeconds = busyTotal;
      baseCall.syncRps = ls;
      baseCall.asyncRps = la;
      baseCall.now = t;
      baseCall.seconds = seconds;
      serve(base, spec, baseCall, stats, baseOut);
      syncQueueIn = base.syncQueue;
      asyncQueueIn = base.asyncQueue;
      served = baseOut.served;
      busyTotal = baseOut.busyCoreSeconds;
      settled = baseOut.settled;
      isClear = base.syncBacklog.isEmpty && base.asyncBacklog.isEmpty;
      backlogWaiting = base.asyncBacklog.waiting;
    }
    t = end;
    nextEval += evaluation;
    i = k;
  }
  base.syncQueue = syncQueueIn;
  base.asyncQueue = asyncQueueIn;
  baseOut.served = served;
  baseOut.busyCoreSeconds = busyTotal;
  baseOut.settled = settled;
  baseCall.syncRps = lastSync;
  baseCall.asyncRps = lastAsync;
  baseCall.now = cloudCall.now = lastNow;
  baseCall.seconds = cloudCall.seconds = lastSeconds;
  dormantRun.nextEval = nextEval;
  return i;
}
