/**
 * A whole assignment of placements judged as it would run: every component's option with the link
 * latency its sync calls pick up from callees across the link (R8) and whether it then meets its
 * SLO within the decision's tolerances, and every connection's crossing (crossing.ts). The
 * recommendation and each baseline are assignments judged by this one function, so they are priced
 * and measured alike.
 */
import type { CostLine } from '../cost/cost-line';
import type { PricedDesign, Tariff } from '../cost/tariff';
import type { Component, Connection, Environments, Pattern, Placement } from '../model/design';
import type { Reason } from '../model/plan';
import type { ChartSeries, OptionFigures } from '../simulate/option-stats';
import type { SeriesShape } from '../simulate/series-stats';
import type { CloudSteps } from '../simulate/cloud-steps';
import type { DelayPart } from '../simulate/response-dist';
import type { StepLoads } from '../simulate/step-loads';
import { type BurstCalls, type CalleeCalls, addedByRouted, routedMinutes, sideDelays } from './call-delay-parts';
import { type Crossing, type PlacedEnd, cloudShareOf, describeCrossing } from './crossing';
import { findRuleOut } from './hard-constraints';
import type { PlanOptions } from './option-memo';
import type { PlacementRun } from './run-placement';

export interface ComponentFacts {
  component: Component;
  /** The four placements' runs, in PLACEMENTS order. */
  runs: PlacementRun[];
  pattern: Pattern;
  shape: SeriesShape;
  requestsPerMonth: number;
  /** Start hours of the peaks known in advance (planned-scaling.ts); absent or empty: none. */
  plannedPeakHours?: readonly number[];
  /**
   * Its requests in each hour of the horizon, and the seconds of a step: what weighs a burst callee's
   * steps for its calls (call-delay-parts.ts). Absent: the callee's own requests weigh them. `steps`:
   * its load step by step (a component with an SLO), what a burst callee's routed steps read its
   * minutes at.
   */
  demandByHour?: { requests: Float32Array; stepSeconds: number; steps?: StepLoads };
}

/** What "meets the SLO" tolerates over the horizon (environments.decision). */
export interface Tolerance {
  horizonMinutes: number;
  /** SLO-violation minutes allowed. */
  minutes: number;
  /** Share of requests that may be dropped. */
  dropShare: number;
}

export function toleranceOf(env: Environments, horizonMinutes: number): Tolerance {
  return {
    horizonMinutes,
    minutes: env.decision.sloMinuteShare * horizonMinutes,
    dropShare: env.decision.dropShare,
  };
}

export function meetsTolerance(f: OptionFigures, tol: Tolerance): boolean {
  return f.sloViolationMinutes <= tol.minutes + 1e-9 && f.droppedRequests <= tol.dropShare * Math.max(1, f.requests);
}

/** R12: the share of the tolerances (SLO minutes, drops) a burst may use; it keeps the rest in reserve. */
export const BURST_RESERVE = 0.5;

/**
 * Whether a burst stays within the share of the tolerances a split may use (BURST_RESERVE): the joint
 * choice offers it only then (its slack is not negative, choose-jointly.ts), with no link latency added.
 */
export function fitsBurstReserve(f: OptionFigures, tol: Tolerance): boolean {
  return (
    f.sloViolationMinutes <= BURST_RESERVE * tol.minutes &&
    f.droppedRequests <= BURST_RESERVE * tol.dropShare * Math.max(1, f.requests)
  );
}

export interface OptionResult {
  placement: Placement;
  ruledOut: Reason | null;
  run: PlacementRun;
  /** Figures with the link latency of crossing sync calls added. */
  figures: OptionFigures;
  /** ms the link adds to its mean and p95. */
  linkMeanMs: number;
  linkP95Ms: number;
  /**
   * Burst callees whose calls reach its p95 in the minutes they route (routedMinutes): their names,
   * those minutes, the most the calls add at the p95 there, and the SLO minutes they add.
   */
  linkBursts?: { callees: string[]; minutes: number; delayMs: number; overMinutes: number };
  meets: boolean;
  ownCost: number;
  lines: CostLine[];
  cloudShare: number;
  /** Serverless: share of invocations that waited a cold start. */
  coldStartShare?: number;
  /** Serverless and VMs (a burst: its cloud part): mean instances held, idle and busy. */
  meanInstances?: number;
  note: string;
  series: ChartSeries;
}

