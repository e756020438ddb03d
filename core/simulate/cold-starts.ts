/**
 * Cold starts of a function, per invocation, from its arrival rate and keep-alive. A platform keeps
 * an idle instance warm for `keepAlive` seconds and reuses the most recently used one first, so the
 * instances alive at time t are the most requests that were in flight at once during the last
 * keep-alive (instance j stays warm while concurrency reaches j now and then). An arrival starts
 * cold when every live instance is busy: it finds j − 1 in flight and the requests in flight did not
 * reach level j within the keep-alive. With Poisson arrivals λ and invocations of d seconds, the
 * requests in flight N are Poisson with mean m = λd (M/G/∞), and the process is reversible, so "did
 * not reach j in the last K seconds" is "starting from j − 1, does not reach j in the next K": the
 * first-passage time T of a birth–death chain from j − 1 to j. Its survival is taken as one
 * exponential mode with an escape mass, P(T > K) ≈ c·e^(−K/τ), both fixed by exact means
 * (Keilson, "Markov Chain Models — Rarity and Exponentiality", 1979: for a rarely reached level
 * the passage time is nearly exponential from the chain's quasi-stationary state):
 *
 *   τ = E_π[T] = Σ_{k<j} P(N ≤ k)² ⁄ (λ·P(N = k)·P(N < j))   (from below, started in equilibrium)
 *   c = E_{j−1}[T] ⁄ τ,  E_{j−1}[T] = P(N < j) ⁄ (λ·P(N = j − 1))
 *
 * (c is the chance an arrival at j − 1 drifts back to the bulk before climbing to j: about 1 − m/(j−1)
 * far above the mean.) Then
 *
 *   cold share = Σⱼ P(N = j − 1)·c·e^(−K/τ),   instances alive = Σⱼ (1 − P(N < j)·e^(−K/τ))
 *
 * (a level is idle only if the requests in flight are below it now and never climbed to it within the
 * window: the levels under the usual concurrency are always busy, however rarely they are *reached*).
 * Level 1 is exact: P(N = 0)·e^(−λK), "a request after more than the keep-alive idle starts cold".
 * Against the per-request simulator (simulate-function-requests.ts) at mean concurrency 0.002–100 and
 * windows of 24–3,000 invocation times the cold share lands within 15 % in all but the rarest cases
 * (an earlier clumping estimate, without c, ran up to 3.4× high from about one request in flight).
 *
 * With λK = m·n, n = keepAlive ÷ d, everything depends on m and n only: tabulated per n, lazily, point
 * by point, read by interpolation in log m. The formula is for a steady rate; a rising one also
 * starts instances for levels it reaches for the first time, which the caller counts from the growth
 * of the expected window maximum of the levels above the first.
 *
 * At a concurrency limit c the requests in flight never exceed c: N is taken as Poisson truncated at
 * c (exact for the loss system, M/G/c/c) and the levels stop there, so no more than c instances are
 * held and none starts cold for a level the platform cannot reach. That is computed directly, not
 * tabulated, where the limit is within 12 standard deviations of the mean (rare: near the limit).
 */
import { jStat } from 'jstat';
import { pseudoExp2, pseudoLog2 } from './latency-bins';

const PER_DOUBLING = 8;
const LOW = -24;
const HIGH = 14;
const POINTS = (HIGH - LOW) * PER_DOUBLING + 1;
/** Per point: cold share, instances alive, instances alive above the first. */
const WIDTH = 3;
const tables = new Map<number, Float64Array>();
/** Levels whose chance of being in flight is below this are not summed. */
const NEGLIGIBLE = 1e-12;

// Bound once: under a CommonJS transform (tsx, the CLI) an imported name is a getter per call.
const log2 = pseudoLog2;

/** What a steady mean concurrency m gives, for a window of n = keepAlive ÷ d invocation times. */
export interface ColdStartFigures {
  /** Share of invocations that start cold. */
  cold: number;
  /** Instances alive (busy or warm), all levels; and those above the first. */
  alive: number;
  aliveAbove: number;
}

