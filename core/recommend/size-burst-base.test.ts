import { describe, expect, it } from 'vitest';
import { defaultEnvironments, makeLoad } from '../testing/load-fixture';
import { computeQuantile } from '../simulate/series-stats';
import { sizeStaticCores } from '../simulate/simulate-static';
import { computeUtilityPremium, sizeBurstBase } from './size-burst-base';

describe('sizeBurstBase', () => {
  it("sizes the same series' base afresh at every core price, its histogram kept", () => {
    // A day of minutes with a tall afternoon: the (1 − 1/U) quantile moves with the price of a core.
    const load = makeLoad((i) => 20 + 400 * Math.exp(-(((i - 900) / 120) ** 2)), 1440, { cpuMs: 200 });
    const env = defaultEnvironments();
    const bases = [10, 25, 60, 140, 400].map((coreMonthlyCost) => {
      const priced = { ...env, static: { ...env.static, coreMonthlyCost } };
      const u = computeUtilityPremium(priced);
      const fresh = computeQuantile(load.total, load.peakRps, u > 1 ? 1 - 1 / u : 0);
      const base = sizeBurstBase(load, priced);
      expect(base).toBe(sizeStaticCores(fresh, load.cpuMs, priced.static.headroom));
      return base;
    });
    expect(new Set(bases).size).toBeGreaterThan(2);
  });

  it('takes a new peak of the same series as a new histogram', () => {
    // Read against a peak 100 times the series', every minute falls in the lowest bins.
    const load = makeLoad((i) => (i % 60) + 1, 600, { cpuMs: 1000 });
    const env = defaultEnvironments();
    const first = sizeBurstBase(load, env);
    const taller = { ...load, peakRps: 100 * load.peakRps };
    const u = computeUtilityPremium(env);
    const fresh = computeQuantile(taller.total, taller.peakRps, u > 1 ? 1 - 1 / u : 0);
    expect(sizeBurstBase(taller, env)).toBe(sizeStaticCores(fresh, taller.cpuMs, env.static.headroom));
    expect(sizeBurstBase(taller, env)).not.toBe(first);
    expect(sizeBurstBase(load, env)).toBe(first);
  });
});
