/**
 * A reactive autoscaler as EC2 Auto Scaling ships it (target tracking), on its own clock. Every
 * `evaluationSeconds` it takes one datapoint — the busy cores averaged over the period, against the
 * running instances' cores — and, like the alarms target tracking creates, scales out only after
 * 3 consecutive datapoints above the target and in only after 15 below it (EC2 Auto Scaling user
 * guide, "Target tracking scaling policies": the alarms' 3-of-3 and 15-of-15 one-minute datapoints;
 * ../shared/reference/pricing-and-scaling.md, checked 2026-12). The new capacity is what would
 * bring the datapoint to the target: ceil(busy cores ÷ (vCPU × target)), within min and max.
 * Launched instances are paid from launch and serve `bootSeconds` later; after an action the
 * scaler waits `cooldownSeconds` before the next. Times are in seconds from the start of the
 * horizon, independent of the simulation step: the caller cuts its steps at every datapoint and
 * every boot that completes. Since the metric of busy CPU cannot exceed 100 %, a sudden tenfold
 * rise is met by a few cautious rounds, not one: Fehling et al. (2012) note that such policies "fail
 * when the load increases drastically within very short time frames".
 *
 * A datapoint is a measurement, not the mean: over one period the busy cores of Poisson requests
 * scatter (DatapointNoise). The scaler acts on what it measures — 15 quiet datapoints then a low one
 * scale in to the low one's fleet — so a fleet at the edge of a step flaps down and back up where
 * the mean alone would hold it. Against the per-request simulator (request-scaler.ts) on 5 s async
 * jobs at 1.5 cores of load on 2-vCPU instances: 2.51 instances held without the noise, 2.33 with it,
 * 2.33 measured; SLO-violation minutes 1.3, 22.6 and 17.8 (4 seeds, 5 days, 2026-12-04).
 */

import { jStat } from 'jstat';
import { normalCdf } from './erlang';

/** Consecutive datapoints above (below) the target before scaling out (in): EC2 target tracking. */
export const SCALE_OUT_DATAPOINTS = 3;
export const SCALE_IN_DATAPOINTS = 15;

export interface ScalingPolicy {
  vcpu: number;
  targetUtilization: number;
  minInstances: number;
  maxInstances: number;
  bootSeconds: number;
  cooldownSeconds: number;
  evaluationSeconds: number;
}

/**
 * The scatter of a datapoint around the mean busy cores, and a seeded stream of standard normals
 * for it (one per datapoint, in time order: the same draws whatever the simulation step).
 * Measured by CPU, the busy core-seconds of a period of T seconds, requests of exponential CPU time
 * s arriving at λ, have the variance of an M/M/∞ system's occupation integral,
 * 2λs²T(1 − (s/T)(1 − e^(−T/s))); in busy cores (λs of them) that is busy × 2s(1 − (s/T)(1 − e^(−T/s)))/T,
 * which tends to a Poisson count's (busy) for jobs far longer than the period. Measured by request
 * count (no instance running, or a traffic manager's overflow), the count is Poisson: busy × s/T.
 * Skewed as both are (a sum of a few long jobs' seconds reads high more often than low): a gamma
 * with that mean and variance, drawn from the stream's normal by Wilson and Hilferty's cube (shape
 * k: k(1 − 1/(9k) + z/(3√k))³), clipped, by CPU, at the running cores (a saturated pool measures
 * exactly its cores). A normal read the low side of 2 s jobs twice as often as the simulator's
 * datapoints do (1.1 % below 1.2 cores at a mean of 1.92: a helper's sweep, 2026-12-04), and zero
 * now and then on a fraction of a core, where a minute with no CPU at all is a chance of e⁻¹⁸.
 */
export class DatapointNoise {
  /** Variance of the datapoint per busy core, measured by CPU and by request count. */
  readonly perCoreByCpu: number;
  readonly perCoreByCount: number;
  /** Datapoints taken so far: the next one's normal is `normalAt(seed, taken)`. */
  private taken = 0;

  constructor(
    private readonly seed: number,
    cpuSeconds: number,
    evaluationSeconds: number,
    /** Always measured by request count (a traffic manager's overflow), never by CPU. */
    readonly byCount = false,
  ) {
    const s = cpuSeconds;
    const T = evaluationSeconds;
    this.perCoreByCount = s / T;
    this.perCoreByCpu = s > 0 ? (2 * s * (1 - (s / T) * -Math.expm1(-T / s))) / T : 0;
  }

