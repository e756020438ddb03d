/**
 * The wiring table of reference/placement-rules.md applied to the chosen placements: for every
 * connection that crosses between the data centre and the cloud, the elements to insert, each with
 * its reason; plus a traffic manager for every burst component and an API gateway in front of
 * functions that users call synchronously.
 */
import { computeQueueCost, computeStorageCost } from '../cost/prices';
import type { Component, Design, Placement } from '../model/design';
import type { WiringElement } from '../model/plan';
import { roundCents } from '../model/round';
import { isStateful } from './hard-constraints';
import { isCrossing, isExternal, sideOf } from './sides';

type Draft = Omit<WiringElement, 'id'>;

export function planWiring(
  design: Design,
  placements: ReadonlyMap<string, Placement>,
  requestsPerMonth: ReadonlyMap<string, number>,
): WiringElement[] {
  const byId = new Map(design.components.map((c) => [c.id, c]));
  const env = design.environments;
  const drafts: Draft[] = [];
  const staged = new Set<string>();
  for (const conn of design.connections) {
    const from = byId.get(conn.from);
    const to = byId.get(conn.to);
    const pf = placements.get(conn.from);
    const pt = placements.get(conn.to);
    if (!from || !to || !pf || !pt || isExternal(from) || isExternal(to) || !isCrossing(pf, pt)) continue;
    const ids = [from.id, to.id];
    const where = `${from.id} (${pf}) → ${to.id} (${pt})`;
    const messages = (requestsPerMonth.get(from.id) ?? 0) * conn.callsPerRequest;
    // A queue the architect drew already decouples the two sides: no second one is inserted.
    if (conn.mode === 'async' && from.kind !== 'queue' && to.kind !== 'queue') {
      const elastic =
        pt === 'elastic-vm' || pt === 'burst' ? '; its elastic consumers scale on queue length (Elastic Queue)' : '';
      drafts.push({
        kind: 'queue',
        connectionId: conn.id,
        componentIds: ids,
        reason: `${where} crosses the link: a message queue decouples the two sides (Hybrid Processing/Backend [CCP]); at-least-once delivery with an idempotent consumer${elastic}. ${fmt(messages)} messages a month ≈ $${computeQueueCost(messages, env.queue).toFixed(2)} (${env.queue.requestsPerMessage} requests each).`,
      });
    } else if (conn.mode === 'sync') {
      drafts.push({
        kind: 'secure-link',
        connectionId: conn.id,
        componentIds: ids,
        reason: `${where} is a synchronous call across the link: a secured connection (VPN or dedicated line) adds ${env.link.latencyMs} ms per call (R8), counted in the caller's latency.`,
      });
      if (pt === 'serverless') {
        drafts.push({
          kind: 'api-gateway',
          connectionId: conn.id,
          componentIds: [to.id],
          reason: `Functions behind a synchronous HTTP call need an API gateway [HSA]; priced per request in ${to.id}'s option.`,
        });
      }
    }
    if (
      from.dataClass === 'confidential' ||
      from.dataClass === 'regulated' ||
      to.dataClass === 'confidential' ||
      to.dataClass === 'regulated'
    ) {
      const cls = [from, to].find((c) => c.dataClass === 'regulated' || c.dataClass === 'confidential')?.dataClass;
      drafts.push({
        kind: 'compliant-replication',
        connectionId: conn.id,
        componentIds: ids,
        reason: `${cls} data crosses a trust boundary on ${conn.id}: filter or obfuscate it on the way out and enrich it on the way back (Compliant Data Replication [CCP], R5).`,
      });
    }
    drafts.push(...planStaging(from, to, pf, pt, conn.id, staged, env.storage.pricePerGbMonth));
  }
  for (const c of design.components) {
    const p = placements.get(c.id);
    if (p === 'burst') {
      drafts.push({
        kind: 'traffic-manager',
        componentIds: [c.id],
        reason: `${c.id} runs in both environments: a traffic manager (weighted DNS) with health monitoring sends the overflow to autoscaled cloud instances after ${env.trafficManager.detectionMinutes} min and back; the cloud copy reaches on-premises data over a secure link [AZ].`,
      });
    }
    if (p === 'serverless' && c.workload) {
      drafts.push({
        kind: 'api-gateway',
        componentIds: [c.id],
        reason: `${c.id}'s own callers reach its functions over synchronous HTTP: an API gateway in front, events (queue, object storage) as triggers [HSA]; priced per request in its option.`,
      });
    }
  }
  return drafts.map((d, i) => ({ id: `w${i + 1}`, ...d }));
}

/**
 * Hybrid Backend [CCP] (R6): elastic processing that needs data from the static side gets it staged
 * by a static-side data-access component into a storage offering; the message carries its location.
 */
function planStaging(
  from: Component,
  to: Component,
  pf: Placement,
  pt: Placement,
  connectionId: string,
  staged: Set<string>,
  pricePerGbMonth: number,
): Draft[] {
  const [cloud, dc] =
    sideOf(pt) !== 'data-centre' && sideOf(pf) === 'data-centre'
      ? [to, from]
      : sideOf(pf) !== 'data-centre' && sideOf(pt) === 'data-centre' && isStateful(to)
        ? [from, to]
        : [null, null];
  if (!cloud || !dc || cloud.dataGb <= 0 || staged.has(cloud.id)) return [];
  staged.add(cloud.id);
  const cost = roundCents(computeStorageCost(cloud.dataGb, pricePerGbMonth));
  const access =
    dc.kind === 'data-access'
      ? `${dc.id}, the static-side data-access component,`
      : `a static-side data-access component next to ${dc.id}`;
  const isStore = cloud.kind === 'storage';
  const target = isStore ? `into ${cloud.id}, the storage offering,` : 'into a storage offering';
  const staging: Draft = {
    kind: 'data-access',
    connectionId,
    componentIds: [dc.id],
    reason: `${cloud.id} runs elastically but needs ${cloud.dataGb} GB a day from the data centre: ${access} stages it ${target} and the triggering message carries its location (Hybrid Backend [CCP], R6).`,
  };
  // A storage component in the cloud already is the offering; anything else gets one inserted.
  if (isStore) return [staging];
  return [
    staging,
    {
      kind: 'storage',
      connectionId,
      componentIds: [cloud.id],
      reason: `A storage offering holds ${cloud.dataGb} GB of staged data next to ${cloud.id}: $${cost.toFixed(2)} a month (Hybrid Backend [CCP], R6).`,
      monthlyCost: cost,
    },
  ];
}

function fmt(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}
