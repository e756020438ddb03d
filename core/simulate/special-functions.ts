/**
 * jStat's log-gamma, regularised lower incomplete gamma and regularised incomplete beta (jStat 1.9.6,
 * MIT licence; Numerical Recipes' Lanczos series, series and continued fractions), copied with the
 * same arithmetic in the same order, so they give the same bits (special-functions.test.ts holds
 * them to jStat's). Why copies: jStat's log-gamma builds its six coefficients as a new array on
 * every call, and reached through the jStat object from the minute-spread functions, which the
 * engine calls hundreds of thousands of times a plan, every call returned its number boxed; the
 * two were a large part of a plan's garbage (sampling heap profile of bench:engine's design,
 * 2026-12-05). Not stdlib's: minute-spread.ts says why.
 */

const LANCZOS = [
  76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2,
  -0.5395239384953e-5,
] as const;

/** ln Γ(x), x > 0 (jStat.gammaln). */
export function gammaln(x: number): number {
  let ser = 1.000000000190015;
  let y = x;
  let tmp = x + 5.5;
  tmp -= (x + 0.5) * Math.log(tmp);
  for (let j = 0; j < 6; j++) ser += (LANCZOS[j] as number) / ++y;
  return Math.log((2.5066282746310005 * ser) / x) - tmp;
}

/** P(a, x), the regularised lower incomplete gamma (jStat.lowRegGamma); NaN for x < 0 or a ≤ 0. */
export function lowRegGamma(a: number, x: number): number {
  const aln = gammaln(a);
  let ap = a;
  let sum = 1 / a;
  let del = sum;
  let b = x + 1 - a;
  let c = 1 / 1.0e-30;
  let d = 1 / b;
  let h = d;
  // The most iterations a needs (jStat: -~(…), the integer part plus one).
  const itmax = -~(Math.log(a >= 1 ? a : 1 / a) * 8.5 + a * 0.4 + 17);
  if (x < 0 || a <= 0) return Number.NaN;
  if (x < a + 1) {
    for (let i = 1; i <= itmax; i++) sum += del *= x / ++ap;
    return sum * Math.exp(-x + a * Math.log(x) - aln);
  }
  for (let i = 1; i <= itmax; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    c = b + an / c;
    d = 1 / d;
    h *= d * c;
  }
  return 1 - h * Math.exp(-x + a * Math.log(x) - aln);
}

/** I_x(a, b), the regularised incomplete beta (jStat.ibeta; its `false` outside [0, 1] read as 0). */
export function ibeta(x: number, a: number, b: number): number {
  // Factors in front of the continued fraction.
  const bt =
    x === 0 || x === 1 ? 0 : Math.exp(gammaln(a + b) - gammaln(a) - gammaln(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < 0 || x > 1) return 0;
  if (x < (a + 1) / (a + b + 2)) return (bt * betacf(x, a, b)) / a;
  // Else the continued fraction after the symmetry transformation.
  return 1 - (bt * betacf(1 - x, b, a)) / b;
}

/** The continued fraction of the incomplete beta (jStat.betacf, modified Lentz). */
function betacf(x: number, a: number, b: number): number {
  const fpmin = 1e-30;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < fpmin) d = fpmin;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    // One step (the even one) of the recurrence.
    d = 1 + aa * d;
    if (Math.abs(d) < fpmin) d = fpmin;
    c = 1 + aa / c;
    if (Math.abs(c) < fpmin) c = fpmin;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    // The next (the odd one).
    d = 1 + aa * d;
    if (Math.abs(d) < fpmin) d = fpmin;
    c = 1 + aa / c;
    if (Math.abs(c) < fpmin) c = fpmin;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1.0) < 3e-7) break;
  }
  return h;
}
