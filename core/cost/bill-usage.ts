/**
 * The engine's bill: a month of usage (already scaled to 730 hours) priced at the design's
 * `environments` into cost lines. The environments hold every price the plan used — the defaults of
 * core/model/defaults.ts (AWS us-east-1 list prices, each with its source) unless the design sets
 * them — so the plan that quotes them can be re-priced by hand. A placement's monthly cost is the sum
 * of its lines; the split's own elements (a crossing's egress and queue messages, staging, the secure
 * link) are priced here too, so that the choice of placements sees them (R11).
 */
import type { Environments } from '../model/design';
import { HOURS_PER_MONTH } from '../model/defaults';
import { type CostLine, costLine, perUnit } from './cost-line';

/** What a placement of one component consumes in a 730-hour month. */
export type PlacementUsage =
  | { placement: 'static'; cores: number }
  | { placement: 'elastic-vm'; instanceHours: number }
  | { placement: 'serverless'; invocations: number; gbSeconds: number; gatewayRequests: number }
  | { placement: 'burst'; baseCores: number; instanceHours: number; managedRequests: number };

export function billUsage(usage: PlacementUsage, env: Environments): CostLine[] {
  switch (usage.placement) {
    case 'static':
      return [billCores(usage.cores, env)];
    case 'elastic-vm':
      return [billInstanceHours(usage.instanceHours, env)];
    case 'serverless': {
      const lines = [
        costLine('function-requests', usage.invocations, 'request', env.functions.requestPrice),
        costLine('function-compute', usage.gbSeconds, 'GB-second', env.functions.gbSecondPrice),
      ];
      if (usage.gatewayRequests > 0) {
        const price = perUnit(env.apiGateway.pricePerMillionRequests, 1e6);
        lines.push(costLine('api-gateway', usage.gatewayRequests, 'request', price));
      }
      return lines;
    }
    case 'burst':
      return [
        billCores(usage.baseCores, env),
        billInstanceHours(usage.instanceHours, env),
        ...billTrafficManager(usage.managedRequests, env),
      ];
  }
}

function billCores(cores: number, env: Environments): CostLine {
  return costLine('cores', cores, 'core-month', env.static.coreMonthlyCost);
}

function billInstanceHours(hours: number, env: Environments): CostLine {
  return costLine('instances', hours, 'instance-hour', env.vm.hourlyPrice);
}

/** A burst's traffic manager: its fixed month (zone, health checks) and its DNS queries. */
export function billTrafficManager(requests: number, env: Environments): CostLine[] {
  const tm = env.trafficManager;
  return [
    costLine('traffic-manager', 1, 'month', tm.monthlyCost, 'zone and health checks'),
    costLine(
      'traffic-manager',
      requests * tm.queriesPerRequest,
      'DNS query',
      perUnit(tm.pricePerMillionQueries, 1e6),
      'DNS queries',
    ),
  ];
}

/** What one month of a crossing connection carries. */
export interface CrossingUsage {
  /** Messages that cross asynchronously and need an inserted queue (none when a drawn queue carries them). */
  queuedMessages: number;
  /** Kilobytes leaving the cloud. */
  kilobytesOut: number;
}

/** A crossing connection's own lines: queue requests and egress (only lines with a quantity). */
export function billCrossing(usage: CrossingUsage, env: Environments): CostLine[] {
  const lines: CostLine[] = [];
  if (usage.queuedMessages > 0) {
    const requests = usage.queuedMessages * env.queue.requestsPerMessage;
    lines.push(costLine('queue-requests', requests, 'request', perUnit(env.queue.pricePerMillionRequests, 1e6)));
  }
  // 1 GB = 10⁶ kB, as cloud bills count.
  if (usage.kilobytesOut > 0) lines.push(costLine('egress', usage.kilobytesOut / 1e6, 'GB', env.link.egressPricePerGb));
  return lines;
}

/** Staging for elastic work that reads data-centre data (R6): the storage offering and the data-access element. */
export function billStaging(dataGb: number, env: Environments, withStorage: boolean): CostLine[] {
  const access = costLine('data-access', env.dataAccess.cores, 'core-month', env.static.coreMonthlyCost);
  return withStorage ? [costLine('storage', dataGb, 'GB-month', env.storage.pricePerGbMonth), access] : [access];
}

/** The secure link (VPN) between the data centre and the cloud: a fixed month, however much crosses it. */
export function billSecureLink(env: Environments): CostLine[] {
  return [costLine('secure-link', 1, 'month', env.link.monthlyCost, 'VPN connection, 730 hours')];
}

/** Scales usage over a horizon of `horizonHours` to a 730-hour month. */
export function perMonth(quantity: number, horizonHours: number): number {
  return horizonHours > 0 ? (quantity * HOURS_PER_MONTH) / horizonHours : 0;
}
