/**
 * Serverless placement: one instance per request in flight, up to the account's concurrency limit.
 * An invocation lasts the function's duration at its memory (CPU follows memory, design.ts). Sync
 * requests find the limit reached with the Erlang loss probability (M/M/N/N at N = the limit:
 * throttled, counted as dropped); async ones are retried from a backlog that carries across steps.
 * Cold starts follow cold-starts.ts: per invocation from the keep-alive window's arrivals (level by
 * level of concurrency), plus one per level a rising load reaches for the first time within the
 * keep-alive. Produces usage — invocations, GB-seconds, cold starts, instances held — never dollars.
 */
import { UpperLevels } from './cold-starts';
import { type ComponentLoad, type SimulationContext, createStats } from './component-load';
import { computeErlangB } from './erlang';
import type { OptionStats } from './option-stats';
import { ResponseDist } from './response-dist';

export interface ServerlessRun {
  stats: OptionStats;
  /** Invocations served (billed) over the horizon. */
  invocations: number;
  /** Sync invocations served: those that pass an API gateway. */
  syncInvocations: number;
  /** GB-seconds billed: invocations × memory × duration. */
  gbSeconds: number;
  coldStarts: number;
  /** Mean instances held, busy and warm idle. */
  meanInstances: number;
}

/** Backlog delays are spread over a step at these quantile midpoints (a uniform, four points). */
const SPREAD = [0.125, 0.375, 0.625, 0.875] as const;
const dist = new ResponseDist();

