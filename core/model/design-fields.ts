/**
 * The design document's enumerations, bounds and the pure helpers that read a design, without its Zod
 * schemas (design.ts): the editor's canvas, palette and labels need these before it draws, and zod
 * with the schemas built from it is a large part of the editor's start-up (issue 17, bench/RESULTS.md),
 * so the modules the first draw loads import from here and the schemas load where validation happens.
 */
import { COMPONENT_DEFAULTS, FUNCTION_CPU, WORKLOAD_DEFAULTS } from './defaults';
import type { Component } from './design';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const MAX_COMPONENTS = 2000;
export const MAX_CONNECTIONS = 5000;
/** A year of one-minute samples: the longest measured series a component may carry. */
export const MAX_TRACE_POINTS = 525_600;
/** The largest |x| or |y| of a canvas position (design.ts pointSchema; moveComponents clamps to it). */
export const COORDINATE_LIMIT = 1e7;

export const PATTERNS = ['static', 'periodic', 'once-in-a-lifetime', 'unpredictable', 'continuously-changing'] as const;
export type Pattern = (typeof PATTERNS)[number];

export const KINDS = [
  'ui',
  'service',
  'processing',
  'batch',
  'data-access',
  'database',
  'storage',
  'queue',
  'external',
] as const;
export type ComponentKind = (typeof KINDS)[number];

export const PLACEMENTS = ['static', 'elastic-vm', 'serverless', 'burst'] as const;
export type Placement = (typeof PLACEMENTS)[number];

export const DATA_CLASSES = ['public', 'internal', 'confidential', 'regulated'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export const STEP_MINUTES = [1, 5, 15, 60] as const;

/** Which optional pattern fields a pattern uses: the inspector shows these, the refinement checks them. */
export const PATTERN_FIELDS = {
  static: [],
  periodic: ['peakRps', 'periodHours', 'peakHours', 'peakStartHour'],
  'once-in-a-lifetime': ['peakRps', 'peakHours', 'peakStartHour'],
  unpredictable: ['peakRps', 'spikesPerWeek'],
  'continuously-changing': ['growthPerMonth'],
} as const satisfies Record<Pattern, readonly string[]>;

export interface WorkloadFields {
  pattern: Pattern;
  baseRps: number;
  peakRps: number;
  periodHours: number;
  peakHours: number;
  peakStartHour: number;
  spikesPerWeek: number;
  growthPerMonth: number;
  noise: number;
  trace?: { stepMinutes: number; rps: number[] };
}

/** Every field a generator reads, with WORKLOAD_DEFAULTS for those left out; peakRps defaults to baseRps. */
export function resolveWorkload(w: {
  pattern: Pattern;
  baseRps: number;
  peakRps?: number | undefined;
  periodHours?: number | undefined;
  peakHours?: number | undefined;
  peakStartHour?: number | undefined;
  spikesPerWeek?: number | undefined;
  growthPerMonth?: number | undefined;
  noise?: number | undefined;
  trace?: { stepMinutes: number; rps: number[] } | undefined;
}): WorkloadFields {
  return {
    pattern: w.pattern,
    baseRps: w.baseRps,
    peakRps: w.peakRps ?? w.baseRps,
    periodHours: w.periodHours ?? WORKLOAD_DEFAULTS.periodHours,
    peakHours: w.peakHours ?? WORKLOAD_DEFAULTS.peakHours,
    peakStartHour: w.peakStartHour ?? WORKLOAD_DEFAULTS.peakStartHour,
    spikesPerWeek: w.spikesPerWeek ?? WORKLOAD_DEFAULTS.spikesPerWeek,
    growthPerMonth: w.growthPerMonth ?? WORKLOAD_DEFAULTS.growthPerMonth,
    noise: w.noise ?? 0,
    ...(w.trace ? { trace: w.trace } : {}),
  };
}

/** Duration of one request in seconds: given, or cpuMs / 1000 (spec default). */
export function resolveDurationSeconds(demand: Component['demand']): number {
  return demand.durationSeconds ?? demand.cpuMs / 1000;
}

/** How long a sync request waits before it fails, ms: given, or API Gateway's 29 s. */
export function resolveTimeoutMs(demand: Component['demand']): number {
  return demand.timeoutMs ?? COMPONENT_DEFAULTS.timeoutMs;
}

/**
 * Duration of one function invocation in seconds at the component's memory. A measured
 * `durationSeconds` is taken as given (it was measured at that memory). Derived from `cpuMs`, it
 * stretches where the function has less than one vCPU: `vcpu` is what the provider gives the memory
 * (core/cost/function-cpu.ts follows the price book); by default AWS Lambda's rule, memory ÷ 1,769 MB
 * (FUNCTION_CPU). Above one vCPU the extra cores do not speed up one single-threaded request.
 */
export function resolveFunctionSeconds(
  demand: Component['demand'],
  vcpu: number = demand.memoryMb / FUNCTION_CPU.aws.fullVcpuMemoryMb,
): number {
  if (demand.durationSeconds !== undefined) return demand.durationSeconds;
  const share = Math.min(1, vcpu);
  return demand.cpuMs / 1000 / share;
}
