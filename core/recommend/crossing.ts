/**
 * What one connection costs and does when its two ends run where they run: the share of calls that
 * cross the link, the bytes that leave the cloud, the messages an inserted queue carries, the latency
 * the crossing adds to the caller, whether it needs the secure link, and which end it leaves across
 * the link from its neighbour (R12) or needs data staged for (R6). One function, used both to build
 * the joint choice and to write the plan's wiring, so the two never disagree.
 *
 * Each end serves a share of its requests in the cloud: 0 in the data centre, 1 on VMs or functions,
 * the overflow share for burst (the traffic manager splits every caller's traffic by its weights, so
 * a burst callee's cloud part answers that share of calls from anywhere).
 */
import { billCrossing } from '../cost/bill-usage';
import type { CostLine } from '../cost/cost-line';
import type { Tariff } from '../cost/tariff';
import type { Component, Connection, Placement } from '../model/design';
import type { CloudSteps } from '../simulate/cloud-steps';
import { type CallerSides, P95_SHARE, routedMinutes } from './call-delay-parts';
import { isStateful } from './hard-constraints';

export interface PlacedEnd {
  component: Component;
  placement: Placement;
  /** Share of its requests served in the cloud. */
  cloudShare: number;
  /** A burst's steps with requests sent to the cloud (its run's, cloud-steps.ts), where known. */
  steps?: CloudSteps | null;
  /** As a caller: its requests hour by hour (ComponentFacts.demandByHour), where known. */
  demand?: CallerSides['demand'];
}

export interface Crossing {
  /** Share of the caller's calls that cross between the data centre and the cloud. */
  share: number;
  /** The crossing's own cost lines: queue requests and egress. */
  lines: CostLine[];
  /** Whether an inserted queue carries the crossing messages (async, no queue drawn at either end). */
  queued: boolean;
  /**
   * ms added to the caller's p95 while it serves in the data centre — in `dcMinutes` of its minutes,
   * at most (a burst callee's: the largest of its routed minutes') — and in the cloud (every minute).
   */
  p95Dc: number;
  p95Cloud: number;
  /**
   * The minutes in which p95Dc reaches the data-centre side's p95: every one (Infinity) for a callee
   * always across the link; for a burst callee, those in which more than 5 % of the caller's requests
   * make a call it answers in the cloud (routedMinutes); 0 when p95Dc is.
   */
  dcMinutes: number;
  /**
   * Sync calls a request makes across it, on average (0: async or none): assessOption reads the
   * caller's delays from them, call by call (call-delay-parts.ts).
   */
  syncCalls: number;
  needsLink: boolean;
  /** Which end runs on VMs or functions across the link from a data-centre neighbour (R12). */
  fromAway: boolean;
  toAway: boolean;
  /** The end that runs elastically and needs data staged from the other (R6), if any. */
  staged: 'from' | 'to' | null;
  /** Whether staging needs an inserted data-access element (the data-centre end is not one). */
  needsDataAccess: boolean;
}

export function cloudShareOf(placement: Placement, burstShare: number): number {
  return placement === 'static' ? 0 : placement === 'burst' ? burstShare : 1;
}

export function isExternal(c: Component): boolean {
  return c.kind === 'external';
}

const NONE: Crossing = {
  share: 0,
  lines: [],
  queued: false,
  p95Dc: 0,
  p95Cloud: 0,
  dcMinutes: 0,
  syncCalls: 0,
  needsLink: false,
  fromAway: false,
  toAway: false,
  staged: null,
  needsDataAccess: false,
};

