/**
 * Abate & Whitt's first-moment function against its definition: the mean of a reflected Brownian
 * motion (drift −1, variance 1) started empty is, by time reversal, the mean of the running maximum
 * of a Brownian motion with drift −1, whose law is the textbook P(M_t > x) = Φc((x + t)/√t) +
 * e^(−2x)·Φc((x − t)/√t); integrated here numerically, and doubled (the stationary mean is ½).
 */
import { describe, expect, it } from 'vitest';
import { normalCdf } from './erlang';
import {
  SETTLED_AGE,
  SETTLED_SHARE,
  ageOfShare,
  approachShare,
  ceilingMean,
  ceilingOverflow,
  ceilingWalk,
  growQueue,
  meanApproach,
  overflowAfter,
  queueGrowth,
  reflectedMean,
  spreadReflectedMean,
  walkMeanAfter,
  growBelowCeiling,
} from './relaxation';

function meanOfMaximum(t: number): number {
  let sum = 0;
  const dx = 1e-4;
  for (let x = dx / 2; x < 30; x += dx)
    sum += (1 - normalCdf((x + t) / Math.sqrt(t)) + Math.exp(-2 * x) * (1 - normalCdf((x - t) / Math.sqrt(t)))) * dx;
  return 2 * sum;
}

describe('the approach of a queue to its stationary length (relaxation.ts)', () => {
  it('H₁ is the mean of the running maximum, from r = 0.01 to 10', () => {
    for (const r of [0.01, 0.3, 1, 3, 10]) expect(approachShare(r)).toBeCloseTo(meanOfMaximum(r), 5);
  });
  it('grows as the √(4λt/π) of a queue at ρ = 1 when r is small', () => {
    // r = t·m²/σ², stationary mean σ²/2m: the mean is σ²/2m · H₁ ≈ σ√t·√(2/π) as m → 0.
    const r = 1e-6;
    expect(approachShare(r) / (2 * Math.sqrt((2 * r) / Math.PI))).toBeCloseTo(1, 2);
  });
  it('inverts, averages and settles consistently', () => {
    for (const share of [0.05, 0.5, 0.9]) expect(approachShare(ageOfShare(share))).toBeCloseTo(share, 9);
    expect(approachShare(SETTLED_AGE)).toBeCloseTo(SETTLED_SHARE, 9);
    // The average over [r0, r1] against a fine Riemann sum.
    let sum = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) sum += approachShare(0.2 + ((i + 0.5) * 2.8) / n);
    expect(meanApproach(0.2, 3)).toBeCloseTo(sum / n, 4);
    expect(meanApproach(0, 3)).toBeLessThan(approachShare(3));
  });
});

/**
 * A reflected random walk, simulated: Lindley's recursion x ← max(0, x + δh + σ√h·Z) over small
 * steps h, seeded; the mean over many paths. An oracle independent of the closed form, which it
 * approaches as h → 0: the walk looks at its boundary only every h, so it sits about 0.58·σ√h below,
 * which is added back (Broadie, Glasserman & Kou's correction for discretely monitored extremes).
 */
function simulatedReflectedMean(x0: number, drift: number, sigma2: number, t: number, seed: number): number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 2 ** 32;
  };
  const steps = 4000;
  const h = t / steps;
  const sd = Math.sqrt(sigma2 * h);
  const paths = 4000;
  let sum = 0;
  for (let p = 0; p < paths; p++) {
    let x = x0;
    for (let i = 0; i < steps; i += 2) {
      // Two normals a draw (Box–Muller).
      const r = Math.sqrt(-2 * Math.log(uniform()));
      const a = 2 * Math.PI * uniform();
      x = Math.max(0, x + drift * h + sd * r * Math.cos(a));
      x = Math.max(0, x + drift * h + sd * r * Math.sin(a));
    }
    sum += x;
  }
  // Broadie, Glasserman & Kou's shift, β = −ζ(½)/√(2π).
  return sum / paths + 0.5826 * sd;
}

