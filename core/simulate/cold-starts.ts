/**
 * Cold starts of a function, per invocation, from its arrival rate and keep-alive. A platform keeps
 * an idle instance warm for `keepAlive` seconds and reuses the most recently used one first, so the
 * instances alive at time t are the most requests that were in flight at once during the last
 * keep-alive (instance j stays warm while concurrency reaches j now and then). An arrival starts
 * cold when every live instance is busy: when the requests in flight reach a level not reached
 * within the keep-alive. With Poisson arrivals λ and invocations of d seconds, the requests in flight
 * are Poisson with mean m = λd (M/G/∞); level j is reached by arrivals that find j − 1 in flight,
 * λ·P(N = j − 1) per second, in clumps that declump by (j − 1)/(m + j − 1) (after a visit the level is
 * revisited with the chance an arrival beats a departure). Counting those visits over the window
 * (Λ = the arrivals expected in the last keep-alive) as a Poisson number (Aldous' clumping heuristic):
 *
 *   P(level j cold) = exp(−Λ·P(N = j − 1)·κⱼ),   cold share = Σⱼ P(N = j − 1)·P(level j cold)
 *   instances alive = Σⱼ (1 − P(N < j)·P(level j cold))
 *
 * (a level is idle only if the requests in flight are below it now and never climbed to it within the
 * window: the levels under the usual concurrency are always busy, however rarely they are *reached*).
 *
 * Level 1 — the single instance of a quiet function — is P(N = 0)·e^(−Λe^(−m)) ≈ e^(−λ·keepAlive):
 * the familiar "a request after more than the keep-alive idle starts cold". With Λ = m × keepAlive ÷ d
 * everything depends on m and on n = keepAlive ÷ d only: tabulated per n, lazily, point by point,
 * read by interpolation in log m. The formula is for a steady rate; a rising one also starts
 * instances for levels it reaches for the first time, which the caller counts from the growth of the
 * expected window maximum of the levels above the first.
 */
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

export function computeColdStarts(m: number, n: number, out: ColdStartFigures): ColdStartFigures {
  // Level 1: reached by arrivals that find nothing in flight, Λ·e^(−m) of them in a window.
  const none = Math.exp(-m);
  const first = Math.exp(-n * m * none);
  let cold = none * first;
  let above = 0;
  // p = P(N = j − 1), from P(N = 1) = m·e^(−m) upwards; below = P(N < j − 1).
  let p = m * none;
  let below = none;
  const top = m + 12 * Math.sqrt(m) + 30;
  for (let j = 2; j <= top; j++) {
    const visits = n * m * p * ((j - 1) / (m + j - 1));
    const coldLevel = visits > 700 ? 0 : Math.exp(-visits);
    cold += p * coldLevel;
    below += p;
    // Level j is idle past its keep-alive only if the requests in flight stayed below it throughout:
    // below it now (P(N < j)) and never climbing to it within the window.
    above += 1 - Math.min(1, below) * coldLevel;
    if (p < NEGLIGIBLE && j > m) break;
    p *= m / j;
  }
  out.cold = cold;
  out.alive = 1 - none * first + above;
  out.aliveAbove = above;
  return out;
}

const scratch: ColdStartFigures = { cold: 0.5, alive: 0.5, aliveAbove: 0.5 };

/** computeColdStarts tabulated for one window ratio n. Set `m`, call `evaluate()`, read the fields. */
export class ColdStartCurve implements ColdStartFigures {
  m = 0.5;
  cold = 0.5;
  alive = 0.5;
  aliveAbove = 0.5;
  private readonly table: Float64Array;

  constructor(private readonly n: number) {
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
    const y = (log2(m) - LOW) * PER_DOUBLING;
    const k = y | 0;
    const t = this.table;
    const a = WIDTH * k;
    // Small enough to be inlined into a step loop twice: the rare cases are evaluateRarely's.
    if (!(y >= 0) || y >= POINTS - 1 || Number.isNaN((t[a] as number) + (t[a + WIDTH] as number))) {
      this.evaluateRarely();
      return;
    }
    const f = y - k;
    const g = 1 - f;
    this.cold = (t[a] as number) * g + (t[a + WIDTH] as number) * f;
    this.alive = (t[a + 1] as number) * g + (t[a + WIDTH + 1] as number) * f;
    this.aliveAbove = (t[a + 2] as number) * g + (t[a + WIDTH + 2] as number) * f;
  }

  /** evaluate's rare cases (m > 0): beyond the table's range, or a point not yet filled. */
  private evaluateRarely(): void {
    const m = this.m;
    const y = (log2(m) - LOW) * PER_DOUBLING;
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
