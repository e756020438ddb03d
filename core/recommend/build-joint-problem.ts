/**
 * The design's placement decision as a JointProblem (R11). Each component offers the options that
 * its hard constraints allow and that meet its SLO with no link latency added (with the latency they
 * can still absorb as slack); when none meets it, the ones that miss it least, then nearest it in p95
 * (R10). Each connection carries, for every pair of placements, its crossing's cost, latency and flags
 * (crossing.ts). R12's
 * price of simplicity is added to the choice, never to the bill: a burst pays the margin on its
 * simpler alternative's cost, and a component on VMs or functions pays it on its data-centre cost
 * once it ends up across the link from a data-centre neighbour — or outright when it has no
 * neighbour at all, since the data centre is where it runs by default (R1). Costs enter as whole micro-dollars
 * plus an eighth per placement index, so sums are exact and ties go to the earlier placement
 * (static first).
 */
import { billStaging } from '../cost/bill-usage';
import { sumLines } from '../cost/cost-line';
import type { Tariff } from '../cost/tariff';
import type { Component, Connection, Placement } from '../model/design';
import { PLACEMENTS } from '../model/design-fields';
import type { CloudSteps } from '../simulate/cloud-steps';
import type { CallerSides } from './call-delay-parts';
import { type Crossing, cloudShareOf, describeCrossing, isExternal } from './crossing';
import type { PlanOptions } from './option-memo';
import {
  type JointEdge,
  type JointProblem,
  type JointState,
  NEEDS_LINK,
  ONCE_AWAY,
  ONCE_DATA_ACCESS,
  ONCE_STORAGE,
  fromFlag,
  toFlag,
} from './joint-problem';

export interface CandidateOption {
  placement: Placement;
  /** Allowed by the hard constraints (R4, R5, R8, R9, R10). */
  allowed: boolean;
  /** The option's own monthly cost (the sum of its cost lines). */
  ownCost: number;
  /** Share of its requests served in the cloud. */
  cloudShare: number;
  /** Most p95 latency (ms) it can take on and still meet its SLO; negative when it misses with none. */
  slack: number;
  /** A state's cloud side's own budget when not `slack` (which is then its data centre side's). */
  cloudSlack?: number;
  /**
   * SLO minutes it may still miss: the allowance its slack was found for, less its own. A burst
   * callee that routes in no more minutes than these adds nothing to its budget's latency (buildEdge).
   * Absent: none.
   */
  roomMinutes?: number;
  /** A burst's steps with requests sent to the cloud (cloud-steps.ts), where known. */
  steps?: CloudSteps | null;
  /**
   * The SLO minutes a burst callee's routed steps add to it, `calls` a request to it, as assessOption
   * counts them (routedMinutes, addedByRouted) — its data-centre side's — and the largest delay those
   * steps add to its p95. Absent: taken as over its room.
   */
  routedOver?: (steps: CloudSteps, calls: number) => { minutes: number; delayMs: number };
  /**
   * A burst that meets its SLO: the latency each side alone can take on while the other takes none
   * (OptionStats.largestSideDelay), asked only where its calls can add more than `slack`.
   * frameJointProblem offers it as corners of its budget.
   */
  sideSlack?: () => { dc: number; cloud: number };
  /** How far it misses when it does: violation minutes, then dropped requests, then its p95 (ms). */
  missMinutes: number;
  missDrops: number;
  missP95: number;
  /** Shortfalls closer than this to the least count as the least (the tolerated minutes and drops). */
  missBand: { minutes: number; drops: number };
}

export interface Candidate {
  component: Component;
  /** The four options, in PLACEMENTS order. */
  options: readonly CandidateOption[];
  requestsPerMonth: number;
  /** Its requests hour by hour (ComponentFacts.demandByHour), where known. */
  demand?: CallerSides['demand'];
}

export interface BuiltProblem {
  problem: JointProblem;
  /** Per component, the option behind each state. */
  states: CandidateOption[][];
}

const MICRO = 1e6;
const exact = (dollars: number, key: number) => Math.round(dollars * MICRO) + key / 8;

