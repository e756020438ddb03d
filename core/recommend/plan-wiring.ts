/**
 * The wiring table of reference/placement-rules.md applied to an assignment, each element with its
 * reason and its cost lines: per crossing connection a message queue (async) or the call over the
 * secure link (sync) carrying its egress, compliant replication where sensitive data crosses, the
 * staging of data for elastic work (R6, once per component); per burst component a traffic manager
 * and per serverless entry point an API gateway, both billed in that component's option (so the
 * option table compares like with like) and shown here at $0; and the secure link itself, once for
 * the design. A total is its options plus this wiring, to the cent.
 */
import { billSecureLink, billStaging } from '../cost/bill-usage';
import { type CostLine, sumLines } from '../cost/cost-line';
import type { PricedDesign } from '../cost/tariff';
import type { Component, Placement } from '../model/design';
import { placementNounOf } from '../model/labels';
import type { WiringElement } from '../model/plan';
import { formatCount, formatHour, formatMoney, formatMs } from '../present/format';
import type { AssignmentResult, ComponentFacts } from './assess-assignment';
import { isStateful } from './hard-constraints';

type Draft = Omit<WiringElement, 'id' | 'monthlyCost'> & { costLines: CostLine[] };

// "Web shop (bursting) → Catalogue (the data centre)": one bracket, in words.
const where = (c: Component, placement: Placement) => `${c.name} (${placementNounOf(c.kind, placement)})`;

export function planWiring(
  design: PricedDesign,
  facts: ReadonlyMap<string, ComponentFacts>,
  result: AssignmentResult,
): WiringElement[] {
  const env = design.environments;
  const drafts: Draft[] = [];
  const staged = new Map<string, { cloud: Component; dc: Component; connectionId: string; needsAccess: boolean }>();
  const linked = new Set<string>();
  for (const { connection: conn, from, to, crossing: x } of result.crossings) {
    const a = from.component;
    const b = to.component;
    const ids = [a.id, b.id];
    const route = `${where(a, from.placement)} → ${where(b, to.placement)}`;
    const calls = (facts.get(a.id)?.requestsPerMonth ?? 0) * conn.callsPerRequest;
    const share = x.share < 1 ? ` (the ${Math.round(100 * x.share)} % of calls that cross)` : '';
    if (conn.mode === 'async') {
      const drawn = a.kind === 'queue' ? a : b.kind === 'queue' ? b : null;
      if (drawn === null) {
        const elastic =
          to.placement === 'elastic-vm' || to.placement === 'burst'
            ? '; its elastic consumers scale on queue length (Elastic Queue)'
            : '';
        drafts.push({
          kind: 'queue',
          connectionId: conn.id,
          componentIds: ids,
          reason: `${route} crosses between the data centre and the cloud: a message queue decouples the two sides (Hybrid Processing/Backend [CCP]) with at-least-once delivery and an idempotent consumer${elastic}. ${formatCount(calls * x.share)} messages a month${share}, ${env.queue.requestsPerMessage} requests each.`,
          costLines: x.lines,
        });
      } else if (x.lines.length > 0) {
        drafts.push({
          kind: 'queue',
          connectionId: conn.id,
          componentIds: ids,
          reason: `${route} crosses between the data centre and the cloud through ${drawn.name}, the queue drawn in the design: its messages are priced in its own placement; here only the bytes leaving the cloud.`,
          costLines: x.lines,
        });
      }
    } else {
      linked.add(a.id);
      linked.add(b.id);
      drafts.push({
        kind: 'secure-link',
        connectionId: conn.id,
        componentIds: ids,
        reason: `${route} is a synchronous call across the link${share}: it travels over the secure link and adds ${formatMs(env.link.latencyMs)} per call (R8), counted in ${a.name}'s latency.`,
        costLines: x.lines,
      });
    }
    const sensitive = [a, b].find((c) => c.dataClass === 'regulated' || c.dataClass === 'confidential');
    if (sensitive) {
      drafts.push({
        kind: 'compliant-replication',
        connectionId: conn.id,
        componentIds: ids,
        reason: `${sensitive.name}'s ${sensitive.dataClass} data crosses a trust boundary here: filter or obfuscate it on the way out and enrich it on the way back (Compliant Data Replication [CCP], R5).`,
        costLines: [],
      });
    }
    if (x.staged !== null) {
      const [cloud, dc] = x.staged === 'to' ? [b, a] : [a, b];
      const seen = staged.get(cloud.id);
      // Staged once per elastic component; an inserted data-access element when any partner needs one.
      if (!seen) staged.set(cloud.id, { cloud, dc, connectionId: conn.id, needsAccess: x.needsDataAccess });
      else if (x.needsDataAccess && !seen.needsAccess)
        staged.set(cloud.id, { cloud, dc, connectionId: conn.id, needsAccess: true });
    }
  }
  for (const { cloud, dc, connectionId, needsAccess } of staged.values()) {
    drafts.push(
      ...planStaging(
        cloud,
        dc,
        connectionId,
        needsAccess,
        billStaging(cloud.dataGb, design.tariff, cloud.kind !== 'storage'),
      ),
    );
  }
  for (const c of design.components) {
    const option = result.options.get(c.id);
    if (!option) continue;
    // Looked for only where they can be (five judgements a plan, each over every component).
    const manager = option.placement === 'burst' ? option.lines.filter((l) => l.item === 'traffic-manager') : [];
    if (manager.length > 0) {
      drafts.push({
        kind: 'traffic-manager',
        componentIds: [c.id],
        reason: `${c.name} runs in both environments: a traffic manager (weighted DNS) with health monitoring sends the overflow to autoscaled cloud instances ${describeRouting(facts.get(c.id)?.plannedPeakHours ?? [], env.trafficManager.detectionMinutes)}, and back [AZ]. Billed in ${c.name}'s burst option: ${formatMoney(sumLines(manager))} a month.`,
        costLines: [],
      });
    }
    const gateway = option.placement === 'serverless' ? option.lines.filter((l) => l.item === 'api-gateway') : [];
    if (gateway.length > 0) {
      drafts.push({
        kind: 'api-gateway',
        componentIds: [c.id],
        reason: `${c.name}'s users reach its functions over synchronous HTTP: an API gateway in front (auth, throttling, routing), events as triggers [HSA]. Billed in its serverless option: ${formatMoney(sumLines(gateway))} a month.`,
        costLines: [],
      });
    }
  }
  if (result.usesLink) {
    const names = design.components.filter((c) => linked.has(c.id));
    drafts.push({
      kind: 'secure-link',
      componentIds: names.map((c) => c.id),
      reason: `One secure link (a site-to-site VPN) joins the data centre and the cloud for every synchronous call that crosses: ${names.map((c) => c.name).join(', ')}. Paid by the month, however much crosses it.`,
      costLines: billSecureLink(design.tariff),
    });
  }
  return drafts.map((d, i) => ({ id: `w${i + 1}`, ...d, monthlyCost: sumLines(d.costLines) }));
}

