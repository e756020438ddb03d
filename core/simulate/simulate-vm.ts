/**
 * Elastic-VM placement: instances in the cloud behind a reactive autoscaler (see autoscaler.ts).
 * Sync requests beyond the running capacity are dropped while new instances boot; async requests
 * wait, and the queue length is part of what the autoscaler watches (Elastic Queue, [CCP]).
 */
import { Autoscaler, createPolicy } from './autoscaler';
import { type ComponentLoad, type SimulationContext, computeServiceRate } from './component-load';
import { findLatencyCurve } from './latency-curve';
import { OptionStats } from './option-stats';
import { createOutcome, serveStep } from './serve-step';

// Bound once: under a CommonJS transform (tsx, the CLI) an imported name is a getter per call.
const serve = serveStep;

export interface VmRun {
  stats: OptionStats;
  /** Instance-hours paid over the horizon. */
  instanceHours: number;
  peakInstances: number;
}

export function simulateVm(load: ComponentLoad, ctx: SimulationContext): VmRun {
  const { dt } = ctx;
  const stats = new OptionStats(ctx.steps, ctx.stepMinutes, load.sloMs, ctx.points);
  const mu = computeServiceRate(load);
  const coresPerRps = load.cpuMs / 1000;
  const scaler = new Autoscaler(createPolicy(ctx.env.vm, dt), ((load.total[0] as number) || 0) * coresPerRps);
  const out = createOutcome();
  let curve = findLatencyCurve(0, mu, load.durationMs);
  let backlog = 0;
  let peakInstances = 0;
  const asyncSeries = load.async;
  for (let i = 0; i < ctx.steps; i++) {
    const cores = scaler.beginStep(i);
    if (scaler.running > peakInstances) peakInstances = scaler.running;
    const rps = load.total[i] as number;
    const asyncRps = asyncSeries === null ? 0 : (asyncSeries[i] as number);
    if (cores !== curve.cores) curve = findLatencyCurve(cores, mu, load.durationMs);
    serve(out, rps - asyncRps, asyncRps, backlog, curve, dt);
    backlog = out.backlog;
    stats.record(i, rps, cores * mu, rps * dt, out.served, out.dropped, out.meanMs, out.p95Ms);
    // CPU shows only what was served; with no instance at all the load balancer's request count
    // stands in for it. The backlog adds what is needed to drain the queue within a step.
    const seen = cores > 0 ? out.served / dt : rps;
    scaler.endStep(i, (seen + out.backlog / dt) * coresPerRps);
  }
  return { stats, instanceHours: (scaler.instanceSteps * dt) / 3600, peakInstances };
}
