/**
 * Burst placement (cloud bursting, the Azure hybrid-app pattern): a static base in the data centre
 * plus elastic VMs in the cloud behind a traffic manager. The manager notices an overflow only after
 * it has lasted `detectionMinutes`, then sends the overflow to the cloud — only as much as healthy
 * cloud instances can take (health monitoring); the rest stays on the base. The cloud group scales on
 * the overflow's request count (its instances start from zero, so CPU cannot speak for them), with
 * the same datapoint rules, boot and cooldown as the elastic-VM model. When the overflow has been
 * gone for `detectionMinutes` the manager routes everything back. Like the VM model, steps are cut
 * at every datapoint and boot, so the clock of every decision is independent of the step size.
 */
import { MODEL_ASSUMPTIONS } from '../model/defaults';
import { Autoscaler, createPolicy } from './autoscaler';
import { type ComponentLoad, type SimulationContext, createStats, describePool } from './component-load';
import { findErlangTable } from './erlang-table';
import type { DoneCohort } from './async-cohorts';
import type { LatencyMixture } from './latency-mixture';
import type { OptionStats } from './option-stats';
import { type PartSink, createPoolOutcome, createPoolState, servePool } from './serve-pool';

// Bound once: under a CommonJS transform (tsx, the CLI) an imported name is a getter per call.
const serve = servePool;

/** Share of the cloud instances' capacity the traffic manager fills before holding traffic back. */
const CLOUD_FILL = MODEL_ASSUMPTIONS.cloudFill;

export interface BurstRun {
  stats: OptionStats;
  baseCores: number;
  instanceHours: number;
  meanInstances: number;
  /** Requests served by the cloud part. */
  cloudServed: number;
}

/** Collects one pool's stretches within a segment, so the two pools make one record per segment. */
class PoolParts implements PartSink {
  arrived = 0;
  admitted = 0;
  dropped = 0;
  latency = 0;
  /** Worst p95 of its stretches, ms, and that stretch's minute-to-minute spread. */
  p95 = 0;
  spread = 0;
  readonly hasSlo: boolean;
  readonly sloMs: number;
  readonly mix: LatencyMixture;
  constructor(private readonly stats: OptionStats) {
    this.hasSlo = stats.hasSlo;
    this.sloMs = stats.sloMs;
    this.mix = stats.mix;
  }
  clear(): void {
    this.arrived = this.admitted = this.dropped = this.latency = this.p95 = this.spread = 0;
  }
  answered(cohort: DoneCohort): void {
    this.stats.answered(cohort);
  }
  part(
    _seconds: number,
    arrived: number,
    admitted: number,
    dropped: number,
    latency: number,
    p95: number,
    spread: number,
  ): void {
    this.arrived += arrived;
    this.admitted += admitted;
    this.dropped += dropped;
    this.latency += latency;
    if (admitted > 0 && p95 > this.p95) {
      this.p95 = p95;
      this.spread = spread;
    }
  }
}

