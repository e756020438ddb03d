/**
 * Runs one capacity model for one component and says what it uses in a 730-hour month — cores,
 * instance-hours, invocations at a duration, a burst's base, cloud hours and managed requests —
 * then bills that usage into cost lines with the design's tariff (cost/bill-usage.ts), with a short
 * note. Runs once per component and placement, independent of the neighbours' placements: what a
 * connection costs when it crosses the link is the joint choice's business (crossing.ts).
 *
 * A run's usage does not depend on prices, so runs can be shared between tariffs (comparing
 * providers): given a cache, a run whose inputs — the model's own settings, the function's duration
 * and cold starts, a burst's base — match an earlier one's is billed again, not simulated again.
 */
import { billUsage, perMonth, type PlacementUsage } from '../cost/bill-usage';
import { type CostLine, sumLines } from '../cost/cost-line';
import { functionMsOf, type Tariff } from '../cost/tariff';
import { CONNECTION_DEFAULTS, HOURS_PER_MONTH } from '../model/defaults';
import { PLACEMENTS } from '../model/design-fields';
import type { Component, Placement } from '../model/design';
import { type ComponentLoad, type GiveUp, giveUpBeyond, type SimulationContext } from '../simulate/component-load';
import type { DemandMemo } from '../simulate/propagate-demand';
import type { ChartSeries, OptionFigures, OptionStats } from '../simulate/option-stats';
import { simulateBurst } from '../simulate/simulate-burst';
import { simulateServerless } from '../simulate/simulate-serverless';
import { simulateStatic, sizeForSlo, sizeStaticCores, type StaticSizing } from '../simulate/simulate-static';
import { simulateVm } from '../simulate/simulate-vm';
import { formatShare } from '../present/decision';
import {
  formatCount,
  formatCountOf,
  formatMissedMinutes,
  formatDuration,
  formatHour,
  formatMoney,
  plural,
} from '../present/format';
import { BURST_RESERVE, fitsBurstReserve, meetsTolerance, type Tolerance, toleranceOf } from './assess-assignment';
import { findRuleOut } from './hard-constraints';
import { planBurstBase } from './size-burst-base';
import type { SolveMemo } from './solve-jointly';
import type { OptionMemo } from './option-memo';

/** What a capacity model did, before any price: shareable between tariffs. */
export interface SimulatedRun {
  placement: Placement;
  stats: OptionStats;
  figures: OptionFigures;
  series: ChartSeries;
  /** What it uses in a month. */
  usage: PlacementUsage;
  /** Share of served requests served in the cloud. */
  cloudShare: number;
  /** Serverless: share of invocations that waited a cold start. */
  coldStartShare?: number;
  /** Serverless and VMs (a burst's cloud part): mean instances held, idle and busy. */
  meanInstances?: number;
  /** VMs scaling out earlier than configured (a tuned target utilisation): that target. */
  targetUtilization?: number;
  note: string;
}

export interface PlacementRun extends SimulatedRun {
  /** Its bill for the usage, and the bill's total. */
  lines: CostLine[];
  ownCost: number;
}

/** Runs already simulated, by component and inputs (see the module comment), and how often one was reused. */
export interface RunCache {
  runs: Map<string, SimulatedRun>;
  reused: number;
  /**
   * Kept across plans (a RunMemo, run-memo.ts): keys read or written by the plan under way, so that
   * the runs no later plan asked for can be let go; and each component's fingerprint, which then
   * names it in the keys instead of its id (an edit changes the fingerprint, a rename does not).
   */
  used?: Set<string>;
  fingerprintOf?: (c: Component, load: ComponentLoad, ctx: SimulationContext) => string;
  /** Static sizing for the SLO (sizeForSlo) by component fingerprint: it depends on no price either. */
  sizings?: Map<string, StaticSizing>;
  /** Demand series kept across plans (propagate-demand.ts): an edit recomputes only what it changes. */
  demand?: DemandMemo;
  /**
   * A component's billed runs as runPlacements returned them, by its fingerprint and everything else
   * they read (prices included), with the run and sizing keys they used (marked used again on a hit,
   * so that a later price edit still finds its runs).
   */
  placements?: Map<string, { runs: PlacementRun[]; keys: string[] }>;
  /** A short key for an object the plan shares between components (a tariff, the environments). */
  keyOf?: (value: object) => string;
  /** The joint choice's last problem and solution (solve-jointly.ts): a rename re-solves nothing. */
  solved?: SolveMemo;
  /** Options in context the last plan judged (option-memo.ts): an edit judges again only what it moved. */
  options?: OptionMemo;
}

