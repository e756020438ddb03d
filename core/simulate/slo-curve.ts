/**
 * What the SLO test needs of a stationary pool, as a function of its utilisation ρ and of the share
 * of its work that is sync, tabulated per pool (one component on one core count) and read by
 * interpolation, so a step computes no percentile, spread or chance: the step's p95 (as
 * p95 × (1 − ρ), which stays smooth up to saturation), how much a minute's p95 wanders
 * (minute-spread.ts) and the chance that a minute exceeds the SLO. Points are computed on first use
 * from the closed forms; results do not depend on the order of the steps.
 */
import { computeErlangC } from './erlang';
import {
  computeFrozenChance,
  computeMixedMinuteSpread,
  computeViolationChance,
  frozenWeight,
  type MinuteShape,
} from './minute-spread';
import { ResponseDist } from './response-dist';
import { computeShares, createShares, hypoSurvival, lateShareOf } from './response-time';

const POINTS = 512;
const SHARES = 8;
/**
 * The chance also has a grid of its own, in √(requests a minute), this many points per unit, used
 * where it is finer than the utilisation grid: a minute of n requests misses when ⌊0.05n⌋ + 1 are
 * late, so at a few dozen a minute the chance falls many times over within 20 requests, a step of
 * the utilisation grid on a pool of ~180 requests a second (measured: a static pool of 142 cores at
 * ~30 a minute read 37.6 violation minutes, interpolated across that step, where the per-request
 * simulator counts 8.0). Its step, 2√n ÷ 8 requests, is a quarter of the count's own scatter (√n),
 * over which the chance is smooth: read between points, it is within 2.6 % of the chance computed at
 * the rate itself from 1 to 400 a minute on that pool (4 points per unit: 8 %).
 */
const FINE_PER_UNIT = 8;
/** At most this many points of the fine grid per row (beyond √n = 512, the utilisation grid). */
const FINE_MAX = 4096;
/** Per point: p95 × (1 − ρ), spread, chance, skew, and the log of the share late at the SLO. */
const WIDTH = 5;
const ROW = WIDTH * (POINTS + 1);
/** Curves kept between runs (an editor re-plans on every edit): a bounded, first-in-first-out map. */
const MAX_CURVES = 2048;
const curves = new Map<string, SloCurve>();

/** The curve of `cores` cores of this pool against this SLO, shared by every run that asks. */
export function findSloCurve(cores: number, spec: SloCurveSpec, sloMs: number): SloCurve {
  const key = `${cores} ${spec.mu} ${spec.nu} ${spec.patienceMs} ${sloMs}`;
  let curve = curves.get(key);
  if (!curve) {
    if (curves.size >= MAX_CURVES) curves.delete(curves.keys().next().value as string);
    curve = new SloCurve(cores, spec, sloMs);
    curves.set(key, curve);
  }
  return curve;
}
const shares = createShares();
const dist = new ResponseDist();
/** The minute late count's K3 ÷ K2 at the point being filled (minute-spread.ts). */
const shape: MinuteShape = { skew: Number.NaN };
/** The figures of the point being computed. */
const at = { p95: 0.5, spread: 0.5, chance: 0.5, skew: 0.5, late: 0.5 };

/** The pool's figures a curve depends on. */
export interface SloCurveSpec {
  mu: number;
  nu: number;
  patienceMs: number;
}

export class SloCurve {
  /** At the last `read`: p95 (ms), spread, the chance that a minute's p95 exceeds the SLO, and skew. */
  p95 = 0.5;
  spread = 0.5;
  chance = 0.5;
  skew = 0.5;
  /**
   * At the last `read`: the share of requests later than the SLO in the stationary state (what
   * OptionStats.shift reads the late share at another limit from, between it and the p95).
   */
  late = 0.5;
  /**
   * Per share row, per point: [p95 × (1 − ρ), spread, chance, skew, ln late]; NaN = not yet computed. Rows are made
   * when first read: a pool of sync work only reads two of the nine (a VM fleet has a curve per size).
   */
  private readonly rows: (Float64Array | null)[] = new Array<Float64Array | null>(SHARES + 1).fill(null);
  /** Per share row, the chance at √(requests a minute) = i ÷ FINE_PER_UNIT; NaN = not yet computed. */
  private readonly fineRows: (Float64Array | null)[] = new Array<Float64Array | null>(SHARES + 1).fill(null);
  /**
   * Requests a minute at ρ = 1; the fine grid's points per row (up to where it is the finer), and the
   * utilisation where it ends (a read beyond takes no square root).
   */
  private readonly fullPerMinute: number;
  private readonly finePoints: number;
  private readonly fineBelow: number;

