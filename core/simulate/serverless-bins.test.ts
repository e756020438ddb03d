import { describe, expect, it } from 'vitest';
import { pseudoLog2 } from './latency-bins';
import { COLD_BINS, RATE_BINS, coldBinOf, rateBinOf } from './simulate-serverless';

// The bins as FunctionSteps first wrote them, through pseudoLog2 (latency-bins.ts); the step loop's
// integer forms from the float's bits must give the same cell for every value.
const clamp = (v: number, bins: number) => (v < 0 ? 0 : v >= bins ? bins - 1 : v);
const rateByLog = (x: number) => clamp(((pseudoLog2(x) + 16) * 8) | 0, RATE_BINS);
const coldByLog = (x: number) => (x > 0 ? clamp(((2 * pseudoLog2(x) + 33) | 0) + 1, COLD_BINS) : 0);

/** Values over the bins' range and past both ends: powers of two, their neighbours, a dense sweep. */
function sweep(): number[] {
  const out = [0, -0, -1, -1e-9, Number.MIN_VALUE, 1e-300, 1e300, Number.MAX_VALUE, Infinity];
  for (let e = -40; e <= 40; e++) {
    const p = 2 ** e;
    out.push(p, p * (1 + Number.EPSILON), p * (1 - Number.EPSILON / 2), p * 1.0625, p * 1.5);
    for (let j = 1; j < 64; j++) out.push(p * (1 + j / 64), p * (1 + j / 64) * (1 - Number.EPSILON));
  }
  let s = 12345;
  for (let i = 0; i < 20_000; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out.push(2 ** ((s / 2 ** 32) * 80 - 40));
  }
  return out;
}

describe('the serverless step cells', () => {
  it('put every rate in the bin pseudoLog2 gives it', () => {
    const wrong = sweep().filter((x) => rateBinOf(x) !== rateByLog(x));
    expect(wrong).toEqual([]);
  });
  it('put every cold-start share in the bin pseudoLog2 gives it, none in bin 0', () => {
    const wrong = sweep().filter((x) => coldBinOf(x) !== coldByLog(x));
    expect(wrong).toEqual([]);
    expect(coldBinOf(0)).toBe(0);
    expect(coldBinOf(1)).toBe(COLD_BINS - 1);
  });
  it('spread rates over the bins: eight a doubling from 2⁻¹⁶ per second', () => {
    expect(rateBinOf(2 ** -16)).toBe(0);
    expect(rateBinOf(1)).toBe(128);
    expect(rateBinOf(1.125)).toBe(129);
    expect(rateBinOf(2)).toBe(136);
    expect(rateBinOf(2 ** 16 - 1)).toBe(RATE_BINS - 1);
  });
});