export interface PlannedCrossing {
  connection: Connection;
  from: PlacedEnd;
  to: PlacedEnd;
  crossing: Crossing;
}

export interface AssignmentResult {
  /** The assigned option of each component, in context. */
  options: Map<string, OptionResult>;
  /** Connections whose ends are across the link from each other, with what that costs and does. */
  crossings: PlannedCrossing[];
  usesLink: boolean;
}

/** One option of `f` in context: its sync callees placed as `placed` says. */
export function assessOption(
  f: ComponentFacts,
  run: PlacementRun,
  callees: readonly { connection: Connection; end: PlacedEnd }[],
  tariff: Tariff,
  tol: Tolerance,
): OptionResult {
  const self: PlacedEnd = {
    component: f.component,
    placement: run.placement,
    cloudShare: cloudShareOf(run.placement, run.cloudShare),
    steps: run.stats.cloudSteps,
    demand: f.demandByHour ?? null,
  };
  // The data centre's p95 takes callees always across the link in every minute (`always`), burst
  // callees' in the minutes they route (`routing`).
  let always = 0;
  let p95Cloud = 0;
  const calls: CalleeCalls[] = [];
  const routing: BurstCalls[] = [];
  const bursting: string[] = [];
  for (const { connection, end } of callees) {
    const x = describeCrossing(connection, self, end, f.requestsPerMonth, tariff);
    if (x.dcMinutes === Infinity) always += x.p95Dc;
    else if (x.syncCalls > 0 && end.steps && end.steps.step.length > 0) {
      // Every burst callee that routes: whether its calls reach the p95 in a step is read there
      // (routedMinutes), not from the 5 % of the crossing's own reading.
      routing.push({ calls: x.syncCalls, steps: end.steps });
      bursting.push(end.component.name);
    }
    p95Cloud += x.p95Cloud;
    if (x.syncCalls > 0) calls.push({ calls: x.syncCalls, cloudShare: end.cloudShare, steps: end.steps ?? null });
  }
  // Its requests delayed by the calls each makes that cross, call by call and step by step
  // (call-delay-parts.ts); a burst's two sides each on their own response times.
  const sides = run.placement === 'burst' ? 'both' : run.placement === 'static' ? 'dc' : 'cloud';
  const delays = sideDelays(
    { sides, steps: self.steps ?? null, demand: f.demandByHour ?? null },
    calls,
    tariff.env.link.latencyMs,
  );
  const s = self.cloudShare;
  const mean = (1 - s) * delays.meanDc + s * delays.meanCloud;
  // The SLO minutes count every minute's requests as delayed by the whole of each call that crosses for
  // more than 5 % of their requests (a burst: each side by its own): a callee bursts in the caller's
  // busy minutes, where its minutes miss, so that is the minutes' reading. A burst callee's calls
  // cross only in the minutes it routes, so they add at most those minutes (routedMinutes,
  // addedByRouted): one that routes in a few minutes of the month, however long its calls, misses
  // those minutes, not the month — each with the chance of the caller's own minutes at its load there.
  // The joint choice budgets the same (build-joint-problem.ts).
  const countAt = (p95Dc: number): OptionFigures =>
    run.placement === 'burst'
      ? run.stats.shiftParts(run.figures, mean, [
          { share: 1 - s, delayMs: p95Dc },
          { share: s, delayMs: p95Cloud },
        ]).figures
      : run.stats.shift(run.figures, mean, run.placement === 'static' ? p95Dc : p95Cloud);
  let counted = countAt(always);
  let linkBursts: OptionResult['linkBursts'];
  if (routing.length > 0 && run.placement !== 'elastic-vm' && run.placement !== 'serverless') {
    const own = run.figures.p95LatencyMs;
    const routed = routedMinutes(
      routing,
      self.demand,
      tariff.env.link.latencyMs,
      (parts) => run.stats.quantilesDelayedBy(parts)[1] - own,
    );
    const base = counted.sloViolationMinutes;
    const added = addedByRouted(routed, chanceOfRouted(run, always));
    if (added > 0) counted = { ...counted, sloViolationMinutes: base + added };
    const minutes = routed.reduce((m, r) => m + r.minutes, 0);
    if (minutes > 0)
      linkBursts = {
        callees: bursting,
        minutes,
        delayMs: routed.reduce((m, r) => Math.max(m, r.delayMs), 0),
        overMinutes: added,
      };
  }
  const { dc, cloud } = delays;
  const quantiles =
    run.placement === 'burst'
      ? dc.length + cloud.length > 0
        ? run.stats.quantilesDelayedBy(orNone(dc), orNone(cloud))
        : null
      : run.placement === 'static'
        ? dc.length > 0
          ? run.stats.quantilesDelayedBy(dc)
          : null
        : cloud.length > 0
          ? run.stats.quantilesDelayedBy(cloud)
          : null;
  const figures = quantiles ? withPercentiles(counted, quantiles) : counted;
  return {
    placement: run.placement,
    ruledOut: findRuleOut(f.component, run.placement, tariff),
    run,
    figures,
    linkMeanMs: mean,
    linkP95Ms: Math.max(0, figures.p95LatencyMs - run.figures.p95LatencyMs),
    ...(linkBursts ? { linkBursts } : {}),
    meets: meetsTolerance(figures, tol),
    ownCost: run.ownCost,
    lines: run.lines,
    cloudShare: run.cloudShare,
    ...(run.coldStartShare !== undefined ? { coldStartShare: run.coldStartShare } : {}),
    ...(run.meanInstances !== undefined ? { meanInstances: run.meanInstances } : {}),
    note: run.note,
    series: run.series,
  };
}