export function computeColdStarts(m: number, n: number, out: ColdStartFigures, limit = Infinity): ColdStartFigures {
  // Levels far below the mean are always busy: the sum starts where P(N < level) is negligible
  // (12 standard deviations down), so a large m neither underflows e^(−m) nor sums idle terms.
  const spread = m + 12 * Math.sqrt(m) + 30;
  let from = Math.max(2, Math.floor(m - 12 * Math.sqrt(m) - 30));
  // At a concurrency limit the requests in flight never exceed it: N is Poisson truncated there (the
  // loss system's distribution), its probabilities divided by Z = P(N ≤ limit), and the levels end
  // at the limit — wherever the limit is below the levels summed otherwise (`spread`; for a limit
  // under 30, always). Far above it, the truncated N falls off geometrically below the limit (ratio
  // limit ⁄ m a level): the sum starts where that is below e^(−28) ≈ 7·10⁻¹³ (under NEGLIGIBLE).
  const truncated = limit < spread;
  const logZ = truncated ? logPoissonAtMost(limit, m) : 0;
  if (truncated && m > limit) from = Math.max(2, Math.min(from, limit - Math.ceil(28 / Math.log(m / limit)) - 2));
  const top = truncated ? limit : spread;
  // Level 1: reached by any arrival, λK = n·m of them in a window (exact for the first level).
  const none = from > 2 ? 0 : Math.exp(-m - logZ);
  const first = Math.exp(-n * m);
  let cold = none * first;
  let above = from - 2;
  // p = P(N = j − 1) and below = P(N < j − 1), from j = from upwards; sum = τ·λ·P(N = j − 1)·P(N < j).
  let p = from > 2 ? Math.exp(-m + (from - 1) * Math.log(m) - jStat.gammaln(from) - logZ) : m * none;
  let below = none;
  let sum = none * none;
  for (let j = from; j <= top; j++) {
    const atMost = below + p;
    // sum over k < j of P(N ≤ k)²·P(N = j − 1)/P(N = k): each term scaled by P(N = k + 1)/P(N = k) = m/(k + 1).
    sum = (sum * m) / (j - 1) + atMost * atMost;
    const visits = sum > 0 ? (n * m * p * atMost) / sum : 0;
    const stay = visits > 700 ? 0 : Math.exp(-visits);
    const escape = sum > 0 ? Math.min(1, (atMost * atMost) / sum) : 1;
    cold += p * escape * stay;
    below = atMost;
    // Level j is idle past its keep-alive only if the requests in flight stayed below it throughout:
    // below it now (P(N < j)) and never climbing to it within the window.
    above += 1 - Math.min(1, below) * stay;
    if (p < NEGLIGIBLE && j > m) break;
    p *= m / j;
  }
  out.cold = cold;
  out.alive = 1 - none * first + above;
  out.aliveAbove = above;
  return out;
}

