/**
 * How much one minute of requests wanders around the stationary state. An SLO is judged minute by
 * minute, and a minute's p95 is a sample: the queue the minute's requests meet rises and falls, so a
 * pool whose stationary p95 sits under the SLO still has minutes over it, and one sized to the SLO
 * exactly fails it in about half its peak minutes. The engine therefore counts a stretch's violation
 * minutes as minutes × P(a minute's p95 > SLO) = P(more than 5 % of the minute's requests are late).
 *
 * The share F of a minute's N requests answered later than t has mean f = P(R > t) and variance
 *   Var F ≈ f(1 − f)/N  +  Var g(X)·2x(1 − x(1 − e^(−1/x))),  x = τ / 60 s
 * (the first term the service times' own noise, the second the queue's: g(x) = P(late | the arrival
 * meets state x), averaged over a minute of a process whose fluctuations last about τ — 2τ/60 s of
 * Var g when τ is short, all of it when the queue hardly moves within the minute). The state is
 * "no wait" (1 − C, g = e^(−νt)) or "j requests ahead" (geometric, as the exponential wait of rate θ
 * implies; g ≈ P(D > t − j/cμ)), which gives Var g in closed form. τ = 20/(μ√c) + 1/(gap/0.4 + π²λ/L²),
 * gap = min(μ, (√(cμ) − √λ)²): the second term is the M/M/1-like relaxation near saturation, held
 * to that of a walk between empty and a timeout of L = T·cμ requests (its first mode decays at
 * π²λ/L²: arrivals and services each add λ of variance a second), the first the longer memory of a
 * few servers (one long request holds a core while the queue behind it grows). (Without the timeout's
 * bound, 1 core of 500 ms at ρ 0.97 under a 2.5 s timeout — 5 requests — was read as remembering
 * its queue for 15 minutes, and most minutes as quiet.)
 * The late count is then negative binomial with that mean and variance — skewed: at high load most
 * minutes have few late requests and some have many — and the chance is its tail beyond 5 % of N.
 *
 * On many cores near saturation that is not skewed enough: most minutes meet no queue at all, and
 * their requests are late only by their own service time (a floor of about e^(−νt) of them), while a
 * few minutes meet a queue and have many late. So the late count's third cumulant is kept too,
 *   K3 ≈ N f(1 − f)(1 − 2f)  +  N³ κ3(g)·h²,   h = the variance factor above
 * (the minute as 1/h independent blocks), from the third moment of g by the same geometric sums, and
 * when its cumulants say the count has such a floor it is a Poisson floor plus a negative binomial
 * matched to K1, K2 and K3 (K2 − K1 = ms, K3 − K1 = ms(3 + 2s)). The floor keeps its own scatter: a
 * bare shift (a point mass) undercounts where a minute holds only a few of the queue's spells (2 s
 * requests: 0.21 against the simulator's 0.33 on 64 cores at ρ 0.95). Against the per-request
 * simulator over 1–64 cores, ρ 0.4–0.95, 20 ms to 2 s requests, SLOs 1–1.35 × the p95 (94 pools × 5,
 * 3 × 8–16 hours each): mean error in the chance 0.013 against 0.018 without it, the worst 0.08
 * against 0.15 (16 cores at ρ 0.9, 100 ms, SLO at the p95: 0.46 → 0.38 against the simulator's 0.33).
 *
 * Fitted to the per-request simulator (the two constants of τ; 1–32 cores, ρ 0.2–0.95, 20 and 100 ms
 * service, SLOs from 0.9 to 1.5 × the p95, 4 × 6 hours each: mean error 0.010 in the chance, against
 * 0.022 for the lognormal p95 it replaces) and checked against it in minute-spread.test.ts.
 *
 * Where the queue remembers much of a minute (τ of tens of seconds: slow requests, or many cores near
 * saturation) and the SLO is above the p95, the late count's cumulants are right but its law is not:
 * a minute's late share is nearly that of the state it met, a power law up to all late, and the
 * cumulants' law overstated the minutes over by 30–60 % (8 cores of 1 s at ρ 0.95, SLO 10 s: 124 a
 * day against the simulator's 88; the variance and K3 ÷ K2 at the SLO within 10 % of the simulator's).
 * There the chance comes from the states themselves (computeFrozenChance), blended in by frozenWeight.
 */
// jStat's incomplete gamma and beta (Numerical Recipes' series and continued fractions). Not stdlib's:
// its dependencies generate code with `new Function`, which the app's Content Security Policy refuses
// in the plan worker (measured: four script-src violations per editor load, e2e/auth.spec.ts).
import { jStat } from 'jstat';

/**
 * Beyond this Chernoff bound (ln of e^-35 = 6e-16) a tail is 0 or 1 in double precision, and the
 * functions below skip jStat. Measured: jStat's incomplete gamma runs 0.4k + 8.5 ln k + 17 iterations of
 * its continued fraction whatever the answer, and a backlog's minutes, far from the SLO either way,
 * spent 11 % of an edit's re-plan there (bench/RESULTS.md, 2026-12-03).
 */
const NEGLIGIBLE_LOG = -35;

/**
 * P(Poisson(mean) ≥ k) = P(k, mean), the regularised lower incomplete gamma. Chernoff: the far side of
 * k has probability at most e^(−mean)(e·mean/k)^k.
 */
export const poissonAtLeast = (k: number, mean: number): number => {
  if (k * Math.log(mean / k) + k - mean < NEGLIGIBLE_LOG) return k > mean ? 0 : 1;
  return k > JSTAT_GAMMA_MAX ? edgeworthAtLeast(k, mean, mean, mean, mean) : jStat.lowRegGamma(k, mean);
};

/**
 * Above this k, P(Poisson(mean) ≥ k) is the Edgeworth series to its second order (edgeworthAtLeast),
 * within 10⁻⁶ of jStat's there and closer above (minute-spread.test.ts). jStat's incomplete gamma runs
 * 0.4k iterations whatever the answer: at k = 3.3·10⁷ (the late requests of a minute at 10⁷
 * requests a second) 98 ms a call, and the plan of a design with one such component had not ended
 * after five minutes (reviewer's report, 2026-12-06; the schema allows 10⁸ requests a second). Below
 * it jStat's stays, so plans of smaller loads keep their bits. (stdlib's gammainc 0.3.1, tried first,
 * was off by 1.3·10⁻³ at k = mean = 10⁵ against SciPy's and jStat's 0.50042.)
 */