/** Extra inputs of a run: a tuned autoscaler's target, and sizeForSlo's answer when already known. */
export interface RunSizing {
  targetUtilization?: number;
  slo?: StaticSizing;
  /**
   * A VM run asked only whether it meets the tolerance, or a burst's whether it stays within the share
   * a burst may use (placeRuns' tuning, raiseBurstBase), stops once it cannot.
   */
  giveUp?: GiveUp;
  /** A burst's base (burstBaseCores) when already known. */
  burstBase?: number;
}

/** sizeForSlo for a component, once per plan (several runs read it), and once per edit with a memo. */
function sloSizingOf(
  load: ComponentLoad,
  env: SimulationContext['env'],
  scope: string,
  cache?: RunCache,
): StaticSizing {
  const key = `${scope}|slo`;
  cache?.used?.add(key);
  let sized = cache?.sizings?.get(key);
  if (!sized) {
    sized = sizeForSlo(load, env.static.headroom, env.decision.sloMinuteShare);
    cache?.sizings?.set(key, sized);
  }
  return sized;
}

/** Runs all four placements. A burst whose base already covers the peak (and has no async backlog
 * to overflow) never routes anything to the cloud: it is the static run, reused rather than re-run. */
export function runPlacements(
  c: Component,
  designLoad: ComponentLoad,
  ctx: SimulationContext,
  publicShare: number,
  tariff: Tariff,
  cache?: RunCache,
): PlacementRun[] {
  const scope = cache?.fingerprintOf?.(c, designLoad, ctx) ?? c.id;
  const kept = cache?.placements;
  const used = cache?.used;
  if (!cache?.fingerprintOf || !cache.keyOf || !kept || !used)
    return placeRuns(c, designLoad, ctx, publicShare, tariff, scope, cache);
  const key = `${scope}|placements|${publicShare}|${ctx.steps}|${ctx.stepMinutes}|${ctx.dt}|${ctx.points}|${cache.keyOf(ctx.env)}|${cache.keyOf(tariff)}`;
  used.add(key);
  const hit = kept.get(key);
  if (hit) {
    for (const k of hit.keys) used.add(k);
    cache.reused += hit.runs.length;
    return hit.runs;
  }
  // Record the run and sizing keys this component's runs use, to mark them used on a later hit.
  const inner = new Set<string>();
  cache.used = inner;
  try {
    const runs = placeRuns(c, designLoad, ctx, publicShare, tariff, scope, cache);
    kept.set(key, { runs, keys: [...inner] });
    return runs;
  } finally {
    cache.used = used;
    for (const k of inner) used.add(k);
  }
}

