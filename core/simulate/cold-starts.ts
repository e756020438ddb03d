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
 *   instances alive = Σⱼ (1 − P(level j cold))
 *
 * Level 1 — the single instance of a quiet function — is P(N = 0)·e^(−Λe^(−m)) ≈ e^(−λ·keepAlive):
 * the familiar "a request after more than the keep-alive idle starts cold". Higher levels are
 * tabulated per component (they depend on m and on keepAlive ÷ d only), lazily, point by point.
 * The formula is for a steady rate; a rising one also starts instances for levels it reaches for the
 * first time, which the caller counts from the growth of the expected window maximum.
 */
import { pseudoExp2, pseudoLog2 } from './latency-bins';

const PER_DOUBLING = 8;
const LOW = -24;
const HIGH = 14;
const POINTS = (HIGH - LOW) * PER_DOUBLING + 1;
const tables = new Map<number, Float64Array>();
/** Levels whose chance of being in flight is below this are not summed. */
const NEGLIGIBLE = 1e-12;

// Bound once: under a CommonJS transform (tsx, the CLI) an imported name is a getter per call.
const log2 = pseudoLog2;

/** [cold share from levels ≥ 2, instances alive at levels ≥ 2] at mean concurrency m, window n = keepAlive ÷ d. */
export function computeUpperLevels(m: number, n: number, out: [number, number]): [number, number] {
  let cold = 0;
  let alive = 0;
  // p = P(N = j − 1), from P(N = 1) = m·e^(−m) upwards; the levels around the mean first.
  let p = m * Math.exp(-m);
  const top = m + 12 * Math.sqrt(m) + 30;
  for (let j = 2; j <= top; j++) {
    const visits = n * m * p * ((j - 1) / (m + j - 1));
    const coldLevel = visits > 700 ? 0 : Math.exp(-visits);
    cold += p * coldLevel;
    alive += 1 - coldLevel;
    if (p < NEGLIGIBLE && j > m) break;
    p *= m / j;
  }
  out[0] = cold;
  out[1] = alive;
  return out;
}

const pair: [number, number] = [0, 0];

/** Tabulated computeUpperLevels for one window ratio n, read by linear interpolation in log m. */
export class UpperLevels {
  cold = 0;
  alive = 0;
  private readonly table: Float64Array;

  constructor(private readonly n: number) {
    let t = tables.get(n);
    if (!t) {
      t = new Float64Array(2 * POINTS).fill(Number.NaN);
      tables.set(n, t);
    }
    this.table = t;
  }

  /** Sets `cold` and `alive` for mean concurrency m. */
  at(m: number): void {
    if (!(m > 0)) {
      this.cold = this.alive = 0;
      return;
    }
    const y = (log2(m) - LOW) * PER_DOUBLING;
    if (!(y >= 0) || y >= POINTS - 1) {
      computeUpperLevels(m, this.n, pair);
      this.cold = pair[0];
      this.alive = pair[1];
      return;
    }
    const k = y | 0;
    const f = y - k;
    const t = this.table;
    if (Number.isNaN(t[2 * k])) this.fill(k);
    if (Number.isNaN(t[2 * k + 2])) this.fill(k + 1);
    this.cold = (t[2 * k] as number) * (1 - f) + (t[2 * k + 2] as number) * f;
    this.alive = (t[2 * k + 1] as number) * (1 - f) + (t[2 * k + 3] as number) * f;
  }

  private fill(k: number): void {
    computeUpperLevels(pseudoExp2(LOW + k / PER_DOUBLING), this.n, pair);
    this.table[2 * k] = pair[0];
    this.table[2 * k + 1] = pair[1];
  }
}
