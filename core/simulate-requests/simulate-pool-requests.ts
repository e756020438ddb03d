/**
 * Servers, request by request: c cores (fixed, or c = instances × vCPU under the autoscaler), one
 * FIFO queue per class with sync requests served first, each request holding a core for an
 * exponential CPU time (mean cpuMs) and answering after wait + that time × duration ÷ cpuMs (so its
 * duration is exponential with the component's mean). A sync request whose wait would exceed its
 * timeout gives up and is dropped; async ones wait as long as it takes. Cores removed by a scale-in
 * finish the request they hold. Everything is measured from the requests themselves.
 */
import type { ComponentLoad } from '../simulate/component-load';
import { Arrivals } from './arrivals';
import { MinHeap } from './heap';
import { type CallDelay, type RequestFigures, RequestRecord } from './request-record';
import { RequestScaler, type ScalerRules } from './request-scaler';

export interface PoolRequestRun {
  figures: RequestFigures;
  record: RequestRecord;
  /** Instance-hours paid (VMs: running and booting). */
  instanceHours: number;
  meanInstances: number;
}

/** A FIFO of arrival times in a growable ring. */
export class Fifo {
  private a = new Float64Array(1024);
  private head = 0;
  size = 0;
  push(x: number): void {
    if (this.size === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      for (let i = 0; i < this.size; i++) b[i] = this.a[(this.head + i) % this.a.length] as number;
      this.a = b;
      this.head = 0;
    }
    this.a[(this.head + this.size++) % this.a.length] = x;
  }
  shift(): number {
    const x = this.a[this.head] as number;
    this.head = (this.head + 1) % this.a.length;
    this.size--;
    return x;
  }
}

export interface PoolRequestOptions {
  steps: number;
  dt: number;
  seed: number;
  /** Fixed cores (static), or the autoscaler's rules (VMs). */
  cores?: number;
  scaler?: ScalerRules;
  /** The delay of its sync calls across the link (static: served in the data centre; VMs: in the cloud). */
  callDelay?: CallDelay;
}

export function simulatePoolRequests(load: ComponentLoad, o: PoolRequestOptions): PoolRequestRun {
  const horizon = o.steps * o.dt;
  const record = new RequestRecord(Math.ceil(horizon / 60), load.sloMs, o.callDelay, o.scaler !== undefined);
  const arrivals = new Arrivals(load.total, load.async, o.dt, o.steps, o.seed);
  const patience = load.timeoutMs / 1000;
  const stretch = load.durationMs / load.cpuMs;
  const meanCpu = load.cpuMs / 1000;
  const scaler = o.scaler ? new RequestScaler(o.scaler, ((load.total[0] as number) || 0) * meanCpu) : null;
  const vcpu = o.scaler?.vcpu ?? 1;
  const capacity = () => (scaler ? scaler.running * vcpu : (o.cores ?? 0));
  const evaluation = o.scaler?.evaluationSeconds ?? Number.POSITIVE_INFINITY;
  let nextEval = evaluation;
  const plan = scaler && o.scaler ? planFloors(load, o.scaler, meanCpu, (busy) => scaler.fleetFor(busy)) : [];
  let nextPlan = 0;
  const done = new MinHeap();
  const syncQ = new Fifo();
  const asyncQ = new Fifo();
  let now = 0;
  let busyArea = 0; // core-seconds busy since the last datapoint
  let demandArea = 0; // core-seconds of work arriving since the last datapoint (no instance: the request count)
  let instanceSeconds = 0;

  const start = (arrivedAt: number) => {
    const cpu = arrivals.exponential(meanCpu);
    done.push(now + cpu);
    record.answer(arrivedAt, 1000 * (now - arrivedAt + cpu * stretch));
  };
  const dispatch = () => {
    while (done.size < capacity()) {
      if (syncQ.size > 0) {
        const at = syncQ.shift();
        if (now - at > patience) record.drop(at);
        else start(at);
      } else if (asyncQ.size > 0) start(asyncQ.shift());
      else return;
    }
  };

  for (;;) {
    const ready = scaler ? scaler.nextReady() : Number.POSITIVE_INFINITY;
    const planAt = nextPlan < plan.length ? (plan[nextPlan] as { at: number }).at : Number.POSITIVE_INFINITY;
    const t = Math.min(arrivals.at, done.peek(), nextEval, ready, planAt);
    if (t >= horizon) break;
    busyArea += done.size * (t - now);
    if (scaler) instanceSeconds += (scaler.running + scaler.booting) * (t - now);
    now = t;
    if (t === done.peek()) {
      done.pop();
      dispatch();
    } else if (t === arrivals.at) {
      record.arrive(t);
      demandArea += meanCpu;
      if (arrivals.isAsync) asyncQ.push(t);
      else syncQ.push(t);
      dispatch();
      arrivals.advance(t);
    } else if (t === ready && scaler) {
      scaler.ready(t);
      dispatch();
    } else if (t === planAt && scaler) {
      scaler.setFloor(t, (plan[nextPlan++] as { floor: number }).floor);
      dispatch();
    } else if (scaler) {
      // CPU (or, with no instance, the work arriving), plus the work waiting messages hold.
      const busy = (capacity() > 0 ? busyArea : demandArea) / evaluation + (asyncQ.size * meanCpu) / evaluation;
      scaler.datapoint(t, busy);
      dispatch();
      busyArea = 0;
      demandArea = 0;
      nextEval += evaluation;
    }
  }
  if (scaler) instanceSeconds += (scaler.running + scaler.booting) * (horizon - now);
  // Requests still queued when the horizon ends are served after it by the cores running then (no
  // arrivals, no scaling, nothing paid): their waits and minutes count, as a run until every request of
  // the horizon has left measures them. Sync ones past their timeout fail on the way. (Counted only
  // when served within the horizon, a queue that grows all month read 96 of its 1,440 minutes late.)
  while ((syncQ.size > 0 || asyncQ.size > 0) && done.size > 0) {
    now = done.pop();
    dispatch();
  }
  // On no core, nothing is served: sync requests still queued whose timeout has passed have failed.
  while (syncQ.size > 0) {
    const at = syncQ.shift();
    if (horizon - at > patience) record.drop(at);
  }
  return {
    figures: record.figures(),
    record,
    instanceHours: scaler ? instanceSeconds / 3600 : 0,
    meanInstances: scaler ? instanceSeconds / horizon : 0,
  };
}

/**
 * The scheduled minimums for the load's planned peaks, from the rules alone: from a boot before each
 * peak starts to its end, the fleet that runs the peak's work (`served` of its rate: a burst's cloud
 * runs the overflow) at the target utilisation; where two overlap, the larger. A list of (time,
 * floor) changes in time order; a floor of 0 is none.
 */
export function planFloors(
  load: ComponentLoad,
  rules: ScalerRules,
  meanCpu: number,
  fleetFor: (busy: number) => number,
  served: (peakRps: number) => number = (rps) => rps,
): { at: number; floor: number }[] {
  const spans = (load.planned ?? []).map((p) => ({
    from: Math.max(0, p.startSeconds - rules.bootSeconds),
    to: p.endSeconds,
    floor: fleetFor(served(p.peakRps) * meanCpu),
  }));
  const times = [...new Set(spans.flatMap((s) => [s.from, s.to]))].sort((a, b) => a - b);
  const out: { at: number; floor: number }[] = [];
  let last = 0;
  for (const at of times) {
    const floor = spans.reduce((m, s) => (s.from <= at && at < s.to && s.floor > m ? s.floor : m), 0);
    if (floor !== last) out.push({ at, floor });
    last = floor;
  }
  return out;
}
