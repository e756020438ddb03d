/**
 * Cloud bursting, request by request, from the rules alone (written apart from the engine's
 * simulate-burst.ts, so that the two are checked against each other): a base of fixed cores in the
 * data centre and a cloud group of VMs behind a traffic manager.
 * - The base counts as full at the rate static sizing plans for: its cores' rate ÷ (1 + headroom).
 *   The overflow is the step's rate (plus the messages waiting at the base, per evaluation period)
 *   beyond that.
 * - The manager routes to the cloud once the overflow has lasted `detectionMinutes` (checked at every
 *   event: an arrival, a departure, a step, a datapoint), and back once it has been gone as long; inside
 *   a planned peak it routes from the start. While it routes, each arrival goes to the cloud with the
 *   chance that sends the overflow there — sync requests first, messages after — but no more than
 *   the running instances take at `cloudFill` of their rate (weighted DNS; health checks).
 * - The cloud group scales as elastic VMs do (request-scaler.ts: a datapoint every evaluation period,
 *   3 over to scale out, 15 under to scale in, boot, cooldown), from zero instances, on the overflow's
 *   requests counted in the period while the manager routes them (its instances start from zero, so
 *   CPU cannot speak for them) plus the messages waiting at the datapoint, in the cloud and, while
 *   routed, at the base (a queue's length); before a planned peak its minimum is raised to the fleet
 *   that runs the peak's overflow, a boot ahead.
 * Both pools are FIFO per class with sync requests first, exponential CPU times, sync requests that
 * wait past their timeout dropped. Messages waiting at the base count as overflow too (the manager
 * watches the queue's length): the part of the cloud's share that new messages do not fill is taken
 * from the base's queue, oldest first, by cloud instances with nothing of their own (one queue,
 * consumers on both sides). One record measures the minutes of both pools together.
 */
import type { Environments } from '../model/design';
import { MODEL_ASSUMPTIONS } from '../model/defaults';
import type { ComponentLoad } from '../simulate/component-load';
import { Arrivals } from './arrivals';
import { MinHeap } from './heap';
import { type CallDelay, type RequestFigures, RequestRecord } from './request-record';
import { RequestScaler } from './request-scaler';
import { Fifo, planFloors } from './simulate-pool-requests';

export interface BurstRequestOptions {
  steps: number;
  dt: number;
  seed: number;
  env: Environments;
  baseCores: number;
  /** The delay of its sync calls across the link, by the side that served the request. */
  callDelay?: CallDelay;
}

export interface BurstRequestRun {
  figures: RequestFigures;
  record: RequestRecord;
  /** Requests the cloud served. */
  cloudServed: number;
  /**
   * Per minute, the share of its sync requests the traffic manager sent to the cloud (the mean of its
   * weight at each arrival; 0 in a minute with none): a caller's sync calls cross the link with it
   * (call-delays.ts).
   */
  cloudShareByMinute: Float64Array;
  instanceHours: number;
  meanInstances: number;
}

/** One pool of the burst: its cores' queues and the requests it holds. */
class Pool {
  readonly done = new MinHeap();
  readonly syncQ = new Fifo();
  readonly asyncQ = new Fifo();
  served = 0;
}