describe('a reflected random walk with any drift (reflectedMean: the async queue at a function limit)', () => {
  it('matches a simulated reflected walk from empty and from a queue, drifting up, level and down', () => {
    for (const [x0, drift, sigma2, t] of [
      [0, 0, 80, 600],
      [0, 0.2, 80, 3600],
      [0, -0.2, 80, 3600],
      [150, -0.5, 40, 600],
      [50, 1, 10, 60],
    ] as const) {
      const simulated = simulatedReflectedMean(x0, drift, sigma2, t, 7);
      expect(Math.abs(reflectedMean(x0, drift, sigma2, t) / simulated - 1)).toBeLessThan(0.02);
    }
  });
  it('is |x0 + σW_t| without drift, joins it continuously, and tends to its limits', () => {
    // Level: from empty, σ√(2t/π).
    expect(reflectedMean(0, 0, 80, 10_800)).toBeCloseTo(Math.sqrt((2 * 80 * 10_800) / Math.PI), 6);
    // Either side of the driftless branch's threshold, the closed form agrees with it.
    expect(reflectedMean(10, 1e-9, 80, 3600) / reflectedMean(10, 0, 80, 3600)).toBeCloseTo(1, 6);
    expect(reflectedMean(10, 1e-5, 80, 3600) / reflectedMean(10, 0, 80, 3600)).toBeCloseTo(1, 3);
    // Far from empty and drifting up, the fluid: x0 + δt.
    expect(reflectedMean(10_000, 2, 80, 600)).toBeCloseTo(11_200, 3);
    // Drifting down for long, the stationary exponential's mean σ²/2|δ|.
    expect(reflectedMean(0, -0.5, 40, 1e6)).toBeCloseTo(40, 6);
  });
  it('spread as a grown queue is, it chains steps within 12 % of the walk from empty', () => {
    for (const [drift, sigma2] of [
      [0, 80],
      [0.2, 80.2],
      [-0.2, 79.8],
    ] as const) {
      let q = 0;
      for (let i = 0; i < 180; i++) q = spreadReflectedMean(q, drift, sigma2, 60);
      expect(Math.abs(q / reflectedMean(0, drift, sigma2, 180 * 60) - 1)).toBeLessThan(0.12);
    }
  });
});

describe('a queue at or over its rate growing from empty (relaxation.ts growQueue)', () => {
  /** E[sup over [0, t] of a Brownian motion with drift m ≥ 0, variance σ²], from its law, integrated numerically. */
  function meanSupremum(m: number, sigma2: number, t: number): number {
    const s = Math.sqrt(sigma2 * t);
    const k = (2 * m) / sigma2;
    let sum = 0;
    const dx = 0.005;
    for (let x = dx / 2; x < m * t + 12 * s; x += dx) {
      // (Φ(−z), not 1 − Φ(z): far out the difference is lost to rounding, and e^(kx) magnifies it.)
      const tail = normalCdf((m * t - x) / s);
      const reflectedPart = k * x < 700 ? Math.exp(k * x) * normalCdf(-(x + m * t) / s) : 0;
      sum += (tail + reflectedPart) * dx;
    }
    return sum;
  }
  // 4 cores of 50 ms (cμ = 80 a second) at ρ 1, 1.01, 1.03 and 1.1: σ² = λ + cμ, m = λ − cμ.
  for (const rho of [1, 1.01, 1.03, 1.1]) {
    it(`at ρ ${rho}: the walk's mean after 10 and 60 s, more than the excess and the diffusion`, () => {
      const m = 80 * rho - 80;
      const sigma2 = 80 * rho + 80;
      for (const t of [10, 60]) {
        growQueue(0, m, sigma2, t);
        const truth = meanSupremum(m, sigma2, t);
        expect(queueGrowth.end / truth).toBeCloseTo(1, 3);
        expect(queueGrowth.end).toBeGreaterThanOrEqual(m * t);
        expect(queueGrowth.end).toBeGreaterThanOrEqual(Math.sqrt((2 * sigma2 * t) / Math.PI) * (1 - 1e-9));
      }
    });
  }
  it('chains: two half stretches end where the whole does, and its reach is the mean over the stretch', () => {
    const m = 2.4;
    const sigma2 = 162.4;
    growQueue(0, m, sigma2, 60);
    const whole = queueGrowth.end;
    const reach = queueGrowth.reach;
    growQueue(0, m, sigma2, 30);
    growQueue(queueGrowth.end, m, sigma2, 30);
    expect(queueGrowth.end / whole).toBeCloseTo(1, 9);
    let sum = 0;
    const n = 6000;
    for (let i = 0; i < n; i++) {
      growQueue(0, m, sigma2, (60 * (i + 0.5)) / n);
      sum += queueGrowth.end / n;
    }
    expect(reach / sum).toBeCloseTo(1, 3);
  });
  it('at ρ = 1 exactly is the diffusion √(q0² + 4λt/π) (σ² = 2λ)', () => {
    growQueue(30, 0, 200, 60);
    expect(queueGrowth.end / Math.sqrt(30 * 30 + (4 * 100 * 60) / Math.PI)).toBeCloseTo(1, 6);
  });
});

/**
 * A walk reflected at empty and pushed back at a ceiling, simulated: each small step h, x ← x + mh +
 * σ√h·Z, reflected at 0, and what passes L is counted and taken off (the regulator). Seeded; the mean
 * loss over many paths. An oracle independent of ceilingOverflow's series: looked at only every h,
 * the walk is pushed about 0.58·σ√h late each time it presses on L, which the comparison allows for
 * (a few per cent at these steps).
 */