export function simulateBurst(load: ComponentLoad, ctx: SimulationContext, baseCores: number): BurstRun {
  const { dt, env } = ctx;
  const stats = createStats(load, ctx);
  const spec = describePool(load);
  const mu = spec.mu;
  const coresPerRps = load.cpuMs / 1000;
  // The base is "full" at the utilisation static sizing plans for: peak ÷ (1 + headroom).
  const threshold = (baseCores * mu) / (1 + env.static.headroom);
  const detectSeconds = env.trafficManager.detectionMinutes * 60;
  const policy = createPolicy(env.vm, 0);
  const cloud = new Autoscaler(policy, 0);
  const baseTable = findErlangTable(baseCores);
  const base = createPoolState();
  const remote = createPoolState();
  const baseOut = createPoolOutcome();
  const cloudOut = createPoolOutcome();
  const baseParts = new PoolParts(stats);
  const cloudParts = new PoolParts(stats);
  const evaluation = policy.evaluationSeconds;
  let nextEval = evaluation;
  let window = 0; // overflow core-seconds since the last datapoint
  let routing = false;
  let streak = 0; // seconds the overflow has been present (or absent) against the routing
  let t = 0;
  const asyncSeries = load.async;
  for (let i = 0; i < ctx.steps; i++) {
    const rps = load.total[i] as number;
    const asyncRps = asyncSeries === null ? 0 : (asyncSeries[i] as number);
    const syncRps = rps - asyncRps;
    const end = (i + 1) * dt;
    stats.beginStep(i, rps, (baseCores + cloud.running * policy.vcpu) * mu);
    while (t < end - 1e-9) {
      cloud.bootUntil(t);
      const boot = cloud.nextBootAt();
      let until = end < nextEval ? (end < boot ? end : boot) : nextEval < boot ? nextEval : boot;
      // Waiting async work counts as demand: the manager watches queue length too (Elastic Queue).
      const wanted = rps + base.asyncQueue / evaluation;
      const overflow = wanted > threshold ? wanted - threshold : 0;
      // The manager flips when the overflow has been present (absent) for the detection time: cut there.
      if (routing !== overflow > 0) {
        const flip = t + detectSeconds - streak;
        if (flip > t + 1e-9 && flip < until) until = flip;
      }
      const seconds = until - t;
      const cloudCores = cloud.running * policy.vcpu;
      const cloudCap = cloudCores * mu * CLOUD_FILL;
      const toCloud = routing ? (overflow < cloudCap ? overflow : cloudCap) : 0;
      // Sync traffic is redirected first (it cannot wait); async work beyond the base follows,
      // moving backlog to the cloud when new arrivals do not fill its share.
      const syncToCloud = toCloud < syncRps ? toCloud : syncRps;
      let asyncToCloud = toCloud - syncToCloud;
      if (asyncToCloud > asyncRps) {
        const moved = Math.min(base.asyncQueue, (asyncToCloud - asyncRps) * seconds);
        base.asyncQueue -= moved;
        remote.asyncQueue += moved;
        base.backlog.moveNewest(moved, remote.backlog);
        asyncToCloud = asyncRps;
      }
      baseParts.clear();
      cloudParts.clear();
      serve(
        base,
        spec,
        baseCores,
        baseTable,
        syncRps - syncToCloud,
        asyncRps - asyncToCloud,
        t,
        seconds,
        baseParts,
        baseOut,
      );
      serve(
        remote,
        spec,
        cloudCores,
        findErlangTable(cloudCores),
        syncToCloud,
        asyncToCloud,
        t,
        seconds,
        cloudParts,
        cloudOut,
      );
      recordSegment(stats, seconds, baseParts, cloudParts);
      cloud.pay(seconds);
      // The cloud group's demand: the overflow while it is routed there, and its own queue always.
      window += ((routing ? overflow : 0) + remote.asyncQueue / evaluation) * coresPerRps * seconds;
      // The traffic manager's view: how long the overflow has been present (or absent).
      if (routing === overflow > 0) streak = 0;
      else if ((streak += seconds) >= detectSeconds - 1e-9) {
        routing = !routing;
        streak = 0;
      }
      t = until;
      if (t >= nextEval - 1e-9) {
        cloud.evaluate(nextEval, window / evaluation);
        window = 0;
        nextEval += evaluation;
      }
    }
  }
  const horizon = ctx.steps * dt;
  return {
    stats,
    baseCores,
    instanceHours: cloud.instanceSeconds / 3600,
    meanInstances: horizon > 0 ? cloud.instanceSeconds / horizon : 0,
    cloudServed: cloudOut.served,
  };
}

/** One record for both pools: the segment's p95 is the worse of the parts serving over 5 % of it. */
function recordSegment(stats: OptionStats, seconds: number, base: PoolParts, cloud: PoolParts): void {
  const admitted = base.admitted + cloud.admitted;
  const w = admitted > 0 ? cloud.admitted / admitted : 0;
  const fromBase = w < 0.95 ? base.p95 : 0;
  const fromCloud = w > 0.05 ? cloud.p95 : 0;
  stats.part(
    seconds,
    base.arrived + cloud.arrived,
    admitted,
    base.dropped + cloud.dropped,
    base.latency + cloud.latency,
    Math.max(fromBase, fromCloud),
    fromBase >= fromCloud ? base.spread : cloud.spread,
  );
}