const JSTAT_GAMMA_MAX = 10_000;
/**
 * P(NB ≥ k), NB of r "successes" and failure probability x: I_x(k, r), the regularised incomplete beta.
 * Chernoff, at e^t = k / (x(k + r)): the far side of k has probability at most
 * (x(k + r)/k)^k · ((1 − x)(k + r)/r)^r.
 */
export const negativeBinomialAtLeast = (k: number, r: number, x: number): number => {
  if (k * Math.log((x * (k + r)) / k) + r * Math.log(((1 - x) * (k + r)) / r) < NEGLIGIBLE_LOG)
    return k > (r * x) / (1 - x) ? 0 : 1;
  return jStat.ibeta(x, k, r);
};

/** ln 20: the p95 of an exponential in units of its mean (its hazard × its p95). */
const LN20 = Math.log(20);

/**
 * The spread of a minute in a stationary M/M/c stretch: the coefficient of variation of the share of
 * a minute's requests later than the stationary p95 (SD F ÷ 5 %). Rates per second.
 */
export function computeMinuteSpread(
  erlangC: number,
  theta: number,
  nu: number,
  full: number,
  lambda: number,
  mu: number,
  p95Ms: number,
  shape: MinuteShape = unusedShape,
  patienceMs = Number.POSITIVE_INFINITY,
): number {
  shape.skew = Number.NaN;
  if (!(lambda > 0) || !(p95Ms > 0)) return 0;
  stateMoments(erlangC, theta, nu, full, p95Ms / 1000);
  return spreadOfMinute(moments.varG, moments.k3G, full, lambda, mu, shape, patienceMs);
}

/**
 * computeMinuteSpread for a pool serving sync requests (`syncShare` of the arrivals, served first:
 * their wait Exp(`syncTheta`) with chance `syncC`) and messages (Cobham's wait Exp(`asyncTheta`) with
 * chance `asyncC`) together. A minute's late share is the classes' shares of it, F = w·F_sync +
 * (1 − w)·F_async, and both classes meet the same busy cores: when a queue stands, both wait longer.
 * So their P(late | the state met) move together, taken as comonotone: SD g = w·SD g_sync + (1 − w)·SD
 * g_async, and K3 the same scaling's (the classes' standardised skews weighted by their SDs). (From
 * one class alone — the one doing most of the work — the minutes were wrong both ways: on 8 cores of
 * 50 ms at ρ 0.85, 30 % messages, SLO 250 ms, the sync class's spread read no minute over where the
 * per-request simulator finds 10 % of them, as its waits are tiny and the p95 is the messages'; on 4
 * cores of 200 ms at ρ 0.8, half messages, SLO 1 s, it read 80 % against 50 %.)
 */
export function computeMixedMinuteSpread(
  syncShare: number,
  syncC: number,
  syncTheta: number,
  asyncC: number,
  asyncTheta: number,
  nu: number,
  full: number,
  lambda: number,
  mu: number,
  p95Ms: number,
  shape: MinuteShape = unusedShape,
  patienceMs = Number.POSITIVE_INFINITY,
): number {
  // The timeout bounds the queue that sync work makes (as computeMinuteSpread's callers pass it).
  const patience = syncShare >= 0.5 ? patienceMs : Number.POSITIVE_INFINITY;
  if (!(syncShare < 1)) return computeMinuteSpread(syncC, syncTheta, nu, full, lambda, mu, p95Ms, shape, patience);
  if (!(syncShare > 0)) return computeMinuteSpread(asyncC, asyncTheta, nu, full, lambda, mu, p95Ms, shape, patience);
  shape.skew = Number.NaN;
  if (!(lambda > 0) || !(p95Ms > 0)) return 0;
  const t = p95Ms / 1000;
  stateMoments(syncC, syncTheta, nu, full, t);
  const sdSync = syncShare * Math.sqrt(moments.varG);
  const k3Sync = syncShare * syncShare * syncShare * moments.k3G;
  stateMoments(asyncC, asyncTheta, nu, full, t);
  const sdAsync = (1 - syncShare) * Math.sqrt(moments.varG);
  const k3Async = (1 - syncShare) * (1 - syncShare) * (1 - syncShare) * moments.k3G;
  const sd = sdSync + sdAsync;
  // Each part's standardised skew K3/SD³, weighted by its SD; the sum's K3 is that skew × SD³.
  const skew = sd > 0 ? (sdSync * skewOf(k3Sync, sdSync) + sdAsync * skewOf(k3Async, sdAsync)) / sd : 0;
  return spreadOfMinute(sd * sd, skew * sd * sd * sd, full, lambda, mu, shape, patience);
}

/**
 * A part's standardised skew K3/SD³ (0 without spread). A function of the module, not a closure made
 * per call: computeMixedMinuteSpread runs for every point of an SLO curve's rows that mix sync work and
 * messages (an edit of the 50-component canvas design computes ~24,000 points), and under tsx's
 * transform each closure made was named by a call that defines a property (the function took 1/0.60 of
 * its time so, alternated under tsx, 2026-12-06).
 */
function skewOf(k3: number, part: number): number {
  return part > 0 ? k3 / (part * part * part) : 0;
}

/** Moments of g, P(late at t | the state an arrival meets), over the states (stateMoments). */
const moments = { varG: 0, k3G: 0 };

/**
 * Var g and its third cumulant for one class at t seconds: no wait (1 − C, g = e^(−νt)), or j requests
 * ahead (geometric, as an exponential wait of rate θ implies).
 */
function stateMoments(erlangC: number, theta: number, nu: number, full: number, t: number): void {
  const c = erlangC;
  const g0 = Math.exp(-nu * t);
  let waitG = 0;
  let waitG2 = 0;
  let waitG3 = 0;
  if (c > 0) {
    // j ahead with probability (1 − r)r^(j−1): r such that the mean wait j/cμ is 1/θ.
    const r = Math.max(0, 1 - theta / full);
    const top = Math.floor(t * full); // beyond this many ahead the request is late for sure
    const step = nu / full;
    const beyond = r > 0 ? Math.exp(top * Math.log(r)) : top < 1 ? 1 : 0;
    waitG = geometricBelow(1, r, top, step, nu, t) + beyond;
    waitG2 = geometricBelow(2, r, top, step, nu, t) + beyond;
    waitG3 = geometricBelow(3, r, top, step, nu, t) + beyond;
  }
  const meanG = (1 - c) * g0 + c * waitG;
  const meanG2 = (1 - c) * g0 * g0 + c * waitG2;
  const varG = Math.max(0, meanG2 - meanG * meanG);
  const k3G = (1 - c) * g0 * g0 * g0 + c * waitG3 - 3 * meanG * meanG2 + 2 * meanG * meanG * meanG;
  moments.varG = varG;
  moments.k3G = k3G;
}

