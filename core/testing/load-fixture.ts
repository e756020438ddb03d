/**
 * Loads and contexts for tests of the capacity models and of the per-request simulator: a
 * component's demand series written directly, the environments resolved as for a design that sets none.
 * Not used by the engine itself.
 */
import { type Tariff, tariffOf } from '../cost/tariff';
import type { Environments } from '../model/design';
import { environmentsSchema } from '../model/design';
import type { ComponentLoad, SimulationContext } from '../simulate/component-load';

/** The tariff of a design that sets nothing: the default book (aws-2026-11, us-east-1). */
export function defaultTariff(pricing?: Parameters<typeof tariffOf>[0]['pricing']): Tariff {
  return tariffOf({ environments: environmentsSchema.parse({}), pricing });
}

/** Every environment resolved, as the engine sees a design that sets nothing. */
export function defaultEnvironments(): Environments {
  return defaultTariff().env;
}

export function makeContext(
  steps: number,
  stepMinutes = 1,
  env: Environments = defaultEnvironments(),
): SimulationContext {
  return { steps, stepMinutes, dt: stepMinutes * 60, env, points: 100 };
}

/** A component of 50 ms requests (CPU and duration) whose rate at step i is `rps(i)`. */
export function makeLoad(rps: (i: number) => number, steps: number, extra: Partial<ComponentLoad> = {}): ComponentLoad {
  const total = Float32Array.from({ length: steps }, (_, i) => rps(i));
  let peak = 0;
  for (const v of total) peak = Math.max(peak, v);
  return {
    total,
    async: null,
    cpuMs: 50,
    durationMs: 50,
    functionDurationMs: 50,
    memoryMb: 512,
    timeoutMs: 29_000,
    sloMs: Number.POSITIVE_INFINITY,
    peakRps: peak,
    ...extra,
  };
}
