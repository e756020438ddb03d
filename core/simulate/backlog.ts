/**
 * A backlog as a fluid FIFO queue whose requests learn their wait when they are served, not when
 * they arrive: the cores that serve a backlog change under it (an autoscaler multiplies them, a
 * traffic manager moves the work), so only its departure says how long a request waited. Arrivals of
 * one stretch form a cohort, arriving evenly from `from` to `to`. The head of the queue is served at
 * the pool's rate; the head's age is what its requests waited. A request older than its patience
 * (a sync timeout) leaves unserved, so in an overload the head stays at the patience's age and the
 * excess expires there, as in a real queue — where added cores serve requests that would otherwise
 * have timed out (M/M/c+D in the fluid limit); the requests served there waited a little less than
 * the patience, as a walk held below it does (see `serve`). Messages have no patience and wait as
 * long as it takes.
 */

import { computeErlangB } from './erlang';
import { shapeOfSpread } from './wait-spread';

/**
 * The mean distance below a limit `limit` of a walk drifting up towards it at the rate `x ÷ limit`
 * (in the limit's own units): its density ∝ e^(x·u/limit) on (0, limit), so the mean distance is
 * limit·(1/x − 1/(eˣ − 1)), limit/2 as x → 0. A queue held at its timeout (backlog.ts, x = κL in
 * requests) and a stationary stretch just over the rate (serve-pool.ts, x = (λ − cμ)·D in time).
 */
export function meanBelowLimit(x: number, limit: number): number {
  return x > 1e-6 ? limit * (1 / x - 1 / Math.expm1(x)) : limit / 2;
}

/**
 * The share of arrivals that time out in a stationary M/M/c+D queue beyond its rate: Poisson arrivals
 * at λ > cμ (`rate`), `servers` exponential servers, every request giving up after `patience`
 * seconds of waiting. The offered wait V (what an arrival would wait) falls at rate 1 and jumps by an
 * Exp(cμ) with each arrival that joins; by level crossing its density on (0, D) is λπ·e^(ax),
 * a = λ − cμ, beyond D it falls as e^(−cμ(x − D)), and its atom at 0 holds the states with free
 * servers (Erlang's, π/E_B(c − 1, λ/μ) in all), so by PASTA
 *
 *   P(V > D) = (λ/cμ) ⁄ (e^(−aD)/E_B(c − 1, λ/μ) + (λ/a)(1 − e^(−aD)) + λ/cμ)
 *
 * (Baccelli & Hebuterne, "On queues with impatient customers", 1981). Below the rate it is
 * computeShares's C(1 − ρ)e^(−θD) ⁄ (1 − Cρe^(−θD)) (response-time.ts), to the last digit. It tends to the fluid excess
 * a/λ as aD grows; near the rate, with a timeout of a few services, the queue empties now and then
 * and more time out: 3.4 % where the excess is 2.9 % (8 cores of 200 ms at ρ 1.03, 1.5 s).
 */
export function computeTimeoutShare(lambda: number, servers: number, rate: number, patience: number): number {
  return computeImpatience(impatience, lambda, servers, rate, patience).abandoned;
}

/** What an M/M/c+D queue does with its arrivals (computeImpatience). */
export interface Impatience {
  /** Share of arrivals that time out. */
  abandoned: number;
  /** Share of the requests served that waited nothing: the offered wait's atom at 0 among them. */
  noWait: number;
}

const impatience: Impatience = { abandoned: 0.5, noWait: 0.5 };

/**
 * computeTimeoutShare's P(V > D) and, of the requests served, the share that found a free server,
 * P(V = 0) ⁄ P(V ≤ D): the same level-crossing terms (free states e^(−aD)/E_B, waiting (λ/a)(1 − e^(−aD)),
 * timed out λ/cμ, each divided by e^(aD)). Near the rate with a short timeout the queue empties now
 * and then, and those served then wait nothing: 26 % of them at ρ 1.05 on one core of 200 ms with a
 * 0.5 s timeout, where waits spread up to the timeout alone read the mean 17 % long (a helper's
 * sweep, 2026-12-04).
 */
