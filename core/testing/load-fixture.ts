/**
 * Loads and contexts for tests of the capacity models and of the per-request simulator: a
 * component's demand series written directly, the environments' defaults filled in by the schema.
 * Not used by the engine itself.
 */
import type { Environments } from '../model/design';
import { environmentsSchema } from '../model/design';
import type { ComponentLoad, SimulationContext } from '../simulate/component-load';

/** Every environment default, as a validated design has them. */
export function defaultEnvironments(): Environments {
  return environmentsSchema.parse({});
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
