/**
 * Burst placement (cloud bursting, the Azure hybrid-app pattern): a static base in the data centre
 * plus elastic VMs in the cloud behind a traffic manager. The manager notices an overflow only after
 * it has lasted `detectionMinutes`, then sends the overflow to the cloud — only as much as healthy
 * cloud instances can take (health monitoring); the rest stays on the base. Cloud instances boot and
 * scale as in the elastic-VM model, from zero. When the overflow has been gone for `detectionMinutes`
 * the manager routes everything back.
 */
import { Autoscaler, createPolicy } from './autoscaler';
import { type ComponentLoad, type LinkLatency, type SimulationContext, computeServiceRate, readAsync } from './component-load';
import { OptionStats } from './option-stats';
import { createOutcome, serveStep } from './serve-step';

export interface BurstRun {
  stats: OptionStats;
  baseCores: number;
  instanceHours: number;
  /** Requests served by the cloud part. */
  cloudServed: number;
}

export function simulateBurst(load: ComponentLoad, ctx: SimulationContext, link: LinkLatency, baseCores: number): BurstRun {
  const { dt, env } = ctx;
  const stats = new OptionStats(ctx.steps, ctx.stepMinutes, load.sloMs, ctx.points);
  const mu = computeServiceRate(load);
  const coresPerRps = load.cpuMs / 1000;
  // The base is "full" at the utilisation static sizing plans for: peak ÷ (1 + headroom).
  const threshold = (baseCores * mu) / (1 + env.static.headroom);
  const detectSteps = Math.max(1, Math.ceil(env.trafficManager.detectionMinutes / ctx.stepMinutes - 1e-9));
  const cloud = new Autoscaler(createPolicy(env.vm, dt, 0), 0);
  const base = createOutcome();
  const burst = createOutcome();
  let routing = false;
  let streak = 0;
  let baseBacklog = 0;
  let cloudBacklog = 0;
  let cloudServed = 0;
  for (let i = 0; i < ctx.steps; i++) {
    const cloudCores = cloud.beginStep(i);
    const rps = load.total[i] as number;
    const asyncRps = readAsync(load, i);
    const overflow = rps > threshold ? rps - threshold : 0;
    // Overflow sent to the cloud, capped at what its running instances serve at their target.
    const cloudCap = cloudCores * mu * env.vm.targetUtilization;
    const toCloud = routing ? (overflow < cloudCap ? overflow : cloudCap) : 0;
    const asyncShare = rps > 0 ? asyncRps / rps : 0;
    serveStep(base, (rps - toCloud) * (1 - asyncShare), (rps - toCloud) * asyncShare, baseBacklog, baseCores, mu, load.durationMs, dt);
    serveStep(burst, toCloud * (1 - asyncShare), toCloud * asyncShare, cloudBacklog, cloudCores, mu, load.durationMs, dt);
    baseBacklog = base.backlog;
    cloudBacklog = burst.backlog;
    const served = base.served + burst.served;
    const w = served > 0 ? burst.served / served : 0;
    const meanMs = (1 - w) * (base.meanMs + link.inDataCentre) + w * (burst.meanMs + link.inCloud);
    const p95Ms = w > 0.05 ? Math.max(base.p95Ms + link.inDataCentre, burst.p95Ms + link.inCloud) : base.p95Ms + link.inDataCentre;
    stats.record(i, rps, (baseCores + cloudCores) * mu, rps * dt, served, base.dropped + burst.dropped, meanMs, p95Ms);
    cloudServed += burst.served;
    // The traffic manager's view: how long the overflow has been present (or absent).
    if (routing === overflow > 0) streak = 0;
    else if (++streak >= detectSteps) {
      routing = !routing;
      streak = 0;
    }
    cloud.endStep(i, routing ? (overflow + cloudBacklog / dt) * coresPerRps : 0);
  }
  return { stats, baseCores, instanceHours: (cloud.instanceSteps * dt) / 3600, cloudServed };
}
