/**
 * Serverless placement: one instance per request in flight, up to the account's concurrency limit.
 * An invocation lasts the function's duration at its memory (CPU follows memory, design.ts). At the
 * limit, async work waits for the next instance to free and takes it first (a backlog that carries
 * across steps, and a random queue's wait whose mean approaches its stationary length or, at and
 * over the rate, grows as a reflected random walk — relaxation.ts); a sync request that finds every
 * instance busy is throttled and counted as dropped: always while a backlog lasts, otherwise with
 * the chain's stationary chance (erlang.ts: computeThrottledShare — Erlang B when nothing is async).
 * Instances held never exceed the limit (cold-starts.ts truncates the levels there).
 * Cold starts follow cold-starts.ts: per invocation from the keep-alive window's arrivals (level by
 * level of concurrency), plus one per level a rising load reaches for the first time within the
 * keep-alive (the window's levels, not a step's own noisy rate), and a herd when it jumps (none:
 * every invocation starts cold). Instances held are those busy, warm or starting.
 * A sync request waits before its work starts only for its cold start (a throttled one fails at
 * once): where the cold start is longer than its timeout, every sync invocation that starts cold
 * fails and counts as dropped ("a sync request that waits longer fails", spec formats.md, additions
 * of December 2026; API Gateway's 29 s integration timeout, pricing-and-scaling.md), as a pool's
 * sync request that waits longer in the queue gives up (serve-pool.ts, simulate-pool-requests.ts):
 * a drop and no answer, so in neither the latency mixture nor the SLO's late share, its minute
 * judged on its drops. Unlike the pool's, the invocation runs on (the gateway answers 504 past its
 * timeout, AWS knowledge center "api-gateway-504-errors", read 2026-12-06; nothing cancels the
 * function — our assumption, a sync Invoke has no cancel): it is billed, holds its instance and
 * leaves it warm, so invocations, GB-seconds, cold starts and instances are as before. The cold
 * start is one fixed `coldStartMs` (model/defaults.ts: 250 ms for a measured mean of 242 ms, p90
 * 584 ms), so either every cold sync invocation fails or none does; async work (queue-fed, `load.async`) has no timeout. simulate-function-requests.ts does the
 * same request by request (oracle-function-timeout.test.ts).
 * Produces usage — invocations, GB-seconds, cold starts, instances held — never dollars.
 */
import { ColdStartCurve } from './cold-starts';
import { type ComponentLoad, type SimulationContext, createStats } from './component-load';
import { computeThrottledShare } from './erlang';
import { clumpOfBursts, computeIndependentSpread } from './minute-spread';
import type { OptionStats } from './option-stats';
import type { LatencyMixture } from './latency-mixture';
import { followQueue as followQueueOf, queueCourse, spreadReflectedMean } from './relaxation';
import { ResponseDist } from './response-dist';
import { giveBack, takeFloat64 } from './scratch-pool';

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
// Bound once: under a CommonJS transform (tsx, the CLI) an imported name is a getter per call.
const throttledShare = computeThrottledShare;
const followQueue = followQueueOf;
const course = queueCourse;
/**
 * Under this many instances the throttle is always computed (it costs O(limit)); from it up, only
 * above half the limit: Erlang B below that is at most 2·10⁻⁷ (E(64, 32); 1.6·10⁻¹⁰ at 100), while
 * at half of a small limit it is not small (E(20, 10) = 1.9·10⁻³, E(5, 2.5) = 7·10⁻², E(1, 0.5) = ⅓).
 */
const ALWAYS_THROTTLED_UNDER = 64;
/**
 * A step whose rate is more than this times its keep-alive window's mean rose, and its own levels
 * beyond the warm ones start cold (simulateServerless). A multiplicative noise of up to ±100 % a step
 * reaches 2× the mean; a spike of 10 minutes to 300× its base, 60× on a 10-minute keep-alive.
 */
const JUMP = 3;
/** Below this chance of finding every instance busy, async requests' waits are left out. */
const WAIT_NEGLIGIBLE = 1e-9;

