/**
 * Log-spaced latency bins without a logarithm: a float's exponent and the top 6 bits of its mantissa
 * already place it on a log scale (64 bins per doubling, each at most 1.1 % wide). The step loop
 * bins one latency per component-step, so this replaces Math.log in the hottest line of the
 * statistics. Covers 2⁻⁷ ms to 2²⁵ ms (≈ 9 hours); anything outside is clamped to the end bins.
 * Typed-array views read the bits; every JS engine in use is little-endian.
 */

export const BINS = 32 * 64;
const FIRST = (1023 - 7) << 6;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Bin of a latency in ms. */
export function findBin(ms: number): number {
  if (!(ms > 0)) return 0;
  f64[0] = ms;
  const bin = ((u32[1] as number) >>> 14) - FIRST;
  return bin < 0 ? 0 : bin >= BINS ? BINS - 1 : bin;
}

/** Lower edge of a bin, ms. */
export function binStart(bin: number): number {
  u32[0] = 0;
  u32[1] = (bin + FIRST) << 14;
  return f64[0] as number;
}

/** Upper edge of a bin, ms: a quantile read from it is never optimistic. */
export function binEnd(bin: number): number {
  return binStart(bin + 1);
}

/**
 * log₂ x read from the float's bits, linear between powers of two (exact at them, at most 0.086
 * below the true logarithm between them): monotone and continuous, so a table laid out on it and
 * read through it interpolates as well as one laid out on the logarithm, for a shift and a mask.
 */
export function pseudoLog2(x: number): number {
  f64[0] = x;
  const hi = u32[1] as number;
  return (hi >>> 20) - 1023 + (hi & 0xfffff) / 1048576;
}

/** The inverse of pseudoLog2. */
export function pseudoExp2(y: number): number {
  const e = Math.floor(y);
  return 2 ** e * (1 + (y - e));
}