export function describeCrossing(
  conn: Connection,
  from: PlacedEnd,
  to: PlacedEnd,
  callerRequestsPerMonth: number,
  tariff: Tariff,
): Crossing {
  // An external system is not placed by us: calls to or from it never cross our link.
  if (isExternal(from.component) || isExternal(to.component)) return NONE;
  // A connection that makes no call (0 a request: a dependency drawn, not used) carries nothing across:
  // no link, no staging, no away price. (One read "Call over the secure link" beside its 0 calls, and
  // could bring a $36.50 link into a plan on its own: H47's review, 2026-12-07.)
  if (!(conn.callsPerRequest > 0)) return NONE;
  const a = from.cloudShare;
  const b = to.cloudShare;
  const outbound = a * (1 - b); // caller in the cloud, callee in the data centre
  const inbound = (1 - a) * b; // caller in the data centre, callee in the cloud
  const share = outbound + inbound;
  if (share <= 0) return NONE;
  const staged = findStaged(from, to);
  const needsDataAccess = staged !== null && (staged === 'from' ? to.component : from.component).kind !== 'data-access';
  // R12: the other end's home is the data centre — static, or a burst: a data-centre base whose cloud
  // part takes only the overflow, so most of the calls between them cross. (Counted apart, a burst
  // spared its neighbour on functions this price: one with no load at all came out a burst at no
  // saving, and one that sent 0.4 % of its requests to the cloud made the plan's bill $8.90 a month
  // more than the same component static — 21 % of its cost — for no fewer SLO minutes or drops:
  // H40's fuzzing. An edge's pairs that flag this are one row of the MILP, joint-milp.ts, so every
  // burst state and corner flagging it does not make the solver's model larger.)
  const away = (self: PlacedEnd, other: PlacedEnd) =>
    (self.placement === 'elastic-vm' || self.placement === 'serverless') &&
    (other.placement === 'static' || other.placement === 'burst');
  const calls = callerRequestsPerMonth * conn.callsPerRequest;
  const sync = conn.mode === 'sync';
  const queued = !sync && from.component.kind !== 'queue' && to.component.kind !== 'queue';
  // `payloadKb` is what the caller sends (a request or a message; responses are taken as small, as
  // in spec/formats.md's model): it leaves the cloud when the caller's crossing part is there.
  const kilobytesOut = calls * conn.payloadKb * outbound;
  const queuedMessages = queued ? calls * share : 0;
  const lines = billCrossing({ queuedMessages, messageKb: conn.payloadKb, kilobytesOut }, tariff);
  const perCall = sync ? conn.callsPerRequest * tariff.env.link.latencyMs : 0;
  // A burst callee's calls cross in the minutes it routes, and reach the p95 of those in which more
  // than 5 % of the requests make one (however small its share over the horizon); any other callee
  // answers the same share every minute.
  let p95Dc = b > P95_SHARE ? perCall : 0;
  let dcMinutes = p95Dc > 0 ? Infinity : 0;
  if (perCall > 0 && to.placement === 'burst' && to.steps) {
    const routed = routedOf(to.steps, conn.callsPerRequest, from.demand ?? null, tariff.env.link.latencyMs);
    p95Dc = routed.delayMs;
    dcMinutes = routed.minutes;
  }
  return {
    share,
    lines,
    queued,
    p95Dc,
    p95Cloud: 1 - b > P95_SHARE ? perCall : 0,
    dcMinutes,
    syncCalls: sync ? conn.callsPerRequest : 0,
    needsLink: sync,
    fromAway: away(from, to),
    toAway: away(to, from),
    staged,
    needsDataAccess,
  };
}

/**
 * A burst callee's routed minutes for a caller (routedMinutes): their largest delay at the p95 and
 * how many. Kept by the callee's steps, the calls, the caller's hours and the link's latency: the
 * joint choice asks for every pair of its ends' states, and a month-long burst routes thousands of
 * steps (~2 ms each time, 8,640 five-minute steps, 2026-12-06).
 */
const routedKept = new WeakMap<CloudSteps, Map<string, { delayMs: number; minutes: number }>>();
const demandIds = new WeakMap<object, number>();
let nextDemandId = 1;
function routedOf(
  steps: CloudSteps,
  calls: number,
  demand: CallerSides['demand'],
  latencyMs: number,
): { delayMs: number; minutes: number } {
  let id = 0;
  if (demand) {
    id = demandIds.get(demand.requests) ?? 0;
    if (id === 0) demandIds.set(demand.requests, (id = nextDemandId++));
  }
  const key = `${calls}|${latencyMs}|${id}`;
  let byKey = routedKept.get(steps);
  if (!byKey) routedKept.set(steps, (byKey = new Map<string, { delayMs: number; minutes: number }>()));
  let found = byKey.get(key);
  if (!found) {
    const routed = routedMinutes([{ calls, steps }], demand, latencyMs);
    found = {
      delayMs: routed.reduce((m, r) => Math.max(m, r.delayMs), 0),
      minutes: routed.reduce((m, r) => m + r.minutes, 0),
    };
    byKey.set(key, found);
  }
  return found;
}

/**
 * Hybrid Backend [CCP] (R6): elastic processing that needs data from the static side gets it staged
 * into a storage offering — when a data-centre caller triggers it, or when it calls a stateful
 * component left in the data centre. Only for components that read data (`dataGb` > 0).
 */
function findStaged(from: PlacedEnd, to: PlacedEnd): 'from' | 'to' | null {
  if (to.placement !== 'static' && from.placement === 'static' && to.component.dataGb > 0) return 'to';
  if (from.placement !== 'static' && to.placement === 'static' && isStateful(to.component) && from.component.dataGb > 0)
    return 'from';
  return null;
}
