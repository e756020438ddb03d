/**
 * One simulation step of a pool of cores in front of a queue: sync requests beyond capacity are
 * turned away and counted, async requests wait in a backlog that carries into the next step, and the
 * requests served see M/M/c latency (Erlang C) with μ = 1000 / cpuMs per core. The outcome is
 * written into a reused object so the step loop allocates nothing.
 */
import { MODEL_ASSUMPTIONS } from '../model/defaults';
import { lookupErlangCAtRho } from './erlang-table';

// Bound once: under a CommonJS transform (tsx, the CLI) an imported name is a getter per call.
const erlangCAt = lookupErlangCAtRho;

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
 * Serves `syncRps` and `asyncRps` (plus `backlogIn` waiting requests) for `dt` seconds on `cores`
 * cores of rate `mu` each; `serviceMs` is the wall-clock time of one request.
 */
export function serveStep(
  out: StepOutcome,
  syncRps: number,
  asyncRps: number,
  backlogIn: number,
  cores: number,
  mu: number,
  serviceMs: number,
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
  const fullRps = cores * mu;
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
  const erlangC = erlangCAt(cores, lambda / fullRps);
  const slack = fullRps - lambda;
  let meanMs = erlangC > 0 ? serviceMs + (1000 * erlangC) / slack : serviceMs;
  // 95th percentile of the wait: P(W > t) = C·e^(−(cμ−λ)t) = 0.05 (see computeWaitQuantile).
  let p95Ms = erlangC > 0.05 ? serviceMs + (1000 * Math.log(erlangC * 20)) / slack : serviceMs;
  if (asyncServed > 0 && (backlogIn > 0 || out.backlog > 0)) {
    // Requests served from the backlog waited, on average, for half of it to drain ahead of them.
    const backlogMs = (500 * (backlogIn + out.backlog)) / (cores * mu);
    const share = asyncServed / served;
    meanMs += share * backlogMs;
    if (share > 0.05) p95Ms += 2 * backlogMs;
  }
  out.meanMs = meanMs;
  out.p95Ms = p95Ms;
  return out;
}
