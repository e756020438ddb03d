/**
 * One simulation step of a pool of cores in front of a queue: sync requests beyond capacity are
 * turned away and counted, async requests wait in a backlog that carries into the next step, and the
 * requests served see M/M/c latency (Erlang C, read from a LatencyCurve) with μ = 1000 / cpuMs per
 * core. The outcome is
 * written into a reused object so the step loop allocates nothing.
 */
import { MODEL_ASSUMPTIONS } from '../model/defaults';
import type { LatencyCurve } from './latency-curve';

/** A server's own queue is bounded: past this utilisation it turns requests away (see defaults). */
const MAX_RHO = MODEL_ASSUMPTIONS.maxUtilization;

export interface StepOutcome {
  /** Requests served in the step. */
  served: number;
  /** Sync requests turned away in the step. */
  dropped: number;
  /** Async requests still waiting after the step. */
  backlog: number;
  /** Mean and 95th-percentile response time of the served requests, ms (0 when none served). */
  meanMs: number;
  p95Ms: number;
}

export function createOutcome(): StepOutcome {
  return { served: 0, dropped: 0, backlog: 0, meanMs: 0, p95Ms: 0 };
}

/**
 * Serves `syncRps` and `asyncRps` (plus `backlogIn` waiting requests) for `dt` seconds on the pool
 * that `curve` describes (its cores, service rate and request duration).
 */
export function serveStep(
  out: StepOutcome,
  syncRps: number,
  asyncRps: number,
  backlogIn: number,
  curve: LatencyCurve,
  dt: number,
): StepOutcome {
  if (syncRps <= 0 && asyncRps <= 0 && backlogIn <= 0) {
    // Idle step (a burst's cloud part most of the month): nothing to serve, nothing to compute.
    out.served = 0;
    out.dropped = 0;
    out.backlog = 0;
    out.meanMs = 0;
    out.p95Ms = 0;
    return out;
  }
  const fullRps = curve.fullRps;
  const capRps = fullRps * MAX_RHO;
  const syncServedRps = syncRps < capRps ? syncRps : capRps;
  const asyncWaiting = asyncRps * dt + backlogIn;
  const asyncRoom = (capRps - syncServedRps) * dt;
  const asyncServed = asyncWaiting < asyncRoom ? asyncWaiting : asyncRoom;
  const served = syncServedRps * dt + asyncServed;
  out.dropped = (syncRps - syncServedRps) * dt;
  out.backlog = asyncWaiting - asyncServed;
  out.served = served;
  if (served <= 0) {
    out.meanMs = 0;
    out.p95Ms = 0;
    return out;
  }
  const lambda = syncServedRps + asyncServed / dt;
  let meanMs = curve.mean(lambda / fullRps);
  let p95Ms = curve.p95;
  if (asyncServed > 0 && (backlogIn > 0 || out.backlog > 0)) {
    // Requests served from the backlog waited, on average, for half of it to drain ahead of them.
    const backlogMs = (500 * (backlogIn + out.backlog)) / fullRps;
    const share = asyncServed / served;
    meanMs += share * backlogMs;
    if (share > 0.05) p95Ms += 2 * backlogMs;
  }
  out.meanMs = meanMs;
  out.p95Ms = p95Ms;
  return out;
}