/**
 * stateMoments' sum for g to the `power`: Σ_{j=1}^{top} (1 − r) r^(j−1) e^(−pν(t − j/cμ)), a geometric
 * sum, in logs against overflow (step = ν/cμ).
 */
function geometricBelow(power: number, r: number, top: number, step: number, nu: number, t: number): number {
  if (top < 1) return 0;
  // (q^top − 1)/(q − 1) in logs: each term is at most 1, but when a request is far shorter than
  // its CPU time (νt ≫ 1) the first underflows and q^top overflows, and 0 × ∞ made the spread NaN.
  const logQ = Math.log(r) + power * step;
  const logFirst = Math.log(1 - r) - power * nu * t + power * step;
  if (Math.abs(logQ) < 1e-12) return Math.exp(logFirst) * top;
  if (logQ > 0) return (Math.exp(logFirst + (top - 1) * logQ) * -Math.expm1(-top * logQ)) / -Math.expm1(-logQ);
  return (Math.exp(logFirst) * Math.expm1(top * logQ)) / Math.expm1(logQ);
}

/** SD F ÷ 5 % from the state's Var g and K3 of g, the pool's memory and the requests' own noise. */
function spreadOfMinute(
  varG: number,
  k3G: number,
  full: number,
  lambda: number,
  mu: number,
  shape: MinuteShape,
  patienceMs: number,
): number {
  const f = 0.05;
  const h = minuteMemory(full, lambda, mu, patienceMs);
  const n = lambda * 60;
  const varF = (f * (1 - f)) / n + varG * h;
  // K3 ÷ K2 of the minute's late count (in requests): the requests' own noise and the queue's.
  const k2 = n * n * varF;
  const k3 = n * f * (1 - f) * (1 - 2 * f) + n * n * n * k3G * h * h;
  shape.skew = k2 > 0 ? k3 / k2 : Number.NaN;
  return Math.sqrt(varF) / f;
}

/**
 * The share h of Var g that a minute's mean of g keeps: 2x(1 − x(1 − e^(−1/x))), x = τ/60 s — 2τ/60
 * when the queue forgets within the minute, all of Var g when it hardly moves (near saturation, τ of
 * many minutes). τ = 20/(μ√c) + 1/(gap/0.4 + π²λ/L²) (computeMinuteSpread).
 */
function minuteMemory(full: number, lambda: number, mu: number, patienceMs: number): number {
  const gap = Math.min(mu, (Math.sqrt(full) - Math.sqrt(lambda)) ** 2);
  // A timeout bounds the queue at L = T·cμ requests, and a walk held between 0 and L forgets at π²λ/L²
  // a second whatever its drift (a reflected walk's first mode; arrivals and services each add λ).
  const queueLimit = (patienceMs / 1000) * full;
  const boxRate = queueLimit > 0 ? (Math.PI * Math.PI * lambda) / (queueLimit * queueLimit) : 0;
  const tau = 20 / (mu * Math.sqrt(full / mu)) + 1 / (gap / 0.4 + boxRate);
  const x = tau / 60;
  return 2 * x * (1 - x * -Math.expm1(-1 / x));
}

/**
 * Up to this many blocks a minute (1/h, minuteMemory), the chance that a minute of one class of
 * requests misses the SLO is computed from the queue's states themselves (computeFrozenChance); from
 * FAMILY_BLOCKS on, from the late count's cumulants (computeViolationChance); linearly between. Set
 * by hand with frozenWeight's bounds and checked against the per-request simulator (2026-12-05, a
 * day × 4 seeds a point, tolerance 10 % or 10 minutes or 3 σ): on 385 pools of 0.2–2 s, 1–16 cores,
 * ρ 0.5–0.97, SLO 1.2–5 × the p95, 21 outside it against 72 with the cumulants alone (at ρ 0.95–0.97,
 * 3 against 38; mean |ln(engine ÷ simulator)| 0.14 against 0.25), all of them still over; on 190
 * others not used in setting them (0.3–1.5 s, 1–12 cores, ρ 0.6–0.96, SLO 1.1–4 × the p95), 23
 * against 51. 20–100 ms pools on 1–16 cores: unchanged (4 of 180 outside, as before).
 */
const FROZEN_BLOCKS = 4;
const FAMILY_BLOCKS = 8;
/** Above this many late requests to miss (5 % of the minute), the cumulants' chance stands (cost). */
const FROZEN_OVER_MAX = 500;
/** Scratch masses for computeFrozenChance: one block's late count, the minute's, a convolution. */
let blockMass = new Float64Array(64);
let minuteMass = new Float64Array(64);
let convolved = new Float64Array(64);

/**
 * The chance that a minute's p95 exceeds `limitMs` for a pool of one class of requests whose queue
 * remembers a good part of a minute, from the states an arrival meets rather than from the late
 * count's cumulants. The minute is taken as B = 1/h blocks (minuteMemory: its mean of g keeps h of
 * Var g, as the mean of 1/h independent draws does), each of N/B requests meeting one state: no wait
 * (1 − C), or j requests ahead (geometric, r = 1 − θ/cμ), a request then late with chance
 * g_j = P(Erlang(j, cμ) + Exp(ν) > t). The block's late count is Poisson with mean (N/B)·g_j given its
 * state; the minute's is the B-fold convolution (between ⌊B⌋ and ⌊B⌋ + 1 blocks, linearly), and its
 * on-time count Poisson as in randomCountAtLeast. Why: with a long memory the late share of a minute is
 * nearly that of the state it met, and P(g > y) falls as a power of y (y^(−θ/ν): the states are
 * geometric, g_j grows geometrically in j) up to g = 1 — a shape three cumulants do not pin: the
 * floor-plus-negative-binomial law matched to them read 124 violation minutes a day for 8 cores of 1 s
 * at ρ 0.95 under a 10 s SLO where the per-request simulator counts 88 (this model: 95). States beyond
 * the timeout's queue (sync work) count as late: their requests are dropped, and such a minute misses
 * anyway. NaN where the cumulants' chance is used instead: more than FROZEN_OVER_MAX late requests to
 * miss, or FAMILY_BLOCKS blocks or more (the blend is the caller's, frozenWeight).
 */