/** ln P(N ≤ c) for N ~ Poisson(m), without overflow or underflow at any m. */
export function logPoissonAtMost(c: number, m: number): number {
  // At or below the mean the regularised gamma is accurate, and P(N ≤ c) is not small:
  // P(N ≤ c) = 1 − P(c + 1, m).
  if (m <= c) return Math.log1p(-(c > WIDE_LIMIT ? poissonAbove(c, m) : jStat.lowRegGamma(c + 1, m)));
  // Above it, from P(N = c) down: each term is k ⁄ m < 1 times the last (a geometric-like tail).
  let term = 1;
  let sum = 1;
  for (let k = c; k > 0; k--) {
    term *= k / m;
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return -m + c * Math.log(m) - jStat.gammaln(c + 1) + Math.log(sum);
}

/**
 * Above this limit, P(N > c) for m ≤ c is poissonAbove's sum, not jStat's incomplete gamma: that runs
 * 0.4c iterations whatever the answer (minute-spread.ts), 4·10⁵ a step for a limit of 10⁶ with the
 * load near it. Up to it (the default limit is 1,000) nothing changes.
 */
const WIDE_LIMIT = 5000;

/**
 * P(N > c) for N ~ Poisson(m), m ≤ c: the masses from c + 1 up, each m ⁄ k times the last, to a term
 * under 10⁻¹⁷ of the sum: about 9√m of them where c is near m, fewer above (the caller only asks
 * within 12√m + 30 of m). The first mass by jStat's ln Γ.
 */
function poissonAbove(c: number, m: number): number {
  let term = Math.exp((c + 1) * Math.log(m) - m - jStat.gammaln(c + 2));
  let sum = term;
  // `term > 0`: a first mass that underflows (m far under c: not asked by computeColdStarts, but
  // exported) would otherwise meet 0 ≥ 0 for ever; every term after it is 0 too, so the sum is exact.
  for (let k = c + 2; term > 0 && term >= 1e-17 * sum; k++) {
    term *= m / k;
    sum += term;
  }
  return sum;
}

/** m's bits, for evaluate(). */
const bits64 = new Float64Array(1);
const bits32 = new Uint32Array(bits64.buffer);

const scratch: ColdStartFigures = { cold: 0.5, alive: 0.5, aliveAbove: 0.5 };

/** computeColdStarts tabulated for one window ratio n. Set `m`, call `evaluate()`, read the fields. */
export class ColdStartCurve implements ColdStartFigures {
  m = 0.5;
  cold = 0.5;
  alive = 0.5;
  aliveAbove = 0.5;
  /** Per point: cold share, alive, alive above the first (NaN until filled); simulate-serverless.ts reads it too. */
  readonly table: Float64Array;
  /** Above this mean concurrency the limit cuts the levels (computeColdStarts), not tabulated. */
  readonly truncateAbove: number;

  constructor(
    private readonly n: number,
    private readonly limit = Infinity,
  ) {
    // computeColdStarts truncates where limit < m + 12√m + 30.
    this.truncateAbove = limit === Infinity ? Infinity : Math.max(0, Math.sqrt(6 + limit) - 6) ** 2;
    let t = tables.get(n);
    if (!t) {
      t = new Float64Array(WIDTH * POINTS).fill(Number.NaN);
      tables.set(n, t);
    }
    this.table = t;
  }

  /** Sets the figures for mean concurrency `this.m` (fields, so nothing is boxed per call). */
  evaluate(): void {
    const m = this.m;
    if (!(m > 0)) {
      this.cold = 1;
      this.alive = this.aliveAbove = 0;
      return;
    }
    // The table's layout as literals (LOW −24, PER_DOUBLING 8, POINTS − 1 = 304, WIDTH 3; checked
    // below the class): in optimised code a module's constant is a load from its context and a check,
    // every step. Serverless alone on bench:engine's design, CPU: −3 % (see the commit).
    // The point and the weight from m's bits as integers: y = (pseudoLog2(m) + 24) · 8 is exactly
    // ((exponent + 24) << 3) + the mantissa's top 20 bits ÷ 2¹⁷, so its integer part is k below and
    // y − k is the mantissa's low 17 of those bits ÷ 2¹⁷ (cold-starts.test.ts); y ≥ 0 and y < 304 are
    // k ≥ 0 and k < 304. Without the float forms, −6 % on serverless alone (see the commit).
    bits64[0] = m;
    const h = bits32[1] as number;
    const k = (((h >>> 20) - 1023 + 24) << 3) + ((h & 0xfffff) >>> 17);
    const t = this.table;
    const a = 3 * k;
    // Small enough to be inlined into a step loop twice: the rare cases are evaluateRarely's.
    // (simulateServerless writes this read out in its step loop: change both together.)
    if (k < 0 || k >= 304 || m > this.truncateAbove || Number.isNaN((t[a] as number) + (t[a + 3] as number))) {
      this.evaluateRarely();
      return;
    }
    const f = (h & 0x1ffff) / 131072;
    const g = 1 - f;
    this.cold = (t[a] as number) * g + (t[a + 3] as number) * f;
    this.alive = (t[a + 1] as number) * g + (t[a + 4] as number) * f;
    this.aliveAbove = (t[a + 2] as number) * g + (t[a + 5] as number) * f;
  }

  /** evaluate's rare cases (m > 0): beyond the table's range, or a point not yet filled. */
  private evaluateRarely(): void {
    const m = this.m;
    const y = (log2(m) - LOW) * PER_DOUBLING;
    if (m > this.truncateAbove) {
      computeColdStarts(m, this.n, this, this.limit);
      return;
    }
    if (!(y >= 0) || y >= POINTS - 1) {
      computeColdStarts(m, this.n, this);
      return;
    }
    const k = y | 0;
    this.fill(k);
    this.fill(k + 1);
    this.evaluate();
  }

  private fill(k: number): void {
    if (!Number.isNaN(this.table[WIDTH * k])) return;
    computeColdStarts(pseudoExp2(LOW + k / PER_DOUBLING), this.n, scratch);
    this.table[WIDTH * k] = scratch.cold;
    this.table[WIDTH * k + 1] = scratch.alive;
    this.table[WIDTH * k + 2] = scratch.aliveAbove;
  }
}

// evaluate() writes the table's layout as literals.
if (LOW !== -24 || PER_DOUBLING !== 8 || POINTS !== 305 || WIDTH !== 3) {
  throw new Error('cold-starts.ts: ColdStartCurve.evaluate must follow the table layout');
}
