/**
 * Erlang C — the probability that all c cores are busy — as a function of the utilisation ρ,
 * tabulated per core count (lazily, point by point, shared by every component and option) and read
 * by linear interpolation, so a step needs no O(c) recursion. Tables are deterministic: a result
 * never depends on what ran before.
 */
import { computeErlangC } from './erlang';

const POINTS = 1024;
/** Tables for small c by index; a bounded map for the rare large ones. */
const DIRECT = 4096;
const MAX_LARGE = 1024;
const direct: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(DIRECT).fill(undefined);
const large = new Map<number, Float64Array>();

/** C at ρ = k / POINTS for c cores; NaN = not yet computed. */
function findTable(c: number): Float64Array {
  let t = c < DIRECT ? direct[c] : large.get(c);
  if (t === undefined) {
    t = new Float64Array(POINTS + 1).fill(Number.NaN);
    t[0] = 0;
    t[POINTS] = 1;
    if (c < DIRECT) direct[c] = t;
    else {
      if (large.size >= MAX_LARGE) large.delete(large.keys().next().value as number);
      large.set(c, t);
    }
  }
  return t;
}

export class ErlangTable {
  private readonly table: Float64Array;

  constructor(readonly cores: number) {
    this.table = cores > 1 ? findTable(cores) : new Float64Array(0);
  }

  /** Probability that an arrival finds every core busy, at utilisation rho (≥ 1: certainly). */
  erlangC(rho: number): number {
    if (!(rho > 0)) return 0;
    if (rho >= 1) return 1;
    if (this.cores <= 1) return this.cores === 1 ? rho : 1;
    const x = rho * POINTS;
    const k = x | 0;
    const t = this.table;
    // Both points read from the table, filled out of line when missing: a value returned by a call
    // merged with one read here made the compiled step box every reading (bench:engine, 2026-12-03).
    if (Number.isNaN((t[k] as number) + (t[k + 1] as number))) this.fill(k);
    const a = t[k] as number;
    const b = t[k + 1] as number;
    const f = x - k;
    return a + (b - a) * f;
  }

  /** Computes the points k and k + 1 that are not yet in the table. */
  private fill(k: number): void {
    const t = this.table;
    for (let j = k; j <= k + 1; j++) {
      if (Number.isNaN(t[j])) t[j] = computeErlangC(this.cores, (j / POINTS) * this.cores);
    }
  }
}

const instances: (ErlangTable | undefined)[] = new Array<ErlangTable | undefined>(DIRECT).fill(undefined);

/** The table for c cores (one object per core count below 4,096; larger ones made afresh). */
export function findErlangTable(cores: number): ErlangTable {
  if (cores < DIRECT && cores >= 0 && Number.isInteger(cores)) return (instances[cores] ??= new ErlangTable(cores));
  return new ErlangTable(cores);
}