export function computeImpatience(
  out: Impatience,
  lambda: number,
  servers: number,
  rate: number,
  patience: number,
): Impatience {
  out.noWait = 0;
  if (!(lambda > 0)) {
    out.abandoned = 0;
    return out;
  }
  // No server (a group scaled in to zero): every request waits out its timeout.
  if (!(rate > 0) || !(servers >= 1)) {
    out.abandoned = 1;
    return out;
  }
  const a = lambda - rate;
  const x = a * patience;
  // Far beyond the rate: the excess (e^(−aD) < 10⁻¹⁷), and no free server; far below it: nothing
  // waits D (and the shares of a stationary M/M/c, computeShares, say who waits).
  if (!(x < 40)) {
    out.abandoned = a / lambda;
    return out;
  }
  if (x < -700) {
    out.abandoned = 0;
    return out;
  }
  const r = lambda / rate;
  const e = computeErlangB(servers - 1, (lambda * servers) / rate);
  const free = Math.exp(-x) / e;
  // (λ/a)(1 − e^(−aD)), λD at the rate itself.
  const mid = x > -1e-9 && x < 1e-9 ? lambda * patience : (lambda / a) * -Math.expm1(-x);
  out.abandoned = r / (free + mid + r);
  out.noWait = free / (free + mid);
  return out;
}

/** Requests leaving the queue: `served` of them waited from `firstWait` to `lastWait` s, `expired` gave up. */
export interface Departure {
  served: number;
  firstWait: number;
  lastWait: number;
  expired: number;
  /** The SLO minutes of their arrival (its window × this class's share of the arrivals). */
  minutes: number;
  /**
   * The other class's share of the requests of those minutes, when this class carries their SLO
   * minutes whole (a minute misses its SLO on all its requests, sync and async together), else 0;
   * and that class's p95 then, ms.
   */
  mate: number;
  mateP95: number;
  /**
   * The requests that arrived with these (their window), expired of them, and its SLO minutes: whether
   * those minutes drop beyond the tolerance is the window's, not this part's. These alone, except where
   * one window leaves in two parts (at the limit, those that found a free server and those that
   * waited): the part that waited nothing belongs to the same minutes as the part that timed out.
   */
  windowArrived: number;
  windowExpired: number;
  windowMinutes: number;
  /**
   * When they arrived, seconds since the horizon began: from the first to the last (FIFO, so the
   * oldest leave first). A minute misses its SLO whole when 5 % of its requests are late, so the
   * minutes a late stretch of them only begins or ends in count whole (OptionStats.left).
   */
  arrivedFrom: number;
  arrivedTo: number;
  /**
   * Where the queue they waited in was a walk over its rate (growing), or a walk draining under it:
   * its drift λ − cμ and variance λ + cμ a second, and cμ, by which their waits spread about the
   * fluid's (wait-spread.ts; a negative drift: wider than a walk from empty, as a drain is); 0: none.
   * The drift is the one that gives the queue they found its spread (Cohorts.nextSpread), where that
   * is narrower than a walk's grown from empty at their own drift (a backlog built fast and then
   * growing slowly is far older, and narrower, than its length at the slow drift says).
   */
  walkDrift: number;
  walkVariance: number;
  walkRate: number;
  /** The longest a request waits and is served (the patience), seconds. */
  walkLimit: number;
}

/** Where departures go (OptionStats and the pool's totals); one object, reused, so nothing is allocated. */
export interface DepartureSink {
  leave(departure: Readonly<Departure>): void;
}

/** Ages this close to the patience count as reached it (seconds; the clock of a month resolves 10⁻⁹). */
const EDGE_SECONDS = 1e-9;

/** The departure handed to a sink: overwritten by the next one, so a sink must copy what it keeps. */
const departure: Departure = {
  served: 0,
  firstWait: 0,
  lastWait: 0,
  expired: 0,
  minutes: 0,
  mate: 0,
  mateP95: 0,
  windowArrived: 0,
  windowExpired: 0,
  windowMinutes: 0,
  // Fractions, so that the fields hold doubles from the start (serve-pool.ts: asDouble).
  arrivedFrom: 0.5,
  arrivedTo: 0.5,
  walkDrift: 0.5,
  walkVariance: 0.5,
  walkRate: 0.5,
  walkLimit: 0.5,
};
departure.walkDrift = 0;

