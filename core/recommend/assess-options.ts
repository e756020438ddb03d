/**
 * A component's four options judged in the context of its neighbours' placements: sync calls to a
 * callee across the link add `link.latencyMs` per call to every request (R8), and every connection
 * that would cross pays egress and, when asynchronous, queue messages. Simulation results are reused
 * (runPlacement ran once per option); only these context figures change as neighbours move.
 */
import { computeEgressCost, computeQueueCost } from '../cost/prices';
import type { Component, Connection, Environments, Placement } from '../model/design';
import type { Reason } from '../model/plan';
import type { ChartSeries, OptionFigures } from '../simulate/option-stats';
import { findRuleOut } from './hard-constraints';
import type { PlacementRun } from './run-placement';
import { computeCrossing, isExternal, sideOf } from './sides';

export interface OptionResult {
  placement: Placement;
  ruledOut: Reason | null;
  /** Figures including the link latency of crossing sync calls. */
  figures: OptionFigures;
  /** Figures without any link latency: what the all-static and all-elastic totals use. */
  isolated: OptionFigures;
  ownCost: number;
  /** Egress and queue messages of this component's connections that would cross, monthly. */
  crossingCost: number;
  monthlyCost: number;
  cloudShare: number;
  coldStartShare?: number;
  meanInstances?: number;
  note: string;
  series: ChartSeries;
}

/** A placed neighbour across one connection; `isCallee` when this component calls it. */
export interface Neighbour {
  connection: Connection;
  component: Component;
  placement: Placement;
  cloudShare: number;
  isCallee: boolean;
  /** Requests a month arriving at the caller of the connection. */
  callerRequests: number;
}

export function assessOptions(
  c: Component,
  runs: readonly PlacementRun[],
  neighbours: readonly Neighbour[],
  env: Environments,
): OptionResult[] {
  const inDataCentre = sumLinkLatency(neighbours, env.link.latencyMs, true);
  const inCloud = sumLinkLatency(neighbours, env.link.latencyMs, false);
  return runs.map((run) => {
    const s = run.cloudShare;
    const mean =
      run.placement === 'static'
        ? inDataCentre
        : run.placement === 'burst'
          ? (1 - s) * inDataCentre + s * inCloud
          : inCloud;
    const p95 = run.placement === 'burst' ? (s > 0.05 ? Math.max(inDataCentre, inCloud) : inDataCentre) : mean;
    let crossingCost = 0;
    for (const n of neighbours) {
      if (isExternal(n.component) || isExternal(c)) continue;
      crossingCost += n.isCallee
        ? priceConnection(n.connection, run.placement, s, n.placement, n.callerRequests, env, isQueue(c, n.component))
        : priceConnection(
            n.connection,
            n.placement,
            n.cloudShare,
            run.placement,
            n.callerRequests,
            env,
            isQueue(c, n.component),
          );
    }
    return {
      placement: run.placement,
      ruledOut: findRuleOut(c, run.placement, env),
      figures: run.stats.shift(run.figures, mean, p95),
      isolated: run.figures,
      ownCost: run.ownCost,
      crossingCost,
      monthlyCost: run.ownCost + crossingCost,
      cloudShare: s,
      ...(run.coldStartShare !== undefined ? { coldStartShare: run.coldStartShare } : {}),
      ...(run.meanInstances !== undefined ? { meanInstances: run.meanInstances } : {}),
      note: run.note,
      series: run.series,
    };
  });
}

/** ms added per request by sync calls to callees on the other side of the link. */
function sumLinkLatency(neighbours: readonly Neighbour[], latencyMs: number, servedInDataCentre: boolean): number {
  let ms = 0;
  for (const n of neighbours) {
    if (!n.isCallee || n.connection.mode !== 'sync' || isExternal(n.component)) continue;
    const calleeInCloud = sideOf(n.placement) === 'cloud';
    if (calleeInCloud === servedInDataCentre) ms += n.connection.callsPerRequest * latencyMs;
  }
  return ms;
}

/**
 * Monthly egress and queue cost of one connection given both ends' placements. `payloadKb` is what
 * the caller sends (a request or a message; responses are taken as small), so bytes leave the cloud
 * when the caller's crossing traffic starts there. Queue messages are paid on async connections
 * that cross — unless one end is a queue the architect drew, whose own option already prices them.
 */
export function priceConnection(
  conn: Connection,
  callerPlacement: Placement,
  callerCloudShare: number,
  calleePlacement: Placement,
  callerRequests: number,
  env: Environments,
  hasQueue = false,
): number {
  const crossing = computeCrossing(sideOf(callerPlacement), sideOf(calleePlacement), callerCloudShare);
  if (crossing.share <= 0) return 0;
  const calls = callerRequests * conn.callsPerRequest;
  let cost = computeEgressCost(calls * crossing.fromCloud * conn.payloadKb, env.link.egressPricePerGb);
  if (conn.mode === 'async' && !hasQueue) cost += computeQueueCost(calls * crossing.share, env.queue);
  return cost;
}

/** Whether either end of a connection is a queue component (it carries the messages itself). */
export function isQueue(a: Component, b: Component): boolean {
  return a.kind === 'queue' || b.kind === 'queue';
}