function placeRuns(
  c: Component,
  designLoad: ComponentLoad,
  ctx: SimulationContext,
  publicShare: number,
  tariff: Tariff,
  scope: string,
  cache?: RunCache,
): PlacementRun[] {
  // A function runs as long as the provider's CPU for its memory lets it.
  const load = { ...designLoad, functionDurationMs: functionMsOf(c.demand, tariff) };
  const env = ctx.env;
  const slo = sloSizingOf(load, env, scope, cache);
  const run = (p: Placement, sizing: RunSizing = {}) =>
    runPlacement(p, c, load, ctx, tariff, publicShare, { ...sizing, slo }, cache, scope);
  const runs = PLACEMENTS.filter((p) => p !== 'burst').map((p) => run(p));
  const staticRun = runs[0] as PlacementRun;
  const staticCores = c.pin?.placement === 'static' ? undefined : slo.cores;
  // Found once: its quantile is a pass over the series (runPlacement and simulatePlacement took it
  // again, two more passes of every burst simulated).
  const burstBase = burstBaseCores(c, load, ctx, slo);
  const baseCores = c.pin?.placement === 'burst' ? c.pin.cores : burstBase;
  const isSame = staticCores !== undefined && baseCores === staticCores && load.async === null;
  runs.push(isSame ? asBurst(staticRun, baseCores, ctx, tariff) : run('burst', { burstBase }));
  if (c.pin) return runs;
  // A planner tunes VMs that fall short before giving up on them: they scale out earlier (a lower
  // target utilisation); and a burst whose base is too small for the split's share of the tolerance
  // gets a larger base (raiseBurstBase). Only where it can matter: when the option is cheaper than
  // the data centre, or the data centre falls short too.
  const tol = toleranceOf(env, ctx.steps * ctx.stepMinutes);
  const worth = (r: PlacementRun) =>
    !meetsTolerance(r.figures, tol) && (r.ownCost < staticRun.ownCost || !meetsTolerance(staticRun.figures, tol));
  const meets = (r: PlacementRun) => meetsTolerance(r.figures, tol);
  const burst = runs[3] as PlacementRun;
  if (
    staticCores !== undefined &&
    burstBase < staticCores &&
    findRuleOut(c, 'burst', tariff) === null &&
    !fitsBurstReserve(burst.figures, tol) &&
    (burst.ownCost < staticRun.ownCost || !meets(staticRun))
  ) {
    // A base tried that leaves the burst beyond its share is only told apart from one that fits: its run
    // stops once over the share (bench:engine's design: 12 of the 29 bases tried, 2026-12-05).
    const giveUp = giveUpBeyond(load, ctx, BURST_RESERVE * tol.minutes, BURST_RESERVE * tol.dropShare);
    const tryBase = (cores: number) =>
      cores === staticCores && load.async === null
        ? asBurst(staticRun, cores, ctx, tariff)
        : run('burst', { burstBase: cores, giveUp });
    runs[3] = raiseBurstBase(burst, burstBase, staticCores, tryBase, tol, c.latencySloMs);
  }
  const vm = runs[1] as PlacementRun;
  if (worth(vm)) {
    // Most of the targets tried fall short (a 50-component design: 80 of 93, most on drops at 1.1–25×
    // the tolerance), and a run that falls short is dropped: it stops as soon as it is over. The same
    // choice, to the bit (give-up.test.ts), in 96 ms of runs instead of 248 on that design.
    const giveUp = giveUpBeyond(load, ctx, tol.minutes + 1e-9, tol.dropShare);
    // Scale out earlier: the first target utilisation, in steps down from the configured one, that
    // keeps up with the ramps (a scan, not a bisection: an autoscaler's timing is not monotone).
    for (
      let target = env.vm.targetUtilization - VM_TARGET_STEP;
      target >= VM_TARGET_FLOOR - 1e-9;
      target -= VM_TARGET_STEP
    ) {
      const tried = run('elastic-vm', { targetUtilization: Math.round(100 * target) / 100, giveUp });
      if (meets(tried)) {
        runs[1] = tried;
        break;
      }
    }
  }
  return runs;
}

/**
 * A burst whose base (Weinman's, size-burst-base.ts) leaves it beyond the share of the tolerances a
 * split may use gets the smallest larger base that keeps it within (`fits`), up to the data centre's
 * own core count (`top`): Weinman's base is the cheapest in a fluid model, and above it every core
 * added costs a core-month and saves less in cloud hours than it costs, so the smallest base that
 * fits is the cheapest that does. Without this, a price that moved Weinman's quantile down one core
 * left a 1-core burst 3,223 minutes over its target as the component's only burst, and the plan
 * jumped to the data centre ($401.77 → $581.72 for a VM hour 0.0858 → 0.0855 in the cloud-bursting
 * example, reviewer's report of 2026-12-05). Bases are tried 1, 2, 4, … above Weinman's, then
 * bisected between the last that misses and the first that fits: one run where the next core is
 * enough (most), a few logarithms of the gap otherwise. The fit is taken as monotone in the base (a
 * larger base overflows later and less); where none fits, Weinman's run stays, its shortfall told.
 */