/**
 * The SLO minutes a burst callee's routed steps add to `run` on its own (its data-centre side's, no
 * other call across the link), `calls` a request to it, and the largest delay they add to its p95:
 * what assessOption counts for that callee alone, for the joint choice's budget
 * (build-joint-problem.ts). Kept per callee's steps and calls.
 */
export function routedOverOf(
  run: PlacementRun,
  demand: ComponentFacts['demandByHour'] | null,
  latencyMs: number,
): ((steps: CloudSteps, calls: number) => RoutedOver) | undefined {
  if (run.placement !== 'static' && run.placement !== 'burst') return undefined;
  const kept = new WeakMap<CloudSteps, Map<number, RoutedOver>>();
  const chanceAt = chanceOfRouted(run, 0);
  return (steps, calls) => {
    let byCalls = kept.get(steps);
    if (!byCalls) kept.set(steps, (byCalls = new Map<number, RoutedOver>()));
    let over = byCalls.get(calls);
    if (over === undefined) {
      const own = run.figures.p95LatencyMs;
      const routed = routedMinutes(
        [{ calls, steps }],
        demand,
        latencyMs,
        (parts) => run.stats.quantilesDelayedBy(parts)[1] - own,
      );
      over = {
        minutes: addedByRouted(routed, chanceAt),
        delayMs: routed.reduce((m, r) => Math.max(m, r.delayMs), 0),
      };
      byCalls.set(calls, over);
    }
    return over;
  };
}

/** What a burst callee's routed steps add to a caller: SLO minutes, and the largest delay at its p95 (ms). */
interface RoutedOver {
  minutes: number;
  delayMs: number;
}