export function computeFrozenChance(
  erlangC: number,
  theta: number,
  nu: number,
  full: number,
  lambda: number,
  mu: number,
  limitMs: number,
  patienceMs = Number.POSITIVE_INFINITY,
): number {
  const n = 60 * lambda;
  if (!(n > 0) || !(limitMs > 0)) return Number.NaN;
  const blocks = 1 / minuteMemory(full, lambda, mu, patienceMs);
  if (!(blocks < FAMILY_BLOCKS)) return Number.NaN;
  const t = limitMs / 1000;
  // Late counts are kept up to the line l*(w) at the top of the on-time count's range (w1).
  const sdN = Math.sqrt(n);
  const w1 = Math.ceil(n + COUNT_SDS * sdN + 10);
  const top = Math.floor((0.05 * w1) / 0.95) + 2;
  if (top > FROZEN_OVER_MAX) return Number.NaN;
  const b0 = Math.max(1, Math.floor(blocks));
  const f = Math.max(0, blocks - b0);
  const low = frozenChanceOf(b0, erlangC, theta, nu, full, n, t, patienceMs, top);
  return f > 0 ? (1 - f) * low + f * frozenChanceOf(b0 + 1, erlangC, theta, nu, full, n, t, patienceMs, top) : low;
}

/**
 * The weight of computeFrozenChance against the cumulants' chance: by the blocks a minute holds, and
 * by the share `late` later than the SLO — all of it from 3 % down (an SLO from about 1.17 × the p95
 * up), a third at the p95's 5 %, none from 6 % (an SLO under the p95, where the states alone
 * undercount: 4 cores of 100 ms at ρ 0.95, SLO 0.8 × the p95, 73 minutes in 4 hours against the
 * simulator's 94, where the cumulants' 87 were within tolerance); and by the chance C of meeting a
 * queue — all of it from 10 %, none under 2 %, where the late requests are the service times' own and
 * the two agree within a minute a day (they did, but that moved the sizing of 1 rps of 2 s jobs under
 * an 8 s SLO from 7 cores to 6, where the simulator counts 85 minutes against 78.5,
 * static-sizing.test.ts). And none on one core, whose memory is mostly the request holding it
 * (20/(μ√c) in τ) rather than a queue's slow state: there the states' blocks overcounted further
 * (1 core of 2 s at ρ 0.5, SLO 1.5 × the p95: 117 minutes a day against the cumulants' 89 and the
 * simulator's 54; on the sweep above, the mean |ln(engine ÷ simulator)| of one core 0.21 against 0.16).
 */
export function frozenWeight(
  erlangC: number,
  full: number,
  lambda: number,
  mu: number,
  patienceMs: number,
  late: number,
): number {
  const byLate = late <= 0.03 ? 1 : late >= 0.06 ? 0 : (0.06 - late) / 0.03;
  const byQueue = erlangC >= 0.1 ? 1 : erlangC <= 0.02 ? 0 : (erlangC - 0.02) / 0.08;
  // One core: none of it (see above).
  if (!(byLate * byQueue > 0) || full < 1.5 * mu) return 0;
  const blocks = 1 / minuteMemory(full, lambda, mu, patienceMs);
  if (blocks <= FROZEN_BLOCKS) return byLate * byQueue;
  return blocks >= FAMILY_BLOCKS ? 0 : (byLate * byQueue * (FAMILY_BLOCKS - blocks)) / (FAMILY_BLOCKS - FROZEN_BLOCKS);
}

/** computeFrozenChance for a whole number of blocks; masses kept up to `top` late requests. */
function frozenChanceOf(
  blocks: number,
  erlangC: number,
  theta: number,
  nu: number,
  full: number,
  n: number,
  t: number,
  patienceMs: number,
  top: number,
): number {
  if (blockMass.length <= top) {
    blockMass = new Float64Array(2 * top + 2);
    minuteMass = new Float64Array(2 * top + 2);
    convolved = new Float64Array(2 * top + 2);
  }
  const perBlock = n / blocks;
  blockMass.fill(0, 0, top + 1);
  // Poisson(mean) masses 0…top, weighted, into blockMass (by the ratio of successive masses).
  const addPoisson = (weight: number, mean: number) => {
    if (!(weight > 0)) return;
    if (mean > top + 12 * Math.sqrt(top) + 40) return; // nothing below top: all beyond the line
    let p = Math.exp(-mean);
    if (p === 0) {
      // Start at the mode in logs where e^(−mean) underflows.
      for (let k = 0; k <= top; k++)
        blockMass[k] = (blockMass[k] as number) + weight * Math.exp(k * Math.log(mean) - mean - jStat.gammaln(k + 1));
      return;
    }
    for (let k = 0; k <= top; k++) {
      blockMass[k] = (blockMass[k] as number) + weight * p;
      p *= mean / (k + 1);
      if (p < 1e-18 && k > mean) return; // the rest negligible (the masses fall from the mode on)
    }
  };
  const c = erlangC;
  addPoisson(1 - c, perBlock * Math.exp(-nu * t));
  if (c > 0) {
    const r = Math.max(0, 1 - theta / full);
    // g_j = P(W_j + D > t), W_j ~ Erlang(j, a), D ~ Exp(ν), a = cμ: P(W_j > t) + e^(−νt)(a/(a − ν))^j
    // P(Erlang(j, a − ν) ≤ t), both Poisson sums kept as j climbs (a = ν: P(Erlang(j + 1, a) > t)).
    const a = full;
    const b = a - nu;
    const queueMax = Number.isFinite(patienceMs) ? Math.floor((patienceMs / 1000) * full) : Number.POSITIVE_INFINITY;
    // The Poisson masses in logs: e^(−at) underflows for a long SLO on many cores (16 cores of 200 ms,
    // SLO 15 s: at = 1,200), and jStat's tails at every state instead cost 19 ms a curve point.
    const lnAt = Math.log(a * t);
    const lnBt = Math.log(b * t);
    let lnMassA = -a * t;
    let belowA = 0; // P(Poisson(at) ≤ j − 1)
    let lnMassB = -b * t;
    let belowB = 0; // P(Poisson(bt) ≤ j − 1)
    let weight = c * (1 - r);
    let left = c;
    let last = 0;
    for (let j = 1; left > 1e-15 * c && weight > 0; j++) {
      belowA += Math.exp(lnMassA);
      lnMassA += lnAt - Math.log(j);
      belowB += Math.exp(lnMassB);
      lnMassB += lnBt - Math.log(j);
      let g = belowA + Math.exp(lnMassA); // a ≤ ν: taken as P(Erlang(j + 1, a) > t)
      if (b > 1e-9 * a) {
        // (1 − belowB by jStat's incomplete gamma once it is small: the difference loses its digits,
        // and (a/b)^j made the rounding a late share far outside [0, 1].)
        const aboveB = belowB < 0.5 ? 1 - belowB : poissonAtLeast(j, b * t);
        g = belowA + Math.exp(-nu * t + j * Math.log(a / b) + Math.log(aboveB));
      }
      if (g < last) g = last; // g_j climbs with j
      if (g > 1 || j > queueMax) g = 1;
      last = g;
      addPoisson(weight, perBlock * g);
      left -= weight;
      weight *= r;
      if (perBlock * g > top + 12 * Math.sqrt(top) + 40 || g >= 1) break;
    }
    // The rest of the states: a block all late (beyond the line).
  }
  // The minute: blocks-fold convolution of the block's masses, up to top.
  minuteMass.set(blockMass.subarray(0, top + 1));
  for (let i = 1; i < blocks; i++) {
    for (let k = 0; k <= top; k++) {
      let sum = 0;
      for (let q = 0; q <= k; q++) sum += (minuteMass[q] as number) * (blockMass[k - q] as number);
      convolved[k] = sum;
    }
    minuteMass.set(convolved.subarray(0, top + 1));
  }
  // On time: Poisson of mean n(1 − late share); the minute misses when L ≥ l*(w) = ⌊0.05(L + w)⌋ + 1.
  let meanLate = 0;
  let lateMass = 0;
  for (let k = 0; k <= top; k++) {
    meanLate += k * (minuteMass[k] as number);
    lateMass += minuteMass[k] as number;
  }
  // (Beyond top: taken at top for the mean; it only moves the on-time mean by a few late requests.)
  meanLate += (1 - lateMass) * top;
  const muW = Math.max(0, n - meanLate);
  const sdW = Math.sqrt(muW);
  const wLow = Math.max(0, Math.floor(muW - COUNT_SDS * sdW - 10));
  const wHigh = Math.ceil(muW + COUNT_SDS * sdW + 10);
  let l = Math.max(1, Math.floor((0.05 * wLow) / 0.95));
  while (l < Math.floor(0.05 * (l + wLow)) + 1) l++;
  if (l > top) return 1 - lateMass; // (not reached: top is beyond the line at wHigh ≥ w1 … kept safe)
  let atLeast = 1;
  for (let k = 0; k < l; k++) atLeast -= minuteMass[k] as number;
  let massW = muW > 0 ? Math.exp(wLow * Math.log(muW) - muW - jStat.gammaln(wLow + 1)) : wLow === 0 ? 1 : 0;
  let sum = 0;
  for (let w = wLow; w <= wHigh; w++) {
    while (l < Math.floor(0.05 * (l + w)) + 1) {
      atLeast -= l <= top ? (minuteMass[l] as number) : 0;
      l++;
    }
    sum += massW * (atLeast > 0 ? atLeast : 0);
    massW *= muW / (w + 1);
  }
  return sum < 1 ? (sum > 0 ? sum : 0) : 1;
}