function raiseBurstBase(
  first: PlacementRun,
  weinman: number,
  top: number,
  tryBase: (cores: number) => PlacementRun,
  tol: Tolerance,
  sloMs: number | undefined,
): PlacementRun {
  const fits = (run: PlacementRun) => fitsBurstReserve(run.figures, tol);
  // The largest base known to miss, and the smallest known to fit with its run.
  let below = weinman;
  let above = -1;
  let raised = first;
  for (let step = 1; above < 0; step *= 2) {
    const cores = Math.min(weinman + step, top);
    const tried = tryBase(cores);
    if (fits(tried)) [above, raised] = [cores, tried];
    else if (cores >= top) return first;
    else below = cores;
  }
  while (above - below > 1) {
    const cores = Math.floor((below + above) / 2);
    const tried = tryBase(cores);
    if (fits(tried)) [above, raised] = [cores, tried];
    else below = cores;
  }
  // What Weinman's base missed of the reserve test (fitsBurstReserve): its minutes (over the latency
  // target, or with none, dropping requests) and its drops, each only where beyond the burst's share.
  // It read "1 minutes over its target" on a component with no target, where the drops had failed.
  const missed = first.figures;
  const why: string[] = [];
  if (missed.sloViolationMinutes > BURST_RESERVE * tol.minutes) {
    why.push(formatMissedMinutes(missed.sloViolationMinutes, sloMs));
  }
  if (missed.droppedRequests > BURST_RESERVE * tol.dropShare * Math.max(1, missed.requests)) {
    why.push(`${formatCountOf(missed.droppedRequests, 'request')} dropped`);
  }
  return {
    ...raised,
    note: `${raised.note}; the base raised from Weinman's ${plural(weinman, 'core')}, which left it ${why.join(' and ')}, beyond the ${Math.round(100 * BURST_RESERVE)} % of the tolerance a burst may use`,
  };
}

/** How a tuned autoscaler's target steps down, and the lowest it goes: below that, VMs mostly idle. */
const VM_TARGET_STEP = 0.05;
const VM_TARGET_FLOOR = 0.2;

/** The share of a load's requests that are sync (not messages from a queue), over the horizon. */
function syncShareOf(load: ComponentLoad): number {
  if (load.async === null) return 1;
  let total = 0;
  let async = 0;
  for (let i = 0; i < load.total.length; i++) {
    total += load.total[i] as number;
    async += load.async[i] as number;
  }
  return total > 0 ? Math.max(0, 1 - async / total) : 1;
}

/** The static run as a burst that never overflows: its base, no cloud hours, the manager still in place. */
function asBurst(staticRun: PlacementRun, baseCores: number, ctx: SimulationContext, tariff: Tariff): PlacementRun {
  const hours = (ctx.steps * ctx.stepMinutes) / 60;
  const managedRequests = perMonth(staticRun.figures.requests, hours);
  const usage: PlacementUsage = { placement: 'burst', baseCores, instanceHours: 0, managedRequests };
  const note = `a base of ${plural(baseCores, 'core')} covers the peak: no overflow reaches the cloud`;
  return billRun({ ...staticRun, placement: 'burst', usage, note }, tariff);
}

/**
 * A simulated run priced by a tariff. Its usage does not depend on prices, so a changed price (a
 * core-month, an hourly rate, another provider's book) re-prices a run without re-simulating it. Under
 * a commitment the VM note says what it saves and locks in.
 */