/**
 * What a joint problem is made of apart from R12's price (`margin`): each component's states and the
 * connections' edges. The recommendation and the comparison of alternatives (margin 0) price the same
 * frame, so a plan builds it once (decide-plan.ts): on the 500-component canvas design its edges are
 * ~4 ms and 10 MB of a leaf edit's re-plan (Node, 2026-12-04).
 */
export interface JointFrame {
  /** Per component, the option behind each state. */
  states: CandidateOption[][];
  edges: JointEdge[];
  /** Components with a neighbour that is not external. */
  connected: ReadonlySet<string>;
}

/**
 * `kept`, when given, is what earlier plans made (option-memo.ts), and `candidates` came from it: an
 * edge whose connection, ends and their call delays are the last plan's is the last plan's.
 */
export function frameJointProblem(
  candidates: readonly Candidate[],
  connections: readonly Connection[],
  tariff: Tariff,
  kept?: PlanOptions,
): JointFrame {
  const index = new Map(candidates.map((c, i) => [c.component.id, i]));
  // A component with no neighbour we place runs, by default, where the organisation runs today: the
  // data centre (R1). Leaving it is a move like any other and pays R12's price outright.
  const connected = new Set<string>();
  for (const conn of connections) {
    const a = candidates[index.get(conn.from) ?? -1];
    const b = candidates[index.get(conn.to) ?? -1];
    if (a && b && a.component.kind !== 'external' && b.component.kind !== 'external') {
      connected.add(conn.from);
      connected.add(conn.to);
    }
  }
  const most = mostCallDelays(connections, tariff);
  // Per caller, its sync callees that can burst: its room is shared among them (buildEdge).
  const bursting = new Map<string, number>();
  for (const conn of connections) {
    const callee = candidates[index.get(conn.to) ?? -1];
    if (
      conn.mode === 'sync' &&
      callee?.options.some((o) => o.placement === 'burst' && o.steps && o.steps.step.length > 0)
    )
      bursting.set(conn.from, (bursting.get(conn.from) ?? 0) + 1);
  }
  const states = candidates.map((c) => {
    const delay = most.get(c.component.id) ?? 0;
    const make = () => withSideBudgets(selectStates(c), delay);
    return kept ? kept.derived(c, `states|${delay}`, make) : make();
  });
  const edges: JointEdge[] = [];
  for (const conn of connections) {
    const from = index.get(conn.from);
    const to = index.get(conn.to);
    if (from === undefined || to === undefined) continue;
    const a = candidates[from] as Candidate;
    const b = candidates[to] as Candidate;
    const sharing = Math.max(1, bursting.get(a.component.id) ?? 0);
    const make = () => buildEdge(conn, candidates, states, from, to, tariff, sharing);
    // An end's states are its candidate's with its call delays' corners (withSideBudgets).
    const more = `${most.get(a.component.id) ?? 0}|${most.get(b.component.id) ?? 0}|${sharing}`;
    const edge = kept ? kept.between(conn, a, b, more, make) : make();
    if (edge) edges.push(edge.from === from && edge.to === to ? edge : { ...edge, from, to });
  }
  return { states, edges, connected };
}

/** The joint problem at R12's `margin`, on `frame` when given (it must be the frame of these candidates). */
export function buildJointProblem(
  candidates: readonly Candidate[],
  connections: readonly Connection[],
  tariff: Tariff,
  /** R12's price of simplicity (environments.decision.simplicityMargin; 0 to compare alternatives). */
  margin: number,
  frame: JointFrame = frameJointProblem(candidates, connections, tariff),
  /** What earlier plans made (option-memo.ts), when `frame` was framed with it. */
  kept?: PlanOptions,
): BuiltProblem {
  const { states, edges, connected } = frame;
  const variables = candidates.map((c, v) => {
    const chosen = states[v] as CandidateOption[];
    // A component's states read its candidate and states (which a kept frame's states stand for),
    // the margin and whether it has a neighbour.
    const make = () => jointStates(c, chosen, margin, tariff, connected);
    return kept ? kept.derived(chosen, `joint|${margin}|${connected.has(c.component.id)}`, make) : make();
  });
  return { problem: { variables, edges, linkCost: Math.round(tariff.env.link.monthlyCost * MICRO) }, states };
}