export function simulateServerless(load: ComponentLoad, ctx: SimulationContext): ServerlessRun {
  const { dt, steps } = ctx;
  const fn = ctx.env.functions;
  const durationMs = load.functionDurationMs;
  const nu = 1 / durationMs;
  const stats = createStats(load, ctx, nu);
  const d = durationMs / 1000;
  const limit = fn.concurrencyLimit;
  const capRps = limit / d;
  const keepAlive = fn.keepAliveMinutes * 60;
  const coldMs = fn.coldStartMs;
  // Whether a sync invocation that starts cold waits longer than its timeout, and fails (above).
  const coldTimesOut = coldMs > load.timeoutMs;
  const curve = new ColdStartCurve(keepAlive / d, limit);
  const table = curve.table;
  // (× 1: a number the compiler holds as a float, where the field's value was unboxed every step.)
  const truncateAbove = curve.truncateAbove * 1;
  const herdFactor = 1 + coldMs / durationMs;
  // The last herd (below): its levels above the first, and when its keep-alive runs out (seconds).
  let herdLevel = 0;
  let herdUntil = -1;
  // The keep-alive window seen from the middle of a step: half the step, then `whole` earlier steps
  // and a `partial` share of the one before them. `ring` holds the arrivals of recent steps.
  const back = keepAlive - dt / 2;
  const whole = back > 0 ? Math.floor(back / dt) : 0;
  const partial = back > 0 ? back / dt - whole : 0;
  // The keep-alive window's part in this step: half of it at most.
  const nearHalf = Math.min(keepAlive, dt / 2);
  const ringLength = whole + 2;
  const ring = new Float64Array(ringLength);
  let windowSum = 0; // arrivals of the `whole` steps before this one
  // Step i's place in `ring`, i mod its length, carried from step to step: a typed array's length is
  // not a small integer to the compiler, so `i % ring.length` was a floating-point remainder, three a
  // step (bench:engine's design, serverless alone: see the commit).
  let slot = 0;
  // Monotonic deque of recent instance counts above the first: its head is the most still warm.
  const keep = Math.max(1, Math.ceil(keepAlive / dt));
  const dqLength = keep + 2;
  // Whether the keep-alive is a whole number of steps (bench:engine's and the examples' 10 minutes at
  // 1-minute steps), in integers (so that the times below are exact): then every level the deque
  // holds after its expiry outlives the step (its step is at least i − keep, so its keep-alive runs
  // to (i + 1)·dt or later), and instance-seconds take its head only (see below).
  const isWholeKeep =
    keepAlive > 0 &&
    keepAlive === keep * dt &&
    Number.isInteger(dt) &&
    Number.isInteger(keepAlive) &&
    (steps + keep + 1) * dt < Number.MAX_SAFE_INTEGER;
  const dqStep = new Int32Array(dqLength);
  const dqValue = new Float64Array(dqLength);
  let head = 0;
  let size = 0;
  // The run of steps whose rates stay within a factor of 2 of its mean (the window's, once it covers
  // the window): its steps and arrivals, and the curves of runs shorter than that (RunLevels).
  let runSteps = 0;
  let runSum = 0;
  // Monotonic deque of the windows' levels (`reach`) of recent steps: new levels of a load that did
  // not jump (below) are counted against these, as the churn at the window's mean counts the rest.
  const rqStep = new Int32Array(dqLength);
  const rqValue = new Float64Array(dqLength);
  let rHead = 0;
  let rSize = 0;
  // Most steps push the same level into both deques (a step that neither rose nor started a herd
  // counts the window's levels, which are its own): while every step of the last `keep` did, the
  // two hold the same entries (a deque's entries after its expired ones are dropped are a function
  // of the steps pushed since), so the second is left alone and `dq` stands for both. The last step
  // whose two levels differed (the second deque is kept from it until `keep` steps after):
  let split = -1;
  let isShared = true;
  const runLevels = new RunLevels(keepAlive, dt, d, limit);
  let backlog = 0;
  // The async queue's mean with its randomness (the fluid `backlog` is its drift alone): see below.
  let queued = 0;
  let invocations = 0;
  let syncInvocations = 0;
  let coldStarts = 0;
  let instanceSeconds = 0;
  // Invocations without and with a cold start: two pieces of the latency mixture, added at the end.
  let warmWeight = 0;
  let coldWeight = 0;
  // The last step's cold-start share: a cold start holds its instance for its own seconds too, so
  // sync requests meet the limit sooner (with no keep-alive, 40 rps of 100 ms invocations and 250 ms
  // cold starts hold 14 instances, not 4: on a limit of 20 the simulator turns 3.0 % away, as Erlang B
  // does, where the duration alone said none).
  let lastColdShare = keepAlive > 0 ? 0 : 1;
  const asyncSeries = load.async;
  const cells = new FunctionSteps();
  const cellSums = cells.cells;
  // A function nothing ever reaches: every step is the loop's quiet step, which changes no state and
  // records nothing but the chart's demand and capacity. Only those are kept (IDLE below).
  // (Its demand is 0 at every step, and a 0 added to the chart's demand changes nothing.)
  const idle = isIdle(load, steps, limit);
  if (idle) {
    stats.stepCapacity = capRps;
    stats.beginQuietSteps(0, steps);
  }
  const totalSeries = load.total;
  // The chart's sums of the current point (OptionStats.chartTo), kept in locals from its first step
  // to its last and stored back there and around recordStep, which adds to them too: beginStep and
  // chartLatency were two field stores and four sums in memory a step (see the commit).
  const chartSums = stats.chartSums;
  const chartWeights = stats.chartWeights;
  let chartPoint = 0;
  let chartAt = 0;
  let pointEnd = -1;
  let demandSum = 0;
  let capacitySum = 0;
  let latencySum = 0;
  let weightSum = 0;
  for (let i = 0; !idle && i < steps; i++) {
    const rps = totalSeries[i] as number;
    const asyncRps = asyncSeries === null ? 0 : (asyncSeries[i] as number);
    const syncRps = rps - asyncRps;
    if (i >= pointEnd) {
      if (pointEnd >= 0) {
        chartSums[chartAt] = demandSum;
        chartSums[chartAt + 1] = capacitySum;
        chartSums[chartAt + 2] = latencySum;
        chartWeights[chartPoint] = weightSum;
      }
      pointEnd = stats.chartTo(i);
      chartPoint = stats.chartPoint;
      chartAt = 3 * chartPoint;
      demandSum = chartSums[chartAt] as number;
      capacitySum = chartSums[chartAt + 1] as number;
      latencySum = chartSums[chartAt + 2] as number;
      weightSum = chartWeights[chartPoint] as number;
    }
    demandSum += rps;
    capacitySum += capRps;
    // Throttling at the concurrency limit, as the per-request simulator has it: async work waits for
    // the next instance to free and takes it first; a sync request that finds every instance busy is
    // turned away. While an async backlog lasts every instance is busy (`jammed` seconds of the step);
    // otherwise all are busy with the stationary chance (erlang.ts: computeThrottledShare).
    const q0 = backlog;
    // (No backlog and async under the limit's rate, most steps: 0 + a negative number, so 0 without
    // Math.max's checks for NaN and −0: −3 % on serverless alone, see the commit.)
    const q1 = q0 === 0 && asyncRps < capRps ? 0 : Math.max(0, q0 + (asyncRps - capRps) * dt);
    backlog = q1;
    const jammed = asyncRps >= capRps ? dt : q0 > 0 ? Math.min(dt, q0 / (capRps - asyncRps)) : 0;
    const hold = d + (lastColdShare * coldMs) / 1000;
    const allBusy =
      jammed >= dt
        ? 1
        : limit < ALWAYS_THROTTLED_UNDER || rps * hold > 0.5 * limit
          ? throttledShare(limit, rps * hold, asyncRps / capRps)
          : 0;
    // Nothing jammed or throttled (most steps): (0 + dt · 0) ÷ dt, exactly 0, without the division.
    const blocked = jammed === 0 && allBusy === 0 ? 0 : (jammed + (dt - jammed) * allBusy) / dt;
    const syncServed = syncRps * (1 - blocked) * dt;
    const syncDropped = syncRps * blocked * dt;
    const served = syncServed + asyncRps * dt + q0 - q1;
    // Cold starts (cold-starts.ts): the keep-alive window's arrivals give its mean concurrency. At the
    // limit the curve is a Poisson truncated there, whose parameter is the load offered, turned-away
    // requests included (Erlang's loss system), not the load carried: with the carried load the
    // cold-start share at a limit of 10 came out +43 % against the simulator.
    const offered = served + syncDropped;
    const older = i > whole ? (ring[slot + 1 === ringLength ? 0 : slot + 1] as number) : 0;
    const lambdaK = (offered / dt) * nearHalf + windowSum + partial * older;
    // Slide the window now (nothing below reads it): this step's arrivals in, the oldest whole step
    // out. (Kept when `whole` is 0 too: the `partial` step before this one is read from the ring.)
    // Here rather than at the step's end, the next step's window sum is ready before this step's
    // long chain of divisions and table reads: −3 to −5 % on serverless alone (see the commit).
    ring[slot] = offered;
    windowSum += offered;
    if (i >= whole) windowSum -= ring[slot >= whole ? slot - whole : slot + ringLength - whole] as number;
    slot = slot + 1 === ringLength ? 0 : slot + 1;
    // No keep-alive: an instance lives for its invocation alone, so every invocation starts cold.
    const m = keepAlive > 0 ? (lambdaK * d) / keepAlive : (offered / dt) * d;
    // The curve at m (cold-starts.ts): ColdStartCurve.evaluate's table read written out, its figures
    // kept in locals rather than the curve's fields (stored and read back each step: −5 % on
    // serverless alone, see the commit); anything but that read is evaluate's own, as before.
    let curveCold: number;
    let alive: number;
    let reach: number;
    bits64[0] = m;
    const h = bits32[1] as number;
    const k = (((h >>> 20) - 1023 + 24) << 3) + ((h & 0xfffff) >>> 17);
    const a = 3 * k;
    if (
      m > 0 &&
      k >= 0 &&
      k < 304 &&
      !(m > truncateAbove) &&
      !Number.isNaN((table[a] as number) + (table[a + 3] as number))
    ) {
      const f = (h & 0x1ffff) / 131072;
      const g = 1 - f;
      curveCold = (table[a] as number) * g + (table[a + 3] as number) * f;
      alive = (table[a + 1] as number) * g + (table[a + 4] as number) * f;
      reach = (table[a + 2] as number) * g + (table[a + 5] as number) * f;
    } else {
      curve.m = m;
      curve.evaluate();
      curveCold = curve.cold;
      alive = curve.alive;
      reach = curve.aliveAbove;
    }
    const churn = keepAlive > 0 ? curveCold : 1;
    // The levels above the first the load reaches: the keep-alive window's, not this step's own rate.
    // A step's rate is noisy, and its levels are those of its Poisson maxima over a whole keep-alive,
    // which the churn already counts: taking them from the step's rate counted every noisy step above
    // the recent ones as new levels (a steady 20 rps of 100 ms, ±10 % a step: cold starts +27 % and
    // instances +3 % against the per-request simulator, where the window's read +8 % and +0.4 %; the
    // three examples' functions up to +25 %, now −4 to +23 %). A real rise is the window's too, and
    // a sudden one is the herd's (below).
    const mNow = (offered / dt) * d;
    // The levels this step reaches itself (`ownNow` by its middle, `ownEnd` by its end), which the
    // deque below holds until their keep-alive runs out. The simulator's instance j is warm while the
    // requests in flight reached j within the keep-alive, so a level lives a keep-alive after the
    // load last reached it. Where the rate has stayed within a factor of 2 of its mean for the whole
    // window (a steady or noisy load, a slow daily curve), those are the window's levels (`reach`).
    // Where it jumped within the keep-alive, the window's mean mixes the rates before and after the
    // jump: its levels are not those the load reaches, and held a keep-alive from each step, a spike's
    // levels were held until twice the keep-alive after it, by every step whose window still held
    // part of it, where the simulator lets them go a keep-alive after the spike (functions under
    // 10-minute spikes every 3 hours: instances +19 % against it; 2-minute spikes every 20 minutes,
    // −25 %, their levels those of a window's mean a fifth of theirs). There a step's levels are the
    // curve's at its own rate, over as much of the run as its arrivals last at that rate (a rising
    // run's levels are its last steps'); the window's levels are the floor (the churn's).
    if (keepAlive > 0) {
      const wasFull = runSteps * dt >= keepAlive + dt / 2;
      const runMean = wasFull ? (lambdaK * dt) / keepAlive : runSum / runSteps;
      if (!(offered <= 2 * runMean && 2 * offered >= runMean)) {
        runSteps = 1;
        runSum = offered;
      } else if (!wasFull) {
        runSteps++;
        runSum += offered;
      }
    }
    // (Read back from RunLevels' fields, never its return value: a call left out of line returns a
    // tagged number, and merged with `reach` that made both tagged, `reach` boxed every step.)
    let ownNow = reach;
    let ownEnd = reach;
    if (runSteps * dt < keepAlive + dt / 2 && offered > 0) {
      runLevels.measure(mNow, runSteps, (2 * runSum) / offered);
      ownNow = runLevels.now;
      ownEnd = runLevels.end;
    }
    while (size > 0 && (dqStep[head] as number) < i - keep) {
      head = head + 1 === dqLength ? 0 : head + 1;
      size--;
    }
    const stepStart = i * dt;
    const levelWarm = size > 0 ? (dqValue[head] as number) : 0;
    const herdWarm = herdUntil > stepStart ? herdLevel : 0;
    const warm = levelWarm > herdWarm ? levelWarm : herdWarm;
    // The most levels the windows of recent steps reached (a second deque: the windows' levels, and
    // those of a step that rose or started a herd, below).
    if (!isShared && split < i - keep) isShared = true;
    while (!isShared && rSize > 0 && (rqStep[rHead] as number) < i - keep) {
      rHead = rHead + 1 === dqLength ? 0 : rHead + 1;
      rSize--;
    }
    const windowWarm = isShared ? levelWarm : rSize > 0 ? (rqValue[rHead] as number) : 0;
    // A rise beyond the warm levels starts a herd: until the first new instances are ready, every
    // arrival beyond what the warm ones serve starts one more, each held for its cold start and its
    // invocation, so (d + cold) ÷ d as many start as the new levels alone (the simulator at a step
    // from 10 to 500 rps of 50 ms with 250 ms cold starts: ~125 cold starts, where the new levels
    // alone are ~20), bounded by the limit. Idle after it, they live out their keep-alive (the most
    // recently used instance is taken first).
    // (Levels above the first, as `reach` and `warm` count them; the herd is of the mean concurrency:
    // the levels a fluctuation reaches later start one at a time.)
    const meanAbove = (mNow < limit ? mNow : limit) - 1;
    const burst = meanAbove > warm ? Math.min(warm + (meanAbove - warm) * herdFactor, limit - 1) : 0;
    // New levels: where the step rose far above its window's mean (a spike, a steep ramp), its own
    // levels beyond those still warm; otherwise the window's levels beyond the recent windows'. A
    // noisy load's steps' own levels are the churn's (at the window's mean): counted as new, and
    // against the steps' own recent levels, they came out −40 to +30 % against the simulator (±50 to
    // ±100 % a minute), where the windows' levels alone counted them within −3 to +15 %.
    const rose = ownEnd > reach && offered * keepAlive > JUMP * lambdaK * dt;
    const herd = burst > (rose ? ownEnd : reach) ? burst : rose ? ownEnd : reach;
    const before = rose || burst > reach ? warm : windowWarm;
    let cold = served * churn + (herd > before ? herd - before : 0);
    if (burst > reach && burst > warm) {
      herdLevel = burst;
      herdUntil = stepStart + keepAlive + (coldMs + durationMs) / 1000;
    }
    if (cold > served) cold = served;
    const coldShare = served > 0 ? cold / served : 0;
    if (served > 0) lastColdShare = coldShare;
    // Latency: the duration, a cold start for some, the backlog's wait for async work.
    const admittedAsync = asyncRps * dt;
    const admitted = syncServed + admittedAsync;
    // A backlog drains at the full limit (async takes every instance that frees).
    const hasBacklog = admittedAsync > 0 && q1 + q0 > 0;
    // The async queue is random: near the limit's rate it takes minutes to hours to reach its
    // stationary length (the stationary M/M/c-like mean, allBusy·λ/(cμ − λ)), and at or just over the
    // rate it grows as a reflected random walk does (√t at the rate), not as the fluid backlog alone.
    // Its mean is carried across steps by the pools' own followQueue (relaxation.ts): growing towards
    // the stationary mean along Abate & Whitt's H₁, draining towards it as a reflected Brownian
    // motion; at or above the rate, a reflected Brownian motion with upward drift. What it holds
    // beyond the fluid backlog (`queueWait`, ms) is a wait: queued ÷ the rate it is served at
    // (Little's law below the rate, the limit's rate at or above it).
    let queueWait = 0;
    if (queued > 0 || (asyncRps > 0 && allBusy > WAIT_NEGLIGIBLE)) {
      const drift = capRps - asyncRps;
      const sigma2 = asyncRps + capRps;
      let mean: number;
      let next: number;
      if (drift > 0) {
        const stationary = (allBusy * asyncRps) / drift;
        if (followQueue(queued, stationary, sigma2, drift, dt)) {
          next = course.end;
          mean = course.reach;
        } else {
          next = mean = stationary;
        }
      } else {
        next = spreadReflectedMean(queued, -drift, sigma2, dt);
        mean = (queued + 4 * spreadReflectedMean(queued, -drift, sigma2, dt / 2) + next) / 6;
      }
      queued = next > q1 ? next : q1;
      // The fluid backlog's own mean over the step (it may run out within it).
      const fluid = q1 > 0 || q0 === 0 ? (q0 + q1) / 2 : (q0 * jammed) / (2 * dt);
      const serveRate = asyncRps < capRps ? asyncRps : capRps;
      queueWait = mean > fluid && serveRate > 0 ? (1000 * (mean - fluid)) / serveRate : 0;
    }
    const delay0 = hasBacklog ? (1000 * q0) / capRps + queueWait : 0;
    const delay1 = hasBacklog ? (1000 * q1) / capRps + queueWait : 0;
    // Without a backlog, async requests that find every instance busy wait for the next to free: a
    // share `allBusy` of them (1 at or over the rate), Exp(θ) with the queue's mean wait: stationary,
    // θ = cμ − λ_async a second.
    const share = allBusy > WAIT_NEGLIGIBLE ? allBusy : 0;
    const waiting = !hasBacklog && share > 0 && queueWait > 0 ? admittedAsync * share : 0;
    const theta = waiting > 0 ? share / queueWait : 0;
    if (waiting > 0) stats.mix.addWait(waiting, theta);
    const direct = (hasBacklog ? syncServed : admitted) - waiting;
    // Sync invocations whose cold start outlasts the timeout fail (see the top): dropped, not answered.
    // (Where none do, each figure below is exactly what it was without them: x − 0 and x + 0 are x.)
    const timedOut = coldTimesOut ? syncServed * coldShare : 0;
    const answered = admitted - timedOut;
    const dropped = syncDropped + timedOut;
    // The cold-start share of the answers that did not wait for the limit: the sync ones are all warm
    // where cold ones fail, so it is below the invocations' (a backlog's async answers keep theirs).
    const answeredCold =
      timedOut > 0 ? (direct > timedOut ? (direct * coldShare - timedOut) / (direct - timedOut) : 0) : coldShare;
    warmWeight += direct * (1 - coldShare);
    coldWeight += direct * coldShare - timedOut;
    if (hasBacklog) spreadBacklog(stats.mix, admittedAsync, delay0, delay1, coldShare, coldMs);
    // (Those that waited take an instance that has just freed: no cold start, as in the mixture.)
    const latency =
      answered * durationMs +
      ((admitted - waiting) * coldShare - timedOut) * coldMs +
      admittedAsync * ((delay0 + delay1) / 2) +
      (waiting > 0 ? waiting / theta : 0);
    if (!(admitted > 0) && !(rps > 0) && !hasBacklog) {
      // A quiet step (a quarter of a typical design's): it adds nothing to the statistics.
    } else if (hasBacklog || waiting > 0 || !(answered > 0) || timedOut > 0) {
      chartSums[chartAt + 2] = latencySum;
      chartWeights[chartPoint] = weightSum;
      // Cold starts that time out come spread and bunched otherwise than Poisson (timeoutClump): recorded
      // step by step (not in a cell of FunctionSteps, whose drops are throttled ones).
      if (timedOut > 0 && syncDropped === 0) stats.partIn.clump = timeoutClump(timedOut, dt, mNow, keepAlive);
      recordStep(
        stats,
        dt,
        rps * dt,
        answered,
        dropped,
        latency,
        answeredCold,
        delay0,
        delay1,
        syncServed - timedOut,
        admittedAsync,
        coldMs,
        waiting,
        theta,
        coldShare,
      );
      latencySum = chartSums[chartAt + 2] as number;
      weightSum = chartWeights[chartPoint] as number;
    } else {
      // Most steps: everything they add to the statistics follows from the rate and the cold-start
      // share, so they only add to their cell of `steps` (FunctionSteps) and the chart gets its latency.
      // FunctionSteps.add written out here: as a call it (289 bytes of bytecode) used up most of
      // V8's cumulative inlining budget for this loop, so either it or the chart's beginStep and
      // chartLatency stayed out of line, their numbers boxed (see the commit for the times).
      const k = 5 * (rateBinOf(answered / dt) * COLD_BINS + coldBinOf(answeredCold));
      cellSums[k] = (cellSums[k] as number) + dt;
      cellSums[k + 1] = (cellSums[k + 1] as number) + rps * dt;
      cellSums[k + 2] = (cellSums[k + 2] as number) + answered;
      cellSums[k + 3] = (cellSums[k + 3] as number) + dropped;
      cellSums[k + 4] = (cellSums[k + 4] as number) + answered * answeredCold;
      latencySum += latency;
      weightSum += answered;
    }
    invocations += served;
    syncInvocations += syncServed;
    coldStarts += cold;
    // Instances held: the levels the window keeps alive for the whole step, or this step's own by its
    // middle where more, and above them the levels of recent steps, each until its keep-alive runs out
    // — within the step when the step is longer than the keep-alive. Plus each cold start's own seconds.
    const floor = ownNow > reach ? ownNow : reach;
    let extra = (floor - reach) * dt;
    let from = i * dt;
    const stepEnd = from + dt;
    if (isWholeKeep) {
      // (The loop below with every level's keep-alive outlasting the step: the head's, to its end.)
      if (size > 0 && !(levelWarm <= floor)) extra += (levelWarm - floor) * (stepEnd - from);
    } else {
      for (let e = 0, at = head; e < size && from < stepEnd; e++, at = at + 1 === dqLength ? 0 : at + 1) {
        const level = dqValue[at] as number;
        if (level <= floor) break;
        const expires = ((dqStep[at] as number) + 1) * dt + keepAlive;
        const until = expires < stepEnd ? expires : stepEnd;
        if (until > from) {
          extra += (level - floor) * (until - from);
          from = until;
        }
      }
    }
    // The herd's instances above those, from the rise until their keep-alive runs out.
    if (herdUntil > stepStart) {
      const top = levelWarm > floor ? levelWarm : floor;
      if (herdLevel > top) extra += (herdLevel - top) * ((herdUntil < stepEnd ? herdUntil : stepEnd) - stepStart);
    }
    instanceSeconds += alive * dt + extra + (cold * coldMs) / 1000;
    // (A step that rose or started a herd counted those levels as new: they are the window's from
    // here, or the window's levels would count them again as they catch up.)
    const counted = herd;
    // (Object.is's sense, for a 0 of either sign; a NaN only ever splits them.)
    if (counted !== ownEnd || (counted === 0 && 1 / counted !== 1 / ownEnd)) {
      if (isShared) {
        // The second deque takes up the entries the first holds for both.
        for (let e = 0; e < dqLength; e++) {
          rqStep[e] = dqStep[e] as number;
          rqValue[e] = dqValue[e] as number;
        }
        rHead = head;
        rSize = size;
        isShared = false;
      }
      split = i;
    }
    if (!isShared) {
      let rLast = rHead + rSize - 1;
      if (rLast >= dqLength) rLast -= dqLength;
      while (rSize > 0 && (rqValue[rLast] as number) <= counted) {
        rSize--;
        rLast = rLast === 0 ? dqLength - 1 : rLast - 1;
      }
      const rNext = rLast + 1 === dqLength ? 0 : rLast + 1;
      rqStep[rNext] = i;
      rqValue[rNext] = counted;
      rSize++;
    }
    // This step's own levels into the deque.
    let last = head + size - 1;
    if (last >= dqLength) last -= dqLength;
    while (size > 0 && (dqValue[last] as number) <= ownEnd) {
      size--;
      last = last === 0 ? dqLength - 1 : last - 1;
    }
    const next = last + 1 === dqLength ? 0 : last + 1;
    dqStep[next] = i;
    dqValue[next] = ownEnd;
    size++;
  }
  if (pointEnd >= 0) {
    chartSums[chartAt] = demandSum;
    chartSums[chartAt + 1] = capacitySum;
    chartSums[chartAt + 2] = latencySum;
    chartWeights[chartPoint] = weightSum;
  }
  cells.flush(stats, durationMs, coldMs, limit);
  stats.mix.addNoWait(warmWeight);
  stats.mix.addDelay(coldWeight, coldMs);
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
 * The levels above the first that a run of steps at one mean concurrency reaches (cold-starts.ts),
 * by how long it has run: `halves` half-steps, at most the keep-alive (then the window's own curve).
 * One curve per length, made when first asked.
 */
class RunLevels {
  /** The levels above the first by a step's middle and by its end (measure). */
  now = 0.5;
  end = 0.5;
  private readonly curves: (ColdStartCurve | undefined)[] = [];
  constructor(
    private readonly keepAlive: number,
    private readonly dt: number,
    private readonly d: number,
    private readonly limit: number,
  ) {}

  /**
   * The levels of a run of `runSteps` steps at mean concurrency m by the middle and the end of its
   * last step, its arrivals lasting `halves` half-steps at that rate.
   */
  measure(m: number, runSteps: number, halves: number): void {
    this.now = this.above(m, Math.max(1, Math.min(2 * runSteps - 1, Math.floor(halves - 1))));
    this.end = this.above(m, Math.max(1, Math.min(2 * runSteps, Math.floor(halves))));
  }

  private above(m: number, halves: number): number {
    const seconds = Math.min((halves * this.dt) / 2, this.keepAlive);
    const at = seconds < this.keepAlive ? halves : 0;
    let curve = this.curves[at];
    if (curve === undefined) {
      curve = new ColdStartCurve(seconds / this.d, this.limit);
      this.curves[at] = curve;
    }
    curve.m = m;
    curve.evaluate();
    return curve.aliveAbove;
  }
}

/**
 * Whether no request ever arrives (IDLE: a component no caller reaches; 52 of bench:engine's 200).
 * Then each step of the loop has rps = async = 0, so backlog, queue, window, levels, herd and every
 * sum stay exactly 0 (served = 0, the curve at m = 0 holds none alive and none above the first, a
 * quiet step records no part) — provided the throttle, asked below 64 instances, is a number: a
 * NaN would have spread into the sums, so then the loop runs as always.
 */
function isIdle(load: ComponentLoad, steps: number, limit: number): boolean {
  const total = load.total;
  const asyncSeries = load.async;
  for (let i = 0; i < steps; i++) {
    if ((total[i] as number) !== 0) return false;
    if (asyncSeries !== null && (asyncSeries[i] as number) !== 0) return false;
  }
  return limit >= ALWAYS_THROTTLED_UNDER || Number.isFinite(throttledShare(limit, 0, 0));
}

/**
 * The variance ÷ mean of a minute's count of sync invocations whose cold start outlasted the timeout
 * (`dropped` in `seconds`; above 1 negative binomial, below 1 binomial: option-stats.ts dropShareOf),
 * at mean concurrency m. New levels start cold in runs: the load that reaches a level not reached for
 * a keep-alive goes one higher, to a level as cold, with the M/M/∞ chain's chance of rising before it
 * falls, q = m ÷ (m + j), taken at the levels the load reaches, j = m + 3√m (at least one) — a run's
 * length geometric. And a level starts cold at most ⌈60 s ÷ keep-alive⌉ times a minute (its instance
 * must sit idle a keep-alive first), so over the j levels the runs are at most that many trials, of
 * chance p each: the count's variance ÷ mean is (q + 1 − p) ÷ (1 − q) (a compound binomial). Taken as
 * Poisson, 0.02 rps of 173 ms on a 1-minute keep-alive (30 % cold, ≤ 1 a minute) read 442 minutes
 * with a drop in a day where the per-request simulator has 523, and 20 rps on 10 minutes (runs of
 * 1.4 where a minute of 1,200 requests misses at 2) 5 where it has 29 (oracle-function-timeout.test.ts).
 * With no keep-alive every invocation starts cold and its drops are its arrivals: Poisson (NaN).
 */
function timeoutClump(dropped: number, seconds: number, m: number, keepAlive: number): number {
  if (!(keepAlive > 0)) return Number.NaN;
  const levels = Math.max(1, Math.ceil(m + 3 * Math.sqrt(m)));
  const q = m / (m + levels);
  const trials = levels * Math.ceil(60 / keepAlive);
  const p = Math.min(1, (((60 * dropped) / seconds) * (1 - q)) / trials);
  const dispersion = (q + 1 - p) / (1 - q);
  return dispersion > 0 ? dispersion : Number.NaN;
}

/** Async invocations that waited in the throttled backlog: their delays spread over the step. */
function spreadBacklog(
  mix: LatencyMixture,
  admitted: number,
  delay0: number,
  delay1: number,
  coldShare: number,
  coldMs: number,
): void {
  mix.addUniformDelay(admitted * (1 - coldShare), delay0, delay1);
  if (coldShare > 0) mix.addUniformDelay(admitted * coldShare, delay0, delay1, coldMs);
}

/**
 * One step's part: its p95 from the cold-start share (and the backlog's waits), how much a minute's
 * p95 wanders — invocations are independent, so a minute's late share is binomial (minute-spread.ts) —
 * and the share later than the SLO, which decides minutes of only a few invocations.
 */
function recordStep(
  stats: OptionStats,
  seconds: number,
  arrived: number,
  admitted: number,
  dropped: number,
  latency: number,
  coldShare: number,
  delay0: number,
  delay1: number,
  syncServed: number,
  admittedAsync: number,
  coldMs: number,
  waiting = 0,
  theta = 0,
  /** The cold-start share of a backlog's async answers (`coldShare`: of the sync ones, and of the rest). */
  backlogCold = coldShare,
): void {
  const part = stats.partIn;
  const nu = stats.mix.nu;
  part.seconds = seconds;
  part.arrived = arrived;
  part.admitted = admitted;
  part.dropped = dropped;
  part.latency = latency;
  part.p95 = 0;
  part.spread = 0;
  part.late = part.chance = part.skew = Number.NaN;
  const slo = stats.sloMs;
  if (stats.hasSlo && admitted > 0) {
    const hasBacklog = delay1 + delay0 > 0;
    // A rare cold start moves p95 by 19p/ν (the derivative of ln((1 − p)/(0.05 − p)) at 0).
    let p95 = coldShare > 1e-3 ? computeColdP95(coldShare, coldMs, nu) : (Math.log(20) + 19 * coldShare) / nu;
    if (waiting > 0) {
      // Async requests that found the limit and waited Exp(θ) for an instance (no backlog here).
      const direct = admitted - waiting;
      dist
        .reset(nu)
        .add(direct * (1 - coldShare), 0, 0)
        .add(direct * coldShare, coldMs, 0)
        .add(waiting, 0, theta);
      p95 = dist.quantile(0.95);
      part.late = dist.survival(slo) / dist.total();
      part.lateFixed = slo > coldMs ? 0 : (direct * coldShare) / dist.total();
      if (p95 > slo / 4 && p95 < slo * 4) part.spread = computeIndependentSpread((60 * admitted) / seconds);
    } else if (hasBacklog && (p95 > slo / 4 || delay1 > slo / 4)) {
      dist
        .reset(nu)
        .add(syncServed * (1 - coldShare), 0, 0)
        .add(syncServed * coldShare, coldMs, 0);
      for (const s of SPREAD) {
        const delay = delay0 + (delay1 - delay0) * s;
        dist.add((admittedAsync / SPREAD.length) * (1 - backlogCold), delay, 0);
        dist.add((admittedAsync / SPREAD.length) * backlogCold, delay + coldMs, 0);
      }
      p95 = dist.quantile(0.95);
    } else if (!hasBacklog) {
      part.late =
        (1 - coldShare) * Math.exp(-nu * slo) + coldShare * (slo > coldMs ? Math.exp(-nu * (slo - coldMs)) : 1);
      // Cold starts longer than the SLO are late whatever delay is added: a shifted count must not
      // grow them with the warm requests' exponential tail (OptionStats.keyChance).
      part.lateFixed = slo > coldMs ? 0 : coldShare;
      if (p95 > slo / 4 && p95 < slo * 4) {
        part.spread = computeIndependentSpread((60 * admitted) / seconds);
      }
    }
    part.p95 = p95;
  }
  stats.commit();
}

const RATE_PER_DOUBLING = 8;
const RATE_LOW = -16;
export const RATE_BINS = 32 * RATE_PER_DOUBLING;
export const COLD_BINS = 34;
/** A float's bits, for the rate and cold-share bins. */
const bits64 = new Float64Array(1);
const bits32 = new Uint32Array(bits64.buffer);

/**
 * A step's cell by invocation rate (per second): ((pseudoLog2(rate) − RATE_LOW) · 8) | 0, clamped to
 * the bins — written from the float's bits as an integer (the same bin for every rate: both forms are
 * exact, simulate-serverless.test.ts), small enough to stay inlined in the step loop where pseudoLog2's
 * division and a float multiply were not (−11 % on serverless, 62da567).
 */
export function rateBinOf(rate: number): number {
  bits64[0] = rate;
  const h = bits32[1] as number;
  const r = (((h >>> 20) - 1023 - RATE_LOW) << 3) + ((h & 0xfffff) >>> 17);
  return r < 0 ? 0 : r >= RATE_BINS ? RATE_BINS - 1 : r;
}

/** A step's cell by cold-start share: 0 for none, else (2 · pseudoLog2(share) + 33) | 0 + 1, clamped. */
export function coldBinOf(share: number): number {
  if (!(share > 0)) return 0;
  bits64[0] = share;
  const h = bits32[1] as number;
  // 2 · pseudoLog2(share) + 33 is exactly 2 · exponent + 33 + the mantissa's top 20 bits ÷ 2¹⁹: where
  // that is not negative (a share from about 2⁻¹⁶·⁵ up), truncating it adds the top one of those bits
  // to the integer part, in integers (−6 % on serverless alone, see the commit); below, the float form.
  const floor = 2 * (h >>> 20) - 2013 + ((h & 0xfffff) >>> 19);
  if (floor >= 0) return floor + 1 >= COLD_BINS ? COLD_BINS - 1 : floor + 1;
  const c = ((2 * ((h >>> 20) - 1023 + (h & 0xfffff) / 1048576) + 33) | 0) + 1;
  return c < 0 ? 0 : c >= COLD_BINS ? COLD_BINS - 1 : c;
}

/**
 * Steps without a backlog, by invocation rate (eight bins a doubling) and cold-start share (none,
 * or two bins a doubling from 2⁻¹⁶): everything such a step adds to the statistics is a function of
 * those, so each cell keeps its time, requests, drops and the request-weighted cold share, and is
 * recorded once at the end, at its means — like a pool's Occupancy (serve-pool.ts).
 */
class FunctionSteps {
  /**
   * Per cell: [seconds, arrived, admitted, dropped, admitted × cold share]. The step loop adds to
   * them itself (simulateServerless: a method here was not inlined).
   */
  readonly cells = takeFloat64(RATE_BINS * COLD_BINS * 5);
  flush(stats: OptionStats, durationMs: number, coldMs: number, limit: number): void {
    const a = this.cells;
    stats.isFlushing = true;
    for (let k = 0; k < a.length; k += 5) {
      const seconds = a[k] as number;
      if (!(seconds > 0)) continue;
      const admitted = a[k + 2] as number;
      const coldShare = admitted > 0 ? (a[k + 4] as number) / admitted : 0;
      const latency = admitted * (durationMs + coldShare * coldMs);
      // Sync invocations throttled at the limit are turned away while every instance is busy: in
      // bursts, as a queue drops at its timeout (serve-pool.ts, recordStationary), with ρ the load
      // offered over the limit — so most minutes of a step that throttles a few a minute throttle none
      // (a launch page at 65 % of a limit of 40: 35 minutes over the tolerance of 0.1 % against the
      // per-request simulator's 50 when each step's minutes dropped all alike).
      if ((a[k + 3] as number) > 0) {
        stats.partIn.clump = clumpOfBursts(
          ((a[k + 1] as number) / seconds) * ((durationMs + coldShare * coldMs) / 1000 / limit),
        );
      }
      recordStep(
        stats,
        seconds,
        a[k + 1] as number,
        admitted,
        a[k + 3] as number,
        latency,
        coldShare,
        0,
        0,
        0,
        0,
        coldMs,
      );
    }
    stats.isFlushing = false;
    giveBack(a);
  }
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