/** The minute's late count beyond its variance: K3 ÷ K2 at the p95 (NaN: not known, negative binomial). */
export interface MinuteShape {
  skew: number;
}
const unusedShape: MinuteShape = { skew: Number.NaN };

/** The spread of a minute of N independent requests (no queue: functions): binomial, SD F ÷ 5 %. */
export function computeIndependentSpread(perMinute: number): number {
  return perMinute > 0 ? Math.sqrt(0.95 / (0.05 * perMinute)) : 0;
}

/** A mean late count a minute below which no minute is over (computeViolationChance). */
const MEAN_NEGLIGIBLE = 1e-15;

/** Below this many requests a minute, a minute's p95 is its latest request or two: counted request by request. */
export const FEW_PER_MINUTE = 20;

/**
 * Probability that a minute's p95 exceeds `limitMs`, i.e. that more than 5 % of its `perMinute`
 * requests are later than it. The share late at the limit is `lateShare` when the caller knows it,
 * else it falls beyond the stationary p95 as an exponential tail (hazard ln 20 / p95; with fewer than
 * FEW_PER_MINUTE requests a minute, the service's rate `nu` per ms). The late count is negative
 * binomial — Poisson when requests are independent, a Poisson–Gamma mixture when the queue makes them
 * late together — with mean N·L and dispersion D = spread² · 0.05N/0.95 (its variance over its mean:
 * `spread` is the late share's coefficient of variation at p95, and the same overdispersion holds at
 * the limit). Discrete, because a minute of 40 requests needs three late ones: a continuous law
 * overstates, many times over, the rare minutes where a few requests have one late too many.
 */
export function computeViolationChance(
  p95Ms: number,
  spread: number,
  perMinute: number,
  nu: number,
  limitMs: number,
  lateShare = Number.NaN,
  skew = Number.NaN,
): number {
  if (!(limitMs > 0)) return 1;
  const tail = perMinute < FEW_PER_MINUTE ? nu * (p95Ms - limitMs) : LN20 * (1 - limitMs / p95Ms);
  const late = lateShare >= 0 ? lateShare : Math.min(1, 0.05 * Math.exp(tail));
  if (!(late > 0) || !(perMinute > 0)) return 0;
  // Every request late: a minute is over when it holds one, as randomCountAtLeast counts it below 1
  // (its count Poisson). Taken as 1, a function called a handful of times a day, its cold starts
  // longer than the SLO, read all 1,440 minutes of the day over once a link's 1 ms was added.
  if (late >= 1) return -Math.expm1(-perMinute);
  const mean = perMinute * late;
  // At least one request late has a chance of at most the mean late count (Markov). Below 10⁻¹⁵ it is
  // none: the laws below, fed a mean near the smallest double (an SLO some 700 services past the p95
  // of a minute of a few requests), read a minute over where none is.
  if (mean < MEAN_NEGLIGIBLE) return 0;
  const over = Math.floor(0.05 * perMinute) + 1; // late requests that make the minute's p95 late
  // A count of at most N with mean N·L has a variance of at most N·L·N(1 − L) (Bhatia–Davis: all or
  // none), so D ≤ N(1 − L). The spread, taken at the p95, can ask for more near saturation where the
  // SLO is far below the p95: 8 cores of 200 ms at ρ 0.98, 2 s timeout, SLO 600 ms (p95 1,960 ms, 80 %
  // late), spread 6.8 gave D = 5,760 against a bound of 470, and 31 % of the minutes read under the
  // SLO; the per-request simulator finds none.
  const dispersion = Math.min((spread * spread * 0.05 * perMinute) / 0.95, perMinute * (1 - late));
  if (!(dispersion > 1 + 1e-9)) {
    if (perMinute <= RANDOM_COUNT_UP_TO) return randomCountAtLeast(perMinute, late);
    return over === 1 ? -Math.expm1(-mean) : poissonAtLeast(over, mean);
  }
  // A floor of late requests (most minutes meet no queue): Poisson(a) + NB(m, s) with the same
  // mean, variance and K3 ÷ K2 (`skew`, kept from the p95 as the dispersion is): K2 − K1 = ms and
  // K3 − K1 = ms(3 + 2s). Its count random too: with it fixed, a minute of 24 requests needed two
  // late where most minutes of under 20 need one, and 4 cores of 5 s at ρ 0.5 read 30 violation
  // minutes of 1,440 against the simulator's 57, fewer than 5 cores' 58.
  const k2 = dispersion * mean;
  const s3 = ((skew * k2 - mean) / (k2 - mean) - 3) / 2;
  if (s3 > 1e-9) {
    const m = (k2 - mean) / s3;
    const floor = mean - m;
    if (floor > 0) {
      if (perMinute <= RANDOM_COUNT_UP_TO && mean < FLOOR_MEAN_MAX)
        return randomCountAtLeast(perMinute, late, 0, floor, m, s3);
      return floorAtLeast(over, floor, m, s3);
    }
  }
  if (perMinute <= RANDOM_COUNT_UP_TO) return randomCountAtLeast(perMinute, late, dispersion - 1);
  return overdispersedAtLeast(over, mean, dispersion);
}