export function billRun(run: SimulatedRun, tariff: Tariff): PlacementRun {
  const lines = billUsage(run.usage, tariff);
  const ownCost = sumLines(lines);
  const committed = lines.filter((l) => l.item === 'commitment');
  if (committed.length === 0) return { ...run, lines, ownCost };
  const hours = committed.reduce((h, l) => h + l.quantity, 0);
  const cost = sumLines(committed);
  const onDemand = Math.round(hours * tariff.env.vm.hourlyPrice * 100) / 100;
  const term = tariff.pricing.commitment === '3y' ? 36 : 12;
  const instances = Math.round(hours / HOURS_PER_MONTH);
  const note = `${run.note}; ${plural(instances, 'always-on instance')} committed for ${term / 12} year${term > 12 ? 's' : ''}: ${formatMoney(cost)} a month instead of ${formatMoney(onDemand)} on demand (saves ${formatMoney(onDemand - cost)}), ${formatMoney(cost * term)} locked in over the term`;
  return { ...run, lines, ownCost, note };
}

/** The inputs a model's run depends on, as a cache key: everything but prices. */
function runKey(placement: Placement, load: ComponentLoad, ctx: SimulationContext, extra: string): string {
  const vm = ctx.env.vm;
  const fn = ctx.env.functions;
  const autoscaler = `${vm.vcpu}|${vm.bootSeconds}|${vm.cooldownSeconds}|${vm.minInstances}|${vm.maxInstances}|${vm.evaluationSeconds}`;
  switch (placement) {
    case 'static':
      return `static|${extra}`;
    case 'elastic-vm':
      return `vm|${autoscaler}|${extra}`;
    case 'serverless':
      return `fn|${load.functionDurationMs}|${fn.coldStartMs}|${fn.keepAliveMinutes}|${fn.concurrencyLimit}|${extra}`;
    case 'burst':
      return `burst|${autoscaler}|${vm.targetUtilization}|${ctx.env.trafficManager.detectionMinutes}|${extra}`;
  }
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
  tariff: Tariff,
  publicShare = 0,
  sizing: RunSizing = {},
  cache?: RunCache,
  scope: string = c.id,
): PlacementRun {
  if (!cache) return billRun(simulatePlacement(placement, c, load, ctx, publicShare, sizing), tariff);
  const env = ctx.env;
  const extra =
    placement === 'elastic-vm'
      ? `${sizing.targetUtilization ?? env.vm.targetUtilization}${sizing.giveUp ? `|${sizing.giveUp.minutes}|${sizing.giveUp.dropped}` : ''}`
      : placement === 'burst'
        ? `${sizing.burstBase ?? burstBaseCores(c, load, ctx, sizing.slo)}${sizing.giveUp ? `|${sizing.giveUp.minutes}|${sizing.giveUp.dropped}` : ''}`
        : '';
  const key = `${scope}|${runKey(placement, load, ctx, `${extra}|${publicShare}`)}`;
  cache.used?.add(key);
  let simulated = cache.runs.get(key);
  if (simulated) cache.reused++;
  else {
    simulated = simulatePlacement(placement, c, load, ctx, publicShare, sizing);
    cache.runs.set(key, simulated);
  }
  return billRun(simulated, tariff);
}

/** A burst's base: pinned, else Weinman's (size-burst-base.ts) but never more than the data centre's. */
function burstBaseCores(c: Component, load: ComponentLoad, ctx: SimulationContext, slo?: StaticSizing): number {
  const env = ctx.env;
  const pinned = c.pin?.placement === 'burst' ? c.pin.cores : undefined;
  return pinned ?? planBurstBase(load, env, slo?.cores);
}