function simulatedOverflow(
  x0: number,
  drift: number,
  sigma2: number,
  ceiling: number,
  t: number,
  seed: number,
  paths = 3000,
) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 2 ** 32;
  };
  const h = 0.02;
  const sd = Math.sqrt(sigma2 * h);
  let lost = 0;
  let level = 0;
  for (let p = 0; p < paths; p++) {
    let x = x0;
    for (let s = 0; s < t; s += h) {
      x += drift * h + sd * Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
      if (x < 0) x = -x;
      if (x > ceiling) {
        lost += x - ceiling;
        x = ceiling;
      }
    }
    level += x;
  }
  return { lost: lost / paths, level: level / paths };
}

describe("a walk between empty and a timeout's queue: what it loses there (ceilingOverflow)", () => {
  // [start, drift, variance a second, ceiling, seconds]: 2 cores of 1 s with a 29 s timeout (ceiling
  // 58) five minutes at ρ 1.1, 1.05, 1.0 and 0.95, from empty and from a queue; a queue draining
  // after a peak; 8 cores of 200 ms with a 1.5 s timeout (60) for ten minutes at ρ 1.01; one core of 1 s
  // with a 5 s timeout.
  const cases = [
    [0, 0.2, 4.2, 58, 300],
    [0, 0.1, 4.1, 58, 300],
    [0, 0, 4, 58, 300],
    [0, -0.1, 3.9, 58, 300],
    [30, 0.04, 4.04, 58, 300],
    [50, -0.5, 2.5, 58, 60],
    [0, 0.4, 80.4, 60, 600],
    [0, 1, 3, 5, 100],
  ] as const;
  for (const [x0, m, sigma2, L, t] of cases) {
    it(`from ${x0} at drift ${m}, ceiling ${L}, ${t} s: the simulated walk's loss within 6 %`, () => {
      const truth = simulatedOverflow(x0, m, sigma2, L, t, 7).lost;
      const lost = ceilingOverflow(x0, m, sigma2, L, t);
      expect(Math.abs(lost - truth), `series ${lost}, simulated ${truth}`).toBeLessThan(0.06 * truth + 0.01);
    });
  }
  it('settles at the stationary rate α = m ⁄ (1 − e^(−θL)), D/L at no drift, and the mean between', () => {
    for (const [m, sigma2, L] of [
      [0.2, 4.2, 58],
      [0, 4, 58],
      [-0.1, 3.9, 58],
      [1e-7, 4, 58],
    ] as const) {
      const theta = (2 * m) / sigma2;
      const alpha = m === 0 ? sigma2 / 2 / L : m / (1 - Math.exp(-theta * L));
      const long = 1e6;
      expect(ceilingOverflow(0, m, sigma2, L, 2 * long, long) / (alpha * long)).toBeCloseTo(1, 6);
      expect(ceilingWalk.rate / alpha).toBeCloseTo(1, 6);
    }
    // The walk's level after long enough is the stationary mean of its truncated exponential.
    const { level } = simulatedOverflow(0, 0.1, 4.1, 58, 1500, 3, 600);
    expect(Math.abs(ceilingMean(0.1, 4.1, 58) / level - 1)).toBeLessThan(0.05);
  });
  it('chains: a queue of the mean a stretch reached loses over the next about what the walk did', () => {
    // Five minutes at ρ 1.05 on 2 cores of 1 s against five one-minute stretches, each from the
    // mean the one before reached (growQueue less what was lost), as serve-pool.ts chains steps.
    const [m, sigma2, L] = [0.1, 4.1, 58];
    const whole = ceilingOverflow(0, m, sigma2, L, 300);
    let q = 0;
    let lost = 0;
    for (let k = 0; k < 5; k++) {
      const part = overflowAfter(q, m, sigma2, L, 60);
      lost += part;
      growQueue(q, m, sigma2, 60);
      q = queueGrowth.end - part;
    }
    expect(lost / whole).toBeGreaterThan(0.9);
    expect(lost / whole).toBeLessThan(1.1);
  });
  it("its mean after a stretch (walkMeanAfter): the simulated walk's within 5 %, chained as one stretch", () => {
    // [drift, variance a second, ceiling, seconds]: 2 cores of 1 s with a 29 s timeout at ρ 1.02 and
    // 1.1 for five and ten minutes, and a drift up too steep for the series (θL ≈ 39).
    for (const [m, sigma2, L, t] of [
      [0.04, 4.04, 58, 300],
      [0.04, 4.04, 58, 600],
      [0.2, 4.2, 58, 200],
      [1, 3, 58, 40],
    ] as const) {
      const { level } = simulatedOverflow(0, m, sigma2, L, t, 5, 1500);
      const mean = walkMeanAfter(0, m, sigma2, L, t);
      expect(Math.abs(mean / level - 1), `mean ${mean}, simulated ${level}`).toBeLessThan(0.05);
      const chained = walkMeanAfter(walkMeanAfter(0, m, sigma2, L, t / 3), m, sigma2, L, (2 * t) / 3);
      expect(chained / mean).toBeCloseTo(1, 6);
      expect(mean).toBeLessThanOrEqual(ceilingMean(m, sigma2, L));
    }
    // At or past the stationary mean it stays where it is.
    expect(walkMeanAfter(40, 0.04, 4.04, 58, 300)).toBe(40);
  });
  it("held below it over a stretch (growBelowCeiling): the simulated walk's mean over the stretch and at its end, within 5 %", () => {
    // [start, drift, variance a second, ceiling, seconds]: one core of 1 s at ρ 1.02 under a 30 s
    // timeout for 15 minutes (the walk's mean without the ceiling, 44, would pass it), from empty and
    // from 10; 2 cores of 1 s at ρ 1.05 under 29 s for 20 minutes.
    for (const [q0, m, sigma2, L, t] of [
      [0, 0.02, 2.02, 30, 900],
      [10, 0.02, 2.02, 30, 900],
      [0, 0.1, 4.1, 58, 1200],
    ] as const) {
      let state = 17;
      const uniform = () => {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        return (state + 0.5) / 2 ** 32;
      };
      const h = 0.05;
      const sd = Math.sqrt(sigma2 * h);
      const paths = 1200;
      let end = 0;
      let area = 0;
      for (let p = 0; p < paths; p++) {
        let x: number = q0;
        for (let s = 0; s < t; s += h) {
          x += m * h + sd * Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
          if (x < 0) x = -x;
          if (x > L) x = L;
          area += x * h;
        }
        end += x;
      }
      expect(growBelowCeiling(q0, m, sigma2, L, t)).toBe(true);
      const reach = area / paths / t;
      expect(Math.abs(queueGrowth.reach / reach - 1), `reach ${queueGrowth.reach}, simulated ${reach}`).toBeLessThan(
        0.05,
      );
      expect(
        Math.abs(queueGrowth.end / (end / paths) - 1),
        `end ${queueGrowth.end}, simulated ${end / paths}`,
      ).toBeLessThan(0.05);
    }
    // Nothing to grow from its stationary mean on, nor without a drift up.
    expect(growBelowCeiling(25, 0.02, 2.02, 30, 900)).toBe(false);
    expect(growBelowCeiling(0, 0, 2, 30, 900)).toBe(false);
  });
  it('past the series (θL > 24): the walk with nothing at empty, joining the series and a simulated walk', () => {
    // Either side of θL = 24, from empty and from a queue: within 3 %.
    for (const [m, sigma2, t] of [
      [1, 3, 100],
      [0.5, 5, 600],
      [0.2, 1, 3000],
    ] as const) {
      const below = (23.99 * sigma2) / (2 * m);
      const above = (24.01 * sigma2) / (2 * m);
      for (const q0 of [0, below / 2]) {
        const series = overflowAfter(q0, m, sigma2, below, t);
        expect(overflowAfter(q0, m, sigma2, above, t) / series).toBeGreaterThan(0.97);
        expect(overflowAfter(q0, m, sigma2, above, t) / series).toBeLessThan(1.001);
      }
    }
    // 8 cores of 1 s at ρ 1.1 for 5 minutes towards a 100 s timeout (θL = 76): the mean reaches 240 of
    // 800 with σ√t = 71, and the walk loses next to nothing; 15 minutes, 720 of 800 and σ√t = 123.
    // Within 10 %: the free walk lifted by all its reflections have added by the end reads 7 % over
    // at 15 minutes, without the lift 6 % under.
    for (const t of [300, 900]) {
      const truth = simulatedOverflow(0, 0.8, 16.8, 800, t, 11, 600).lost;
      const lost = overflowAfter(0, 0.8, 16.8, 800, t);
      expect(Math.abs(lost - truth), `free walk ${lost}, simulated ${truth}`).toBeLessThan(0.1 * truth + 0.05);
    }
  });
  it('is NaN at or above its ceiling and at a drift up too steep for the series, 0 far below it', () => {
    expect(ceilingOverflow(58, 0.1, 4.1, 58, 60)).toBeNaN();
    expect(ceilingOverflow(0, 10, 12, 58, 60)).toBeNaN();
    expect(overflowAfter(0, 0.1, 4.1, 580, 60)).toBe(0);
    expect(ceilingOverflow(10, -1, 3, 58, 600)).toBe(0);
  });
});
