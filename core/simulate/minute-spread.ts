/**
 * How much the p95 of one minute of requests wanders around the stationary p95. An SLO is judged
 * minute by minute, and a minute's p95 is a sample: the queue the minute's requests meet rises and
 * falls, so a pool whose stationary p95 sits just under the SLO still has minutes over it (a pool
 * sized to the SLO exactly fails it in about half its peak minutes). The engine therefore counts a
 * stretch's violation minutes as minutes × P(a minute's p95 > SLO), from this spread.
 *
 * The share F of a minute's requests answered later than t has mean f = P(R > t) and variance
 *   Var F ≈ f(1 − f)/N  +  2·Var g(X)·τ / 60 s
 * (N requests a minute; the first term is the service times' own noise, the second the queue's:
 * g(x) = P(late | the arrival meets state x), averaged over a minute of a process whose
 * fluctuations decay in τ = 1 / min(μ, (√(cμ) − √λ)²), the M/M/1-like relaxation near saturation and
 * the infinite-server one, μ, elsewhere). The state is "no wait" (1 − C, g = e^(−νt)) or "j requests
 * ahead" (geometric, as the exponential wait of rate θ implies; g ≈ P(D > t − j/cμ)), which gives
 * Var g in closed form. The delta method turns the spread of F at t = p95 into that of the minute's
 * p95, σ = SD(F) ÷ (density at p95 × p95). The minute's p95 is then taken as lognormal of width
 * w = σ/(1 + σ) (the delta method overstates large spreads: a share cannot leave [0, 1]) and median
 * p95·e^(−w²) (below the stationary p95: late shares are skewed, many quiet minutes and a few bad
 * ones). Those two shapes were fitted to the per-request simulator (1–11 cores, ρ 0.5–0.91, service
 * 50 ms–1 s, SLOs from a third to three times the p95: mean error 0.03 in the chance, at most 0.17)
 * and are checked against it in minute-spread.test.ts.
 */
/** Relative spread (σ of ln p95) of one minute's p95 in a stationary M/M/c stretch; rates per second. */
export function computeMinuteSpread(
  erlangC: number,
  theta: number,
  nu: number,
  full: number,
  lambda: number,
  mu: number,
  p95Ms: number,
): number {
  if (!(lambda > 0) || !(p95Ms > 0)) return 0;
  const t = p95Ms / 1000;
  const c = erlangC;
  const g0 = Math.exp(-nu * t);
  let waitG = 0;
  let waitG2 = 0;
  if (c > 0) {
    // j ahead with probability (1 − r)r^(j−1): r such that the mean wait j/cμ is 1/θ.
    const r = Math.max(0, 1 - theta / full);
    const top = Math.floor(t * full); // beyond this many ahead the request is late for sure
    const step = nu / full;
    const below = (power: number) => {
      // Σ_{j=1}^{top} (1 − r) r^(j−1) e^(−pν(t − j/cμ)): a geometric sum, in logs against overflow.
      if (top < 1) return 0;
      const q = r * Math.exp(power * step);
      const first = (1 - r) * Math.exp(-power * nu * t + power * step);
      if (Math.abs(q - 1) < 1e-12) return first * top;
      const qTop = Math.exp(top * Math.log(q));
      return (first * (qTop - 1)) / (q - 1);
    };
    const beyond = r > 0 ? Math.exp(top * Math.log(r)) : top < 1 ? 1 : 0;
    waitG = below(1) + beyond;
    waitG2 = below(2) + beyond;
  }
  const meanG = (1 - c) * g0 + c * waitG;
  const varG = Math.max(0, (1 - c) * g0 * g0 + c * waitG2 - meanG * meanG);
  const f = 0.05;
  const gap = Math.min(mu, (Math.sqrt(full) - Math.sqrt(lambda)) ** 2);
  const varF = (f * (1 - f)) / (lambda * 60) + (2 * varG) / (gap * 60);
  // Density of the response time at p95, per second.
  const density = computeDensity(c, theta, nu, t);
  return density > 0 ? Math.sqrt(varF) / (density * t) : 0;
}

/** Density of R at t (seconds) for no wait with 1 − C, Exp(θ) wait with C, Exp(ν) service. */
function computeDensity(c: number, theta: number, nu: number, t: number): number {
  const en = Math.exp(-nu * t);
  const d = theta - nu;
  const dt = d * t;
  const hypo =
    theta * nu * (dt < 1 && dt > -1 ? en * (d === 0 ? t : -Math.expm1(-dt) / d) : (en - Math.exp(-theta * t)) / d);
  return (1 - c) * nu * en + c * hypo;
}

/** Below this many requests a minute, a minute's p95 is its latest request or two: counted request by request. */
export const FEW_PER_MINUTE = 20;

/**
 * Probability that a minute's p95 exceeds `limitMs`: its stationary p95 being `p95Ms` with spread
 * `sigma`; or, with fewer than FEW_PER_MINUTE requests a minute, that any of them is late (more than
 * 5 % of a handful is one): 1 − exp(−requests × share late). The share late is `lateShare` when
 * the caller knows it at this limit, else it falls beyond p95 as the service's exponential (rate `nu`
 * per ms): 0.05·e^(−ν(limit − p95)).
 */
export function computeViolationChance(
  p95Ms: number,
  sigma: number,
  perMinute: number,
  nu: number,
  limitMs: number,
  lateShare = Number.NaN,
): number {
  if (!(limitMs > 0)) return 1;
  if (perMinute < FEW_PER_MINUTE) {
    const late = lateShare >= 0 ? lateShare : Math.min(1, 0.05 * Math.exp(nu * (p95Ms - limitMs)));
    return -Math.expm1(-perMinute * late);
  }
  if (!(sigma > 1e-9)) return p95Ms > limitMs ? 1 : 0;
  const width = sigma / (1 + sigma);
  const z = (Math.log(limitMs / p95Ms) + width * width) / width;
  return 1 - normalCdf(z);
}

/** Φ(x) by the Abramowitz–Stegun 7.1.26 erfc approximation (absolute error < 1.5e-7). */
export function normalCdf(x: number): number {
  if (x > 8) return 1;
  if (x < -8) return 0;
  const z = Math.abs(x) / Math.SQRT2;
  const k = 1 / (1 + 0.3275911 * z);
  const poly = k * (0.254829592 + k * (-0.284496736 + k * (1.421413741 + k * (-1.453152027 + k * 1.061405429))));
  const erfc = poly * Math.exp(-z * z);
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}
