/**
 * Static placement: a fixed reservation of cores in the data centre, paid whether used or not. Sized
 * for the peak demand plus headroom unless the component is pinned to an exact core count.
 */
import { type ComponentLoad, type LinkLatency, type SimulationContext, computeServiceRate, readAsync } from './component-load';
import { OptionStats } from './option-stats';
import { createOutcome, serveStep } from './serve-step';

export interface StaticRun {
  stats: OptionStats;
  cores: number;
}

/** Cores for a peak of `peakRps` at `cpuMs` each, plus `headroom` (at least one core). */
export function sizeStaticCores(peakRps: number, cpuMs: number, headroom: number): number {
  return Math.max(1, Math.ceil((peakRps * cpuMs * (1 + headroom)) / 1000 - 1e-9));
}

export function simulateStatic(load: ComponentLoad, ctx: SimulationContext, link: LinkLatency, pinnedCores?: number): StaticRun {
  const cores = pinnedCores ?? sizeStaticCores(load.peakRps, load.cpuMs, ctx.env.static.headroom);
  const stats = new OptionStats(ctx.steps, ctx.stepMinutes, load.sloMs, ctx.points);
  const mu = computeServiceRate(load);
  const out = createOutcome();
  const { dt } = ctx;
  const extra = link.inDataCentre;
  let backlog = 0;
  for (let i = 0; i < ctx.steps; i++) {
    const rps = load.total[i] as number;
    const asyncRps = readAsync(load, i);
    serveStep(out, rps - asyncRps, asyncRps, backlog, cores, mu, load.durationMs, dt);
    backlog = out.backlog;
    stats.record(i, rps, cores * mu, rps * dt, out.served, out.dropped, out.meanMs + extra, out.p95Ms + extra);
  }
  return { stats, cores };
}
