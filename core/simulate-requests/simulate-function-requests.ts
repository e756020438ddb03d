/**
 * Functions, request by request: an instance per request in flight, up to the concurrency limit; an
 * idle instance stays warm for the keep-alive and the most recently used one is taken first; a
 * request that finds none warm starts one, waiting the cold start first. Invocations last an
 * exponential time with the function's mean duration (at its memory). At the limit, sync requests
 * are throttled (dropped) and async ones wait in a FIFO for the next instance to free.
 *
 * A sync request whose wait before its work starts — its cold start — is longer than its timeout
 * fails and is dropped ("a sync request that waits longer fails", spec formats.md, additions of
 * December 2026; API Gateway's 29 s integration timeout, pricing-and-scaling.md), as a pool's sync
 * request that waits longer than its timeout in the queue gives up (simulate-pool-requests.ts): a
 * drop, never an answer, so not in the latency figures. Unlike the pool's, whose request leaves the
 * queue before it takes a core, the invocation it started runs on — the gateway answers 504 once
 * the integration takes longer than its timeout (AWS knowledge center, "api-gateway-504-errors",
 * read 2026-12-06); nothing cancels the function, which runs to its end (our assumption: a sync
 * Invoke has no cancel) — so it is billed, holds its instance and leaves it warm. A throttled sync request fails at once (no wait);
 * async ones (queue-fed) have no timeout. The cold start is the engine's: a fixed `coldStartMs`.
 */
import type { ComponentLoad } from '../simulate/component-load';
import { Arrivals } from './arrivals';
import { MinHeap } from './heap';
import { type CallDelay, type RequestFigures, RequestRecord } from './request-record';

export interface FunctionRequestRun {
  figures: RequestFigures;
  record: RequestRecord;
  invocations: number;
  coldStarts: number;
  coldStartShare: number;
  meanInstances: number;
}

export interface FunctionRequestOptions {
  steps: number;
  dt: number;
  seed: number;
  coldStartMs: number;
  keepAliveMinutes: number;
  concurrencyLimit: number;
  /** The delay of its sync calls across the link (served in the cloud). */
  callDelay?: CallDelay;
}

export function simulateFunctionRequests(load: ComponentLoad, o: FunctionRequestOptions): FunctionRequestRun {
  const horizon = o.steps * o.dt;
  const record = new RequestRecord(Math.ceil(horizon / 60), load.sloMs, o.callDelay, true);
  const arrivals = new Arrivals(load.total, load.async, o.dt, o.steps, o.seed);
  const mean = load.functionDurationMs / 1000;
  const cold = o.coldStartMs / 1000;
  const patience = load.timeoutMs / 1000;
  const keepAlive = o.keepAliveMinutes * 60;
  const done = new MinHeap();
  // Idle instances by the time they became idle: the last is the most recent, the first expires first.
  const idle: number[] = [];
  let oldest = 0;
  const waiting: number[] = [];
  let nextWaiting = 0;
  let now = 0;
  let invocations = 0;
  let coldStarts = 0;
  let instanceSeconds = 0;

  const run = (arrivedAt: number, isSync = false) => {
    let startup = 0;
    if (idle.length > oldest) idle.pop();
    else {
      startup = cold;
      coldStarts++;
    }
    invocations++;
    const busy = startup + arrivals.exponential(mean);
    done.push(now + busy);
    if (isSync && now - arrivedAt + startup > patience) record.drop(arrivedAt);
    else record.answer(arrivedAt, 1000 * (now - arrivedAt + busy));
  };
  /** Advances the clock to t, retiring idle instances whose keep-alive ran out on the way. */
  const advance = (t: number) => {
    while (idle.length > oldest && (idle[oldest] as number) + keepAlive <= t) {
      const expiry = (idle[oldest] as number) + keepAlive;
      instanceSeconds += (done.size + idle.length - oldest) * (expiry - now);
      now = expiry;
      oldest++;
    }
    if (oldest > 4096 && oldest * 2 > idle.length) {
      idle.splice(0, oldest);
      oldest = 0;
    }
    instanceSeconds += (done.size + idle.length - oldest) * (t - now);
    now = t;
  };

  for (;;) {
    const t = Math.min(arrivals.at, done.peek());
    if (t >= horizon) break;
    advance(t);
    if (t === done.peek()) {
      done.pop();
      idle.push(t);
      if (nextWaiting < waiting.length) run(waiting[nextWaiting++] as number);
    } else {
      record.arrive(t);
      if (done.size < o.concurrencyLimit) run(t, !arrivals.isAsync);
      else if (arrivals.isAsync) waiting.push(t);
      else record.drop(t);
      arrivals.advance(t);
    }
  }
  advance(horizon);
  // Messages still waiting when the horizon ends take instances as they free after it (no arrivals,
  // nothing paid): their waits count, as a run until every request of the horizon has left measures
  // them — and as the engine reads a throttled message's wait when it arrives (simulate-serverless.ts).
  // Invocations after the horizon are not the horizon's: neither billed nor in the cold-start share.
  const [billed, coldBilled] = [invocations, coldStarts];
  while (nextWaiting < waiting.length && done.size > 0) {
    now = done.pop();
    idle.push(now);
    run(waiting[nextWaiting++] as number);
  }
  invocations = billed;
  coldStarts = coldBilled;
  return {
    figures: record.figures(),
    record,
    invocations,
    coldStarts,
    coldStartShare: invocations > 0 ? coldStarts / invocations : 0,
    meanInstances: instanceSeconds / horizon,
  };
}
