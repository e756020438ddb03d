/**
 * The per-request simulator's entry point: one component's load (the engine's demand series: the
 * same rates per step) under one placement, request by request. It shares with the engine only the
 * inputs — the series, the environments and, for a static pool, the core count — so it can stand as
 * an independent reference for the engine's figures (tests, `npm run simulate`).
 */
import type { Environments } from '../model/design';
import type { ComponentLoad } from '../simulate/component-load';
import { simulateBurstRequests } from './simulate-burst-requests';
import { simulateFunctionRequests } from './simulate-function-requests';
import { simulatePoolRequests } from './simulate-pool-requests';
import type { CallDelay, RequestFigures } from './request-record';

export type RequestPlacement = 'static' | 'elastic-vm' | 'serverless' | 'burst';

export interface RequestRun {
  placement: RequestPlacement;
  figures: RequestFigures;
  /** Static: the cores simulated; burst: its base's. */
  cores?: number;
  /** Burst: requests its cloud part served. */
  cloudServed?: number;
  /** Burst: per minute, the share of its sync requests sent to the cloud. */
  cloudShareByMinute?: Float64Array;
  instanceHours?: number;
  meanInstances?: number;
  invocations?: number;
  coldStartShare?: number;
}

export interface RequestHorizon {
  steps: number;
  /** Step length, seconds. */
  dt: number;
  env: Environments;
  seed: number;
  /** The delay of the component's sync calls across the link (call-delays.ts); absent: none. */
  callDelay?: CallDelay;
}

export function simulateRequests(
  load: ComponentLoad,
  placement: RequestPlacement,
  h: RequestHorizon,
  /** Static: the pool's cores; burst: its base's. */
  staticCores = 1,
): RequestRun {
  if (placement === 'serverless') {
    const fn = h.env.functions;
    const run = simulateFunctionRequests(load, {
      steps: h.steps,
      dt: h.dt,
      seed: h.seed,
      coldStartMs: fn.coldStartMs,
      keepAliveMinutes: fn.keepAliveMinutes,
      concurrencyLimit: fn.concurrencyLimit,
      ...(h.callDelay ? { callDelay: h.callDelay } : {}),
    });
    return {
      placement,
      figures: run.figures,
      invocations: run.invocations,
      coldStartShare: run.coldStartShare,
      meanInstances: run.meanInstances,
    };
  }
  if (placement === 'static') {
    const run = simulatePoolRequests(load, {
      steps: h.steps,
      dt: h.dt,
      seed: h.seed,
      cores: staticCores,
      ...(h.callDelay ? { callDelay: h.callDelay } : {}),
    });
    return { placement, figures: run.figures, cores: staticCores };
  }
  if (placement === 'burst') {
    const run = simulateBurstRequests(load, {
      steps: h.steps,
      dt: h.dt,
      seed: h.seed,
      env: h.env,
      baseCores: staticCores,
      ...(h.callDelay ? { callDelay: h.callDelay } : {}),
    });
    return {
      placement,
      figures: run.figures,
      cores: staticCores,
      cloudServed: run.cloudServed,
      cloudShareByMinute: run.cloudShareByMinute,
      instanceHours: run.instanceHours,
      meanInstances: run.meanInstances,
    };
  }
  const vm = h.env.vm;
  const run = simulatePoolRequests(load, {
    steps: h.steps,
    dt: h.dt,
    seed: h.seed,
    scaler: {
      vcpu: vm.vcpu,
      targetUtilization: vm.targetUtilization,
      minInstances: Math.min(vm.minInstances, vm.maxInstances),
      maxInstances: vm.maxInstances,
      bootSeconds: vm.bootSeconds,
      cooldownSeconds: vm.cooldownSeconds,
      evaluationSeconds: vm.evaluationSeconds,
    },
    ...(h.callDelay ? { callDelay: h.callDelay } : {}),
  });
  return {
    placement,
    figures: run.figures,
    instanceHours: run.instanceHours,
    meanInstances: run.meanInstances,
  };
}
