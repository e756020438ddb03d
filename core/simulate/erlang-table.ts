/**
 * Erlang C by table: the step loop asks for C(c, a) tens of millions of times, but a component keeps
 * the same core count c for long stretches. For each c met, C is tabulated once over utilisation
 * ρ = a/c in [0, RHO_MAX] and read back by linear interpolation — O(1) per step instead of O(c).
 * Tables are deterministic, so results do not depend on what was cached before. The interpolation
 * error is tested against the exact recursion.
 */
import { computeErlangC } from './erlang';

const POINTS = 1024;
/** Highest utilisation the step model asks about (serve-step bounds ρ at 0.98). */
const RHO_MAX = 0.99;
/** Large-c tables kept; beyond this the oldest is dropped (memory stays bounded for any design). */
const MAX_TABLES = 1024;

/** Tables by core count for small c (an array lookup), a bounded map for the rare large ones. */
const DIRECT = 4096;
const direct: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(DIRECT).fill(undefined);
const tables = new Map<number, Float64Array>();

/** Points are computed on first use (−1 = not yet): a component visits only a band of utilisations. */
function buildTable(): Float64Array {
  return new Float64Array(POINTS + 1).fill(-1);
}

function fillPoint(t: Float64Array, c: number, k: number): number {
  const v = computeErlangC(c, (k / POINTS) * RHO_MAX * c);
  t[k] = v;
  return v;
}

/** C(c, a), interpolated from the table for c (exact recursion for c < 2, where it costs one step). */
export function lookupErlangC(c: number, a: number): number {
  return lookupErlangCAtRho(c, a / c);
}

const SCALE = POINTS / RHO_MAX;

/** C at utilisation ρ = a/c: the form the step loop has at hand. */
export function lookupErlangCAtRho(c: number, rho: number): number {
  if (rho <= 0) return 0;
  if (rho >= 1) return 1;
  if (c < 2) return c === 1 ? rho : computeErlangC(c, rho * c);
  let t = c < DIRECT ? direct[c] : tables.get(c);
  if (t === undefined) {
    t = buildTable();
    if (c < DIRECT) direct[c] = t;
    else {
      if (tables.size >= MAX_TABLES) tables.delete(tables.keys().next().value as number);
      tables.set(c, t);
    }
  }
  const x = rho * SCALE;
  if (x >= POINTS) return computeErlangC(c, rho * c);
  const k = x | 0;
  const f = x - k;
  let lo = t[k] as number;
  if (lo < 0) lo = fillPoint(t, c, k);
  let hi = t[k + 1] as number;
  if (hi < 0) hi = fillPoint(t, c, k + 1);
  return lo * (1 - f) + hi * f;
}
