/**
 * Static placement: a fixed reservation of cores in the data centre, paid whether used or not. Sized
 * for the peak demand plus headroom unless the component is pinned to an exact core count.
 */
import { type ComponentLoad, type SimulationContext, computeServiceRate } from './component-load';
import { computeErlangC, computeWaitQuantile } from './erlang';
import { findLatencyCurve } from './latency-curve';
import { OptionStats } from './option-stats';
import { createOutcome, serveStep } from './serve-step';

// Bound once: under a CommonJS transform (tsx, the CLI) an imported name is a getter per call.
const serve = serveStep;

export interface StaticRun {
  stats: OptionStats;
  cores: number;
}

/** Cores for a peak of `peakRps` at `cpuMs` each, plus `headroom` (at least one core). */
export function sizeStaticCores(peakRps: number, cpuMs: number, headroom: number): number {
  return Math.max(1, Math.ceil((peakRps * cpuMs * (1 + headroom)) / 1000 - 1e-9));
}

/**
 * A capacity planner sizes for the peak plus headroom, and adds cores when the p95 SLO needs them at
 * the peak (M/M/c wait quantile). Gives up adding after a bounded search when the SLO is below the
 * request's own duration and no core count can meet it.
 */
export function sizeForSlo(load: ComponentLoad, headroom: number): number {
  const base = sizeStaticCores(load.peakRps, load.cpuMs, headroom);
  // At a thousand cores and more, peak + headroom leaves the Erlang C wait at nothing: no search.
  if (!Number.isFinite(load.sloMs) || load.durationMs >= load.sloMs || load.peakRps <= 0 || base >= 1000) return base;
  const mu = 1000 / load.cpuMs;
  const a = load.peakRps / mu;
  for (let c = base; c <= base * 4 + 64; c++) {
    if (a >= c) continue;
    const p95 = load.durationMs + 1000 * computeWaitQuantile(computeErlangC(c, a), c * mu - load.peakRps, 0.95);
    if (p95 <= load.sloMs) return c;
  }
  return base;
}

export function simulateStatic(load: ComponentLoad, ctx: SimulationContext, pinnedCores?: number): StaticRun {
  const cores = pinnedCores ?? sizeForSlo(load, ctx.env.static.headroom);
  const stats = new OptionStats(ctx.steps, ctx.stepMinutes, load.sloMs, ctx.points);
  const mu = computeServiceRate(load);
  const out = createOutcome();
  const curve = findLatencyCurve(cores, mu, load.durationMs);
  const { dt } = ctx;
  let backlog = 0;
  const asyncSeries = load.async;
  for (let i = 0; i < ctx.steps; i++) {
    const rps = load.total[i] as number;
    const asyncRps = asyncSeries === null ? 0 : (asyncSeries[i] as number);
    serve(out, rps - asyncRps, asyncRps, backlog, curve, dt);
    backlog = out.backlog;
    stats.record(i, rps, cores * mu, rps * dt, out.served, out.dropped, out.meanMs, out.p95Ms);
  }
  return { stats, cores };
}
