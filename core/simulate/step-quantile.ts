/**
 * The 95th percentile of one stationary M/M/c step in O(1), for the SLO test every step makes. In
 * units of the service time it depends on two numbers only: C (all cores busy) and x = θ/ν (how
 * fast the queue moves against one request's service), so one table serves every pool and
 * component: ν·p95 = F(C, x) with (1 − C)e^(−s) + C·H(s; x, 1) = 0.05 at s = F. It is filled lazily
 * cell by cell from the closed form (response-time.ts) and read bilinearly in C and in log x; where
 * the surface is steep (C near 5 % with a very slow queue) or outside the table, the closed form is
 * solved directly instead. Deterministic: a result never depends on what was asked before.
 */
import { pseudoLog2, pseudoExp2 } from './latency-bins';
import { ResponseDist } from './response-dist';

// Bound once: under a CommonJS transform (tsx, the CLI) an imported name is a getter per call.
const log2 = pseudoLog2;

const Q = 0.95;
const C_STEPS = 128;
const X_LO = -8;
const X_HI = 12;
const PER_DOUBLING = 8;
const X_STEPS = (X_HI - X_LO) * PER_DOUBLING;
const ROW = X_STEPS + 1;
const table = new Float64Array((C_STEPS + 1) * ROW).fill(Number.NaN);
const scratch = new ResponseDist();
/** Exponential service alone: p95 = ln 20 / ν. */
export const SERVICE_P95_UNITS = Math.log(20);

/** The exact q-quantile (ms) of a stationary step: no wait with 1 − C, Exp(theta) wait with C. */
export function solveStepQuantile(erlangC: number, theta: number, nu: number, q = Q): number {
  return scratch
    .reset(nu)
    .add(1 - erlangC, 0, 0)
    .add(erlangC, 0, theta)
    .quantile(q);
}

/** Fills the four cells around (i, j) that are still empty. Integers in, nothing out: cheap to call. */
function fillCells(i: number, j: number): void {
  for (let di = 0; di < 2; di++) {
    for (let dj = 0; dj < 2; dj++) {
      const k = (i + di) * ROW + j + dj;
      if (Number.isNaN(table[k])) {
        table[k] = solveStepQuantile((i + di) / C_STEPS, pseudoExp2(X_LO + (j + dj) / PER_DOUBLING), 1);
      }
    }
  }
}

/** p95 response time (ms) of a step whose requests wait with probability `erlangC`, at rate `theta`. */
export function computeStepP95(erlangC: number, theta: number, nu: number): number {
  if (!(erlangC > 0)) return SERVICE_P95_UNITS / nu;
  const y = log2(theta / nu);
  if (!(y >= X_LO)) return solveStepQuantile(erlangC, theta, nu);
  const yj = ((y < X_HI ? y : X_HI) - X_LO) * PER_DOUBLING;
  let j = yj | 0;
  if (j >= X_STEPS) j = X_STEPS - 1;
  const fy = yj - j;
  const ci = (erlangC < 1 ? erlangC : 1) * C_STEPS;
  let i = ci | 0;
  if (i >= C_STEPS) i = C_STEPS - 1;
  const fc = ci - i;
  const k = i * ROW + j;
  let a = table[k] as number;
  if (Number.isNaN(a + (table[k + 1] as number) + (table[k + ROW] as number) + (table[k + ROW + 1] as number))) {
    fillCells(i, j);
    a = table[k] as number;
  }
  const b = table[k + 1] as number;
  const c = table[k + ROW] as number;
  const d = table[k + ROW + 1] as number;
  // Where the corners differ by more than 15 % the surface is too steep to interpolate: solve.
  const lo = a < b ? (a < c ? (a < d ? a : d) : c < d ? c : d) : b < c ? (b < d ? b : d) : c < d ? c : d;
  const hi = a > b ? (a > c ? (a > d ? a : d) : c > d ? c : d) : b > c ? (b > d ? b : d) : c > d ? c : d;
  if (hi > 1.15 * lo) return solveStepQuantile(erlangC, theta, nu);
  return ((a * (1 - fy) + b * fy) * (1 - fc) + (c * (1 - fy) + d * fy) * fc) / nu;
}