export function simulateServerless(load: ComponentLoad, ctx: SimulationContext): ServerlessRun {
  const { dt, steps } = ctx;
  const fn = ctx.env.functions;
  const durationMs = load.functionDurationMs;
  const nu = 1 / durationMs;
  const stats = createStats(load, ctx, nu);
  const mix = stats.mix;
  const d = durationMs / 1000;
  const limit = fn.concurrencyLimit;
  const capRps = limit / d;
  const keepAlive = fn.keepAliveMinutes * 60;
  const coldMs = fn.coldStartMs;
  const upper = new UpperLevels(keepAlive / d);
  // The keep-alive window seen from the middle of a step: half the step, then whole earlier steps.
  const back = keepAlive - dt / 2;
  const whole = back > 0 ? Math.floor(back / dt) : 0;
  const partial = back > 0 ? back / dt - whole : 0;
  const ring = new Float64Array(whole + 2); // arrivals of recent steps
  let windowSum = 0; // arrivals of the `whole` steps before this one
  // Monotonic deque of recent upper-level instance counts: its head is the most still warm.
  const keep = Math.max(1, Math.ceil(keepAlive / dt));
  const dqStep = new Int32Array(keep + 2);
  const dqValue = new Float64Array(keep + 2);
  let head = 0;
  let size = 0;
  let backlog = 0;
  let invocations = 0;
  let syncInvocations = 0;
  let coldStarts = 0;
  let instanceSeconds = 0;
  const asyncSeries = load.async;
  for (let i = 0; i < steps; i++) {
    const rps = load.total[i] as number;
    const asyncRps = asyncSeries === null ? 0 : (asyncSeries[i] as number);
    const syncRps = rps - asyncRps;
    stats.beginStep(i, rps, capRps);
    // Throttling at the concurrency limit: Erlang B for sync; async work waits its turn.
    const m = rps * d;
    const blocked = m > 0.5 * limit ? computeErlangB(limit, m) : 0;
    const syncServed = syncRps * (1 - blocked) * dt;
    const syncDropped = syncRps * blocked * dt;
    const room = capRps - syncRps * (1 - blocked);
    const q0 = backlog;
    const q1 = Math.max(0, q0 + (asyncRps - room) * dt);
    backlog = q1;
    const asyncServed = asyncRps * dt + q0 - q1;
    const served = syncServed + asyncServed;
    const servedRps = served / dt;
    // Cold starts: the keep-alive window's arrivals, level by level.
    const older = whole > 0 ? ring[(i - whole - 1 + ring.length) % ring.length] : 0;
    const lambdaK = servedRps * Math.min(keepAlive, dt / 2) + windowSum + partial * (i > whole ? (older as number) : 0);
    const mK = (lambdaK * d) / keepAlive;
    const mNow = servedRps * d;
    const firstVisits = lambdaK * Math.exp(-mK);
    const level1Cold = firstVisits > 40 ? 0 : Math.exp(-mNow - firstVisits);
    upper.at(mK);
    const churn = upper.cold;
    const aliveAbove = upper.alive;
    upper.at(mNow);
    const reach = upper.alive;
    while (size > 0 && (dqStep[head] as number) < i - keep) {
      head = head + 1 === dqStep.length ? 0 : head + 1;
      size--;
    }
    const warm = size > 0 ? (dqValue[head] as number) : 0;
    const growth = reach > warm ? reach - warm : 0;
    let cold = served * (level1Cold + churn) + growth;
    if (cold > served) cold = served;
    const coldShare = served > 0 ? cold / served : 0;
    // Latency: the duration, a cold start for some, the backlog's wait for async work.
    const admittedAsync = asyncRps * dt;
    const admitted = syncServed + admittedAsync;
    mix.addNoWait(syncServed * (1 - coldShare));
    if (coldShare > 0) mix.addDelay(syncServed * coldShare, coldMs);
    const delay0 = room > 0 ? (1000 * q0) / room : 0;
    const delay1 = room > 0 ? (1000 * q1) / room : 0;
    const hasBacklog = admittedAsync > 0 && delay1 + delay0 > 0;
    if (admittedAsync > 0) {
      for (const s of SPREAD) {
        const delay = delay0 + (delay1 - delay0) * s;
        const w = admittedAsync / SPREAD.length;
        mix.addDelay(w * (1 - coldShare), delay);
        if (coldShare > 0) mix.addDelay(w * coldShare, delay + coldMs);
      }
    }
    const latency = admitted * (durationMs + coldShare * coldMs) + admittedAsync * ((delay0 + delay1) / 2);
    let p95 = 0;
    let spread = 0;
    if (stats.hasSlo && admitted > 0) {
      p95 = computeColdP95(coldShare, coldMs, nu);
      const isNear = p95 > stats.sloMs / 4 && p95 < stats.sloMs * 4;
      if (hasBacklog && (isNear || delay1 > stats.sloMs / 4)) {
        dist
          .reset(nu)
          .add(syncServed * (1 - coldShare), 0, 0)
          .add(syncServed * coldShare, coldMs, 0);
        for (const s of SPREAD) {
          const delay = delay0 + (delay1 - delay0) * s;
          dist.add((admittedAsync / SPREAD.length) * (1 - coldShare), delay, 0);
          dist.add((admittedAsync / SPREAD.length) * coldShare, delay + coldMs, 0);
        }
        p95 = dist.quantile(0.95);
      } else if (isNear) {
        // Invocations are independent: a minute's late share is binomial (minute-spread.ts).
        const perMinute = (60 * admitted) / dt;
        const density =
          nu *
          ((1 - coldShare) * Math.exp(-nu * p95) + (p95 > coldMs ? coldShare * Math.exp(-nu * (p95 - coldMs)) : 0));
        spread = density > 0 ? Math.sqrt(0.0475 / perMinute) / (density * p95) : 0;
      }
    }
    stats.part(dt, rps * dt, admitted, syncDropped, latency, p95, spread);
    invocations += served;
    syncInvocations += syncServed;
    coldStarts += cold;
    const firstAlive = firstVisits > 40 ? 1 : -Math.expm1(-firstVisits);
    instanceSeconds += (Math.max(firstAlive, Math.min(1, mNow)) + Math.max(aliveAbove, warm, reach)) * dt;
    // Slide the windows: this step's arrivals in, the oldest whole step out; its level into the deque.
    if (whole > 0) {
      const slot = i % ring.length;
      ring[slot] = served;
      windowSum += served;
      if (i >= whole) windowSum -= ring[(i - whole + ring.length) % ring.length] as number;
    }
    let last = head + size - 1;
    if (last >= dqStep.length) last -= dqStep.length;
    while (size > 0 && (dqValue[last] as number) <= reach) {
      size--;
      last = last === 0 ? dqStep.length - 1 : last - 1;
    }
    const slot = last + 1 === dqStep.length ? 0 : last + 1;
    dqStep[slot] = i;
    dqValue[slot] = reach;
    size++;
  }
  const horizon = steps * dt;
  return {
    stats,
    invocations,
    syncInvocations,
    gbSeconds: invocations * (load.memoryMb / 1024) * d,
    coldStarts,
    meanInstances: horizon > 0 ? instanceSeconds / horizon : 0,
  };
}

/**
 * p95 (ms) of invocations that run Exp(ν) and, a share p of them, wait a cold start first: the t
 * with (1 − p)e^(−νt) + p·P(cold + Exp(ν) > t) = 0.05. Below the cold start (possible while p < 5 %)
 * that is (1 − p)e^(−νt) = 0.05 − p; beyond it, e^(−νt)·((1 − p) + p·e^(ν·cold)) = 0.05.
 */
export function computeColdP95(p: number, coldMs: number, nu: number): number {
  if (p < 0.05) {
    const t = Math.log((1 - p) / (0.05 - p)) / nu;
    if (t <= coldMs) return t;
  }
  const x = nu * coldMs;
  // ln((1 − p) + p·eˣ), without overflow for a long cold start against a short invocation.
  const lse = x > 30 ? x + Math.log(p + (1 - p) * Math.exp(-x)) : Math.log(1 - p + p * Math.exp(x));
  return (lse - Math.log(0.05)) / nu;
}
