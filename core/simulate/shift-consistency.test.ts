/**
 * OptionStats.shift counts a run's SLO minutes again with every request `d` ms later (its calls
 * across the link): the same as the run's own count against an SLO `d` lower, which the engine's
 * per-stretch model makes (the pool's curve: each stretch's exact share late at the SLO, minute-spread.ts)
 * and which the oracle suites hold to the per-request simulator. Shift reads kept minutes instead of
 * running again; where it read a minute's share late at the limit off the exponential through its p95
 * and its spread at its level's, a data-centre pool of three cores counted 55 % over its own run at
 * the lower SLO, and the ERP example's VMs behind their link 7 % (231 minutes in 7 days where the
 * per-request simulator counts 200.5).
 */
import { describe, expect, it } from 'vitest';
import hybridBackend from '../../examples/hybrid-backend.json';
import { functionMsOf, priceDesign } from '../cost/tariff';
import { loadDesign } from '../model';
import { contextOf } from '../plan/build-plan';
import { makeContext, makeLoad } from '../testing/load-fixture';
import type { ComponentLoad } from './component-load';
import type { OptionStats } from './option-stats';
import { propagateDemand } from './propagate-demand';
import { simulateStatic } from './simulate-static';
import { simulateVm } from './simulate-vm';

const steps = 2 * 24 * 60;
/** A daily rise and fall between 4 and 36 requests a second, with a sharp hour in every seven. */
const rps = (m: number) => 20 + 16 * Math.sin((2 * Math.PI * m) / 1440) + (Math.floor(m / 60) % 7 === 3 ? 6 : 0);

type Pool = { name: string; run: (load: ComponentLoad) => OptionStats };
const ctx = makeContext(steps, 1);
const pools: Pool[] = [
  { name: 'data centre, 2 cores', run: (load) => simulateStatic(load, ctx, 2).stats },
  { name: 'data centre, 3 cores', run: (load) => simulateStatic(load, ctx, 3).stats },
  { name: 'data centre, 4 cores', run: (load) => simulateStatic(load, ctx, 4).stats },
  { name: 'elastic VMs', run: (load) => simulateVm(load, ctx).stats },
];

/** The ERP service of examples/hybrid-backend.json over 7 days at its 5-minute steps, at `sloMs`. */
function erp() {
  const checked = loadDesign({ ...hybridBackend, simulation: { ...hybridBackend.simulation, days: 7 } });
  if (!checked.ok) throw new Error('examples/hybrid-backend.json does not load');
  const design = priceDesign(checked.value);
  const c = design.components.find((x) => x.id === 'erp');
  const load = propagateDemand(design).get('erp')?.load;
  if (!c || !load) throw new Error('no ERP service');
  const base = { ...load, functionDurationMs: functionMsOf(c.demand, design.tariff) };
  return { ctx: contextOf(design, 50), at: (sloMs: number): ComponentLoad => ({ ...base, sloMs }) };
}

describe('shift', () => {
  it('counts what the run counts against the SLO less the delay: the ERP example, its 80 ms link', () => {
    const { ctx: erpCtx, at } = erp();
    const runs = [
      (load: ComponentLoad) => simulateStatic(load, erpCtx, 3).stats,
      (load: ComponentLoad) => simulateVm(load, erpCtx).stats,
    ];
    let compared = 0;
    for (const run of runs)
      for (const sloMs of [220, 300]) {
        const stats = run(at(sloMs));
        const own = run(at(sloMs - 80)).finish().sloViolationMinutes;
        const shifted = stats.shift(stats.finish(), 80, 80).sloViolationMinutes;
        if (own > 1) compared++;
        expect(
          Math.abs(shifted - own),
          `SLO ${sloMs} ms less 80: shifted ${shifted.toFixed(1)}, own ${own.toFixed(1)}`,
        ).toBeLessThanOrEqual(Math.max(0.05 * own, 2));
      }
    expect(compared).toBeGreaterThanOrEqual(3);
  });

  // 40 ms requests: a p95 of 120 ms at no wait, so the offsets below move the limit across it.
  const at = (sloMs: number) => makeLoad(rps, steps, { sloMs, cpuMs: 40, durationMs: 40 });
  for (const pool of pools)
    it(`counts what the run counts against the SLO less the delay: ${pool.name}`, () => {
      let compared = 0;
      for (const sloMs of [180, 260]) {
        const stats = pool.run(at(sloMs));
        const base = stats.finish();
        for (const d of [10, 40, 80]) {
          const own = pool.run(at(sloMs - d)).finish().sloViolationMinutes;
          const shifted = stats.shift(base, d, d).sloViolationMinutes;
          if (own > 1) compared++;
          expect(
            Math.abs(shifted - own),
            `SLO ${sloMs} ms less ${d}: shifted ${shifted.toFixed(1)}, own ${own.toFixed(1)}`,
          ).toBeLessThanOrEqual(Math.max(0.1 * own, 3));
        }
      }
      // The cases count minutes: a comparison of zeros would prove nothing.
      expect(compared).toBeGreaterThanOrEqual(2);
    });
});
