/**
 * Response time of one pool of cores as a function of its utilisation ρ, tabulated. In M/M/c with c
 * cores of rate μ, mean = d + C/(cμ(1 − ρ)) and p95 = d + ln(20C)/(cμ(1 − ρ)) (when C > 5 %), where
 * C = Erlang C(c, cρ) and d the request's duration. The ρ-dependent parts, C/(1 − ρ) and
 * ln(20C)/(1 − ρ), depend on c alone: they are tabulated once per core count (lazily, point by point,
 * shared by every component) and read by linear interpolation, so the step loop needs no Erlang C,
 * division or logarithm. Tables are deterministic: results never depend on what ran before.
 */
import { computeErlangC } from './erlang';

const POINTS = 1024;
/** Highest utilisation asked about (serve-step bounds ρ at MODEL_ASSUMPTIONS.maxUtilization ≤ 0.99). */
const RHO_MAX = 0.99;
const SCALE = POINTS / RHO_MAX;
/** Tables for small c by index; a bounded map for the rare large ones. */
const DIRECT = 4096;
const MAX_LARGE = 1024;
const direct: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(DIRECT).fill(undefined);
const large = new Map<number, Float64Array>();

/** Interleaved [C/(1−ρ), ln(20C)/(1−ρ)] per point for c cores; NaN = not yet computed. */
function findUnitTable(c: number): Float64Array {
  let t = c < DIRECT ? direct[c] : large.get(c);
  if (t === undefined) {
    t = new Float64Array(2 * (POINTS + 1)).fill(Number.NaN);
    if (c < DIRECT) direct[c] = t;
    else {
      if (large.size >= MAX_LARGE) large.delete(large.keys().next().value as number);
      large.set(c, t);
    }
  }
  return t;
}

function fillPoint(t: Float64Array, c: number, k: number): void {
  const rho = k / SCALE;
  const erlangC = rho <= 0 ? 0 : c === 1 ? rho : computeErlangC(c, rho * c);
  t[2 * k] = erlangC / (1 - rho);
  t[2 * k + 1] = erlangC > 0.05 ? Math.log(20 * erlangC) / (1 - rho) : 0;
}

export class LatencyCurve {
  readonly fullRps: number;
  /** p95 response time (ms) at the utilisation of the last `mean` call. */
  p95 = 0;
  private readonly table: Float64Array;
  /** ms per unit of the tabulated parts: 1000 / (cμ). */
  private readonly unitMs: number;

  constructor(
    readonly cores: number,
    mu: number,
    private readonly serviceMs: number,
  ) {
    this.fullRps = cores * mu;
    this.unitMs = this.fullRps > 0 ? 1000 / this.fullRps : 0;
    this.table = cores >= 1 ? findUnitTable(cores) : new Float64Array(0);
  }

  /** Mean response time (ms) at utilisation rho (0 ≤ rho < 0.99); sets `p95` for the same point. */
  mean(rho: number): number {
    const x = rho * SCALE;
    if (!(x < POINTS) || this.table.length === 0) return this.computeExact(rho);
    const k = x | 0;
    const f = x - k;
    const t = this.table;
    if (Number.isNaN(t[2 * k])) fillPoint(t, this.cores, k);
    if (Number.isNaN(t[2 * k + 2])) fillPoint(t, this.cores, k + 1);
    this.p95 = this.serviceMs + this.unitMs * ((t[2 * k + 1] as number) * (1 - f) + (t[2 * k + 3] as number) * f);
    return this.serviceMs + this.unitMs * ((t[2 * k] as number) * (1 - f) + (t[2 * k + 2] as number) * f);
  }

  /** Outside the table (ρ ≥ 0.99 or no cores): M/M/c directly. */
  private computeExact(rho: number): number {
    const r = Math.min(rho, 0.999999);
    const erlangC = r <= 0 || this.cores < 1 ? 0 : this.cores === 1 ? r : computeErlangC(this.cores, r * this.cores);
    this.p95 = this.serviceMs + (erlangC > 0.05 ? (this.unitMs * Math.log(20 * erlangC)) / (1 - r) : 0);
    return this.serviceMs + (this.unitMs * erlangC) / (1 - r);
  }
}

/** The curve for a pool: cheap to make (its tables are shared by core count). */
export function findLatencyCurve(cores: number, mu: number, serviceMs: number): LatencyCurve {
  return new LatencyCurve(cores, mu, serviceMs);
}
