/**
 * Serverless functions priced from a book: what one invocation bills (each provider rounds memory and
 * time its own way) and the cost lines of a month's invocations. The engine ignores free tiers
 * (spec); `includeFreeTier` exists so that the providers' own worked examples can be reproduced.
 */
import { costLine, perUnit, tieredLines, type CostLine } from './cost-line';
import { regionPrices, type Behaviour, type PriceBook } from './books/price-book';

/** What one invocation is billed for, after the provider's rounding. */
export interface InvocationUnits {
  billedMemoryMb: number;
  billedDurationMs: number;
  /** The vCPU the memory buys; undefined where the provider publishes no such rule (Azure). */
  vcpu: number | undefined;
}

/**
 * The vCPU a function gets for its memory. AWS: memory ÷ 1,769 MB (one full vCPU at 1,769 MB); GCP:
 * the smallest step of the memory table that holds the memory; Azure Consumption: unpublished.
 */
export function functionVcpu(book: PriceBook, memoryMb: number): number | undefined {
  const cpu = book.behaviour.functions.cpu;
  if (cpu.kind === 'proportional') return memoryMb / cpu.mbPerVcpu.value;
  if (cpu.kind === 'unpublished') return undefined;
  const step = cpu.steps.find((s) => s.memoryMb >= memoryMb);
  if (step === undefined) {
    throw new Error(
      `${book.id}: ${memoryMb} MB is above the largest function memory, ${cpu.steps.at(-1)?.memoryMb} MB`,
    );
  }
  return step.vcpu;
}

export function invocationUnits(book: PriceBook, memoryMb: number, durationMs: number): InvocationUnits {
  const f: Behaviour['functions'] = book.behaviour.functions;
  const { min, max, step } = f.memoryMb;
  // Azure bills observed memory rounded up to 128 MB, capped at 1,536 MB; the others bill the setting.
  const rounded = Math.ceil(memoryMb / step.value) * step.value;
  const billedMemoryMb = Math.min(max.value, Math.max(min.value, rounded));
  const rounding = f.durationRoundingMs.value;
  const billedDurationMs = Math.max(f.minimumBilledMs.value, Math.ceil(durationMs / rounding) * rounding);
  return { billedMemoryMb, billedDurationMs, vcpu: functionVcpu(book, billedMemoryMb) };
}

export interface FunctionRequestUsage {
  requests: number;
  includeFreeTier?: boolean;
}

export function priceFunctionRequests(book: PriceBook, region: string, usage: FunctionRequestUsage): CostLine[] {
  const fn = regionPrices(book, region).functions;
  const free = usage.includeFreeTier ? fn.freeTier.requests.value : 0;
  const billable = Math.max(0, usage.requests - free);
  return [costLine('function-requests', billable, 'request', perUnit(fn.perMillionRequests.value, 1e6))];
}

export interface FunctionComputeUsage {
  invocations: number;
  memoryMb: number;
  durationMs: number;
  /** AWS only: Arm (Graviton) duration rates. */
  architecture?: 'x86' | 'arm';
  /** GCP only: a vCPU set explicitly (Cloud Run allows it); else the memory table decides. */
  vcpu?: number;
  includeFreeTier?: boolean;
}

/**
 * Compute lines of a month's invocations: GB-seconds (AWS, Azure; tiered where the book has tiers),
 * or vCPU-seconds and GiB-seconds (GCP), each after the free tier when asked for.
 */
export function priceFunctionCompute(book: PriceBook, region: string, usage: FunctionComputeUsage): CostLine[] {
  const fn = regionPrices(book, region).functions;
  const units = invocationUnits(book, usage.memoryMb, usage.durationMs);
  const seconds = (usage.invocations * units.billedDurationMs) / 1000;
  const gib = units.billedMemoryMb / 1024;
  const afterFree = (quantity: number, free: { value: number }) =>
    Math.max(0, quantity - (usage.includeFreeTier ? free.value : 0));

  if (fn.billing === 'gb-second') {
    const rates = usage.architecture === 'arm' ? fn.perGbSecondArm : fn.perGbSecond;
    if (rates === undefined) throw new Error(`${book.id} has no Arm function rates in ${region}`);
    return tieredLines('function-compute', afterFree(seconds * gib, fn.freeTier.gbSeconds), 'GB-second', rates.tiers);
  }
  const vcpu = usage.vcpu ?? units.vcpu ?? 0;
  return [
    costLine(
      'function-compute',
      afterFree(seconds * vcpu, fn.freeTier.vcpuSeconds),
      'vCPU-second',
      fn.perVcpuSecond.value,
    ),
    costLine('function-compute', afterFree(seconds * gib, fn.freeTier.gibSeconds), 'GiB-second', fn.perGibSecond.value),
  ];
}

/** Requests and compute together: the lines of one serverless placement's invocations. */
export function priceFunctionInvocations(book: PriceBook, region: string, usage: FunctionComputeUsage): CostLine[] {
  const requests = { requests: usage.invocations, includeFreeTier: usage.includeFreeTier };
  return [...priceFunctionRequests(book, region, requests), ...priceFunctionCompute(book, region, usage)];
}
