/**
 * Runs one capacity model for one component and says what it uses in a 730-hour month — cores,
 * instance-hours, invocations and GB-seconds, a burst's base, cloud hours and managed requests —
 * then bills that usage into cost lines (cost/bill-usage.ts) with a short note. Runs once per
 * component and placement, independent of the neighbours' placements: what a connection costs when
 * it crosses the link is the joint choice's business (crossing.ts).
 */
import { billUsage, perMonth, type PlacementUsage } from '../cost/bill-usage';
import { type CostLine, sumLines } from '../cost/cost-line';
import { type Component, type Environments, type Placement, PLACEMENTS } from '../model/design';
import type { ComponentLoad, SimulationContext } from '../simulate/component-load';
import type { ChartSeries, OptionFigures, OptionStats } from '../simulate/option-stats';
import { simulateBurst } from '../simulate/simulate-burst';
import { simulateServerless } from '../simulate/simulate-serverless';
import { simulateStatic, sizeForSlo, sizeStaticCores } from '../simulate/simulate-static';
import { simulateVm } from '../simulate/simulate-vm';
import { meetsTolerance, toleranceOf } from './assess-assignment';
import { sizeBurstBase } from './size-burst-base';

export interface PlacementRun {
  placement: Placement;
  stats: OptionStats;
  figures: OptionFigures;
  series: ChartSeries;
  /** What it uses in a month, its bill for that, and the bill's total. */
  usage: PlacementUsage;
  lines: CostLine[];
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
export function runPlacements(
  c: Component,
  load: ComponentLoad,
  ctx: SimulationContext,
  publicShare: number,
): PlacementRun[] {
  const runs = PLACEMENTS.filter((p) => p !== 'burst').map((p) => runPlacement(p, c, load, ctx, publicShare));
  const staticRun = runs[0] as PlacementRun;
  const env = ctx.env;
  const staticCores =
    c.pin?.placement === 'static'
      ? undefined
      : sizeForSlo(load, env.static.headroom, env.decision.sloMinuteShare).cores;
  const baseCores =
    c.pin?.placement === 'burst'
      ? c.pin.cores
      : Math.min(sizeBurstBase(load, env), sizeForSlo(load, env.static.headroom, env.decision.sloMinuteShare).cores);
  const isSame = staticCores !== undefined && baseCores === staticCores && load.async === null;
  runs.push(isSame ? asBurst(staticRun, baseCores, ctx) : runPlacement('burst', c, load, ctx, publicShare));
  if (c.pin) return runs;
  // A planner tunes VMs that fall short before giving up on them: they scale out earlier (a lower
  // target utilisation). A burst is not tuned: its base is Weinman's (size-burst-base.ts), and a
  // base raised to hide the traffic manager's delay would be the data centre again, split in two. Only where it can matter:
  // when the option is cheaper than the data centre, or the data centre falls short too.
  const tol = toleranceOf(env, ctx.steps * ctx.stepMinutes);
  const worth = (r: PlacementRun) =>
    !meetsTolerance(r.figures, tol) && (r.ownCost < staticRun.ownCost || !meetsTolerance(staticRun.figures, tol));
  const meets = (r: PlacementRun) => meetsTolerance(r.figures, tol);
  const vm = runs[1] as PlacementRun;
  if (worth(vm)) {
    // Scale out earlier: the first target utilisation, in steps down from the configured one, that
    // keeps up with the ramps (a scan, not a bisection: an autoscaler's timing is not monotone).
    for (
      let target = env.vm.targetUtilization - VM_TARGET_STEP;
      target >= VM_TARGET_FLOOR - 1e-9;
      target -= VM_TARGET_STEP
    ) {
      const tried = runPlacement('elastic-vm', c, load, ctx, publicShare, {
        targetUtilization: Math.round(100 * target) / 100,
      });
      if (meets(tried)) {
        runs[1] = tried;
        break;
      }
    }
  }
  return runs;
}

/** How a tuned autoscaler's target steps down, and the lowest it goes: below that, VMs mostly idle. */
const VM_TARGET_STEP = 0.05;
const VM_TARGET_FLOOR = 0.2;

/**
 * A run billed again at other prices: the usage a simulation measured does not depend on prices, so
 * a changed price (a core-month, an hourly rate, a request price) re-prices without re-simulating.
 */
export function rebill(run: PlacementRun, env: Environments): PlacementRun {
  const lines = billUsage(run.usage, env);
  return { ...run, lines, ownCost: sumLines(lines) };
}

/** The static run as a burst that never overflows: its base, no cloud hours, the manager still in place. */
function asBurst(staticRun: PlacementRun, baseCores: number, ctx: SimulationContext): PlacementRun {
  const hours = (ctx.steps * ctx.stepMinutes) / 60;
  const managedRequests = perMonth(staticRun.figures.requests, hours);
  const usage: PlacementUsage = { placement: 'burst', baseCores, instanceHours: 0, managedRequests };
  const lines = billUsage(usage, ctx.env);
  const note = `a base of ${plural(baseCores, 'core')} covers the peak: no overflow reaches the cloud`;
  return { ...staticRun, placement: 'burst', usage, lines, ownCost: sumLines(lines), note };
}

/**
 * `publicShare` is the share of the component's requests that come from outside the design (its own
 * workload): served by functions, those arrive over public HTTP and pass an API gateway [HSA]; calls
 * from other components invoke the functions directly.
 */
export function runPlacement(
  placement: Placement,
  c: Component,
  load: ComponentLoad,
  ctx: SimulationContext,
  publicShare = 0,
  sizing: { targetUtilization?: number } = {},
): PlacementRun {
  const target = sizing.targetUtilization;
  const env = target === undefined ? ctx.env : { ...ctx.env, vm: { ...ctx.env.vm, targetUtilization: target } };
  const hours = (ctx.steps * ctx.stepMinutes) / 60;
  const pinnedCores = c.pin?.placement === placement ? c.pin.cores : undefined;
  const done = (
    stats: OptionStats,
    usage: PlacementUsage,
    cloudShare: number,
    note: string,
    extra: Pick<PlacementRun, 'coldStartShare' | 'meanInstances'> = {},
  ): PlacementRun => {
    const figures = stats.finish();
    const lines = billUsage(usage, env);
    const ownCost = sumLines(lines);
    return { placement, stats, figures, series: stats.series, usage, lines, ownCost, cloudShare, note, ...extra };
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
    return done(run.stats, { placement, cores: run.cores }, 0, `${plural(run.cores, 'core')} reserved${why}`);
  }
  if (placement === 'elastic-vm') {
    const run = simulateVm(load, target === undefined ? ctx : { ...ctx, env });
    const instanceHours = perMonth(run.instanceHours, hours);
    return done(
      run.stats,
      { placement, instanceHours },
      1,
      `${formatNumber(instanceHours)} instance-hours a month${target === undefined ? '' : `, scaling out at ${Math.round(100 * target)} % CPU so it keeps up with the ramps of its peaks`}, ${run.meanInstances.toFixed(1)} instances on average, up to ${plural(run.peakInstances, 'instance')} of ${env.vm.vcpu} vCPU${describePlanned(load, 'instances scheduled to be running')}`,
      { meanInstances: run.meanInstances },
    );
  }
  if (placement === 'serverless') {
    const run = simulateServerless(load, ctx);
    const seconds = load.functionDurationMs / 1000;
    const invocations = perMonth(run.invocations, hours);
    const gbSeconds = invocations * (load.memoryMb / 1024) * seconds;
    const gatewayRequests = perMonth(Math.min(run.syncInvocations, run.invocations * publicShare), hours);
    const coldStartShare = run.invocations > 0 ? run.coldStarts / run.invocations : 0;
    const cold = 100 * coldStartShare;
    const stretched =
      seconds * 1000 > load.durationMs * 1.0001 ? ` of ${formatMs(seconds * 1000)} at ${load.memoryMb} MB` : '';
    const gateway = gatewayRequests > 0 ? `; ${formatNumber(gatewayRequests)} of them through an API gateway` : '';
    const note = `${formatNumber(invocations)} invocations a month${stretched}, ${cold.toFixed(cold < 1 ? 2 : 1)} % cold starts, ${run.meanInstances.toFixed(1)} instances on average${gateway}`;
    return done(run.stats, { placement, invocations, gbSeconds, gatewayRequests }, 1, note, {
      coldStartShare,
      meanInstances: run.meanInstances,
    });
  }
  const baseCores =
    pinnedCores ??
    Math.min(sizeBurstBase(load, env), sizeForSlo(load, env.static.headroom, env.decision.sloMinuteShare).cores);
  const run = simulateBurst(load, ctx, baseCores);
  const figures = run.stats.finish();
  const cloudShare = figures.served > 0 ? run.cloudServed / figures.served : 0;
  const instanceHours = perMonth(run.instanceHours, hours);
  // Every request is resolved through the traffic manager's DNS name, overflow or not.
  const managedRequests = perMonth(figures.requests, hours);
  const note = `${plural(baseCores, 'base core')} + ${formatNumber(instanceHours)} cloud instance-hours a month; ${(100 * cloudShare).toFixed(1)} % of requests served in the cloud${describePlanned(load, 'cloud instances and traffic weights scheduled')}`;
  return done(run.stats, { placement, baseCores, instanceHours, managedRequests }, cloudShare, note, {
    meanInstances: run.meanInstances,
  });
}

/** The planned peaks in words, for a note: '; instances scheduled to be running when the planned peak starts at hour 300'. */
function describePlanned(load: ComponentLoad, what: string): string {
  const peaks = load.planned ?? [];
  if (peaks.length === 0) return '';
  const hours = peaks.map((p) => formatHours(p.startSeconds / 3600)).join(', ');
  return `; ${what} before the planned peak${peaks.length === 1 ? '' : 's'} at hour ${hours}`;
}

function formatHours(h: number): string {
  return Number.isInteger(h) ? String(h) : h.toFixed(1);
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