/** One component's states in the joint problem (buildJointProblem). */
function jointStates(
  c: Candidate,
  chosen: readonly CandidateOption[],
  margin: number,
  tariff: Tariff,
  connected: ReadonlySet<string>,
): JointState[] {
  const { burstPrice, awayPrice } = pricesOfSimplicity(c, chosen, margin);
  // The same for every state of the component: billed once, not once per state (it was a third of
  // building the problem, twice a plan).
  const staging = billStaging(c.component.dataGb, tariff, c.component.kind !== 'storage');
  const storage = Math.round(sumLines(staging.filter((l) => l.item === 'storage')) * MICRO);
  const dataAccess = Math.round(sumLines(staging.filter((l) => l.item === 'data-access')) * MICRO);
  const away = Math.round(awayPrice * MICRO);
  return chosen.map((o): JointState => {
    const key = PLACEMENTS.indexOf(o.placement);
    const isCloud = o.placement === 'elastic-vm' || o.placement === 'serverless';
    const alone = isCloud && !connected.has(c.component.id) ? awayPrice : 0;
    return {
      key,
      cost: exact(o.ownCost + (o.placement === 'burst' ? burstPrice : 0) + alone, key),
      slack: o.slack >= 0 ? o.slack : Infinity,
      ...(o.cloudSlack !== undefined ? { cloudSlack: o.cloudSlack } : {}),
      channels: o.placement === 'static' ? 1 : o.placement === 'burst' ? (o.cloudShare > 0 ? 3 : 1) : 2,
      once: [isCloud ? away : 0, storage, dataAccess],
    };
  });
}

/**
 * R12's two prices for a component (see the module comment), in dollars: a burst pays `burstPrice`,
 * the margin on its cheapest simpler option; VMs or functions pay `awayPrice`, the margin on its
 * data-centre cost, once across the link from a data-centre neighbour (or alone). Only options that
 * meet the SLO count as the simpler choice; a pinned component pays neither.
 */
function pricesOfSimplicity(
  c: Candidate,
  states: readonly CandidateOption[],
  margin: number,
): { burstPrice: number; awayPrice: number } {
  const meeting = states.filter((o) => o.slack >= 0);
  const pinned = c.component.pin !== undefined;
  const simpler = meeting.filter((o) => o.placement !== 'burst').map((o) => o.ownCost);
  const burstPrice = pinned || simpler.length === 0 ? 0 : margin * Math.min(...simpler);
  const home = meeting.find((o) => o.placement === 'static');
  const awayPrice = pinned || !home ? 0 : margin * home.ownCost;
  return { burstPrice, awayPrice };
}

/** What R12 charges one component of an assignment, and why (simplicityPrices). */
export interface SimplicityPrice {
  componentId: string;
  /** 'split': it bursts; 'away': on VMs or functions across the link from a data-centre neighbour, or alone. */
  why: 'split' | 'away';
  /** Dollars a month, as the joint choice adds them to its cost (never to the bill). */
  price: number;
}

/**
 * The prices of simplicity (R12) that the joint choice at `margin` adds for `assignment`, component by
 * component, as buildJointProblem prices them on `frame`: so that a plan can say why a cheaper
 * combination was not chosen with the figures the choice weighed (sum-totals.ts).
 */