/**
 * The chance that a minute of `run`'s at a load misses its SLO with its requests `d` ms later than
 * `always` already makes them (addedByRouted): its own minutes at that load (missChanceAt). A burst's
 * routed minutes are its data-centre side's, read as the whole minute's (its cloud side's calls are
 * counted with every minute's).
 */
function chanceOfRouted(run: PlacementRun, always: number): (perMinute: number, d: number) => number {
  const slo = run.stats.sloMs;
  return (perMinute, d) => run.stats.missChanceAt(perMinute, slo - always - d);
}

const NO_DELAY: readonly DelayPart[] = [{ share: 1, delayMs: 0 }];
const orNone = (parts: readonly DelayPart[]) => (parts.length > 0 ? parts : NO_DELAY);

function withPercentiles(f: OptionFigures, [p50, p95, p99]: readonly [number, number, number]): OptionFigures {
  return f.served > 0 ? { ...f, p50LatencyMs: p50, p95LatencyMs: p95, p99LatencyMs: p99 } : f;
}

/** The placed end of a component under an assignment. */
function endOf(f: ComponentFacts, placement: Placement): PlacedEnd {
  const run = f.runs.find((r) => r.placement === placement);
  return {
    component: f.component,
    placement,
    cloudShare: cloudShareOf(placement, run?.cloudShare ?? 0),
    steps: run?.stats.cloudSteps ?? null,
    demand: f.demandByHour ?? null,
  };
}

/** `memo`: options kept from earlier plans and this one's judgements (option-memo.ts). */
export function assessAssignment(
  design: PricedDesign,
  facts: ReadonlyMap<string, ComponentFacts>,
  assignment: ReadonlyMap<string, Placement>,
  tol: Tolerance,
  memo?: PlanOptions,
): AssignmentResult {
  const tariff = design.tariff;
  const callees = new Map<string, { connection: Connection; end: PlacedEnd }[]>();
  const crossings: PlannedCrossing[] = [];
  let usesLink = false;
  for (const connection of design.connections) {
    const a = facts.get(connection.from);
    const b = facts.get(connection.to);
    const pa = assignment.get(connection.from);
    const pb = assignment.get(connection.to);
    if (!a || !b || !pa || !pb) continue;
    const from = endOf(a, pa);
    const to = endOf(b, pb);
    pushTo(callees, connection.from, { connection, end: to });
    const crossing = describeCrossing(connection, from, to, a.requestsPerMonth, tariff);
    if (crossing.share > 0) {
      crossings.push({ connection, from, to, crossing });
      usesLink ||= crossing.needsLink;
    }
  }
  const options = new Map<string, OptionResult>();
  for (const [id, f] of facts) {
    const run = f.runs.find((r) => r.placement === assignment.get(id));
    if (!run) continue;
    const mine = callees.get(id) ?? [];
    const assess = () => assessOption(f, run, mine, tariff, tol);
    options.set(id, memo ? memo.option(id, run, mine, assess) : assess());
  }
  return { options, crossings, usesLink };
}

/** Every option of every component in the context of an assignment (what the plan shows per option). */
export function assessEveryOption(
  design: PricedDesign,
  facts: ReadonlyMap<string, ComponentFacts>,
  assignment: ReadonlyMap<string, Placement>,
  tol: Tolerance,
  memo?: PlanOptions,
): Map<string, OptionResult[]> {
  const callees = new Map<string, { connection: Connection; end: PlacedEnd }[]>();
  for (const connection of design.connections) {
    const b = facts.get(connection.to);
    const pb = assignment.get(connection.to);
    if (!b || !pb) continue;
    pushTo(callees, connection.from, { connection, end: endOf(b, pb) });
  }
  const all = new Map<string, OptionResult[]>();
  for (const [id, f] of facts) {
    const mine = callees.get(id) ?? [];
    all.set(
      id,
      f.runs.map((run) => {
        const assess = () => assessOption(f, run, mine, design.tariff, tol);
        return memo ? memo.option(id, run, mine, assess) : assess();
      }),
    );
  }
  return all;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
