/** The functions of jStat (npm `jstat`, untyped) the engine uses: minute-spread.ts, cold-starts.ts, autoscaler.ts. */
declare module 'jstat' {
  export const jStat: {
    /** ln Γ(x). */
    gammaln(x: number): number;
    /** P(a, x): the regularised lower incomplete gamma function. */
    lowRegGamma(a: number, x: number): number;
    /** The complementary error function. */
    erfc(x: number): number;
    /** I_x(a, b): the regularised incomplete beta function (x in [0, 1]). */
    ibeta(x: number, a: number, b: number): number;
    normal: {
      /** The normal distribution's quantile at probability p. */
      inv(p: number, mean: number, sd: number): number;
    };
  };
}