/** Hybrid Backend [CCP] (R6): a data-centre data-access element stages data into storage next to the elastic work. */
function planStaging(
  cloud: Component,
  dc: Component,
  connectionId: string,
  needsAccess: boolean,
  lines: CostLine[],
): Draft[] {
  const drawnAccess = !needsAccess;
  const access = drawnAccess ? `${dc.name}, the data-access component,` : `a data-access element next to ${dc.name}`;
  const isStore = cloud.kind === 'storage';
  const target = isStore ? `into ${cloud.name}, the storage offering,` : 'into a storage offering';
  const reading = isStateful(dc) ? `reads ${dc.name}'s data` : `is triggered from ${dc.name}`;
  const drafts: Draft[] = [
    {
      kind: 'data-access',
      connectionId,
      componentIds: [dc.id],
      reason: `${cloud.name} runs elastically, ${reading} and needs ${cloud.dataGb} GB a day: ${access} stages it ${target} and the triggering message carries its location (Hybrid Backend [CCP], R6).${drawnAccess ? '' : ' It takes one reserved data-centre core.'}`,
      costLines: drawnAccess ? [] : lines.filter((l) => l.item === 'data-access'),
    },
  ];
  if (!isStore) {
    drafts.push({
      kind: 'storage',
      connectionId,
      componentIds: [cloud.id],
      reason: `A storage offering next to ${cloud.name} holds the ${cloud.dataGb} GB staged each day (Hybrid Backend [CCP], R6).`,
      costLines: lines.filter((l) => l.item === 'storage'),
    });
  }
  return drafts;
}

/** When the manager sends the overflow: on schedule for peaks known in advance, else once it has lasted the detection time. */
function describeRouting(plannedHours: readonly number[], detectionMinutes: number): string {
  const late = `${detectionMinutes} min after it starts`;
  if (plannedHours.length === 0) return late;
  const first = plannedHours[0] as number;
  const when =
    plannedHours.length === 1
      ? `the planned peak at hour ${formatHour(first)}`
      : `its ${plannedHours.length} planned peaks`;
  const before = plannedHours.length === 1 ? 'before it starts' : 'before each starts';
  return `on schedule for ${when} (weights and cloud capacity set ${before}), and any other overflow ${late}`;
}
