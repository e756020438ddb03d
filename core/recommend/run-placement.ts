/**
 * Runs one capacity model for one component and turns its usage into a monthly bill and a short
 * note: static cores, VM instance-hours, function requests and GB-seconds (plus the API gateway in
 * front of sync invocations [HSA]), or a burst's base cores plus cloud instance-hours. Runs once per
 * component and placement, independent of the neighbours' placements (link latency and crossing
 * costs are applied afterwards, see assess-options.ts).
 */
import {
  computeFunctionCost,
  computeGatewayCost,
  computeInstanceCost,
  computeStaticCost,
  scaleToMonth,
} from '../cost/prices';
import { type Component, type Placement, PLACEMENTS } from '../model/design';
import type { ComponentLoad, SimulationContext } from '../simulate/component-load';
import type { ChartSeries, OptionFigures, OptionStats } from '../simulate/option-stats';
import { simulateBurst } from '../simulate/simulate-burst';
import { simulateServerless } from '../simulate/simulate-serverless';
import { simulateStatic, sizeForSlo, sizeStaticCores } from '../simulate/simulate-static';
import { simulateVm } from '../simulate/simulate-vm';
import { sizeBurstBase } from './size-burst-base';

export interface PlacementRun {
  placement: Placement;
  stats: OptionStats;
  figures: OptionFigures;
  series: ChartSeries;
  /** The component's own bill, per 730-hour month. */
  ownCost: number;
  /** Share of served requests served in the cloud. */
  cloudShare: number;
  /** Serverless: share of invocations that waited a cold start. */
  coldStartShare?: number;
  /** Serverless and VMs (a burst's cloud part): mean instances held, idle and busy. */
  meanInstances?: number;
  note: string;
}

/** Runs all four placements. A burst whose base already covers the peak (and has no async backlog
 * to overflow) never routes anything to the cloud: it is the static run, reused rather than re-run. */
export function runPlacements(c: Component, load: ComponentLoad, ctx: SimulationContext): PlacementRun[] {
  const runs = PLACEMENTS.filter((p) => p !== 'burst').map((p) => runPlacement(p, c, load, ctx));
  const staticRun = runs[0] as PlacementRun;
  const env = ctx.env;
  const staticCores = c.pin?.placement === 'static' ? undefined : sizeForSlo(load, env.static.headroom).cores;
  const baseCores =
    c.pin?.placement === 'burst'
      ? c.pin.cores
      : Math.min(sizeBurstBase(load, env), sizeForSlo(load, env.static.headroom).cores);
  const isSame = staticCores !== undefined && baseCores === staticCores && load.async === null;
  runs.push(
    isSame
      ? {
          ...staticRun,
          placement: 'burst',
          note: `a base of ${plural(baseCores, 'core')} covers the peak: no overflow reaches the cloud`,
        }
      : runPlacement('burst', c, load, ctx),
  );
  return runs;
}

export function runPlacement(
  placement: Placement,
  c: Component,
  load: ComponentLoad,
  ctx: SimulationContext,
): PlacementRun {
  const env = ctx.env;
  const hours = (ctx.steps * ctx.stepMinutes) / 60;
  const pinnedCores = c.pin?.placement === placement ? c.pin.cores : undefined;
  const done = (
    stats: OptionStats,
    ownCost: number,
    cloudShare: number,
    note: string,
    usage: Pick<PlacementRun, 'coldStartShare' | 'meanInstances'> = {},
  ): PlacementRun => {
    const figures = stats.finish();
    return { placement, stats, figures, series: stats.series, ownCost, cloudShare, note, ...usage };
  };
  if (placement === 'static') {
    const run = simulateStatic(load, ctx, pinnedCores);
    const forPeak = sizeStaticCores(load.peakRps, load.cpuMs, env.static.headroom);
    const why =
      pinnedCores !== undefined
        ? ' (pinned)'
        : run.sizing && !run.sizing.canMeetSlo
          ? ` for peak + ${Math.round(100 * env.static.headroom)} % headroom; no core count meets the p95 SLO of ${load.sloMs} ms: the service time alone has a p95 of ${Math.round(run.sizing.serviceP95Ms)} ms`
          : run.cores > forPeak
            ? ` (peak + ${Math.round(100 * env.static.headroom)} % headroom needs ${forPeak}; the p95 SLO at peak needs ${run.cores})`
            : '';
    return done(
      run.stats,
      computeStaticCost(run.cores, env.static.coreMonthlyCost),
      0,
      `${plural(run.cores, 'core')} reserved${why}`,
    );
  }
  if (placement === 'elastic-vm') {
    const run = simulateVm(load, ctx);
    const cost = scaleToMonth(computeInstanceCost(run.instanceHours, env.vm.hourlyPrice), hours);
    return done(
      run.stats,
      cost,
      1,
      `${formatNumber(scaleToMonth(run.instanceHours, hours))} instance-hours a month, ${run.meanInstances.toFixed(1)} instances on average, up to ${plural(run.peakInstances, 'instance')} of ${env.vm.vcpu} vCPU`,
      { meanInstances: run.meanInstances },
    );
  }
  if (placement === 'serverless') {
    const run = simulateServerless(load, ctx);
    const seconds = load.functionDurationMs / 1000;
    const fn = computeFunctionCost(run.invocations, load.memoryMb, seconds, env.functions);
    const gateway = computeGatewayCost(run.syncInvocations, env.apiGateway.pricePerMillionRequests);
    const coldStartShare = run.invocations > 0 ? run.coldStarts / run.invocations : 0;
    const cold = 100 * coldStartShare;
    const stretched =
      seconds * 1000 > load.durationMs * 1.0001 ? ` of ${formatMs(seconds * 1000)} at ${load.memoryMb} MB` : '';
    const note = `${formatNumber(scaleToMonth(run.invocations, hours))} invocations a month${stretched}, ${cold.toFixed(cold < 1 ? 2 : 1)} % cold starts, ${run.meanInstances.toFixed(1)} instances on average${gateway > 0 ? ', API gateway included' : ''}`;
    return done(run.stats, scaleToMonth(fn.total + gateway, hours), 1, note, {
      coldStartShare,
      meanInstances: run.meanInstances,
    });
  }
  const baseCores = pinnedCores ?? Math.min(sizeBurstBase(load, env), sizeForSlo(load, env.static.headroom).cores);
  const run = simulateBurst(load, ctx, baseCores);
  const cost =
    computeStaticCost(baseCores, env.static.coreMonthlyCost) +
    scaleToMonth(computeInstanceCost(run.instanceHours, env.vm.hourlyPrice), hours);
  const served = run.stats.finish().served;
  const cloudShare = served > 0 ? run.cloudServed / served : 0;
  const note = `${plural(baseCores, 'base core')} + ${formatNumber(scaleToMonth(run.instanceHours, hours))} cloud instance-hours a month; ${(100 * cloudShare).toFixed(1)} % of requests served in the cloud`;
  return done(run.stats, cost, cloudShare, note, { meanInstances: run.meanInstances });
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 10000 ? 0 : 1)} s` : `${Math.round(ms)} ms`;
}

function formatNumber(x: number): string {
  return x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1);
}