export function simplicityPrices(
  candidates: readonly Candidate[],
  connections: readonly Connection[],
  frame: JointFrame,
  margin: number,
  assignment: ReadonlyMap<string, Placement>,
): SimplicityPrice[] {
  const isCloud = (p: Placement | undefined) => p === 'elastic-vm' || p === 'serverless';
  const byId = new Map(candidates.map((c) => [c.component.id, c]));
  // describeCrossing's `away`: an end on VMs or functions whose other end (not external) has its home
  // in the data centre: static, or a burst (a data-centre base with cloud overflow).
  const inDataCentre = (p: Placement | undefined) => p === 'static' || p === 'burst';
  const away = new Set<string>();
  for (const conn of connections) {
    const a = byId.get(conn.from);
    const b = byId.get(conn.to);
    if (!a || !b || isExternal(a.component) || isExternal(b.component)) continue;
    const pa = assignment.get(conn.from);
    const pb = assignment.get(conn.to);
    if (isCloud(pa) && inDataCentre(pb)) away.add(conn.from);
    if (isCloud(pb) && inDataCentre(pa)) away.add(conn.to);
  }
  const out: SimplicityPrice[] = [];
  candidates.forEach((c, v) => {
    const id = c.component.id;
    const placement = assignment.get(id);
    const { burstPrice, awayPrice } = pricesOfSimplicity(c, frame.states[v] ?? [], margin);
    if (placement === 'burst' && burstPrice > 0) out.push({ componentId: id, why: 'split', price: burstPrice });
    else if (isCloud(placement) && awayPrice > 0 && (away.has(id) || !frame.connected.has(id)))
      out.push({ componentId: id, why: 'away', price: awayPrice });
  });
  return out;
}

/** The options a component offers the joint choice (see the module comment). */
export function selectStates(c: Candidate): CandidateOption[] {
  const allowed = c.options.filter((o) => o.allowed);
  const pool = allowed.length > 0 ? allowed : [...c.options];
  const meeting = pool.filter((o) => o.slack >= 0);
  if (meeting.length > 0) return meeting;
  // Least violation minutes, then least drops, each within what we tolerate (`missBand`): shortfalls
  // closer than that are the same shortfall — below it a plan's minutes are not told apart, and a
  // fraction of a minute between two options that miss the whole month must not decide — so the
  // joint choice's cost decides among them. Then, among those, the p95 nearest the target (within
  // P95_NEAR of it): where every option misses every minute, the cheapest alone made a stricter SLO
  // pick a slower plan — 80 ms requests on an unpredictable load, SLO 300 ms: the data centre at a
  // p95 of 240 ms; SLO 200 ms (which no placement can meet): functions at 828 ms.
  const minutes = nearLeast(
    pool,
    (o) => o.missMinutes,
    (o) => o.missBand.minutes,
  );
  const drops = nearLeast(
    minutes,
    (o) => o.missDrops,
    (o) => o.missBand.drops,
  );
  return nearLeast(
    drops,
    (o) => o.missP95,
    (o) => P95_NEAR * o.missP95,
  );
}

/** Per caller, the most latency (ms) its calls can add on either side: every sync call across the link. */
export function mostCallDelays(connections: readonly Connection[], tariff: Tariff): Map<string, number> {
  const most = new Map<string, number>();
  for (const conn of connections)
    if (conn.mode === 'sync')
      most.set(conn.from, (most.get(conn.from) ?? 0) + conn.callsPerRequest * tariff.env.link.latencyMs);
  return most;
}

/**
 * A burst's latency budget as up to three states. The first is the slack both its sides share. Where
 * its calls can add more than that (`most`, ms) and one side alone can take on more (sideSlack), the
 * corner where that side does and the other adds none is a state too. The mix of its requests'
 * delays (assessOption) is then within the budget the choice weighed: a burst whose cloud serves 6 %
 * of its requests can pay three calls back to the data centre on each of those, though every request
 * could not; and its cloud side is budgeted however small its share (a 3 % side delayed by more than
 * its corner moves the p95 past the target).
 */
function withSideBudgets(states: CandidateOption[], most: number): CandidateOption[] {
  const out: CandidateOption[] = [];
  for (const o of states) {
    out.push(o);
    // Where the slack takes on every delay its calls can add, a corner offers nothing.
    if (!o.sideSlack || most <= o.slack) continue;
    const sides = o.sideSlack();
    if (sides.cloud > o.slack + CORNER_MS) out.push({ ...o, slack: 0, cloudSlack: sides.cloud });
    if (sides.dc > o.slack + CORNER_MS) out.push({ ...o, slack: sides.dc, cloudSlack: 0 });
  }
  return out;
}

