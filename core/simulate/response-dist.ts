/**
 * A response-time distribution as a weighted sum of pieces "fixed delay δ, then an optional
 * exponential wait of rate θ, then the exponential service of rate ν" (response-time.ts explains
 * why every case the engine meets has this form: M/M/c waits, waits truncated at a timeout, a
 * backlog's fluid delay, cold starts). Weights may be negative (a truncation removes the tail of an
 * exponential) as long as the whole is a distribution. Quantiles are solved from the closed-form
 * survival function, so a mixture of many steps gives the percentiles of all their requests — not
 * a percentile of percentiles. Rates per ms, times in ms.
 */
/** A share of requests delayed by `delayMs` (a distribution of delays: shares summing to 1). */
export interface DelayPart {
  share: number;
  delayMs: number;
}

export class ResponseDist {
  /** Service rate, per ms. */
  nu = 1;
  size = 0;
  private w: Float64Array;
  private delay: Float64Array;
  private theta: Float64Array;

  /**
   * Room for `capacity` pieces before it grows: a distribution whose size is known is made at that
   * size. In Chromium's workers each typed array made costs far more than in Node (a plan worker's
   * profile, 2026-12-06: growing these was its largest self time, ~25 % of an edit's busy time), so
   * the three columns are views of one buffer: one allocation, not three (this constructor was still
   * ~2 % of the plan worker's time on a 50-component edit, 2026-12-07).
   */
  constructor(capacity = 8) {
    const n = Math.max(1, Math.ceil(capacity));
    const all = new Float64Array(3 * n).buffer;
    this.w = new Float64Array(all, 0, n);
    this.delay = new Float64Array(all, 8 * n, n);
    this.theta = new Float64Array(all, 16 * n, n);
  }

  reset(nu: number): this {
    this.nu = nu;
    this.size = 0;
    return this;
  }

  /** Adds `weight` of requests that pay `delayMs`, then an Exp(theta) wait (theta 0: none), then service. */
  add(weight: number, delayMs: number, theta: number): this {
    if (weight === 0) return this;
    if (this.size === this.w.length) this.grow();
    const k = this.size++;
    this.w[k] = weight;
    this.delay[k] = delayMs;
    this.theta[k] = theta;
    return this;
  }

  private grow(): void {
    this.enlarge(2 * this.w.length);
  }

  /** Room for `n` pieces, the pieces so far kept, in one new buffer. */
  private enlarge(n: number): void {
    const all = new Float64Array(3 * n).buffer;
    // Written out field by field: a computed property name would slow every later access.
    const w = new Float64Array(all, 0, n);
    const delay = new Float64Array(all, 8 * n, n);
    const theta = new Float64Array(all, 16 * n, n);
    w.set(this.w.subarray(0, this.size));
    delay.set(this.delay.subarray(0, this.size));
    theta.set(this.theta.subarray(0, this.size));
    this.w = w;
    this.delay = delay;
    this.theta = theta;
  }

  /**
   * This distribution with its requests delayed in parts: `share` of them by `delayMs` each (shares
   * summing to 1) — a burst's two sides, each paying its own calls across the link.
   */
  delayedBy(parts: readonly DelayPart[]): ResponseDist {
    return new ResponseDist(this.size * parts.length).reset(this.nu).addDelayed(this, parts);
  }

  /**
   * Adds `from`'s requests delayed in parts (as delayedBy) to this one: a scratch distribution reused
   * for one reading allocates nothing once it has grown.
   */
  addDelayed(from: ResponseDist, parts: readonly DelayPart[]): this {
    for (const { share, delayMs } of parts) {
      if (!(share > 0)) continue;
      this.reserve(this.size + from.size);
      for (let k = 0; k < from.size; k++)
        this.add((from.w[k] as number) * share, (from.delay[k] as number) + delayMs, from.theta[k] as number);
    }
    return this;
  }

  /** Both distributions' requests in one (their weights as they are: counts of requests). */
  static joined(a: ResponseDist, b: ResponseDist): ResponseDist {
    const out = new ResponseDist(a.size + b.size).reset(a.nu);
    for (const d of [a, b])
      for (let k = 0; k < d.size; k++) out.add(d.w[k] as number, d.delay[k] as number, d.theta[k] as number);
    return out;
  }

