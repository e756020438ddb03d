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
import { findSloCurve } from './slo-curve';

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
