/**
 * The words people read for the documents' enumerations, defined once: the palette, the inspector,
 * the canvas, the results panels, the share page and the Markdown report all name a kind, a
 * placement, a wiring element, a pattern or a workload field the same way.
 */
import type { ComponentKind, Pattern, Placement, WorkloadFields } from './design';
import type { WiringKind } from './plan';
import type { Commitment, PricingProvider } from './pricing-choice';

export const KIND_LABELS: Record<ComponentKind, string> = {
  ui: 'User interface',
  service: 'Service',
  processing: 'Processing',
  batch: 'Batch job',
  'data-access': 'Data access',
  database: 'Database',
  storage: 'Storage',
  queue: 'Queue',
  external: 'External system',
};

export const PLACEMENT_LABELS: Record<Placement, string> = {
  static: 'Data centre',
  'elastic-vm': 'Elastic VMs',
  serverless: 'Serverless',
  burst: 'Burst (both)',
};

/** A placement as a sentence says where something runs: "runs in the data centre", "runs on functions". */
export const PLACEMENT_PHRASES: Record<Placement, string> = {
  static: 'in the data centre',
  'elastic-vm': 'on elastic VMs',
  serverless: 'on functions',
  burst: 'as a burst (a data-centre base with cloud overflow)',
};

/** A placement as a noun in a sentence ("the data centre would cost less"); short enough for brackets. */
export const PLACEMENT_NOUNS: Record<Placement, string> = {
  static: 'the data centre',
  'elastic-vm': 'elastic VMs',
  serverless: 'functions',
  burst: 'bursting',
};

/**
 * Where a component runs, as a noun: a queue or a store on functions is the cloud's managed queue or
 * object storage (billed so, run-placement.ts), not functions. The wiring said "Analytics job queue
 * (functions)" beside a reason saying it "runs as the cloud's managed queue" (reviewer, 2026-12-06).
 */
export function placementNounOf(kind: ComponentKind, placement: Placement): string {
  if (placement === 'serverless' && kind === 'queue') return 'managed queue';
  if (placement === 'serverless' && kind === 'storage') return 'managed object storage';
  return PLACEMENT_NOUNS[placement];
}

export const PROVIDER_LABELS: Record<PricingProvider, string> = {
  aws: 'AWS',
  azure: 'Azure',
  gcp: 'Google Cloud',
  custom: 'Custom prices',
};

export const COMMITMENT_LABELS: Record<Commitment, string> = {
  none: 'On demand',
  '1y': '1-year commitment',
  '3y': '3-year commitment',
};

/**
 * What a commitment covers, as core/cost/bill-usage.ts bills it: elastic VMs' always-on minimum
 * ("Fewest VMs") every hour at the committed rate; nothing else. It said "(the fewest VMs, a burst's
 * base)", but a burst's base is owned data-centre cores and its cloud part scales from zero.
 */
export const COMMITMENT_HELP =
  'A 1- or 3-year commitment bills the elastic VMs that are always on (the fewest VMs) every hour of the month at the committed rate. Their other hours, a burst’s cloud overflow and functions stay on demand; data-centre cores, a burst’s base among them, are owned, not committed.';

export const WIRING_LABELS: Record<WiringKind, string> = {
  queue: 'Message queue',
  storage: 'Staging storage',
  'data-access': 'Data access',
  'api-gateway': 'API gateway',
  'traffic-manager': 'Traffic manager',
  'compliant-replication': 'Compliant replication',
  'secure-link': 'Secure link',
};

export const PATTERN_LABELS: Record<Pattern, string> = {
  static: 'Static',
  periodic: 'Periodic',
  'once-in-a-lifetime': 'Once-in-a-lifetime',
  unpredictable: 'Unpredictable',
  'continuously-changing': 'Continuously changing',
};

/** The numeric workload fields, as the inspector's fields and the share page's facts name them. */
export const WORKLOAD_FIELD_LABELS: Record<Exclude<keyof WorkloadFields, 'pattern' | 'trace'>, string> = {
  baseRps: 'Base load (req/s)',
  peakRps: 'Peak load (req/s)',
  periodHours: 'Period (hours)',
  peakHours: 'Peak length (hours)',
  peakStartHour: 'Peak starts at (hour)',
  spikesPerWeek: 'Spikes per week',
  growthPerMonth: 'Growth per month (fraction)',
  noise: 'Noise (0–1)',
};