  /** Room for `n` pieces in all, grown once. */
  private reserve(n: number): void {
    if (n <= this.w.length) return;
    this.enlarge(Math.max(2 * this.w.length, n));
  }

  total(): number {
    let s = 0;
    for (let k = 0; k < this.size; k++) s += this.w[k] as number;
    return s;
  }

  /** Mean response time, ms. */
  mean(): number {
    let s = 0;
    let m = 0;
    for (let k = 0; k < this.size; k++) {
      const w = this.w[k] as number;
      const th = this.theta[k] as number;
      s += w;
      m += w * ((this.delay[k] as number) + (th > 0 ? 1 / th : 0));
    }
    return s !== 0 ? m / s + 1 / this.nu : 0;
  }

  /** Unnormalised P(R > t) (the weights' sum at t ≤ 0). */
  survival(t: number): number {
    return this.evaluate(t);
  }

  /** Unnormalised density at t (minus the derivative of `survival`). */
  density(t: number): number {
    this.evaluate(t);
    return this.lastDensity;
  }

  /** The density found by the last `evaluate`. */
  private lastDensity = 0;

  /** Survival at t, and its density into `lastDensity`: one pass, each exponential taken once. */
  private evaluate(t: number): number {
    const nu = this.nu;
    let s = 0;
    let f = 0;
    for (let k = 0; k < this.size; k++) {
      const x = t - (this.delay[k] as number);
      const w = this.w[k] as number;
      if (x <= 0) {
        s += w;
        continue;
      }
      const th = this.theta[k] as number;
      const en = Math.exp(-nu * x);
      if (!(th > 0)) {
        s += w * en;
        f += w * nu * en;
        continue;
      }
      // hypoSurvival (response-time.ts) inlined with its density: H = e^(−νx) + ν·g and the density θν·g, with g = (e^(−νx) − e^(−θx))/(θ − ν) (→ x·e^(−νx)).
      const d = th - nu;
      const dx = d * x;
      const g = dx < 1 && dx > -1 ? en * (d === 0 ? x : -Math.expm1(-dx) / d) : (en - Math.exp(-th * x)) / d;
      s += w * (en + nu * g);
      f += w * th * nu * g;
    }
    this.lastDensity = f;
    return s;
  }

  /**
   * The q-quantile, ms: the t with P(R > t) = 1 − q. Newton's method inside a bracket that halves
   * whenever a Newton step would leave it, so it converges on every piecewise-smooth survival. A
   * caller that knows the answer lies in [low, high] (a mix lies between its parts') may say so.
   */
  quantile(q: number, low = 0, high = Number.NaN): number {
    const total = this.total();
    if (!(total > 0) || this.size === 0) return 0;
    const target = (1 - q) * total;
    let lo = low > 0 && this.evaluate(low) > target ? low : 0;
    let hi = high > lo ? high : this.upperGuess(q);
    for (let i = 0; i < 200 && this.evaluate(hi) > target; i++) {
      lo = hi;
      hi *= 2;
    }
    // Start where an exponential of the same mean has its quantile, kept inside the bracket.
    let t = this.mean() * Math.log(1 / (1 - q));
    if (!(t > lo && t < hi)) t = lo > 0 ? lo : (lo + hi) / 2;
    for (let i = 0; i < 100; i++) {
      const s = this.evaluate(t) - target;
      const f = this.lastDensity;
      if (s > 0) lo = t;
      else hi = t;
      let next = f > 0 ? t + s / f : (lo + hi) / 2;
      if (!(next > lo && next < hi)) next = (lo + hi) / 2;
      if (Math.abs(next - t) <= 1e-10 * t || hi - lo <= 1e-10 * hi) return next;
      t = next;
    }
    return t;
  }

  /** A time at which few requests are still outstanding: a start for the bracket. */
  private upperGuess(q: number): number {
    let delay = 0;
    let slowest = this.nu;
    for (let k = 0; k < this.size; k++) {
      delay = Math.max(delay, this.delay[k] as number);
      const th = this.theta[k] as number;
      if (th > 0 && th < slowest) slowest = th;
    }
    return delay + (Math.log(1 / (1 - q)) + 2) / slowest + 1 / this.nu;
  }
}