export class Cohorts {
  private count: number[] = [];
  private left: number[] = [];
  private from: number[] = [];
  private to: number[] = [];
  private minutes: number[] = [];
  private mate: number[] = [];
  private mateP95: number[] = [];
  /** 1 for a ghost cohort (addGhost): work that delays the queue but whose requests were counted already. */
  private ghost: number[] = [];
  /** The spread (coefficient of variation) of the queue each cohort found; NaN: a walk's from empty. */
  private spread: number[] = [];
  /** The spread `add` gives the next cohort (set just before it by a caller that knows it; then NaN). */
  nextSpread = Number.NaN;
  private head = 0;
  /** Where the window leaving in parts began arriving (seconds; NaN: none, see take). */
  private windowStart = Number.NaN;
  /** Requests waiting. */
  waiting = 0;
  /** Servers the queue is served by (set before `serve`; its rate is theirs): M/M/c+D at the limit. */
  servers = 1;
  /** The last M/M/c+D shares computed, and what for (a steady overload repeats them). */
  private shareFor = [Number.NaN, Number.NaN, Number.NaN, Number.NaN];
  private readonly shares: Impatience = { abandoned: 0.5, noWait: 0.5 };

  get isEmpty(): boolean {
    return this.head >= this.count.length;
  }

  /**
   * `count` requests arriving evenly from `from` to `to` (seconds), worth `minutes` of SLO minutes;
   * `mate` and `mateP95` as in Departure (the other class of those minutes, when they carry it).
   */
  add(count: number, from: number, to: number, minutes: number, mate = 0, mateP95 = 0, ghost = 0): void {
    if (!(count > 0)) return;
    this.count.push(count);
    this.left.push(count);
    this.from.push(from);
    this.to.push(Math.max(to, from + 1e-6));
    this.minutes.push(minutes);
    this.mate.push(mate);
    this.mateP95.push(mateP95);
    this.ghost.push(ghost);
    this.spread.push(this.nextSpread);
    this.nextSpread = Number.NaN;
    this.waiting += count;
  }

  /**
   * `count` requests already queued, arriving evenly from `from` to `to`, whose figures were recorded
   * when they arrived (a queue grown by diffusion, serve-pool.ts, becoming a backlog): they hold the
   * cores and delay what arrives after them, but leave without a report.
   */
  addGhost(count: number, from: number, to: number): void {
    this.add(count, from, to, 0, 0, 0, 1);
  }

