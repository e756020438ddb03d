/**
 * Cost formulas of spec/formats.md, one function per line of a bill. Every figure is a monthly cost
 * in US dollars over a 730-hour month (the price-list convention): usage over a horizon of any
 * length is scaled by 730 ÷ horizon hours. Free tiers are ignored (spec).
 */
import { HOURS_PER_MONTH } from '../model/defaults';

/** Scales a usage-based cost over `horizonHours` to a 730-hour month. */
export function scaleToMonth(cost: number, horizonHours: number): number {
  return horizonHours > 0 ? (cost * HOURS_PER_MONTH) / horizonHours : 0;
}

/** Static: reserved cores, paid whether used or not. */
export function computeStaticCost(cores: number, coreMonthlyCost: number): number {
  return cores * coreMonthlyCost;
}

/** Elastic VMs: instance-hours × hourly price (horizon usage; scale with scaleToMonth). */
export function computeInstanceCost(instanceHours: number, hourlyPrice: number): number {
  return instanceHours * hourlyPrice;
}

/** Functions: requests × request price + requests × memory (GB) × duration (s) × GB-second price. */
export function computeFunctionCost(
  requests: number,
  memoryMb: number,
  durationSeconds: number,
  fn: { requestPrice: number; gbSecondPrice: number },
): { requests: number; compute: number; total: number } {
  const requestCost = requests * fn.requestPrice;
  const compute = requests * (memoryMb / 1024) * durationSeconds * fn.gbSecondPrice;
  return { requests: requestCost, compute, total: requestCost + compute };
}

/** Queue: each message is `requestsPerMessage` billed requests (send, receive, delete). */
export function computeQueueCost(
  messages: number,
  queue: { pricePerMillionRequests: number; requestsPerMessage: number },
): number {
  return (messages * queue.requestsPerMessage * queue.pricePerMillionRequests) / 1e6;
}

/** API gateway: per request. */
export function computeGatewayCost(requests: number, pricePerMillionRequests: number): number {
  return (requests * pricePerMillionRequests) / 1e6;
}

/** Egress: bytes leaving the cloud, priced per GB (1 GB = 10⁶ kB, as cloud bills count). */
export function computeEgressCost(kilobytes: number, egressPricePerGb: number): number {
  return (kilobytes / 1e6) * egressPricePerGb;
}

/** Staged storage: GB held for a month. */
export function computeStorageCost(gb: number, pricePerGbMonth: number): number {
  return gb * pricePerGbMonth;
}

/** Break-even requests per month at which functions cost as much as a fixed monthly amount. */
export function computeBreakEvenRequests(
  monthlyFixed: number,
  memoryMb: number,
  durationSeconds: number,
  fn: { requestPrice: number; gbSecondPrice: number },
): number {
  return monthlyFixed / computeFunctionCost(1, memoryMb, durationSeconds, fn).total;
}
