/**
 * The SLO curve (slo-curve.ts) read between its points, against the chance computed at the point
 * itself. A pool of 142 cores of 800 ms (about 180 requests a second at ρ = 1) steps 21 requests a
 * minute between utilisation points; a minute of n requests misses its SLO when ⌊0.05n⌋ + 1 of them
 * are late, so at a few dozen a minute the chance falls many times over within one such step, and
 * interpolation across it read 37.6 violation minutes on the hybrid-serverless example's image resizer
 * where the per-request simulator counts 8.0 (7.2 now; the simulator's mean over five seeds, 7.0).
 */
import { describe, expect, it } from 'vitest';
import { computeIndependentSpread, computeViolationChance } from './minute-spread';
import { SloCurve, findSloCurve } from './slo-curve';

describe('the SLO curve of a large pool at a few requests a minute', () => {
  const cores = 142;
  const mu = 1000 / 800;
  const nu = 1 / 1200;
  const slo = 10_000;
  // ρ ≤ 0.005 on 142 cores: no request waits (Erlang C below 10⁻³⁰⁰), so a request is late when its
  // own service time is, e^(−ν · SLO), independently of the others.
  const late = Math.exp(-nu * slo);
  const curve = findSloCurve(cores, { mu, nu, patienceMs: 29_000 }, slo);
  for (const share of [0, 1]) {
    it(`${share === 0 ? 'messages' : 'sync requests'}: the chance within 3 % of the independent minute's, 5 to 60 a minute`, () => {
      for (let perMinute = 5; perMinute <= 60; perMinute += 2.5) {
        curve.read(perMinute / (60 * cores * mu), share);
        const exact = computeViolationChance(curve.p95, computeIndependentSpread(perMinute), perMinute, nu, slo, late);
        expect(exact).toBeGreaterThan(1e-7);
        expect(Math.abs(curve.chance - exact)).toBeLessThan(0.03 * exact);
      }
    });
  }
});

describe('the fine grid at one class only (share 0 or 1)', () => {
  // readFine weighs one row there and computes only it: a chance read so must be the one read on a
  // curve whose other row (shares 7/8 and 1/8) was already filled by a mixed read at the same point,
  // and within rounding of the mixed read itself when that is all but the one class.
  const spec = { mu: 1000 / 800, nu: 1 / 1200, patienceMs: 29_000 };
  for (const [share, mixed] of [
    [1, 1 - 1e-12],
    [0, 1e-12],
  ] as const) {
    it(`share ${share}: the same chance to the bit whether the other row was computed or not, and next to a read of all but that class`, () => {
      for (let perMinute = 5; perMinute <= 400; perMinute *= 1.7) {
        const rho = perMinute / (60 * 142 * spec.mu);
        const alone = new SloCurve(142, spec, 10_000);
        alone.read(rho, share);
        const filled = new SloCurve(142, spec, 10_000);
        filled.read(rho, mixed);
        const near = filled.chance;
        filled.read(rho, share);
        expect(Object.is(alone.chance, filled.chance)).toBe(true);
        expect(alone.chance).toBeGreaterThanOrEqual(0);
        expect(alone.chance).toBeLessThanOrEqual(1);
        expect(Math.abs(alone.chance - near)).toBeLessThanOrEqual(1e-9 * Math.max(alone.chance, near));
      }
    });
  }
});