  constructor(
    private readonly cores: number,
    private readonly spec: SloCurveSpec,
    private readonly sloMs: number,
  ) {
    this.fullPerMinute = 60 * cores * spec.mu;
    // The fine step at n, 2√n ÷ FINE_PER_UNIT, is below the utilisation grid's while √n < its edge.
    const edge = (FINE_PER_UNIT * this.fullPerMinute) / (2 * POINTS);
    this.finePoints = Math.min(FINE_MAX, Math.floor(FINE_PER_UNIT * Math.min(edge, Math.sqrt(this.fullPerMinute))));
    this.fineBelow = (this.finePoints / FINE_PER_UNIT) ** 2 / this.fullPerMinute;
  }

  /** Sets p95, spread and chance at utilisation rho (0 < rho < 1) with `syncShare` of the work sync. */
  read(rho: number, syncShare: number): void {
    const x = rho * POINTS;
    const k = x | 0;
    const y = syncShare * SHARES;
    let r = y | 0;
    if (r >= SHARES) r = SHARES - 1;
    const ta = this.rows[r] ?? this.makeRow(r);
    const tb = this.rows[r + 1] ?? this.makeRow(r + 1);
    const a = WIDTH * k;
    const b = a + WIDTH;
    if (Number.isNaN((ta[a] as number) + (ta[b] as number) + (tb[a] as number) + (tb[b] as number))) {
      this.fill(r, k);
    }
    const f = x - k;
    const g = y - r;
    const w00 = (1 - f) * (1 - g);
    const w01 = f * (1 - g);
    const w10 = (1 - f) * g;
    const w11 = f * g;
    this.p95 =
      ((ta[a] as number) * w00 + (ta[b] as number) * w01 + (tb[a] as number) * w10 + (tb[b] as number) * w11) /
      (1 - rho);
    this.spread =
      (ta[a + 1] as number) * w00 +
      (ta[b + 1] as number) * w01 +
      (tb[a + 1] as number) * w10 +
      (tb[b + 1] as number) * w11;
    this.chance =
      (ta[a + 2] as number) * w00 +
      (ta[b + 2] as number) * w01 +
      (tb[a + 2] as number) * w10 +
      (tb[b + 2] as number) * w11;
    // NaN where a corner has none (no queue to speak of): the count is then negative binomial.
    this.skew =
      (ta[a + 3] as number) * w00 +
      (ta[b + 3] as number) * w01 +
      (tb[a + 3] as number) * w10 +
      (tb[b + 3] as number) * w11;
    // Read on its logarithm: across a step of the grid near saturation it changes many times over.
    this.late = Math.exp(
      (ta[a + 4] as number) * w00 +
        (ta[b + 4] as number) * w01 +
        (tb[a + 4] as number) * w10 +
        (tb[b + 4] as number) * w11,
    );
    if (rho < this.fineBelow) this.chance = this.readFine(Math.sqrt(rho * this.fullPerMinute) * FINE_PER_UNIT, r, g);
  }

  /** The chance on the fine grid at u = √n · FINE_PER_UNIT, share row r + g. */
  private readFine(u: number, r: number, g: number): number {
    // (At most the last interval, should rounding put u on the grid's end.)
    const i = Math.min(u | 0, this.finePoints - 1);
    const f = u - i;
    // All the work sync (share 1: g = 1) or all of it messages (g = 0): only one row is weighed, the
    // other's chances times 0. Those add ±0 to a chance, which changes nothing (a chance is a finite
    // number, and the row weighed gives no −0: its chances are at least +0), so they are not computed:
    // a fine point is a whole compute(), and a sync-only pool's reads made a third of a re-plan's
    // points of the 50-component canvas design for nothing (2026-12-06).
    if (g === 1 || g === 0) {
      const row = g === 1 ? r + 1 : r;
      const fr = this.fineRows[row] ?? this.makeFineRow(row);
      if (Number.isNaN((fr[i] as number) + (fr[i + 1] as number))) {
        this.finePoint(row, i);
        this.finePoint(row, i + 1);
      }
      return (fr[i] as number) * (1 - f) + (fr[i + 1] as number) * f;
    }
    const fa = this.fineRows[r] ?? this.makeFineRow(r);
    const fb = this.fineRows[r + 1] ?? this.makeFineRow(r + 1);
    if (Number.isNaN((fa[i] as number) + (fa[i + 1] as number) + (fb[i] as number) + (fb[i + 1] as number))) {
      for (let dr = 0; dr < 2; dr++) for (let di = 0; di < 2; di++) this.finePoint(r + dr, i + di);
    }
    return (
      ((fa[i] as number) * (1 - f) + (fa[i + 1] as number) * f) * (1 - g) +
      ((fb[i] as number) * (1 - f) + (fb[i + 1] as number) * f) * g
    );
  }

  private makeFineRow(r: number): Float64Array {
    const row = new Float64Array(this.finePoints + 1).fill(Number.NaN);
    this.fineRows[r] = row;
    return row;
  }