  /** The `k`-th normal from now (0: the next datapoint's). */
  peek(k: number): number {
    return normalAt(this.seed, this.taken + k);
  }

  /** The next datapoint's normal, consumed. */
  take(): number {
    return normalAt(this.seed, this.taken++);
  }

  /** Passes over `count` datapoints whose readings cannot matter. */
  skip(count: number): void {
    this.taken += count;
  }

  /** The last datapoint's normal (taken or skipped). */
  last(): number {
    return normalAt(this.seed, this.taken - 1);
  }
}

/** Standard normal quantiles at the midpoints of 4,096 equal slices of probability. */
const NORMAL_SLICES = 4096;
const normalQuantiles = Float64Array.from({ length: NORMAL_SLICES }, (_, i) =>
  jStat.normal.inv((i + 0.5) / NORMAL_SLICES, 0, 1),
);

/** Datapoints measured by request count with a mean under this are read as the count itself (prepareReading). */
const EXACT_COUNT_BELOW = 10;
/** The most requests such a count is read as: Poisson(10) reaches 10⁻¹⁸ of its tail by 60. */
const EXACT_COUNT_TOP = 60;
/** For takeDatapointsIn's bound: 2^i at POWER_ZERO + i (exact), i in −512 … 511; fl(1/3); the least normal double. */
const POWER_ZERO = 512;
const powersOfTwo = new Float64Array(1024);
powersOfTwo[POWER_ZERO] = 1;
for (let i = 1; i <= 511; i++) powersOfTwo[POWER_ZERO + i] = 2 * (powersOfTwo[POWER_ZERO + i - 1] as number);
for (let i = 1; i <= 512; i++) powersOfTwo[POWER_ZERO - i] = (powersOfTwo[POWER_ZERO - i + 1] as number) / 2;
const ONE_THIRD = 1 / 3;
const MIN_NORMAL = 2 ** -1022;
const kBits64 = new Float64Array(1);
const kBits32 = new Uint32Array(kBits64.buffer);

/** The lowest and highest normal the stream gives. */
const NORMAL_LOW = normalQuantiles[0] as number;
const NORMAL_HIGH = normalQuantiles[NORMAL_SLICES - 1] as number;

/**
 * The standard normal of datapoint `index` of stream `seed`: a hash of the two (murmur3's
 * finaliser) picks one of 4,096 equally likely quantiles. Stateless, so looking ahead costs
 * nothing; a few nanoseconds where Box–Muller's logarithm and cosine made the VM model 2× slower
 * (bench:engine, 2026-12-04). Its tails end at ±3.7σ, beyond anything the scaler's rules turn on.
 */