/** Runs one capacity model: usage, figures and a note, no prices. */
export function simulatePlacement(
  placement: Placement,
  c: Component,
  load: ComponentLoad,
  ctx: SimulationContext,
  publicShare = 0,
  sizing: RunSizing = {},
): SimulatedRun {
  const target = sizing.targetUtilization;
  const env = target === undefined ? ctx.env : { ...ctx.env, vm: { ...ctx.env.vm, targetUtilization: target } };
  const hours = (ctx.steps * ctx.stepMinutes) / 60;
  const pinnedCores = c.pin?.placement === placement ? c.pin.cores : undefined;
  const done = (
    stats: OptionStats,
    usage: PlacementUsage,
    cloudShare: number,
    note: string,
    extra: Pick<SimulatedRun, 'coldStartShare' | 'meanInstances' | 'targetUtilization'> = {},
  ): SimulatedRun => {
    const figures = stats.finish();
    return { placement, stats, figures, series: stats.series, usage, cloudShare, note, ...extra };
  };
  if (placement === 'static') {
    const run = simulateStatic(load, ctx, pinnedCores, sizing.slo);
    const forPeak = sizeStaticCores(load.peakRps, load.cpuMs, env.static.headroom);
    const why =
      pinnedCores !== undefined
        ? ' (pinned)'
        : run.sizing && !run.sizing.canMeetSlo && run.sizing.serviceP95Ms >= load.sloMs
          ? ` for peak + ${Math.round(100 * env.static.headroom)} % headroom; no core count meets the p95 SLO of ${load.sloMs} ms: the service time alone has a p95 of ${Math.round(run.sizing.serviceP95Ms)} ms`
          : run.sizing && !run.sizing.canMeetSlo
            ? ` (peak + ${Math.round(100 * env.static.headroom)} % headroom needs ${forPeak}${run.cores > forPeak ? `; more help until ${run.cores}` : ''}); no core count meets the p95 SLO of ${load.sloMs} ms in enough minutes: with no wait at all, the service time alone leaves ${formatShare(run.sizing.serviceMinuteShare)} of the peak's minutes over it, beyond the ${formatShare(env.decision.sloMinuteShare)} tolerated`
            : run.cores > forPeak
              ? ` (peak + ${Math.round(100 * env.static.headroom)} % headroom needs ${forPeak}; the p95 SLO at peak needs ${run.cores})`
              : '';
    return done(run.stats, { placement, cores: run.cores }, 0, `${plural(run.cores, 'core')} reserved${why}`);
  }
  if (placement === 'elastic-vm') {
    const run = simulateVm(load, target === undefined ? ctx : { ...ctx, env }, sizing.giveUp);
    const instanceHours = perMonth(run.instanceHours, hours);
    if (run.gaveUp) {
      const usage: PlacementUsage = { placement, instanceHours, alwaysOnInstances: 0 };
      const tuned = `scaling out at ${Math.round(100 * (target ?? env.vm.targetUtilization))} % CPU`;
      // Its figures are floors and it falls short (RunSizing.giveUp): kept only to say so.
      return done(run.stats, usage, 1, `${tuned}: stopped once over the tolerance`);
    }
    return done(
      run.stats,
      { placement, instanceHours, alwaysOnInstances: Math.min(env.vm.minInstances, env.vm.maxInstances) },
      1,
      `${formatCount(instanceHours)} instance-hours a month${target === undefined ? '' : `, scaling out at ${Math.round(100 * target)} % CPU so it keeps up with the ramps of its peaks`}, ${run.meanInstances.toFixed(1)} instances on average, up to ${plural(run.peakInstances, 'instance')} of ${env.vm.vcpu} vCPU${describePlanned(load, 'instances scheduled to be running')}`,
      target === undefined
        ? { meanInstances: run.meanInstances }
        : { meanInstances: run.meanInstances, targetUtilization: target },
    );
  }
  if (placement === 'serverless') {
    const run = simulateServerless(load, ctx);
    const durationMs = load.functionDurationMs;
    const invocations = perMonth(run.invocations, hours);
    // A queue or a store in the cloud is the provider's managed offering, billed per request or per
    // GB-month (the latency figures still come from the same pay-per-use model of its own work).
    if (c.kind === 'queue') {
      const usage: PlacementUsage = {
        placement,
        service: 'queue',
        messages: invocations,
        messageBytes: CONNECTION_DEFAULTS.payloadKb * 1000,
      };
      const note = `a managed queue: ${formatCount(invocations)} messages a month, ${env.queue.requestsPerMessage} requests each (send, receive, delete)`;
      return done(run.stats, usage, 1, note);
    }
    if (c.kind === 'storage') {
      const usage: PlacementUsage = { placement, service: 'storage', gbMonths: c.dataGb };
      return done(run.stats, usage, 1, `managed object storage: ${formatCount(c.dataGb)} GB held`);
    }
    const gatewayRequests = perMonth(Math.min(run.syncInvocations, run.invocations * publicShare), hours);
    const coldStartShare = run.invocations > 0 ? run.coldStarts / run.invocations : 0;
    const cold = 100 * coldStartShare;
    const stretched =
      durationMs > load.durationMs * 1.0001 ? ` of ${formatDuration(durationMs)} at ${load.memoryMb} MB` : '';
    const gateway = gatewayRequests > 0 ? `; ${formatCount(gatewayRequests)} of them through an API gateway` : '';
    const note = `${formatCount(invocations)} invocations a month${stretched}, ${cold.toFixed(cold < 1 ? 2 : 1)} % cold starts, ${run.meanInstances.toFixed(1)} instances on average${gateway}`;
    const usage: PlacementUsage = { placement, invocations, memoryMb: load.memoryMb, durationMs, gatewayRequests };
    return done(run.stats, usage, 1, note, { coldStartShare, meanInstances: run.meanInstances });
  }
  const baseCores = sizing.burstBase ?? burstBaseCores(c, load, { ...ctx, env }, sizing.slo);
  const run = simulateBurst(load, ctx, baseCores, sizing.giveUp);
  const figures = run.stats.finish();
  const cloudShare = figures.served > 0 ? run.cloudServed / figures.served : 0;
  const instanceHours = perMonth(run.instanceHours, hours);
  if (run.gaveUp) {
    // Its figures are floors and it leaves the burst beyond its share (RunSizing.giveUp): kept only to say so.
    const usage: PlacementUsage = { placement, baseCores, instanceHours, managedRequests: 0 };
    const note = `${plural(baseCores, 'base core')}: stopped once beyond the share of the tolerance a burst may use`;
    return done(run.stats, usage, cloudShare, note);
  }
  // Every request is resolved through the traffic manager's DNS name, overflow or not — but messages
  // are not requests to a name: both sides' consumers take them from the queue, the cloud's scaling on
  // its length. (A component fed only by a queue paid a manager for 27 million DNS queries a month.)
  const managedRequests = perMonth(figures.requests * syncShareOf(load), hours);
  const note = `${plural(baseCores, 'base core')} + ${formatCount(instanceHours)} cloud instance-hours a month; ${(100 * cloudShare).toFixed(1)} % of requests served in the cloud${describePlanned(load, 'cloud instances and traffic weights scheduled')}`;
  return {
    placement,
    stats: run.stats,
    figures,
    series: run.stats.series,
    usage: { placement, baseCores, instanceHours, managedRequests },
    cloudShare,
    note,
    meanInstances: run.meanInstances,
  };
}

