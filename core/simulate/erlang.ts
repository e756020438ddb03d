/**
 * M/M/c queueing (Erlang C) in a numerically stable form. The textbook formula needs aᶜ/c!, which
 * overflows long before c reaches the core counts of a large service; the Erlang B recursion
 * B(k) = a·B(k−1) / (k + a·B(k−1)) stays within [0, 1], and C follows from B in one step:
 * C = B / (1 − ρ(1 − B)). The loop stops early once B is negligible and still falling (k > a),
 * since C ≤ B / (1 − ρ) then rounds to nothing.
 */

const NEGLIGIBLE = 1e-15;

/** Probability that an arriving request waits, for c servers and offered load a = λ/μ (erlangs). */
export function computeErlangC(c: number, a: number): number {
  if (a <= 0) return 0;
  if (a >= c) return 1;
  let b = 1;
  for (let k = 1; k <= c; k++) {
    const ab = a * b;
    b = ab / (k + ab);
    if (b < NEGLIGIBLE && k > a) return 0;
  }
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}

/** Mean wait in the queue, seconds: C / (cμ − λ). Infinite when the queue is unstable. */
export function computeMeanWait(lambda: number, mu: number, c: number): number {
  const slack = c * mu - lambda;
  if (slack <= 0) return Number.POSITIVE_INFINITY;
  return computeErlangC(c, lambda / mu) / slack;
}

/** The q-quantile of the wait, seconds: P(W > t) = C·e^(−(cμ−λ)t) solved for t (0 when C ≤ 1 − q). */
export function computeWaitQuantile(erlangC: number, slack: number, q: number): number {
  const tail = 1 - q;
  if (erlangC <= tail) return 0;
  return Math.log(erlangC / tail) / slack;
}
