/**
 * Burst placement (cloud bursting, the Azure hybrid-app pattern): a static base in the data centre
 * plus elastic VMs in the cloud behind a traffic manager. The manager notices an overflow only after
 * it has lasted `detectionMinutes`, then sends the overflow to the cloud — only as much as healthy
 * cloud instances can take (health monitoring); the rest stays on the base. Cloud instances boot and
 * scale as in the elastic-VM model, from zero. When the overflow has been gone for `detectionMinutes`
 * the manager routes everything back.
 */
import { MODEL_ASSUMPTIONS } from '../model/defaults';
import { Autoscaler, createPolicy } from './autoscaler';
import { type ComponentLoad, type SimulationContext, computeServiceRate } from './component-load';
import { findLatencyCurve } from './latency-curve';
import { OptionStats } from './option-stats';
import { createOutcome, serveStep } from './serve-step';

// Bound once: under a CommonJS transform (tsx, the CLI) an imported name is a getter per call.
const serve = serveStep;

/** Share of the cloud instances' capacity the traffic manager fills before holding traffic back. */
const CLOUD_FILL = MODEL_ASSUMPTIONS.cloudFill;

export interface BurstRun {
  stats: OptionStats;
  baseCores: number;
  instanceHours: number;
  /** Requests served by the cloud part. */
  cloudServed: number;
}

export function simulateBurst(load: ComponentLoad, ctx: SimulationContext, baseCores: number): BurstRun {
  const { dt, env } = ctx;
  const stats = new OptionStats(ctx.steps, ctx.stepMinutes, load.sloMs, ctx.points);
  const mu = computeServiceRate(load);
  const coresPerRps = load.cpuMs / 1000;
  // The base is "full" at the utilisation static sizing plans for: peak ÷ (1 + headroom).
  const threshold = (baseCores * mu) / (1 + env.static.headroom);
  const detectSteps = Math.max(1, Math.ceil(env.trafficManager.detectionMinutes / ctx.stepMinutes - 1e-9));
  const cloud = new Autoscaler(createPolicy(env.vm, dt, 0), 0);
  const base = createOutcome();
  const baseCurve = findLatencyCurve(baseCores, mu, load.durationMs);
  let cloudCurve = findLatencyCurve(0, mu, load.durationMs);
  const burst = createOutcome();
  let routing = false;
  let streak = 0;
  let baseBacklog = 0;
  let cloudBacklog = 0;
  let cloudServed = 0;
  const asyncSeries = load.async;
  for (let i = 0; i < ctx.steps; i++) {
    const cloudCores = cloud.beginStep(i);
    const rps = load.total[i] as number;
    const asyncRps = asyncSeries === null ? 0 : (asyncSeries[i] as number);
    // Waiting async work counts as demand: the manager watches queue length too (Elastic Queue).
    const wanted = rps + baseBacklog / dt;
    const overflow = wanted > threshold ? wanted - threshold : 0;
    // Overflow sent to the cloud, capped at what its healthy running instances can serve.
    const cloudCap = cloudCores * mu * CLOUD_FILL;
    const toCloud = routing ? (overflow < cloudCap ? overflow : cloudCap) : 0;
    // Sync traffic is redirected first (it cannot wait); async work beyond the base follows, moving
    // backlog to the cloud when new arrivals do not fill its share.
    const syncRps = rps - asyncRps;
    const syncToCloud = toCloud < syncRps ? toCloud : syncRps;
    const asyncToCloud = toCloud - syncToCloud;
    const asyncLocal = asyncRps - asyncToCloud;
    const movedBacklog = asyncLocal < 0 ? -asyncLocal * dt : 0;
    if (cloudCores !== cloudCurve.cores) cloudCurve = findLatencyCurve(cloudCores, mu, load.durationMs);
    serve(base, syncRps - syncToCloud, asyncLocal > 0 ? asyncLocal : 0, baseBacklog - movedBacklog, baseCurve, dt);
    serve(burst, syncToCloud, asyncToCloud - movedBacklog / dt, cloudBacklog + movedBacklog, cloudCurve, dt);
    baseBacklog = base.backlog;
    cloudBacklog = burst.backlog;
    const served = base.served + burst.served;
    const w = served > 0 ? burst.served / served : 0;
    const meanMs = (1 - w) * base.meanMs + w * burst.meanMs;
    // The step's p95 is the worse of the parts that serve more than 5 % of its requests.
    const p95Ms = Math.max(w < 0.95 ? base.p95Ms : 0, w > 0.05 ? burst.p95Ms : 0);
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