function normalAt(seed: number, index: number): number {
  let h = Math.imul(seed ^ Math.imul(index, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return normalQuantiles[h >>> 20] as number;
}

/**
 * A seed for a component's datapoint noise from what its simulation reads and not from the step
 * (the same draws at 1-, 5- and 15-minute steps), salted per model. Not its memory, which servers
 * do not read: an edit of a function's memory moved its VM figures by their noise (5 % at an edge).
 */
export function datapointSeed(
  load: { cpuMs: number; durationMs: number; timeoutMs: number },
  horizonSeconds: number,
  salt: number,
): number {
  let h = 0x811c9dc5 ^ salt;
  for (const x of [load.cpuMs, load.durationMs, load.timeoutMs, horizonSeconds]) {
    h = Math.imul(h ^ Math.round(x * 1000), 0x01000193);
    h ^= h >>> 13;
  }
  return h >>> 0;
}

export function createPolicy(
  vm: Omit<ScalingPolicy, 'evaluationSeconds'> & { evaluationSeconds?: number | undefined },
  minInstances = vm.minInstances,
): ScalingPolicy {
  return {
    vcpu: vm.vcpu,
    targetUtilization: vm.targetUtilization,
    minInstances: Math.min(minInstances, vm.maxInstances),
    maxInstances: vm.maxInstances,
    bootSeconds: vm.bootSeconds,
    cooldownSeconds: vm.cooldownSeconds,
    evaluationSeconds: vm.evaluationSeconds ?? 60,
  };
}

export class Autoscaler {
  running: number;
  pending = 0;
  /** Instance-seconds paid for (running or booting). */
  instanceSeconds = 0;
  /** Most instances running at once. */
  peak: number;
  /** Launches still booting: [ready at, count] pairs, in launch order (= ready order). */
  private readonly boots: number[] = [];
  private head = 0;
  private lastActionAt = Number.NEGATIVE_INFINITY;
  private above = 0;
  private below = 0;
  /** The group's minimum now: the policy's, or a scheduled action's (setMinimum). */
  private minInstances: number;

  constructor(
    private readonly policy: ScalingPolicy,
    initialBusyCores: number,
    /** The datapoints' scatter; by default none: each datapoint is the mean busy cores. */
    private readonly noise: DatapointNoise = new DatapointNoise(0, 0, 60),
  ) {
    this.minInstances = policy.minInstances;
    this.running = this.desiredFor(initialBusyCores);
    this.peak = this.running;
  }

  /** Instances needed to run `busyCores` at the target utilisation, within min and max. */
  desiredFor(busyCores: number): number {
    const p = this.policy;
    const want = Math.ceil(busyCores / (p.vcpu * p.targetUtilization) - 1e-9);
    if (want < this.minInstances) return this.minInstances;
    if (want > p.maxInstances) return p.maxInstances;
    // An integer within [min, max] (max ≤ 10,000, design.ts), so `| 0` changes nothing but −0 (no
    // load, no minimum) to 0: a small integer, where −0 was a new heap number on every datapoint of
    // an idle night (bench:engine, 2026-12-03).
    return want | 0;
  }

  /**
   * A scheduled action at time `t` (EC2 Auto Scaling "scheduled scaling": it sets the group's
   * minimum at a given time, outside the cooldown): launches what the new minimum lacks at once;
   * a lower minimum lets target tracking scale in by its own datapoints. Null restores the policy's.
   */
  setMinimum(t: number, min: number | null): void {
    const p = this.policy;
    this.minInstances = Math.min(p.maxInstances, Math.max(p.minInstances, min ?? p.minInstances));
    const lacking = this.minInstances - this.running - this.pending;
    if (lacking > 0) {
      this.boots.push(t + p.bootSeconds, lacking);
      this.pending += lacking;
      if (p.bootSeconds <= 0) this.bootUntil(t);
    }
  }

  /** When the next launch finishes booting (Infinity when none is booting). */
  nextBootAt(): number {
    return this.head < this.boots.length ? (this.boots[this.head] as number) : Number.POSITIVE_INFINITY;
  }

  /** Puts into service every launch whose boot has finished by time `t`. */
  bootUntil(t: number): void {
    while (this.head < this.boots.length && (this.boots[this.head] as number) <= t + 1e-9) {
      const count = this.boots[this.head + 1] as number;
      this.head += 2;
      this.running += count;
      this.pending -= count;
      if (this.running > this.peak) this.peak = this.running;
    }
    if (this.head > 64 && this.head === this.boots.length) {
      this.boots.length = 0;
      this.head = 0;
    }
  }

  /** Pays for `seconds` of the instances held. */
  pay(seconds: number): void {
    this.instanceSeconds += (this.running + this.pending) * seconds;
  }

  /**
   * pay for `count` stretches in a row, the first of `first` seconds and the rest of `each`: at once
   * when the sum so far, the instances held and the stretches are whole numbers and the sum stays
   * below 2^52 (every partial sum whole, each addition exact: the same result), else one by one.
   */
  payRun(first: number, each: number, count: number): void {
    const held = this.running + this.pending;
    const v = this.instanceSeconds;
    const whole = v + held * first + (count - 1) * (held * each);
    if (
      Number.isInteger(v) &&
      Number.isInteger(held) &&
      Number.isInteger(first) &&
      Number.isInteger(each) &&
      whole < 2 ** 52
    ) {
      this.instanceSeconds = whole;
      return;
    }
    this.pay(first);
    for (let k = 1; k < count; k++) this.pay(each);
  }

  /** Where a datapoint of `busyCores` stands against the target: 1 above, −1 below, 0 on it. */
  private sideOf(busyCores: number): number {
    const cores = this.running * this.policy.vcpu;
    const target = this.policy.targetUtilization * cores;
    return (cores > 0 ? busyCores > target : busyCores > 0) ? 1 : busyCores < target ? -1 : 0;
  }

  /**
   * Of `count` datapoints that would each see `busyCores`, the first at `t` and then every
   * evaluation period, how many can be taken before the scaler acts: the index (from 1) of the first
   * one that would launch or stop instances, or `count` when none would. Changes nothing; `evaluate`
   * decides the same way.
   */
  datapointsUntilAction(t: number, busyCores: number, count: number): number {
    const noise = this.noise;
    const p = this.policy;
    this.readFor = busyCores;
    this.prepareReading();
    // Only what the fleet allows can act: room to scale out, instances above the minimum to scale in.
    const roomOut = this.running + this.pending < p.maxInstances;
    const roomIn = this.running > this.minInstances;
    // Every reading the stream can give on one side of the target (as in takeDatapoints): the count
    // in a row only grows, and only datapoints from the first it and the cooldown allow are read.
    const sure = count > 1 ? this.sideOf(this.read(NORMAL_LOW)) : 2;
    if (sure !== 2 && sure === this.sideOf(this.read(NORMAL_HIGH))) {
      if (sure > 0 ? !roomOut : sure < 0 ? !roomIn : true) return count;
      const need = sure > 0 ? SCALE_OUT_DATAPOINTS - this.above : SCALE_IN_DATAPOINTS - this.below;
      for (let j = need > 1 ? need : 1; j <= count; j++) {
        if (t + (j - 1) * p.evaluationSeconds - this.lastActionAt < p.cooldownSeconds - 1e-9) continue;
        const desired = this.desiredFor(this.read(noise.peek(j - 1)));
        if (sure > 0 ? desired > this.running + this.pending : desired < this.running) return j;
      }
      return count;
    }
    let above = this.above;
    let below = this.below;
    for (let j = 1; j <= count; j++) {
      const b = this.read(noise.peek(j - 1));
      const side = this.sideOf(b);
      above = side > 0 ? above + 1 : 0;
      below = side < 0 ? below + 1 : 0;
      if (!((above >= SCALE_OUT_DATAPOINTS && roomOut) || (below >= SCALE_IN_DATAPOINTS && roomIn))) continue;
      if (t + (j - 1) * p.evaluationSeconds - this.lastActionAt < p.cooldownSeconds - 1e-9) continue;
      const desired = this.desiredFor(b);
      if (
        (above >= SCALE_OUT_DATAPOINTS && desired > this.running + this.pending) ||
        (below >= SCALE_IN_DATAPOINTS && desired < this.running)
      )
        return j;
    }
    return count;
  }

  /**
   * The part of the next datapoints' busy cores that scatters, set by the caller before it asks:
   * cores busy while requests came and went freely; a pool with a backlog has every core busy, and
   * measures exactly that. NaN: all of it.
   */
  scatterCores = Number.NaN;

  /**
   * A reading, set up once for datapoints of the same mean (prepareReading) and then read per
   * normal: `readBase + readPart·w³`, w = readC0 + readC1·z (DatapointNoise's gamma), at most
   * `readCap`; or exactly `readBase` when nothing scatters (readC1 = 0).
   */
  private readBase = 0.5;
  private readPart = 0.5;
  private readC0 = 0.5;
  private readC1 = 0.5;
  private readCap = 0.5;

  /**
   * The busy cores prepareReading sets a reading up for: a field, not an argument. Passed to it (a
   * method not inlined) from takeDatapointsIn, they were boxed into a new heap number on entry on
   * every datapoint, whether a reading was prepared or not (a heap profile of bench:engine's
   * elastic-VM runs, 2026-12-05: 100 MB a run); a double field is updated in place.
   */
  private readFor = 0.5;

  private prepareReading(): void {
    const busyCores = this.readFor;
    const noise = this.noise;
    this.readC1 = 0;
    this.readCount = 0;
    this.readBase = busyCores;
    this.readCap = Number.POSITIVE_INFINITY;
    if (busyCores <= 0) return;
    // With no instance running there is no CPU to measure: the datapoint counts requests (Poisson).
    // (It read the mean itself, so a fleet scaled in to zero scaled out after any three periods of a
    // sporadic load: one request in 13 minutes, 1-minute periods, boot 120 s, a 12 ms timeout — the
    // engine dropped a third of the requests where the per-request simulator, whose datapoints see
    // a request in 7.5 % of the periods, never scaled out and dropped them all.)
    const byCount = noise.byCount || this.running === 0;
    const cap = byCount ? Number.POSITIVE_INFINITY : this.running * this.policy.vcpu;
    if (busyCores >= cap) return;
    const perCore = byCount ? noise.perCoreByCount : noise.perCoreByCpu;
    const part = this.scatterCores < busyCores ? this.scatterCores : busyCores;
    if (!(part > 0) || !(perCore > 0)) return;
    const k = part / perCore;
    this.readBase = busyCores - part;
    this.readPart = part;
    this.readC0 = 1 - 1 / (9 * k);
    this.readC1 = 1 / (3 * Math.sqrt(k));
    this.readCap = cap;
    // A count of a few: Wilson and Hilferty's gamma reads a mean of 0.08 requests as some 36 % of
    // the time, where a Poisson count is 0 in 92 % of the periods; below this mean, the count itself.
    // By CPU too: a period with no request reads no CPU (a chance of e^(−λT), which the gamma all
    // but loses: 0.03 % at 3 requests a minute, against 5 %), and only such a reading lets a fleet
    // whose minimum is zero stop its last instance (the per-request simulator's scale-in to zero).
    const count = byCount ? k : part / noise.perCoreByCount;
    if (count < EXACT_COUNT_BELOW) this.readCount = count;
  }

  /** The mean count of a datapoint read as a Poisson count at its normal's quantile (0: the gamma). */
  private readCount = 0.5;

  /** What a datapoint of `busyCores` reads at the standard normal `z` now (changes nothing). */
  readingAt(busyCores: number, z: number): number {
    this.readFor = busyCores;
    this.prepareReading();
    return this.read(z);
  }

  /**
   * The reading readInto took: a double field. takeDatapoint's reading is either its busy cores or
   * one read: with `read` not inlined (as in a whole plan, where its other callers are hot), its
   * returned number merged with the busy cores made the compiler box those on entry, a new heap number
   * every datapoint (a heap profile of bench:engine's whole plan, 2026-12-05: 110 MB a plan).
   */
  private readOut = 0.5;

  /** `read(z)` into readOut. */
  private readInto(z: number): void {
    this.readOut = this.read(z);
  }

  /** The prepared reading at normal `z`: the gamma's part, plus the part that does not scatter. */
  private read(z: number): number {
    if (this.readC1 === 0) return this.readBase;
    if (this.readCount > 0) {
      // Poisson(k) at the quantile Φ(z): the least n whose distribution function reaches it.
      const k = this.readCount;
      const u = normalCdf(z);
      let mass = Math.exp(-k);
      let cdf = mass;
      let n = 0;
      while (cdf < u && n < EXACT_COUNT_TOP) {
        n++;
        mass *= k / n;
        cdf += mass;
      }
      // Clipped as the gamma's reading is: a pool measured by CPU reads at most its cores.
      const counted = this.readBase + (this.readPart * n) / k;
      return counted > this.readCap ? this.readCap : counted;
    }
    const w = this.readC0 + this.readC1 * z;
    const b = this.readBase + (w > 0 ? this.readPart * w * w * w : 0);
    return b > this.readCap ? this.readCap : b;
  }

  /**
   * Evaluation periods from `t` (a period's start; its datapoint at `datapoint`) that a caller may
   * serve in one call when each would see `busyCores`: the whole periods before `limit` (a step's
   * end, a boot, a scheduled action), up to and including the first whose datapoint acts; at least 1.
   */
  quietPeriods(t: number, datapoint: number, limit: number, busyCores: number): number {
    const fit = Math.floor((limit - t) / this.policy.evaluationSeconds + 1e-9);
    return fit > 1 ? this.datapointsUntilAction(datapoint, busyCores, fit) : 1;
  }

  /**
   * `count` datapoints of `busyCores`, the first at `t` and then every evaluation period, of which
   * `quietPeriods` found that only the last may act: the same state as `count` calls of `evaluate`.
   * Returns the time of the datapoint after them.
   */
  takeDatapoints(t: number, busyCores: number, count: number): number {
    this.busyIn = busyCores;
    return this.takeDatapointsIn(t, count);
  }

  /**
   * The busy cores of takeDatapointsIn's datapoints, set by a step loop before it calls (a field, as
   * `datapointBusy` below: a fraction passed to a call that is not inlined is a new heap number).
   */
  busyIn = 0.5;

  /**
   * takeDatapointsIn of one datapoint: what the step loops call once a step at 1-minute steps. A
   * method of its own, with its own inlining: inside takeDatapointsIn, whose other paths the burst's
   * merged periods make hot, the methods this one leans on (noise.skip, mayAct) were called rather
   * than inlined and its busy cores were boxed into a new heap number on every datapoint (a heap
   * profile of bench:engine's whole plan, 2026-12-05: 110 MB a plan).
   */
  takeDatapoint(t: number): number {
    const busyCores = this.busyIn;
    const noise = this.noise;
    const every = this.policy.evaluationSeconds;
    // One datapoint, every step's call at 1-minute steps: prepareReading and read written out in
    // locals (the same operations, to the bit) — but a reading surely below the target is counted
    // without being read, unless it may act. As methods, they used up this function's inlining and
    // their numbers came back boxed.
    // The datapoint's normal is drawn (a hash and a table read) only where a reading needs it: most
    // datapoints read no scatter (none busy, a saturated or backlogged pool) or are surely below
    // the target whatever their normal. (Its place in the stream is taken all the same.)
    noise.skip(1);
    const p = this.policy;
    let b = busyCores;
    let low = false;
    if (busyCores > 0) {
      // Measured by request count (no instance, or a traffic manager's overflow), or a count of a
      // few: prepareReading's own reading (a Poisson count), through the methods.
      const byCount = noise.byCount || this.running === 0;
      const cap = byCount ? Number.POSITIVE_INFINITY : this.running * p.vcpu;
      if (busyCores < cap) {
        const perCore = byCount ? noise.perCoreByCount : noise.perCoreByCpu;
        const part = this.scatterCores < busyCores ? this.scatterCores : busyCores;
        if (part > 0 && perCore > 0 && (byCount || part / noise.perCoreByCount < EXACT_COUNT_BELOW)) {
          // By CPU, surely below when even the most the count reads (EXACT_COUNT_TOP requests) is:
          // read's own operations at that count, each monotone in it.
          if (!byCount) {
            const count = part / noise.perCoreByCount;
            low = busyCores - part + (part * EXACT_COUNT_TOP) / count < p.targetUtilization * cap;
          }
          if (!low) {
            this.readFor = busyCores;
            this.prepareReading();
            this.readInto(noise.last());
            b = this.readOut;
          }
        } else if (part > 0 && perCore > 0) {
          const k = part / perCore;
          const base = busyCores - part;
          if (k >= MIN_NORMAL && k < Number.POSITIVE_INFINITY) {
            // Surely below (95 % of bench:engine's 7.0 M datapoints a plan that scatter read at least
            // 50 % below the target), found without the square root and two divisions: an upper bound
            // of the reading as computed, to the bit. k ≥ 2^e (its exponent), so √k ≥ 2^j, j = ⌊e/2⌋,
            // and the computed 1/(3√k) is at most fl(1/3)·2^−j (each rounding monotone, 3·2^j and the
            // power exact); with it and 1 for c0 (≤ 1), w and the reading (monotone in w) are bounded.
            // First at the stream's highest normal, which needs no draw; then at the datapoint's own.
            kBits64[0] = k;
            const j = ((((kBits32[1] as number) >>> 20) & 0x7ff) - 1023) >> 1;
            const c1 = ONE_THIRD * (powersOfTwo[POWER_ZERO - j] as number);
            const high = 1 + c1 * NORMAL_HIGH;
            low = base + part * high * high * high < p.targetUtilization * cap;
            if (!low) {
              const w = 1 + c1 * Math.max(noise.last(), 0);
              low = base + part * w * w * w < p.targetUtilization * cap;
            }
          }
          if (!low) {
            const c0 = 1 - 1 / (9 * k);
            const c1 = 1 / (3 * Math.sqrt(k));
            if (c1 === 0) b = base;
            else {
              const w = c0 + c1 * noise.last();
              b = base + (w > 0 ? part * w * w * w : 0);
              if (b > cap) b = cap;
            }
          }
        }
      }
    }
    // sideOf(b), written out too.
    const cores = this.running * p.vcpu;
    const target = p.targetUtilization * cores;
    const side = low ? -1 : (cores > 0 ? b > target : b > 0) ? 1 : b < target ? -1 : 0;
    this.above = side > 0 ? this.above + 1 : 0;
    this.below = side < 0 ? this.below + 1 : 0;
    if (this.mayAct()) {
      if (low) {
        this.readFor = busyCores;
        this.prepareReading();
        this.readInto(noise.last());
        b = this.readOut;
      }
      this.datapointAt = t;
      this.datapointBusy = b;
      this.act();
    }
    return t + every;
  }

  /**
   * takeDatapoint(t) when the period's busy cores are `window ÷ evaluationSeconds` (a window of busy
   * core-seconds, as the step loops sum them) and every reading the noise can give of them falls
   * below the target, so that the datapoint only counts one more in a row below it, and that count
   * cannot act yet (or the fleet is at its minimum): returns true having counted it — what
   * takeDatapoint does then, without reading it or its noise (its place in the stream is taken) —
   * else false, having changed nothing. Small, for a step loop to inline: most of a month's
   * datapoints of an elastic-VM run are such (bench:engine, 2026-12-05), and takeDatapoint, a call
   * and a reading bounded through two divisions, was a sixth of the model's time.
   */
  countLow(window: number): boolean {
    if (this.running !== this.lowFleet) this.findLowWindow();
    if (!(window < this.lowWindow)) return false;
    if (this.below + 1 >= SCALE_IN_DATAPOINTS && this.running > this.minInstances) return false;
    this.noise.skip(1);
    this.above = 0;
    this.below++;
    return true;
  }

  /** The running instances lowWindow was found for (−1: none yet). */
  private lowFleet = -1;
  /** Busy core-seconds of a period below which a datapoint surely reads below the target (countLow). */
  private lowWindow = 0.5;

  /**
   * lowWindow for the fleet running now. A reading measured by CPU (takeDatapoint, `read`) of busy
   * cores B is B itself when nothing scatters; a count of n ≤ EXACT_COUNT_TOP requests, B − part +
   * n·s/T; or the gamma's B − part + part·w³, w = c0 + c1·z with c0 ≤ 1, z ≤ NORMAL_HIGH and c1 =
   * 1/(3√k), k = part ÷ perCoreByCpu, a count of at least EXACT_COUNT_BELOW requests (part ≥ 10·s/T).
   * Expanded, part·((1 + c1·z)³ − 1) ≤ 3a√B + 3a² + a³/√part with a = z·√perCoreByCpu / 3, so every
   * reading is at most B + 3a√B + C, C the larger of 3a² + a³/√(10·s/T) and 60·s/T; it is below the
   * target while √B is below the root of u² + 3a·u + C − target. Each constant is taken 10⁻⁶ on the
   * safe side, far beyond the rounding of a reading (a few ulps): a window under it reads below the
   * target to the bit, whatever its normal and its part that scatters. By request count (no
   * instance running, or a traffic manager's overflow) nothing is surely below a target of 0 cores.
   */
  private findLowWindow(): void {
    const p = this.policy;
    const noise = this.noise;
    this.lowFleet = this.running;
    this.lowWindow = Number.NEGATIVE_INFINITY;
    if (noise.byCount || this.running === 0) return;
    const target = p.targetUtilization * (this.running * p.vcpu) * (1 - 1e-6);
    const perCount = noise.perCoreByCount;
    const perCpu = noise.perCoreByCpu;
    const a = ((NORMAL_HIGH * Math.sqrt(perCpu > 0 ? perCpu : 0)) / 3) * (1 + 1e-6);
    const gamma = perCount > 0 ? 3 * a * a + (a * a * a) / Math.sqrt(EXACT_COUNT_BELOW * perCount * (1 - 1e-6)) : 0;
    const c = Math.max(gamma, EXACT_COUNT_TOP * perCount) * (1 + 1e-6);
    const d = target - c;
    if (!(d > 0) || !Number.isFinite(d) || !Number.isFinite(a)) return;
    const u = (2 * d) / (3 * a + Math.sqrt(9 * a * a + 4 * d));
    this.lowWindow = u * u * (1 - 1e-6) * p.evaluationSeconds * (1 - 1e-6);
  }

  /**
   * takeDatapoints of `busyIn`: what the elastic-VM step loop calls (one datapoint, the usual case,
   * by takeDatapoint).
   */
  takeDatapointsIn(t: number, count: number): number {
    if (count === 1) return this.takeDatapoint(t);
    const busyCores = this.busyIn;
    const noise = this.noise;
    const every = this.policy.evaluationSeconds;
    this.readFor = busyCores;
    this.prepareReading();
    // Most datapoints stand far from the target: every reading the stream can give (its normals end
    // at ±3.7σ) falls on one side of it, so they are counted at once and only one that acts is read.
    // (A reading grows with its normal, and its side with the reading.)
    // (One datapoint, the most common call at 1-minute steps, is cheaper read than bounded.)
    const sure = count > 1 ? this.sideOf(this.read(NORMAL_LOW)) : 2;
    if (sure !== 2 && sure === this.sideOf(this.read(NORMAL_HIGH))) {
      let at = t;
      for (let j = 1; j < count; j++) at += every;
      noise.skip(count);
      this.above = sure > 0 ? this.above + count : 0;
      this.below = sure < 0 ? this.below + count : 0;
      if (this.mayAct()) {
        this.datapointAt = at;
        this.datapointBusy = this.read(noise.last());
        this.act();
      }
      return at + every;
    }
    let at = t;
    for (let j = 1; j <= count; j++) {
      const b = this.read(noise.take());
      const side = this.sideOf(b);
      this.above = side > 0 ? this.above + 1 : 0;
      this.below = side < 0 ? this.below + 1 : 0;
      if (this.mayAct()) {
        this.datapointAt = at;
        this.datapointBusy = b;
        const running = this.running;
        this.act();
        // A scale-in changes the cores a reading is clipped at (quietPeriods lets only the last act).
        if (this.running !== running && j < count) {
          this.readFor = busyCores;
          this.prepareReading();
        }
      }
      if (j < count) at += every;
    }
    return at + every;
  }

  /**
   * takeDatapoints(t, 0, 1) for a group with no instance running (a burst's cloud between overflows):
   * a reading of 0 against 0 cores is on the target, so both counts in a row restart and nothing may
   * act; only the datapoint's place in the stream is taken. Small enough for a step loop to inline,
   * where takeDatapointsIn is not.
   */
  takeDormant(t: number): number {
    this.busyIn = 0;
    this.noise.skip(1);
    this.above = 0;
    this.below = 0;
    return t + this.policy.evaluationSeconds;
  }

  /** `count` takeDormant in a row (a step loop's dormant steps, taken at the end). */
  takeDormantRun(count: number): void {
    this.busyIn = 0;
    this.noise.skip(count);
    this.above = 0;
    this.below = 0;
  }

  /** One datapoint at time `t`: the busy cores averaged over the period that ends then. */
  evaluate(t: number, busyCores: number): void {
    this.takeDatapoints(t, busyCores, 1);
  }

  /**
   * Whether the datapoint just counted may act: an action needs enough datapoints in a row and, as
   * the new capacity lies within min and max, room above the fleet to scale out or instances above
   * the minimum to scale in. Checked inline, so most of a month's datapoints never call `act`.
   */
  private mayAct(): boolean {
    return (
      (this.above >= SCALE_OUT_DATAPOINTS && this.running + this.pending < this.policy.maxInstances) ||
      (this.below >= SCALE_IN_DATAPOINTS && this.running > this.minInstances)
    );
  }

  /**
   * The datapoint `mayAct` let through, passed in fields: step loops inline `takeDatapoints` but not
   * `act`, and each number passed to a call that is not inlined is a new heap number (a heap profile
   * of bench:engine, 2026-12-03). A double field is updated in place.
   */
  private datapointAt = 0.5;
  private datapointBusy = 0.5;

  private act(): void {
    const t = this.datapointAt;
    const busyCores = this.datapointBusy;
    const p = this.policy;
    if (t - this.lastActionAt < p.cooldownSeconds - 1e-9) return;
    const desired = this.desiredFor(busyCores);
    if (this.above >= SCALE_OUT_DATAPOINTS && desired > this.running + this.pending) {
      const count = desired - this.running - this.pending;
      this.boots.push(t + p.bootSeconds, count);
      this.pending += count;
      this.lastActionAt = t;
      // A launch that boots instantly serves at once.
      if (p.bootSeconds <= 0) this.bootUntil(t);
    } else if (this.below >= SCALE_IN_DATAPOINTS && desired < this.running) {
      this.running = desired;
      this.lastActionAt = t;
    }
  }
}