/** A side's budget this little above the shared slack offers nothing new. */
const CORNER_MS = 0.5;

/**
 * p95s this close (a share of the nearest) are the same miss: the engine's own accuracy against the
 * per-request simulator is 10 % (issue 11), so a smaller difference must not outweigh the cost.
 */
export const P95_NEAR = 0.1;

/** The options whose `figure` is within `band` of the least. */
function nearLeast(
  options: CandidateOption[],
  figure: (o: CandidateOption) => number,
  band: (o: CandidateOption) => number,
): CandidateOption[] {
  let least = options[0] as CandidateOption;
  for (const o of options) if (figure(o) < figure(least)) least = o;
  const bound = figure(least) + band(least);
  return options.filter((o) => figure(o) <= bound);
}

function buildEdge(
  conn: Connection,
  candidates: readonly Candidate[],
  states: readonly CandidateOption[][],
  from: number,
  to: number,
  tariff: Tariff,
  /** The caller's sync callees that can burst, among which its room is shared. */
  sharing: number,
): JointEdge | null {
  const a = candidates[from] as Candidate;
  const b = candidates[to] as Candidate;
  const sa = states[from] as CandidateOption[];
  const sb = states[to] as CandidateOption[];
  const cost: number[] = [];
  const latency: number[] = [];
  const flags: number[] = [];
  let any = false;
  for (const oa of sa) {
    for (const ob of sb) {
      const x: Crossing = describeCrossing(
        conn,
        {
          component: a.component,
          placement: oa.placement,
          cloudShare: cloudShareOf(oa.placement, oa.cloudShare),
          demand: a.demand ?? null,
        },
        {
          component: b.component,
          placement: ob.placement,
          cloudShare: cloudShareOf(ob.placement, ob.cloudShare),
          steps: ob.steps ?? null,
        },
        a.requestsPerMonth,
        tariff,
      );
      let f = x.needsLink ? NEEDS_LINK : 0;
      if (x.fromAway) f |= fromFlag(ONCE_AWAY);
      if (x.toAway) f |= toFlag(ONCE_AWAY);
      if (x.staged !== null) {
        const flag = x.staged === 'from' ? fromFlag : toFlag;
        f |= flag(ONCE_STORAGE);
        if (x.needsDataAccess) f |= flag(ONCE_DATA_ACCESS);
      }
      cost.push(Math.round(sumLines(x.lines) * MICRO));
      // A burst callee whose routed steps add no more SLO minutes than the caller may still miss (its
      // share of that room among its callees that can burst) cannot make it miss, however long its
      // calls: assessOption counts those minutes (routedOver), at most its routed minutes; else its
      // budget takes the largest delay of those minutes, as if every minute had it (at least what
      // assessOption counts).
      const room = (oa.roomMinutes ?? 0) / sharing;
      // (A burst callee's routed minutes as the crossing reads them — those in which more than 5 % of
      // the requests cross — do not bound what assessOption counts, which reads every routed step at
      // its own delay: so its count decides where it is at hand, with the largest delay it reads. A
      // callee whose calls cross for fewer than 5 % of the requests in every step has no delay at the
      // crossing's p95, and may still add minutes: on a long link a few calls reach the p95.)
      let dcDelay = x.p95Dc;
      let fits: boolean;
      if (x.dcMinutes !== Infinity && ob.steps && ob.steps.step.length > 0 && oa.routedOver) {
        const over = oa.routedOver(ob.steps, conn.callsPerRequest);
        fits = over.minutes <= room;
        dcDelay = Math.max(dcDelay, over.delayMs);
      } else fits = !(x.p95Dc > 0) || x.dcMinutes <= room;
      latency.push(fits ? 0 : dcDelay, x.p95Cloud);
      flags.push(f);
      any ||= f !== 0 || x.share > 0;
    }
  }
  return any ? { from, to, cost, latency, flags } : null;
}