/**
 * How a minute's drops bunch (Part.clump) when they come in bursts while the load stays at a barrier
 * — a stationary queue at its timeout, functions at their concurrency limit — at utilisation ρ of it
 * (NaN at or beyond it: every minute drops alike). From the barrier, with all servers busy, the load
 * moves up at λ and down at cμ, and falling back a step it climbs there again with chance ρ = λ ÷ cμ.
 * A burst is taken as geometric, each drop followed by another with chance ρ (mean 1 ÷ (1 − ρ)), a
 * Poisson number of bursts a minute: the count's variance ÷ mean is then E[X²] ÷ E[X] =
 * (1 + ρ) ÷ (1 − ρ). (Against the simulator, queues on 1–16 cores at ρ 0.8–0.97: within 13 % on
 * the minutes that drop; functions at 30–65 % of their limit: within 6 % or a minute —
 * oracle-hard-cases.test.ts.)
 */
export function clumpOfBursts(rho: number): number {
  return rho < 1 ? (1 + rho) / (1 - rho) : Number.NaN;
}

/**
 * P(X ≥ k) for X binomial with this mean and variance ÷ mean `dispersion` (< 1): n = mean ÷ (1 −
 * dispersion) trials (rounded) of chance mean ÷ n — a count no more random than Poisson, as a
 * function's cold starts that time out: each level of concurrency starts cold at most once a
 * keep-alive (simulate-serverless.ts, `timeoutClump`).
 */
export function underdispersedAtLeast(k: number, mean: number, dispersion: number): number {
  const n = Math.max(1, Math.round(mean / (1 - dispersion)));
  if (k <= 0) return 1;
  if (k > n) return 0;
  const p = Math.min(1, mean / n);
  return p >= 1 ? 1 : jStat.ibeta(p, k, n - k + 1);
}

/** P(X ≥ k) for X negative binomial with this mean and variance ÷ mean `dispersion` (> 1). */
export function overdispersedAtLeast(k: number, mean: number, dispersion: number): number {
  const s = dispersion - 1;
  return negativeBinomialAtLeast(k, mean / s, s / (1 + s));
}

/**
 * Up to this many requests a minute, the chance is taken with the minute's count as random as it is
 * (below); above it the count's own scatter moves the 5 % line by under a request in a hundred late
 * ones, and the fixed count's tail stands.
 */
const RANDOM_COUNT_UP_TO = 2000;
/** Standard deviations of the on-time count summed on either side of its mean (beyond: under 10⁻¹¹). */
const COUNT_SDS = 7;

/**
 * P(a minute's p95 is late), `late` of its requests late, `perMinute` on average: the late and
 * on-time counts L and W are independent — Poisson laws for independent requests (Poisson thinning);
 * with the queue's overdispersion `s` > 0, L negative binomial of variance (1 + s) × its mean — and
 * the minute's p95 is late when L ≥ ⌊0.05(L + W)⌋ + 1. Summed over W, with P(L ≥ l*(w)) kept as l*
 * climbs; for a floor plus a negative binomial, its masses by convolution. (With the count taken as
 * exactly `perMinute`, the chance was a sawtooth in the rate — at
 * 60 a minute 0.27, at 58.6 0.48, at 70.3 0.37 — where the per-request simulator's is smooth: 0.37
 * at 60, and functions at a 1 rps minute read 197 violation minutes of 720 against its 265; a static
 * pool, whose queue's spread is a hair over the independent one, 333.)
 */
