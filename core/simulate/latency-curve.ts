/**
 * Response time of one pool of cores as a function of its utilisation ρ, tabulated: for a fixed core
 * count c, service rate μ and request duration, the M/M/c mean and p95 response times depend on ρ
 * alone. The step loop reads both by linear interpolation instead of computing Erlang C, a division
 * and a logarithm every step. Points are filled on first use; curves are cached per pool shape.
 */
import { computeErlangC } from './erlang';

const POINTS = 1024;
/** Highest utilisation asked about (serve-step bounds ρ at MODEL_ASSUMPTIONS.maxUtilization ≤ 0.99). */
const RHO_MAX = 0.99;
const SCALE = POINTS / RHO_MAX;

export class LatencyCurve {
  readonly fullRps: number;
  /** Interleaved [mean, p95] per point; NaN = not yet computed. */
  private readonly table = new Float64Array(2 * (POINTS + 1)).fill(Number.NaN);
  /** p95 of the last `mean` call (read right after it). */
  p95 = 0;

  constructor(
    readonly cores: number,
    private readonly mu: number,
    private readonly serviceMs: number,
  ) {
    this.fullRps = cores * mu;
  }

  /** Mean response time (ms) at utilisation rho; sets `p95` for the same point. */
  mean(rho: number): number {
    const x = rho * SCALE;
    if (!(x < POINTS) || this.cores < 2) return this.exact(rho);
    const k = x | 0;
    const f = x - k;
    const t = this.table;
    if (Number.isNaN(t[2 * k] as number)) this.fill(k);
    if (Number.isNaN(t[2 * k + 2] as number)) this.fill(k + 1);
    this.p95 = (t[2 * k + 1] as number) * (1 - f) + (t[2 * k + 3] as number) * f;
    return (t[2 * k] as number) * (1 - f) + (t[2 * k + 2] as number) * f;
  }

  private fill(k: number): void {
    const rho = k / SCALE;
    this.table[2 * k] = this.exact(rho);
    this.table[2 * k + 1] = this.p95;
  }

  /** M/M/c directly: mean = d + C/(cμ − λ), p95 = d + ln(20C)/(cμ − λ) when C > 5 %. */
  private exact(rho: number): number {
    const c = this.cores;
    const erlangC = rho <= 0 ? 0 : c === 1 ? Math.min(rho, 1) : computeErlangC(c, rho * c);
    const slack = this.fullRps * (1 - rho);
    this.p95 = erlangC > 0.05 ? this.serviceMs + (1000 * Math.log(20 * erlangC)) / slack : this.serviceMs;
    return erlangC > 0 ? this.serviceMs + (1000 * erlangC) / slack : this.serviceMs;
  }
}

const curves = new Map<string, LatencyCurve>();
const MAX_CURVES = 4096;

/** The curve for a pool shape, shared across options and components with the same shape. */
export function findLatencyCurve(cores: number, mu: number, serviceMs: number): LatencyCurve {
  const key = `${cores}|${mu}|${serviceMs}`;
  let curve = curves.get(key);
  if (!curve) {
    if (curves.size >= MAX_CURVES) curves.delete(curves.keys().next().value as string);
    curve = new LatencyCurve(cores, mu, serviceMs);
    curves.set(key, curve);
  }
  return curve;
}
