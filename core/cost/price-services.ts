/**
 * Everything but functions priced from a book: VM instance-hours (on demand or committed) and the
 * wiring a split needs — API gateway, queue, storage, egress, the secure link and the traffic
 * manager. Each function takes a month's usage and returns cost lines; none reads a default.
 */
import type { CommitmentTerm } from '../model/pricing-choice';
import { HOURS_PER_MONTH } from '../model/defaults';
import { costLine, perUnit, tieredLines, type CostLine } from './cost-line';
import { committedHourly, regionPrices, vmSize, type PriceBook } from './books/price-book';

export interface InstanceUsage {
  /** A size the region lists; its default size when absent. */
  size?: string;
  instanceHours: number;
}

/** On-demand VMs: instance-hours at the size's hourly price. */
export function priceInstances(book: PriceBook, region: string, usage: InstanceUsage): CostLine[] {
  const s = vmSize(book, region, usage.size);
  return [costLine('instances', usage.instanceHours, 'instance-hour', s.hourly.value, `${s.name}, on demand`)];
}

export interface CommitmentUsage {
  size?: string;
  /** Instances committed to: paid every hour of the month, busy or not. */
  instances: number;
  term: CommitmentTerm;
}

/** Always-on capacity under a 1- or 3-year commitment: every hour of the month at the committed rate. */
export function priceCommitment(book: PriceBook, region: string, usage: CommitmentUsage): CostLine[] {
  const s = vmSize(book, region, usage.size);
  const rate = committedHourly(book, region, s.name, usage.term);
  const detail = `${s.name}, ${usage.term} ${book.behaviour.products.commitment}`;
  return [costLine('commitment', usage.instances * HOURS_PER_MONTH, 'instance-hour', rate.value, detail)];
}

export interface RequestUsage {
  requests: number;
  includeFreeTier?: boolean;
}

export function priceApiGateway(book: PriceBook, region: string, usage: RequestUsage): CostLine[] {
  const gw = regionPrices(book, region).apiGateway;
  const free = usage.includeFreeTier ? (gw.freeRequests?.value ?? 0) : 0;
  return tieredLines('api-gateway', Math.max(0, usage.requests - free), 'request', gw.perMillionRequests.tiers, 1e6);
}

/** A tebibyte: Pub/Sub prices per TiB (2⁴⁰ bytes). */
const TIB = 2 ** 40;
const GIB = 2 ** 30;

export interface QueueUsage {
  /** Billed API requests (messages × the book's requestsPerMessage). */
  requests: number;
  /** Bytes a request carries. */
  requestBytes: number;
  includeFreeTier?: boolean;
}

/** The requests a month's messages make: send, receive and delete on SQS; publish and pull on Pub/Sub. */
export function queueRequestsForMessages(book: PriceBook, messages: number): number {
  return messages * book.behaviour.queue.requestsPerMessage.value;
}

/** Per-volume billing (Pub/Sub): the bytes billed, at least the minimum a request. */
export function billedQueueBytes(book: PriceBook, usage: QueueUsage): number {
  const min = book.behaviour.queue.minBytesPerRequest?.value ?? 0;
  return usage.requests * Math.max(min, usage.requestBytes);
}

/**
 * Queue requests: per million (SQS, Queue Storage; a request over the chunk size bills as several),
 * or per TiB carried (Pub/Sub, at least 1000 bytes a request).
 */
export function priceQueue(book: PriceBook, region: string, usage: QueueUsage): CostLine[] {
  const q = regionPrices(book, region).queue;
  if (q.billing === 'per-request') {
    const chunk = book.behaviour.queue.chunkBytes?.value;
    const perRequest = chunk === undefined ? 1 : Math.max(1, Math.ceil(usage.requestBytes / chunk));
    const free = usage.includeFreeTier ? q.freeRequests.value : 0;
    const billed = Math.max(0, usage.requests * perRequest - free);
    return [costLine('queue-requests', billed, 'request', perUnit(q.perMillionRequests.value, 1e6))];
  }
  const free = usage.includeFreeTier ? q.freeGib.value * GIB : 0;
  const bytes = Math.max(0, billedQueueBytes(book, usage) - free);
  return [costLine('queue-requests', bytes / TIB, 'TiB', q.perTib.value)];
}

export function priceStorage(book: PriceBook, region: string, usage: { gbMonths: number }): CostLine[] {
  return [costLine('storage', usage.gbMonths, 'GB-month', regionPrices(book, region).storage.perGbMonth.value)];
}

/** Internet egress at the first paid tier (1 GB = 10⁹ bytes, as cloud bills count). */
export function priceEgress(book: PriceBook, region: string, usage: { gb: number }): CostLine[] {
  return [costLine('egress', usage.gb, 'GB', regionPrices(book, region).egress.perGb.value)];
}

/** The secure link: VPN connections (AWS), gateways (Azure) or tunnels (GCP), per hour they exist. */
export function priceSecureLink(
  book: PriceBook,
  region: string,
  usage: { links?: number; hours?: number } = {},
): CostLine[] {
  const hours = (usage.links ?? 1) * (usage.hours ?? HOURS_PER_MONTH);
  const detail = book.behaviour.products.secureLink;
  return [
    costLine('secure-link', hours, 'connection-hour', regionPrices(book, region).secureLink.perHour.value, detail),
  ];
}

export interface TrafficManagerUsage {
  queries: number;
  /** Hosted zones (Route 53, Cloud DNS); Azure's profile is free. */
  zones?: number;
  /** Endpoints in this cloud that are health-checked all month. */
  healthChecks?: number;
  /** Endpoints outside it (the data centre), health-checked all month. */
  externalHealthChecks?: number;
}

/** The DNS traffic manager of a hybrid split: zone, queries (tiered) and health-checked endpoints. */
export function priceTrafficManager(book: PriceBook, region: string, usage: TrafficManagerUsage): CostLine[] {
  const tm = regionPrices(book, region).trafficManager;
  return [
    costLine('traffic-manager', usage.zones ?? 1, 'zone-month', tm.perZoneMonth.value, 'hosted zone or profile'),
    ...tieredLines('traffic-manager', usage.queries, 'query', tm.perMillionQueries.tiers, 1e6),
    costLine(
      'traffic-manager',
      usage.healthChecks ?? 0,
      'health-check-month',
      tm.perHealthCheckMonth.value,
      'cloud endpoint',
    ),
    costLine(
      'traffic-manager',
      usage.externalHealthChecks ?? 0,
      'health-check-month',
      tm.perExternalHealthCheckMonth.value,
      'external endpoint',
    ),
  ];
}
