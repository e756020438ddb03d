/**
 * The engine's bill: a month of usage (already scaled to 730 hours) priced by the design's tariff
 * (tariff.ts) into cost lines. The tariff holds every price the plan used — the design's own, else its
 * price book's for the region, else the hard defaults — and the provider's way of billing, so the
 * arithmetic is the pricing functions' (price-functions.ts, price-services.ts, data-centre.ts), never a
 * second copy: functions round memory and time and bill GB-seconds or vCPU- and GiB-seconds as the
 * provider does, a queue bills per request (a request per 64 KB on SQS) or per volume (Pub/Sub), and
 * always-on VMs are billed at the committed rate under a commitment. A placement's monthly cost is the
 * sum of its lines; the split's own elements (a crossing's egress and queue messages, staging, the
 * secure link) are priced here too, so that the choice of placements sees them (R11).
 */
import { HOURS_PER_MONTH } from '../model/defaults';
import { type CostItem, type CostLine, costLine, perUnit } from './cost-line';
import { priceDataCentreCores } from './data-centre';
import { priceFunctionCompute, priceFunctionRequests } from './price-functions';
import { priceApiGateway, priceCommitment, priceEgress, priceQueue, priceStorage } from './price-services';
import type { Tariff } from './tariff';

/** What a placement of one component consumes in a 730-hour month. */
export type PlacementUsage =
  | { placement: 'static'; cores: number }
  | {
      placement: 'elastic-vm';
      instanceHours: number;
      /** Instances the autoscaler never goes below: the capacity a commitment covers. */
      alwaysOnInstances: number;
    }
  | {
      placement: 'serverless';
      service?: 'function';
      invocations: number;
      memoryMb: number;
      /** Modelled duration of one invocation at that memory, ms. */
      durationMs: number;
      gatewayRequests: number;
    }
  /**
   * A queue or storage component "on functions" is the cloud's managed offering of it (SQS, Azure
   * Queue Storage, Pub/Sub; S3, Blob Storage, Cloud Storage), billed as such, not as invocations.
   */
  | { placement: 'serverless'; service: 'queue'; messages: number; messageBytes: number }
  | { placement: 'serverless'; service: 'storage'; gbMonths: number }
  | { placement: 'burst'; baseCores: number; instanceHours: number; managedRequests: number };

export function billUsage(usage: PlacementUsage, tariff: Tariff): CostLine[] {
  switch (usage.placement) {
    case 'static':
      return billCores(usage.cores, tariff);
    case 'elastic-vm':
      return billInstanceHours(usage.instanceHours, usage.alwaysOnInstances, tariff);
    case 'serverless': {
      const { book, region } = tariff;
      if (usage.service === 'queue') {
        const requests = usage.messages * tariff.env.queue.requestsPerMessage;
        return priceQueue(book, region, { requests, requestBytes: usage.messageBytes });
      }
      if (usage.service === 'storage') return priceStorage(book, region, { gbMonths: usage.gbMonths });
      const lines = [
        ...priceFunctionRequests(book, region, { requests: usage.invocations }),
        ...priceFunctionCompute(book, region, {
          invocations: usage.invocations,
          memoryMb: usage.memoryMb,
          durationMs: usage.durationMs,
          isModelled: true,
        }),
      ];
      if (usage.gatewayRequests > 0) lines.push(...priceApiGateway(book, region, { requests: usage.gatewayRequests }));
      return lines;
    }
    case 'burst':
      // The burst's cloud part scales from zero: none of it is always on, so none is committed.
      return [
        ...billCores(usage.baseCores, tariff),
        ...billInstanceHours(usage.instanceHours, 0, tariff),
        // Fed only by a queue, nothing is resolved by name: no traffic manager.
        ...(usage.managedRequests > 0 ? billTrafficManager(usage.managedRequests, tariff) : []),
      ];
  }
}

/**
 * Reserved data-centre cores: one line at the core-month, or — when the core-month is built up from
 * `environments.dataCentre` — one line a part of it (hardware, power, space, operations).
 */
export function billCores(cores: number, tariff: Tariff, item: CostItem = 'cores'): CostLine[] {
  const env = tariff.env;
  if (env.dataCentre && tariff.origins['static.coreMonthlyCost']?.from === 'data-centre') {
    return priceDataCentreCores(env.dataCentre, cores, item);
  }
  return [costLine(item, cores, 'core-month', env.static.coreMonthlyCost)];
}

/**
 * VM instance-hours on demand; under a 1- or 3-year commitment the always-on instances are committed
 * (every hour of the month at the committed rate, `commitment` lines) and only the rest is on demand.
 */
export function billInstanceHours(hours: number, alwaysOn: number, tariff: Tariff): CostLine[] {
  const term = tariff.pricing.commitment;
  const onDemand = (h: number) => costLine('instances', h, 'instance-hour', tariff.env.vm.hourlyPrice);
  if (term === 'none' || alwaysOn <= 0) return [onDemand(hours)];
  const committed = priceCommitment(tariff.book, tariff.region, { size: tariff.vmSize, instances: alwaysOn, term });
  const rest = hours - alwaysOn * HOURS_PER_MONTH;
  return rest > 1e-9 ? [...committed, onDemand(rest)] : committed;
}

/** A burst's traffic manager: its fixed month (zone or profile, health checks) and its DNS queries. */
export function billTrafficManager(requests: number, tariff: Tariff): CostLine[] {
  const tm = tariff.env.trafficManager;
  return [
    costLine('traffic-manager', 1, 'month', tm.monthlyCost, tariff.labels.trafficManager),
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
  /** Size of one message, kB (1 kB = 1000 bytes). */
  messageKb: number;
  /** Kilobytes leaving the cloud. */
  kilobytesOut: number;
}

/** A crossing connection's own lines: queue requests and egress (only lines with a quantity). */
export function billCrossing(usage: CrossingUsage, tariff: Tariff): CostLine[] {
  const lines: CostLine[] = [];
  if (usage.queuedMessages > 0) {
    const requests = usage.queuedMessages * tariff.env.queue.requestsPerMessage;
    lines.push(...priceQueue(tariff.book, tariff.region, { requests, requestBytes: usage.messageKb * 1000 }));
  }
  // 1 GB = 10⁶ kB, as cloud bills count.
  if (usage.kilobytesOut > 0) lines.push(...priceEgress(tariff.book, tariff.region, { gb: usage.kilobytesOut / 1e6 }));
  return lines;
}

/** Staging for elastic work that reads data-centre data (R6): the storage offering and the data-access element. */
export function billStaging(dataGb: number, tariff: Tariff, withStorage: boolean): CostLine[] {
  const access = billCores(tariff.env.dataAccess.cores, tariff, 'data-access');
  return withStorage ? [...priceStorage(tariff.book, tariff.region, { gbMonths: dataGb }), ...access] : access;
}

/** The secure link (VPN) between the data centre and the cloud: a fixed month, however much crosses it. */
export function billSecureLink(tariff: Tariff): CostLine[] {
  return [costLine('secure-link', 1, 'month', tariff.env.link.monthlyCost, tariff.labels.secureLink)];
}

/** Scales usage over a horizon of `horizonHours` to a 730-hour month. */
export function perMonth(quantity: number, horizonHours: number): number {
  return horizonHours > 0 ? (quantity * HOURS_PER_MONTH) / horizonHours : 0;
}
