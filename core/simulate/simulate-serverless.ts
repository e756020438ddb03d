/**
 * Serverless placement: one instance per concurrent request (Little's law: concurrency = λ × duration),
 * up to the account's concurrency limit. Requests beyond the limit are throttled (sync: dropped; async:
 * retried from a backlog). A request waits a cold start when no warm instance is free: when
 * concurrency rises above what was warm within the last `keepAliveMinutes`, and, at low rates, when an
 * instance sat idle longer than the keep-alive (Poisson gaps: P(gap > k) = e^(−λk)).
 */
import { type ComponentLoad, type SimulationContext } from './component-load';
import { OptionStats } from './option-stats';

export interface ServerlessRun {
  stats: OptionStats;
  /** Invocations served (billed) over the horizon. */
  invocations: number;
  /** Sync invocations served: those that pass an API gateway. */
  syncInvocations: number;
  coldStarts: number;
}

export function simulateServerless(load: ComponentLoad, ctx: SimulationContext): ServerlessRun {
  const { dt, steps } = ctx;
  const fn = ctx.env.functions;
  const stats = new OptionStats(steps, ctx.stepMinutes, load.sloMs, ctx.points);
  const durationS = load.durationMs / 1000;
  const capRps = fn.concurrencyLimit / durationS;
  const keepAliveS = fn.keepAliveMinutes * 60;
  const window = Math.max(1, Math.ceil(fn.keepAliveMinutes / ctx.stepMinutes));
  // Monotonic deque of recent concurrency in a ring (it never holds more than window + 1 steps);
  // its head is the largest count still warm. `head` is the first slot, `size` the entries held.
  const ring = window + 2;
  const dqStep = new Int32Array(ring);
  const dqValue = new Float64Array(ring);
  let head = 0;
  let size = 0;
  let backlog = 0;
  let invocations = 0;
  let syncInvocations = 0;
  let coldStarts = 0;
  const asyncSeries = load.async;
  for (let i = 0; i < steps; i++) {
    while (size > 0 && (dqStep[head] as number) < i - window) {
      head = head + 1 === ring ? 0 : head + 1;
      size--;
    }
    const warm = size > 0 ? (dqValue[head] as number) : 0;
    const rps = load.total[i] as number;
    const asyncRps = asyncSeries === null ? 0 : (asyncSeries[i] as number);
    const syncRps = rps - asyncRps;
    const syncServed = syncRps < capRps ? syncRps : capRps;
    const asyncWaiting = asyncRps * dt + backlog;
    const asyncRoom = (capRps - syncServed) * dt;
    const asyncServed = asyncWaiting < asyncRoom ? asyncWaiting : asyncRoom;
    backlog = asyncWaiting - asyncServed;
    const served = syncServed * dt + asyncServed;
    const servedRps = served / dt;
    const concurrency = Math.ceil(servedRps * durationS - 1e-9);
    const perInstanceRps = servedRps / (concurrency > 1 ? concurrency : 1);
    const idle = perInstanceRps * keepAliveS;
    let cold = (concurrency > warm ? concurrency - warm : 0) + (idle < 40 ? served * Math.exp(-idle) : 0);
    if (cold > served) cold = served;
    const coldShare = served > 0 ? cold / served : 0;
    let meanMs = load.durationMs + coldShare * fn.coldStartMs;
    let p95Ms = load.durationMs + (coldShare > 0.05 ? fn.coldStartMs : 0);
    if (asyncServed > 0 && backlog > 0) {
      const backlogMs = (1000 * backlog) / capRps;
      meanMs += backlogMs;
      p95Ms += backlogMs;
    }
    stats.record(i, rps, capRps, rps * dt, served, (syncRps - syncServed) * dt, meanMs, p95Ms);
    invocations += served;
    syncInvocations += syncServed * dt;
    coldStarts += cold;
    let last = head + size - 1;
    if (last >= ring) last -= ring;
    while (size > 0 && (dqValue[last] as number) <= concurrency) {
      size--;
      last = last === 0 ? ring - 1 : last - 1;
    }
    const slot = last + 1 === ring ? 0 : last + 1;
    dqStep[slot] = i;
    dqValue[slot] = concurrency;
    size++;
  }
  return { stats, invocations, syncInvocations, coldStarts };
}