function randomCountAtLeast(
  perMinute: number,
  late: number,
  s = 0,
  floorA = Number.NaN,
  floorM = Number.NaN,
  floorS = Number.NaN,
): number {
  const muL = perMinute * late;
  const muW = perMinute - muL;
  // The late count: Poisson, or negative binomial with dispersion 1 + s (r = mean ÷ s, x = s ÷ (1 + s)),
  // or a floor (of mean floorA; NaN: none) plus a negative binomial of mean floorM, dispersion 1 + floorS.
  // (No closure over these, nor an object for the floor: each call made both, and their numbers boxed.)
  const floor = !Number.isNaN(floorA);
  const r = s > 0 ? muL / s : 0;
  const x = s / (1 + s);
  const sd = Math.sqrt(muW);
  const w0 = Math.max(0, Math.floor(muW - COUNT_SDS * sd - 10));
  const w1 = Math.ceil(muW + COUNT_SDS * sd + 10);
  // l*(w): the fewest late requests that make a minute with w on time late (it grows by 0 or 1 with w).
  let l = Math.max(1, Math.floor((0.05 * w0) / 0.95));
  while (l < Math.floor(0.05 * (l + w0)) + 1) l++;
  let atLeast = floor ? floorAtLeast(l, floorA, floorM, floorS) : lateAtLeast(l, muL, s, r, x);
  // Far from the line either way (most minutes): no sum. The tail only falls as the line climbs, and
  // the line at the top of the range is at most the one at its foot plus (w1 − w0) ÷ 19 + 1.
  const top = l + Math.ceil((w1 - w0) / 19) + 1;
  if (atLeast < 1e-13) return 0;
  if ((floor ? floorAtLeast(top, floorA, floorM, floorS) : lateAtLeast(top, muL, s, r, x)) > 1 - 1e-13) return 1;
  if (floor) fillFloorLaws(floorA, floorM, floorS, top);
  let massL = floor
    ? floorMass(l)
    : s > 0
      ? Math.exp(negativeBinomialLnMass(l, r, x))
      : Math.exp(l * Math.log(muL) - muL - jStat.gammaln(l + 1));
  let massW = muW > 0 ? Math.exp(w0 * Math.log(muW) - muW - jStat.gammaln(w0 + 1)) : w0 === 0 ? 1 : 0;
  let sum = 0;
  for (let w = w0; w <= w1; w++) {
    while (l < Math.floor(0.05 * (l + w)) + 1) {
      atLeast -= massL;
      l++;
      massL = floor ? floorMass(l) : massL * (s > 0 ? (x * (l - 1 + r)) / l : muL / l);
    }
    sum += massW * (atLeast > 0 ? atLeast : 0);
    massW *= muW / (w + 1);
  }
  return sum < 1 ? sum : 1;
}

/** randomCountAtLeast's late count without a floor: P(NB ≥ k) of r = mean ÷ s, x = s ÷ (1 + s), or Poisson. */
function lateAtLeast(k: number, muL: number, s: number, r: number, x: number): number {
  return s > 0 ? negativeBinomialAtLeast(k, r, x) : poissonAtLeast(k, muL);
}

/**
 * The largest mean late count taken with the floor's count random: its masses start at e^(−a) and
 * (1 − x)^r, which underflow near e^(−745). Up to 2,000 requests a minute such a minute is late past
 * any doubt (over 30 % of its requests late), and the fixed count's chance stands.
 */
const FLOOR_MEAN_MAX = 600;

/** The floor's Poisson masses and the negative binomial's, 0…top, for floorMass (grown, never shrunk). */
let floorPoisson = new Float64Array(64);
let floorNb = new Float64Array(64);
function fillFloorLaws(a: number, m: number, s: number, top: number): void {
  if (floorPoisson.length <= top) {
    floorPoisson = new Float64Array(2 * top);
    floorNb = new Float64Array(2 * top);
  }
  const r = m / s;
  const x = s / (1 + s);
  // By each law's ratio of successive masses, from e^(−a) and (1 − x)^r = e^(−r ln(1 + s)), both above
  // e^(−FLOOR_MEAN_MAX) as r ln(1 + s) ≤ m (computeViolationChance). (Logs and exponentials for every
  // mass made this half the cost of the chance.)
  let p = Math.exp(-a);
  let q = Math.exp(r * Math.log1p(-x));
  for (let k = 0; k <= top; k++) {
    if (k > 0) {
      p *= a / k;
      q *= (x * (k - 1 + r)) / k;
    }
    floorPoisson[k] = p;
    floorNb[k] = q;
  }
}

/** P(Poisson + NB = l): the convolution of the masses fillFloorLaws left. */
function floorMass(l: number): number {
  let sum = 0;
  for (let k = 0; k <= l; k++) sum += (floorPoisson[k] as number) * (floorNb[l - k] as number);
  return sum;
}

/**
 * Poisson standard deviations below the floor's mean where its sum starts (under them: less than
 * 10⁻²² of its mass, against the 10⁻¹³ randomCountAtLeast reads as none).
 */
const FLOOR_SDS = 10;

/** P(Poisson(a) + NB(m, s) ≥ over): the floor's own scatter kept, not only its mean. */
export function floorAtLeast(over: number, a: number, m: number, s: number): number {
  const r = m / s;
  const x = s / (1 + s);
  // Poisson(a) summed term by term from its mass's foot (kLo; 0 unless a > 100) until its remaining
  // mass is negligible, against the NB's tails at over − k, over − k − 1, …: one incomplete beta at
  // the top, then each tail below adds the point mass between, P(NB = j − 1) = P(NB = j)·j / ((j − 1 +
  // r)x): by that ratio, or in logs where the first mass underflows. (Measured: a tail by jStat.ibeta
  // per term was 4 % of a whole plan, bench/RESULTS.md, 2026-12-03; a log and an exponential per term,
  // a third of this function, 2026-12-04.) Above a mean of 30 this was five Gauss–Hermite nodes of the
  // Poisson law, right only where the NB is wide against √a: with a narrow NB (a queue's minute of
  // spread 0.125 and skew 1.36, 1,224 requests a minute) the chance was a sawtooth in the SLO,
  // 3·10⁻⁶ at 85 ms and 0.13 at 87 ms, and a link's budget bisected to 252 ms where 249 ms missed.
  const kLo = Math.max(0, Math.floor(a - FLOOR_SDS * Math.sqrt(a)));
  if (kLo >= over) return 1;
  if (FLOOR_SDS * Math.sqrt(a) > FLOOR_TERMS_MAX) return wideFloorAtLeast(over, a, m, s);
  let nbTail = negativeBinomialAtLeast(over - kLo, r, x);
  const lnX = Math.log(x);
  let lnMass = over - kLo > 1 ? negativeBinomialLnMass(over - kLo - 1, r, x) : 0;
  const inLogs = lnMass < -700;
  let mass = inLogs ? 0 : Math.exp(lnMass);
  let p = kLo === 0 ? Math.exp(-a) : Math.exp(kLo * Math.log(a) - a - jStat.gammaln(kLo + 1));
  let below = 0;
  let sum = 0;
  for (let k = kLo; k < over && below < 1 - 1e-12; k++) {
    sum += p * nbTail; // nbTail = P(NB ≥ over − k)
    below += p;
    p *= a / (k + 1);
    // Past the mode the masses only fall, and once one underflows to 0 every later term adds
    // nothing. Without this the sum ran on to `over` whenever `below`'s rounding held it a hair
    // under 1 − 10⁻¹² (jStat.gammaln's error in the first mass: 1 − 1.7·10⁻¹⁰ for a of 800): at
    // 10⁷ requests a second, 6.5·10⁶ zero terms a call and 1.5·10⁹ in a plan (2026-12-06).
    if (p === 0) break;
    const j = over - k - 1; // the next tail, P(NB ≥ j) = P(NB ≥ j + 1) + P(NB = j)
    if (j < 1) break;
    if (inLogs) {
      nbTail += Math.exp(lnMass);
      lnMass += Math.log(j) - Math.log(j - 1 + r) - lnX;
    } else {
      nbTail += mass;
      mass *= j / ((j - 1 + r) * x);
    }
    if (nbTail > 1) nbTail = 1;
  }
  return sum + (1 - below);
}