export function simulateBurstRequests(load: ComponentLoad, o: BurstRequestOptions): BurstRequestRun {
  const env = o.env;
  const horizon = o.steps * o.dt;
  const minutes = Math.ceil(horizon / 60);
  const record = new RequestRecord(minutes, load.sloMs, o.callDelay);
  const syncByMinute = new Float64Array(minutes);
  const cloudWeightByMinute = new Float64Array(minutes);
  const arrivals = new Arrivals(load.total, load.async, o.dt, o.steps, o.seed);
  const patience = load.timeoutMs / 1000;
  const stretch = load.durationMs / load.cpuMs;
  const meanCpu = load.cpuMs / 1000;
  const rules = {
    vcpu: env.vm.vcpu,
    targetUtilization: env.vm.targetUtilization,
    minInstances: 0,
    maxInstances: env.vm.maxInstances,
    bootSeconds: env.vm.bootSeconds,
    cooldownSeconds: env.vm.cooldownSeconds,
    evaluationSeconds: env.vm.evaluationSeconds,
  };
  const scaler = new RequestScaler(rules, 0);
  const evaluation = rules.evaluationSeconds;
  const threshold = o.baseCores / meanCpu / (1 + env.static.headroom);
  const detect = env.trafficManager.detectionMinutes * 60;
  const fill = MODEL_ASSUMPTIONS.cloudFill;
  const peaks = load.planned ?? [];
  const plan = planFloors(
    load,
    rules,
    meanCpu,
    (busy) => scaler.fleetFor(busy),
    (rps) => Math.max(0, rps - threshold),
  );
  let nextPlan = 0;
  const base = new Pool();
  const cloud = new Pool();
  let now = 0;
  let instanceSeconds = 0;
  let overflowCount = 0; // overflow requests counted since the last datapoint
  let routing = false;
  let credit = 0; // base messages the cloud's share may take beyond new arrivals
  let creditRate = 0; // per second, as of the last event
  let since = 0; // when the overflow last appeared (or went) against the routing

  const stepOf = (t: number) => Math.min(o.steps - 1, Math.floor(t / o.dt));
  const inPeak = (t: number) => peaks.some((p) => p.startSeconds <= t && t < p.endSeconds);
  const overflowIn = (step: number) => {
    const wanted = (load.total[step] as number) + base.asyncQ.size / evaluation;
    return wanted > threshold ? wanted - threshold : 0;
  };
  const overflowAt = (t: number) => overflowIn(stepOf(t));
  /** The manager's view at `t`: flips once the overflow has been present (absent) for the detection time. */
  const watch = (t: number) => {
    if (inPeak(t)) {
      routing = true;
      since = t;
      return;
    }
    const present = overflowAt(t) > 0;
    if (present === routing) since = t;
    else if (t - since >= detect - 1e-9) {
      routing = present;
      since = t;
    }
  };
  /** The rate at which the cloud's share of messages exceeds the new ones: taken from the base's queue. */
  const backlogShare = (t: number) => {
    const step = stepOf(t);
    const rps = load.total[step] as number;
    const asyncRps = load.async === null ? 0 : (load.async[step] as number);
    const toCloud = Math.min(overflowAt(t), (scaler.running * rules.vcpu * fill) / meanCpu);
    const asyncToCloud = toCloud - Math.min(toCloud, rps - asyncRps);
    return asyncToCloud > asyncRps ? asyncToCloud - asyncRps : 0;
  };
  const cores = (p: Pool) => (p === base ? o.baseCores : scaler.running * rules.vcpu);
  const start = (p: Pool, arrivedAt: number) => {
    const cpu = arrivals.exponential(meanCpu);
    p.done.push(now + cpu);
    p.served++;
    record.answer(arrivedAt, 1000 * (now - arrivedAt + cpu * stretch), p === cloud);
  };
  const dispatch = (p: Pool) => {
    while (p.done.size < cores(p)) {
      if (p.syncQ.size > 0) {
        const at = p.syncQ.shift();
        if (now - at > patience) record.drop(at);
        else start(p, at);
      } else if (p.asyncQ.size > 0) start(p, p.asyncQ.shift());
      // The base's waiting messages count as overflow (the manager watches the queue's length): the
      // part of the cloud's share that new messages do not fill is taken from the base's queue, the
      // oldest first, as consumers of one queue would (`credit`, messages owed).
      else if (p === cloud && credit >= 1 && base.asyncQ.size > 0) {
        credit -= 1;
        start(p, base.asyncQ.shift());
      } else return;
    }
  };

  let nextEval = evaluation;
  let nextStep = o.dt;
  for (;;) {
    const ready = scaler.nextReady();
    const planAt = nextPlan < plan.length ? (plan[nextPlan] as { at: number }).at : Number.POSITIVE_INFINITY;
    const flipAt = since + detect;
    const t = Math.min(arrivals.at, base.done.peek(), cloud.done.peek(), nextEval, ready, planAt, flipAt, nextStep);
    if (t >= horizon) break;
    instanceSeconds += (scaler.running + scaler.booting) * (t - now);
    credit += creditRate * (t - now);
    now = t;
    // A step's rate starts now: an overflow that comes (or goes) with it is timed from here. (Timed
    // from the last event before it, the manager flipped that much early — a few milliseconds — and a
    // datapoint due at the end of the detection time counted the requests routed in them: from zero
    // instances, any is above the target, so the cloud group scaled out a minute early.)
    if (t >= nextStep) {
      if (overflowIn(stepOf(t) - 1) > 0 === routing) since = t;
      nextStep += o.dt;
    }
    watch(t);
    if (t === base.done.peek()) {
      base.done.pop();
      dispatch(base);
    } else if (t === cloud.done.peek()) {
      cloud.done.pop();
      dispatch(cloud);
    } else if (t === arrivals.at) {
      record.arrive(t);
      const step = stepOf(t);
      const rps = load.total[step] as number;
      const asyncRps = load.async === null ? 0 : (load.async[step] as number);
      const syncRps = rps - asyncRps;
      const overflow = overflowAt(t);
      // The arrivals beyond the base's rate while the manager routes them, counted for the cloud group's
      // datapoint (its waiting messages are counted there as a queue's length). Only those: the cloud
      // sees the requests sent to it. (Counting the period's overflow whenever the datapoint found the
      // manager routing counted the minute before it started, which the base served or dropped: every
      // overflow's cloud booted a minute early, and a sustained step dropped a minute fewer.)
      if (rps > threshold && arrivals.random() * rps < rps - threshold && routing) overflowCount++;
      // Weighted DNS: the overflow, as much as the running instances take, sync requests first.
      const toCloud = routing ? Math.min(overflow, scaler.running * rules.vcpu * (1 / meanCpu) * fill) : 0;
      const syncToCloud = Math.min(toCloud, syncRps);
      const asyncToCloud = Math.min(toCloud - syncToCloud, asyncRps);
      const share = arrivals.isAsync
        ? asyncRps > 0
          ? asyncToCloud / asyncRps
          : 0
        : syncRps > 0
          ? syncToCloud / syncRps
          : 0;
      if (!arrivals.isAsync) {
        const m = Math.min(minutes - 1, Math.floor(t / 60));
        syncByMinute[m] = (syncByMinute[m] as number) + 1;
        cloudWeightByMinute[m] = (cloudWeightByMinute[m] as number) + share;
      }
      const pool = share > 0 && arrivals.random() < share ? cloud : base;
      if (arrivals.isAsync) pool.asyncQ.push(t);
      else pool.syncQ.push(t);
      dispatch(pool);
      arrivals.advance(t);
    } else if (t === ready) {
      scaler.ready(t);
      dispatch(cloud);
    } else if (t === planAt) {
      scaler.setFloor(t, (plan[nextPlan++] as { floor: number }).floor);
      dispatch(cloud);
    } else if (t === nextEval) {
      // Counted in requests (the overflow's while routed, none otherwise), plus the messages waiting
      // now: the cloud's own, and while routed the base's (one queue, an elastic queue's length).
      const waiting = cloud.asyncQ.size + (routing ? base.asyncQ.size : 0);
      const busy = (overflowCount * meanCpu + waiting * meanCpu) / evaluation;
      scaler.datapoint(t, busy);
      dispatch(cloud);
      overflowCount = 0;
      nextEval += evaluation;
    }
    // (t === flipAt: the manager's view was updated above.)
    creditRate = routing ? backlogShare(t) : 0;
    if (!routing) credit = 0;
    else if (credit >= 1 && base.asyncQ.size > 0) dispatch(cloud);
  }
  instanceSeconds += (scaler.running + scaler.booting) * (horizon - now);
  // Requests still queued when the horizon ends are served after it, each pool its own, by the cores
  // running then (no arrivals, no routing, no scaling, nothing paid): as simulate-pool-requests.ts.
  credit = 0;
  for (;;) {
    const b = base.syncQ.size + base.asyncQ.size > 0 ? base.done.peek() : Number.POSITIVE_INFINITY;
    const c = cloud.syncQ.size + cloud.asyncQ.size > 0 ? cloud.done.peek() : Number.POSITIVE_INFINITY;
    if (b === Number.POSITIVE_INFINITY && c === Number.POSITIVE_INFINITY) break;
    const p = b <= c ? base : cloud;
    now = p.done.pop();
    dispatch(p);
  }
  for (const p of [base, cloud]) {
    while (p.syncQ.size > 0) {
      const at = p.syncQ.shift();
      if (horizon - at > patience) record.drop(at);
    }
  }
  return {
    figures: record.figures(),
    record,
    cloudServed: cloud.served,
    cloudShareByMinute: cloudWeightByMinute.map((w, m) =>
      (syncByMinute[m] as number) > 0 ? w / (syncByMinute[m] as number) : 0,
    ),
    instanceHours: instanceSeconds / 3600,
    meanInstances: instanceSeconds / horizon,
  };
}