  /**
   * Serves the head at `rate` per second from time `at` for up to `seconds`; requests older than
   * `patience` seconds expire. Every piece that leaves goes to `leave`. Returns the seconds served
   * until the queue caught up with its arrivals (all of `seconds` when it did not). From an age of
   * `holdFrom` on (the patience, or 0 for a queue whose walk is already at its stationary mean,
   * serve-pool.ts) an overloaded queue is held where it stands: what the rate cannot serve times out.
   */
  serve(
    rate: number,
    at: number,
    seconds: number,
    patience: number,
    sink: DepartureSink,
    holdFrom = patience - EDGE_SECONDS,
  ): number {
    const end = at + seconds;
    let now = at;
    while (now < end - 1e-9 && !this.isEmpty) {
      const k = this.head;
      const n = this.count[k] as number;
      const left = this.left[k] as number;
      const to = this.to[k] as number;
      const arrivalRate = n / (to - (this.from[k] as number));
      // The oldest request still waiting arrived at `oldest`.
      const oldest = to - left / arrivalRate;
      // Nothing waits: the queue has caught up, unless requests arrive faster than it is served.
      if (oldest >= now - 1e-9 && arrivalRate <= rate) {
        // A cohort whose arrivals are all past and whose rest is rounding dust (a cut can leave 10⁻⁸
        // of millions) is done: left at the head, it was "caught up" at every call, the pool made no
        // progress, and the rest of the step's requests went uncounted (8 % of a month at ρ 1.005).
        if (to <= now + 1e-9 && left <= 1e-6 * n) {
          this.take(k, left, 0, 0, 0, sink);
          continue;
        }
        return now - at;
      }
      let age = Math.max(0, now - oldest);
      let gone = 0;
      if (age > patience) {
        // Requests past their patience have left (the cores that served this queue were removed).
        const expired = Math.min(left, (age - patience) * arrivalRate);
        this.take(k, 0, 0, 0, expired, sink);
        age = patience;
        gone = expired;
        // All of it gone (a share, not an absolute 10⁻⁹: a cohort of 10⁻¹¹ requests — a rate of 10⁻¹³
        // a second — read 10⁻²⁸ expired as all of it, went round again at the same instant, and the
        // plan never ended).
        if (gone >= left * (1 - 1e-9)) continue;
      }
      // Within a nanosecond of the patience is at it: a step of (patience − age)/ageing smaller than
      // the clock's resolution (10⁻¹³ s at an hour) left `now` where it was, and serve spun for ever.
      if (age >= holdFrom && arrivalRate > rate) {
        // At the limit: the head stays about `patience` old; what the rate cannot serve expires. A
        // real queue there is a walk held below the timeout, not pinned at it: with drift a = λ − cμ
        // and variance λ + cμ its distance below the limit, in requests, is exponential of rate
        // κ = 2a/(λ + cμ) cut at the limit's L = patience × cμ requests — mean 1/κ − L/(e^(κL) − 1),
        // L/2 as a → 0 — so its requests wait that much less (3.4 s on one core at ρ 1.03, where the
        // simulator's waited 25.7 s of a 29 s timeout; a third of a second at ρ 1.3). They leave
        // spread evenly up to the timeout with that mean: pinned at one wait, the p95 came out a
        // quarter low at ρ 1.01 (21.1 s against 28.6).
        // The share that times out is the stationary M/M/c+D's (computeTimeoutShare), not the
        // excess alone: a walk held below a short timeout empties now and then, and its cores idle.
        const step = Math.min(end - now, (left - gone) / arrivalRate);
        const kappaL = ((2 * (arrivalRate - rate)) / (arrivalRate + rate)) * patience * rate;
        const below = meanBelowLimit(kappaL, patience);
        const held = this.impatience(arrivalRate, rate, patience);
        const arriving = arrivalRate * step;
        const served = arriving * (1 - held.abandoned);
        // Those that found a free server (the queue had emptied) waited nothing; they arrived in the
        // same minutes as those that timed out, so both parts' minutes drop alike (a minute at ρ 1.02
        // on 8 cores of 200 ms, timeout 600 ms, drops 111 of 2,448: the per-request simulator finds
        // every minute over the tolerance, where judging the parts apart left 4.6 % of them under).
        const window = (this.minutes[k] as number) * (arriving / (this.count[k] as number));
        const expired = arriving * held.abandoned;
        this.windowStart = to - (left - gone) / arrivalRate;
        if (held.noWait > 0) this.take(k, served * held.noWait, 0, 0, 0, sink, arriving, expired, window);
        this.take(
          k,
          served * (1 - held.noWait),
          patience - 2 * below,
          patience,
          expired,
          sink,
          arriving,
          expired,
          window,
        );
        this.windowStart = Number.NaN;
        now += step;
        continue;
      }
      // Served from the head; its age changes by 1 − rate/arrivalRate per second.
      const ageing = 1 - rate / arrivalRate;
      let step = Math.min(end - now, (left - gone) / rate);
      let isCaughtUp = false;
      if (ageing < 0 && age / -ageing < step) {
        step = age / -ageing;
        isCaughtUp = true;
      }
      if (ageing > 0 && (patience - age) / ageing < step) step = (patience - age) / ageing;
      const spread = this.spread[k] as number;
      if (ageing > 0 || spread >= 0) {
        departure.walkDrift = ageing > 0 ? arrivalRate - rate : 0;
        const found = rate * (age + (ageing * step) / 2);
        if (spread >= 0 && found > 0) {
          // The drift whose walk from empty has that spread at the queue these requests found; one
          // wider (a drain's) is a negative drift (wait-spread.ts shapeOfSpread), and nothing is not
          // none: a sliver.
          const drift = (shapeOfSpread(spread) * (arrivalRate + rate)) / found;
          if (ageing > 0) {
            if (drift > departure.walkDrift) departure.walkDrift = drift;
          } else departure.walkDrift = drift !== 0 ? drift : 1e-300;
        }
        departure.walkVariance = arrivalRate + rate;
        departure.walkRate = rate;
        departure.walkLimit = patience;
      }
      this.take(k, rate * step, age, age + ageing * step, 0, sink);
      departure.walkDrift = 0;
      now += step;
      if (isCaughtUp) return now - at;
    }
    return this.isEmpty ? now - at : seconds;
  }