/** The planned peaks in words, for a note: '; instances scheduled to be running when the planned peak starts at hour 300'. */
function describePlanned(load: ComponentLoad, what: string): string {
  const hours = (load.planned ?? []).map((p) => p.startSeconds / 3600);
  const [first, second] = hours;
  if (first === undefined) return '';
  if (second === undefined) return `; ${what} before the planned peak at hour ${formatHour(first)}`;
  // A regular series told as one (it listed "hour 18, 42, … 714", 30 numbers in every option note);
  // a short irregular list as it is, a long one by its count and span.
  const step = second - first;
  if (hours.length >= 3 && hours.every((h, i) => Math.abs(h - (first + i * step)) < 1e-6)) {
    const every = step === 1 ? 'every hour' : `every ${formatHour(step)} hours`;
    return `; ${what} before each planned peak, ${every} from hour ${formatHour(first)}, ${hours.length} in all`;
  }
  if (hours.length <= PLANNED_LISTED)
    return `; ${what} before the planned peaks at hour ${hours.map(formatHour).join(', ')}`;
  return `; ${what} before each of ${hours.length} planned peaks, from hour ${formatHour(first)} to hour ${formatHour(hours[hours.length - 1] as number)}`;
}

/** Planned peaks at irregular hours listed by their hours, up to this many. */
const PLANNED_LISTED = 6;
