/**
 * The engine and the per-request simulator side by side on one component's load: the engine's
 * capacity model (simulate-static, -vm, -serverless, -burst) and the simulator's requests, each from the
 * same series and environments, so the oracle tests and `npm run simulate` compare like with like.
 * A static pool, and a burst's base, are simulated at the cores the engine chose (or those given).
 */
import { averageFigures } from './oracle-expect';
import type { ComponentLoad, SimulationContext } from '../simulate/component-load';
import type { OptionFigures } from '../simulate/option-stats';
import { planBurstBase } from '../recommend/size-burst-base';
import { simulateBurst } from '../simulate/simulate-burst';
import { simulateServerless } from '../simulate/simulate-serverless';
import { simulateStatic } from '../simulate/simulate-static';
import { simulateVm } from '../simulate/simulate-vm';
import { type RequestPlacement, simulateRequests } from './simulate-requests';

export interface ComparedFigures extends OptionFigures {
  /** Static: the pool's cores; burst: its base's. */
  cores?: number;
  /** Burst: requests its cloud part served. */
  cloudServed?: number;
  /** VMs and functions: mean instances held, idle and busy. */
  meanInstances?: number;
  /** Functions: share of invocations that waited a cold start. */
  coldStartShare?: number;
}

export interface Comparison {
  placement: RequestPlacement;
  engine: ComparedFigures;
  requests: ComparedFigures;
}

/**
 * The engine's figures for one placement of `load` (static at `cores`, a burst on a base of `cores`,
 * else the engine's sizing).
 */
export function runEngine(
  load: ComponentLoad,
  placement: RequestPlacement,
  ctx: SimulationContext,
  cores?: number,
): ComparedFigures {
  if (placement === 'static') {
    const run = simulateStatic(load, ctx, cores);
    return { ...run.stats.finish(), cores: run.cores };
  }
  if (placement === 'burst') {
    // The plan's base (run-placement.ts), or the cores given.
    const base = cores ?? planBurstBase(load, ctx.env);
    const run = simulateBurst(load, ctx, base);
    return {
      ...run.stats.finish(),
      cores: run.baseCores,
      cloudServed: run.cloudServed,
      meanInstances: run.meanInstances,
    };
  }
  if (placement === 'elastic-vm') {
    const run = simulateVm(load, ctx);
    return { ...run.stats.finish(), meanInstances: run.meanInstances };
  }
  const run = simulateServerless(load, ctx);
  const share = run.invocations > 0 ? run.coldStarts / run.invocations : 0;
  return { ...run.stats.finish(), meanInstances: run.meanInstances, coldStartShare: share };
}

/** Both sides for one placement; `seed` seeds the simulator's arrivals and service times. */
export function compareEngine(
  load: ComponentLoad,
  placement: RequestPlacement,
  ctx: SimulationContext,
  /** `seeds`: the simulator's runs, from `seed` on, whose figures are averaged (1 by default). */
  options: { seed?: number; seeds?: number; cores?: number } = {},
): Comparison {
  const engine = runEngine(load, placement, ctx, options.cores);
  const first = options.seed ?? 1;
  const runs = Array.from({ length: Math.max(1, options.seeds ?? 1) }, (_, i) => {
    const run = simulateRequests(
      load,
      placement,
      { steps: ctx.steps, dt: ctx.dt, env: ctx.env, seed: first + i },
      engine.cores ?? 1,
    );
    const requests: ComparedFigures = { ...run.figures };
    if (run.cores !== undefined) requests.cores = run.cores;
    if (run.meanInstances !== undefined) requests.meanInstances = run.meanInstances;
    if (run.cloudServed !== undefined) requests.cloudServed = run.cloudServed;
    if (run.coldStartShare !== undefined) requests.coldStartShare = run.coldStartShare;
    return requests;
  });
  return { placement, engine, requests: runs.length === 1 ? (runs[0] as ComparedFigures) : averageFigures(runs) };
}