  private finePoint(r: number, i: number): void {
    const row = this.fineRows[r] ?? this.makeFineRow(r);
    if (!Number.isNaN(row[i])) return;
    const n = (i / FINE_PER_UNIT) ** 2;
    this.compute(n / this.fullPerMinute, r / SHARES);
    row[i] = at.chance;
  }

  private makeRow(r: number): Float64Array {
    const row = new Float64Array(ROW).fill(Number.NaN);
    this.rows[r] = row;
    return row;
  }

  private fill(r: number, k: number): void {
    for (let dr = 0; dr < 2; dr++) for (let dk = 0; dk < 2; dk++) this.point(r + dr, k + dk);
  }

  /** One point: share row i, utilisation point j. */
  private point(i: number, j: number): void {
    const table = this.rows[i] ?? this.makeRow(i);
    const k = WIDTH * j;
    if (!Number.isNaN(table[k])) return;
    // At ρ = 1 itself the pool is saturated: take the point just below it.
    const rho = Math.min(j / POINTS, 1 - 0.25 / POINTS);
    this.compute(rho, i / SHARES);
    table[k] = at.p95 * (1 - rho);
    table[k + 1] = at.spread;
    table[k + 2] = at.chance;
    table[k + 3] = at.skew;
    table[k + 4] = Math.log(Math.max(at.late, Number.MIN_VALUE));
  }

  /** The figures at utilisation rho with `share` of the work sync, into `at`. */
  private compute(rho: number, share: number): void {
    const { mu, nu, patienceMs } = this.spec;
    const full = this.cores * mu;
    const ls = rho * full * share;
    const la = rho * full - ls;
    const erlangC = computeErlangC(this.cores, (rho * full) / mu);
    // Sync work waits Exp(cμ − λ_sync) behind its own queue, cut at its timeout; messages wait
    // Cobham's mean for what sync work leaves (serve-pool.ts).
    const syncTheta = (full - ls) / 1000;
    const asyncTheta = (full * (1 - ls / full) * (1 - rho)) / 1000;
    computeShares(shares, erlangC, syncTheta, ls / full, patienceMs);
    const admittedSync = share * (1 - shares.abandoned);
    const admittedAsync = 1 - share;
    dist.reset(nu);
    dist.add(admittedSync * shares.noWait, 0, 0);
    dist.add(admittedSync * shares.wait, 0, syncTheta);
    dist.add(admittedSync * shares.truncated, patienceMs, syncTheta);
    dist.add(admittedAsync * (1 - erlangC), 0, 0);
    dist.add(admittedAsync * erlangC, 0, asyncTheta);
    const p95 = dist.quantile(0.95);
    // The minute-to-minute spread of both classes' late requests together.
    const spread = computeMixedMinuteSpread(
      admittedSync / (admittedSync + admittedAsync),
      erlangC,
      syncTheta * 1000,
      erlangC,
      asyncTheta * 1000,
      nu * 1000,
      full,
      rho * full,
      mu,
      p95,
      shape,
      patienceMs,
    );
    const slo = this.sloMs;
    const service = Math.exp(-nu * slo);
    const late =
      (admittedSync * lateShareOf(shares, slo, syncTheta, nu, patienceMs) +
        admittedAsync * ((1 - erlangC) * service + erlangC * hypoSurvival(slo, asyncTheta, nu))) /
      (admittedSync + admittedAsync);
    at.p95 = p95;
    at.spread = spread;
    at.chance = computeViolationChance(p95, spread, 60 * (ls + la), nu, slo, late, shape.skew);
    at.skew = shape.skew;
    at.late = late;
    // One class whose queue remembers much of a minute: the chance from the states it meets, blended
    // into the cumulants' as the minute holds more independent blocks (minute-spread.ts).
    if (share === 0 || share === 1) {
      const patience = share === 1 ? patienceMs : Number.POSITIVE_INFINITY;
      const weight = frozenWeight(erlangC, full, rho * full, mu, patience, late);
      if (weight > 0) {
        const frozen = computeFrozenChance(erlangC, full - rho * full, nu * 1000, full, rho * full, mu, slo, patience);
        if (frozen >= 0) {
          at.chance = weight * frozen + (1 - weight) * at.chance;
          // A chance from the states the minute meets is not the late count's cumulants at this share,
          // which alone overstated such minutes by 30–60 % (minute-spread.ts, frozenWeight): its minutes
          // keep shift's reading from the exponential through the p95 rather than the share. (Not
          // measured on its own: the image resizer of examples/hybrid-serverless.json, which first
          // prompted it, takes no frozen chance; its gap was the key's mixed loads, which
          // OptionStats.countShifted's lift closes.)
          at.late = Number.NaN;
        }
      }
    }
  }
}