  private impatience(lambda: number, rate: number, patience: number): Impatience {
    const f = this.shareFor;
    if (f[0] !== lambda || f[1] !== rate || f[2] !== patience || f[3] !== this.servers) {
      computeImpatience(this.shares, lambda, this.servers, rate, patience);
      f[0] = lambda;
      f[1] = rate;
      f[2] = patience;
      f[3] = this.servers;
    }
    return this.shares;
  }

  /** Drops the requests that arrive after `time` (they belong to a later regime); returns how many. */
  cutAfter(time: number): number {
    let cut = 0;
    while (!this.isEmpty) {
      const k = this.count.length - 1;
      const from = this.from[k] as number;
      const to = this.to[k] as number;
      if (to <= time) break;
      const n = this.count[k] as number;
      const late = Math.min(this.left[k] as number, (n * (to - Math.max(time, from))) / (to - from));
      cut += late;
      this.waiting -= late;
      if (from >= time || late >= (this.left[k] as number) - 1e-9 * n) {
        for (const a of this.columns()) a.pop();
      } else {
        this.left[k] = (this.left[k] as number) - late;
        this.minutes[k] = (this.minutes[k] as number) * (1 - late / n);
        this.count[k] = n - late;
        this.to[k] = time;
      }
    }
    return cut;
  }

  private columns(): number[][] {
    return [this.count, this.left, this.from, this.to, this.minutes, this.mate, this.mateP95, this.ghost, this.spread];
  }

  /** Takes `served + expired` requests from the head cohort k and reports them. */
  private take(
    k: number,
    served: number,
    firstWait: number,
    lastWait: number,
    expired: number,
    sink: DepartureSink,
    windowArrived = served + expired,
    windowExpired = expired,
    windowMinutes = Number.NaN,
  ): void {
    const n = this.count[k] as number;
    const before = this.left[k] as number;
    const gone = Math.min(before, served + expired);
    // Arrivals are even over [from, to]; those still left are the latest of them. A window leaving in
    // parts (at the limit: those that found a free server, those that waited, those that timed out,
    // all of one window) gives each part the whole window's arrivals (windowStart).
    const to = this.to[k] as number;
    const perRequest = (to - (this.from[k] as number)) / n;
    const start = this.windowStart >= 0 ? this.windowStart : to - before * perRequest;
    departure.arrivedFrom = start;
    departure.arrivedTo = start + windowArrived * perRequest;
    this.left[k] = before - gone;
    this.waiting -= gone;
    departure.served = served;
    departure.firstWait = firstWait;
    departure.lastWait = lastWait;
    departure.expired = expired;
    departure.minutes = ((this.minutes[k] as number) * gone) / n;
    departure.mate = this.mate[k] as number;
    departure.mateP95 = this.mateP95[k] as number;
    departure.windowArrived = windowArrived;
    departure.windowExpired = windowExpired;
    departure.windowMinutes = windowMinutes >= 0 ? windowMinutes : departure.minutes;
    if (this.ghost[k] === 0) sink.leave(departure);
    if (this.left[k] <= 1e-9 * n) {
      this.waiting -= this.left[k];
      this.advanceHead();
    }
  }

  /** The head cohort is done: the next one is the head (the done ones are dropped now and then). */
  private advanceHead(): void {
    this.head++;
    if (this.head > 256 && this.head * 2 > this.count.length) {
      for (const a of this.columns()) a.splice(0, this.head);
      this.head = 0;
    }
  }
}