/**
 * The most terms floorAtLeast sums over the floor's Poisson law (about 17√a of them): past it, a floor
 * of over 10⁶ late requests a minute, its cost grew with the load without bound — a component at 10⁷
 * requests a second took ~50,000 terms a minute of every run, and its plan did not end in minutes
 * (reviewer's report, 2026-12-06). Such a floor goes to wideFloorAtLeast.
 */
const FLOOR_TERMS_MAX = 2_000;

/**
 * floorAtLeast for a floor too wide to sum (a > 10⁶): the same P(Poisson(a) + NB ≥ over), summed
 * the other way round — over the NB's masses (by their ratio, in logs), each against the Poisson's
 * tail at over − j (one incomplete gamma, then each tail below adds the mass between, in logs) —
 * while the NB is narrow enough (at most FLOOR_TERMS_MAX terms). Where both laws are that wide (at
 * least 10³ standard deviations each) the sum is near normal, and its tail is the first Edgeworth term:
 * Φ̄(z) + φ(z)·γ(z² − 1)/6 at the continuity-corrected z, γ the sum's skewness; against the exact
 * convolution off by under 10⁻⁶ (minute-spread.test.ts).
 */
function wideFloorAtLeast(over: number, a: number, m: number, s: number): number {
  const r = m / s;
  const x = s / (1 + s);
  const nbVar = m * (1 + s);
  const jLo = Math.max(0, Math.floor(m - FLOOR_SDS * Math.sqrt(nbVar)));
  if (jLo >= over) return 1;
  const lnA = Math.log(a);
  // n = over − j falls as j climbs: Q(n) = P(Poisson ≥ n), and ln P(Poisson = n − 1) for the step down.
  let n = over - jLo;
  let tail = poissonAtLeast(n, a);
  let lnPoisson = (n - 1) * lnA - a - jStat.gammaln(n);
  let lnNb = negativeBinomialLnMass(jLo, r, x);
  let below = 0;
  let sum = 0;
  for (let j = jLo, terms = 0; below < 1 - 1e-12; j++, terms++) {
    if (terms > FLOOR_TERMS_MAX)
      return edgeworthAtLeast(over, a + m, a + nbVar, a + nbVar * (1 + 2 * s), a + nbVar * (1 + 6 * s * (1 + s)));
    const mass = Math.exp(lnNb);
    if (n <= 0) return sum + (1 - below); // every larger j makes the minute late
    sum += mass * tail;
    below += mass;
    lnNb += Math.log(x * (j + r)) - Math.log(j + 1);
    // Q(n − 1) = Q(n) + P(Poisson = n − 1)
    tail += Math.exp(lnPoisson);
    if (tail > 1) tail = 1;
    n--;
    if (n > 0) lnPoisson += Math.log(n) - lnA;
  }
  return sum + (1 - below);
}

/**
 * P(X ≥ over) for an integer X of mean μ, variance σ², third and fourth cumulants κ₃ and κ₄ (a
 * Poisson law's are all its mean; a negative binomial's of mean m and dispersion 1 + s: m(1 + s),
 * m(1 + s)(1 + 2s), m(1 + s)(1 + 6s + 6s²)), by the Edgeworth series to its second order at the
 * continuity-corrected point z: Φ̄(z) + φ(z)[γ₁He₂(z)/6 + γ₂He₃(z)/24 + γ₁²He₅(z)/72], γ₁ = κ₃/σ³,
 * γ₂ = κ₄/σ⁴. For a Poisson law of mean 10⁴ within 10⁻⁶ of the exact tail, 10⁵ within 10⁻⁷.
 */
function edgeworthAtLeast(over: number, mean: number, variance: number, k3: number, k4: number): number {
  const sd = Math.sqrt(variance);
  const z = (over - 0.5 - mean) / sd;
  const g1 = k3 / (variance * sd);
  const g2 = k4 / (variance * variance);
  const z2 = z * z;
  const he2 = z2 - 1;
  const he3 = z * (z2 - 3);
  const he5 = z * (z2 * z2 - 10 * z2 + 15);
  const density = Math.exp(-0.5 * z2) / Math.sqrt(2 * Math.PI);
  const p = 0.5 * jStat.erfc(z / Math.SQRT2) + density * ((g1 * he2) / 6 + (g2 * he3) / 24 + (g1 * g1 * he5) / 72);
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/** ln P(NB = j): ln Γ(j + r) − ln Γ(j + 1) − ln Γ(r) + j ln x + r ln(1 − x). */
function negativeBinomialLnMass(j: number, r: number, x: number): number {
  return jStat.gammaln(j + r) - jStat.gammaln(j + 1) - jStat.gammaln(r) + j * Math.log(x) + r * Math.log1p(-x);
}

/**
 * The p95 of a minute of two kinds of requests: a share 1 − `mate` of messages that waited `delayMs`
 * in a backlog and are then served in an exponential time of mean `serviceMs`, and a share `mate` of
 * sync requests whose p95 is `mateP95Ms` (0: none late), their tail beyond it exponential as in
 * computeViolationChance. It is the x at which the share of the minute later than x is 5 %: a minute
 * misses its SLO on all its requests together, so when more than 5 % of them are messages stuck
 * behind a backlog, the minute misses whatever its sync requests do.
 */
export function computeMinuteP95(delayMs: number, serviceMs: number, mate: number, mateP95Ms: number): number {
  const lateAt = (x: number) =>
    (1 - mate) * (x <= delayMs ? 1 : Math.exp(-(x - delayMs) / serviceMs)) +
    (mateP95Ms > 0 ? mate * Math.min(1, 0.05 * Math.exp(LN20 * (1 - x / mateP95Ms))) : 0);
  let low = 0;
  let high = delayMs + 40 * serviceMs + 4 * mateP95Ms;
  // The late share falls as x grows: halve the bracket to a millionth of it.
  for (let i = 0; i < 40; i++) {
    const mid = 0.5 * (low + high);
    if (lateAt(mid) > 0.05) low = mid;
    else high = mid;
  }
  return 0.5 * (low + high);
}
