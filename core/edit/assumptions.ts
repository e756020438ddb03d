/**
 * The design's assumptions as the Assumptions panel edits them: the horizon, step and seed, the
 * prices, the autoscaling figures, the SLO tolerances and the simplicity margin. Each field names
 * where it lives in the design, its default (core/model/defaults.ts) and, in a few words, the source
 * of that default (the comments there). Shares are edited as percentages and prices per million where
 * the price list quotes them so; a draft is checked by the design's own schemas, like every field.
 */
import {
  API_GATEWAY_DEFAULTS,
  DECISION_DEFAULTS,
  FUNCTIONS_DEFAULTS,
  LINK_DEFAULTS,
  QUEUE_DEFAULTS,
  SIMULATION_DEFAULTS,
  STATIC_DEFAULTS,
  STORAGE_DEFAULTS,
  TRAFFIC_MANAGER_DEFAULTS,
  VM_DEFAULTS,
} from '../model/defaults';
import { PRICE_BOOKS } from '../cost/books/price-book';
import { BOOK_FIELDS, resolveEnvironments, type ResolvedEnvironments } from '../cost/resolve-environments';
import { PROVIDER_LABELS } from '../model/labels';
import { environmentsSchema, simulationSchema, type Design } from '../model/design';
import { describeIssue, type DraftCheck, type Drafts, type FieldErrors } from './field-drafts';
import { parseNumberText } from './number-text';

export type AssumptionGroup = 'Simulation' | 'Prices' | 'Autoscaling' | 'Decision';

export interface AssumptionField {
  key: string;
  group: AssumptionGroup;
  /** Where the value lives: ['simulation', 'days'] or ['environments', 'vm', 'hourlyPrice']. */
  path: readonly string[];
  label: string;
  /** Shown value = stored value × scale (100 for a share shown in %, 1e6 for a price per million). */
  scale: number;
  defaultValue: number;
  source: string;
  /** A choice among these stored values instead of free text. */
  choices?: readonly number[];
  /** Only for the price books that bill it (a queue by request or by volume); shown and checked only there. */
  billed?: (resolved: ResolvedEnvironments) => boolean;
}

/** How the design's queue bills: GCP's Pub/Sub by the volume carried, the others (and custom) by request. */
const queueBilledByVolume = (r: ResolvedEnvironments) =>
  r.book !== undefined && r.region !== undefined && r.book.regions[r.region]?.queue.billing === 'per-volume';

const f = (
  key: string,
  group: AssumptionGroup,
  path: readonly string[],
  label: string,
  defaultValue: number,
  source: string,
  scale = 1,
  choices?: readonly number[],
): AssumptionField => ({ key, group, path, label, scale, defaultValue, source, ...(choices ? { choices } : {}) });

export const ASSUMPTION_FIELDS: readonly AssumptionField[] = [
  f(
    'days',
    'Simulation',
    ['simulation', 'days'],
    'Horizon (days)',
    SIMULATION_DEFAULTS.days,
    'A month: what a bill covers.',
  ),
  f(
    'stepMinutes',
    'Simulation',
    ['simulation', 'stepMinutes'],
    'Step (minutes)',
    SIMULATION_DEFAULTS.stepMinutes,
    'Five minutes: the finest step that keeps a month quick to simulate.',
    1,
    [1, 5, 15, 60],
  ),
  f(
    'seed',
    'Simulation',
    ['simulation', 'seed'],
    'Random seed',
    SIMULATION_DEFAULTS.seed,
    'Any whole number: the same seed gives the same plan.',
  ),
  f(
    'coreMonthlyCost',
    'Prices',
    ['environments', 'static', 'coreMonthlyCost'],
    'Data-centre core ($ a month)',
    STATIC_DEFAULTS.coreMonthlyCost,
    'Assumption: a 64-core server at $12,000 over 48 months (~$3.9 a core-month), plus three times that for power, cooling, space and staff (Uptime Institute rules of thumb): ~$15.6, taken as $16.',
  ),
  f(
    'hourlyPrice',
    'Prices',
    ['environments', 'vm', 'hourlyPrice'],
    'Cloud VM ($ an hour)',
    VM_DEFAULTS.hourlyPrice,
    'AWS EC2 m5.large (2 vCPU, 8 GiB) on demand, us-east-1.',
  ),
  f(
    'requestPrice',
    'Prices',
    ['environments', 'functions', 'requestPrice'],
    'Function requests ($ per million)',
    FUNCTIONS_DEFAULTS.requestPrice,
    'AWS Lambda pricing: $0.20 per million requests.',
    1e6,
  ),
  f(
    'gbSecondPrice',
    'Prices',
    ['environments', 'functions', 'gbSecondPrice'],
    'Function compute ($ per million GB-seconds)',
    FUNCTIONS_DEFAULTS.gbSecondPrice,
    'AWS Lambda pricing, x86: $0.0000166667 per GB-second.',
    1e6,
  ),
  f(
    'linkMonthlyCost',
    'Prices',
    ['environments', 'link', 'monthlyCost'],
    'Secure link ($ a month)',
    LINK_DEFAULTS.monthlyCost,
    'AWS Site-to-Site VPN: $0.05 per connection-hour × 730 hours.',
  ),
  f(
    'egressPricePerGb',
    'Prices',
    ['environments', 'link', 'egressPricePerGb'],
    'Data sent out of the cloud ($ per GB)',
    LINK_DEFAULTS.egressPricePerGb,
    'AWS data transfer out: $0.09 per GB, first 10 TB.',
  ),
  {
    ...f(
      'queuePrice',
      'Prices',
      ['environments', 'queue', 'pricePerMillionRequests'],
      'Queue requests ($ per million)',
      QUEUE_DEFAULTS.pricePerMillionRequests,
      'AWS SQS pricing, standard queues, per million requests beyond the free tier.',
    ),
    billed: (r) => !queueBilledByVolume(r),
  },
  {
    // No hard default: only a book that bills by volume (GCP Pub/Sub) sets it, and then gives its source.
    ...f(
      'queuePricePerTib',
      'Prices',
      ['environments', 'queue', 'pricePerTib'],
      'Queue data ($ per TiB)',
      Number.NaN,
      'The price book’s message queue, per TiB carried.',
    ),
    billed: queueBilledByVolume,
  },
  f(
    'requestsPerMessage',
    'Prices',
    ['environments', 'queue', 'requestsPerMessage'],
    'Queue requests per message',
    QUEUE_DEFAULTS.requestsPerMessage,
    'AWS SQS pricing: a message is sent, received and deleted, each a billed request.',
  ),
  f(
    'storagePrice',
    'Prices',
    ['environments', 'storage', 'pricePerGbMonth'],
    'Storage ($ per GB-month)',
    STORAGE_DEFAULTS.pricePerGbMonth,
    'AWS S3 pricing, S3 Standard, first 50 TB.',
  ),
  f(
    'trafficManagerMonthlyCost',
    'Prices',
    ['environments', 'trafficManager', 'monthlyCost'],
    'Traffic manager ($ a month per burst)',
    TRAFFIC_MANAGER_DEFAULTS.monthlyCost,
    'Route 53: a hosted zone ($0.50) and a health check on each side ($0.50 + $0.75).',
  ),
  f(
    'pricePerMillionQueries',
    'Prices',
    ['environments', 'trafficManager', 'pricePerMillionQueries'],
    'Traffic manager DNS queries ($ per million)',
    TRAFFIC_MANAGER_DEFAULTS.pricePerMillionQueries,
    'Route 53 standard queries: $0.40 per million.',
  ),
  f(
    'gatewayPrice',
    'Prices',
    ['environments', 'apiGateway', 'pricePerMillionRequests'],
    'API gateway ($ per million requests)',
    API_GATEWAY_DEFAULTS.pricePerMillionRequests,
    'AWS API Gateway HTTP APIs: $1.00 per million requests.',
  ),
  f(
    'linkLatencyMs',
    'Prices',
    ['environments', 'link', 'latencyMs'],
    'Link latency (ms per call)',
    LINK_DEFAULTS.latencyMs,
    'Assumption: a VPN to a nearby cloud region adds 10–30 ms a round trip (R8).',
  ),
  f(
    'bootSeconds',
    'Autoscaling',
    ['environments', 'vm', 'bootSeconds'],
    'VM start-up (seconds)',
    VM_DEFAULTS.bootSeconds,
    'About 1–2 minutes today (Hao et al., 2021; Mao & Humphrey, 2012).',
  ),
  f(
    'cooldownSeconds',
    'Autoscaling',
    ['environments', 'vm', 'cooldownSeconds'],
    'Cooldown (seconds)',
    VM_DEFAULTS.cooldownSeconds,
    'EC2 Auto Scaling default cooldown: 300 s.',
  ),
  f(
    'targetUtilization',
    'Autoscaling',
    ['environments', 'vm', 'targetUtilization'],
    'Target CPU (%)',
    VM_DEFAULTS.targetUtilization,
    'Azure’s hybrid guide scales out above 50 %, AWS examples use 50–70 %: 60 %.',
    100,
  ),
  f(
    'evaluationSeconds',
    'Autoscaling',
    ['environments', 'vm', 'evaluationSeconds'],
    'Autoscaler checks every (seconds)',
    VM_DEFAULTS.evaluationSeconds,
    'EC2 target tracking works on 1-minute metrics.',
  ),
  f(
    'minInstances',
    'Autoscaling',
    ['environments', 'vm', 'minInstances'],
    'Fewest VMs',
    VM_DEFAULTS.minInstances,
    'A group keeps at least one instance warm.',
  ),
  f(
    'maxInstances',
    'Autoscaling',
    ['environments', 'vm', 'maxInstances'],
    'Most VMs',
    VM_DEFAULTS.maxInstances,
    'A cap well above the Azure burst reference’s 1–10 instances.',
  ),
  f(
    'coldStartMs',
    'Autoscaling',
    ['environments', 'functions', 'coldStartMs'],
    'Function cold start (ms)',
    FUNCTIONS_DEFAULTS.coldStartMs,
    'Node.js at 256 MB: mean 242 ms (mikhail.io cold-start study).',
  ),
  f(
    'detectionMinutes',
    'Autoscaling',
    ['environments', 'trafficManager', 'detectionMinutes'],
    'Burst starts after (minutes)',
    TRAFFIC_MANAGER_DEFAULTS.detectionMinutes,
    'Azure cross-cloud scaling: scale out when CPU is over 50 % for 10 minutes.',
  ),
  f(
    'sloMinuteShare',
    'Decision',
    ['environments', 'decision', 'sloMinuteShare'],
    'Minutes over the SLO we tolerate (% of the month)',
    DECISION_DEFAULTS.sloMinuteShare,
    'The 99.9 % tier of cloud compute SLAs (EC2, Azure VMs).',
    100,
  ),
  f(
    'dropShare',
    'Decision',
    ['environments', 'decision', 'dropShare'],
    'Dropped requests we tolerate (% of requests)',
    DECISION_DEFAULTS.dropShare,
    'One request in 10,000 over the month.',
    100,
  ),
  f(
    'simplicityMargin',
    'Decision',
    ['environments', 'decision', 'simplicityMargin'],
    'Simplicity margin (% a split must save)',
    DECISION_DEFAULTS.simplicityMargin,
    'A budget estimate is itself uncertain by about 10 % (AACE 18R-97, class 3): a smaller saving is no reason to split (R12).',
    100,
  ),
];

export type AssumptionKey = string;
export type AssumptionDrafts = Drafts<AssumptionKey>;
export type AssumptionValue = Pick<Design, 'simulation' | 'environments'> & { pricing?: Design['pricing'] };
export type AssumptionCheck = DraftCheck<AssumptionValue, AssumptionKey>;

/** Whether the design's price book bills this field (every field but a queue's price of the other kind). */
export function isBilled(field: AssumptionField, design: AssumptionValue): boolean {
  return field.billed === undefined || field.billed(resolveEnvironments(design));
}

/** The fields the Assumptions panel shows for this design, in their order. */
export function billedFields(design: AssumptionValue): AssumptionField[] {
  return ASSUMPTION_FIELDS.filter((f) => isBilled(f, design));
}

/** A field's value: the design's own, else (a price the design leaves to its book) the book's. */
function read(design: AssumptionValue, path: readonly string[]): number {
  const own = walk(design, path);
  if (own !== undefined || path[0] !== 'environments') return own as number;
  const resolved = resolveEnvironments({ environments: design.environments, pricing: design.pricing }).env;
  return walk(resolved, path.slice(1)) as number;
}

function walk(from: unknown, path: readonly string[]): unknown {
  let v: unknown = from;
  for (const p of path) v = v === undefined ? undefined : (v as Record<string, unknown>)[p];
  return v;
}

function write<T>(obj: T, path: readonly string[], value: number): T {
  const [head, ...rest] = path as [string, ...string[]];
  const o = obj as Record<string, unknown>;
  return { ...o, [head]: rest.length === 0 ? value : write(o[head], rest, value) } as T;
}

/** Removes the float noise of scaling (0.001 × 100 = 0.1, not 0.10000000000000001). */
const tidy = (n: number) => Number(n.toPrecision(12));

/** The value a field shows, in its own units. */
export function shownValue(field: AssumptionField, design: AssumptionValue): number {
  return tidy(read(design, field.path) * field.scale);
}

const SIX_DIGITS = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });

/**
 * The assumptions that differ between two designs, as `label a → b` in the fields' own units (a price
 * left to the price book read from it), for the revisions list and the scenario comparison: a VM
 * price changed read "prices and environments changed", with no value. `prefix` narrows them to the
 * fields under a prefix (['environments']).
 */
export function assumptionEdits(
  before: AssumptionValue,
  after: AssumptionValue,
  prefix: readonly string[] = [],
): string[] {
  const shown = ASSUMPTION_FIELDS.filter((f) => isBilled(f, before) && isBilled(f, after));
  return shown
    .filter((f) => prefix.every((p, i) => f.path[i] === p))
    .flatMap((f) => {
      const a = shownValue(f, before);
      const b = shownValue(f, after);
      return Object.is(a, b) ? [] : [`${f.label} ${SIX_DIGITS.format(a)} → ${SIX_DIGITS.format(b)}`];
    });
}

export function assumptionDrafts(design: AssumptionValue): AssumptionDrafts {
  // A price the book does not bill has no value to show: its draft stays empty and is not checked.
  return Object.fromEntries(
    ASSUMPTION_FIELDS.map((a) => [a.key, isBilled(a, design) ? String(shownValue(a, design)) : '']),
  );
}

/** The drafts of `design` with one field back at its default (for a price, the chosen book's). */
export function resetDraft(
  drafts: AssumptionDrafts,
  field: AssumptionField,
  design: AssumptionValue,
): AssumptionDrafts {
  return { ...drafts, [field.key]: String(tidy(defaultOf(field, design) * field.scale)) };
}

/** "vm.hourlyPrice" for a field a price book sets, else undefined. */
function bookField(field: AssumptionField): string | undefined {
  const [root, group, key] = field.path;
  const path = `${group}.${key}`;
  return root === 'environments' && (BOOK_FIELDS as readonly string[]).includes(path) ? path : undefined;
}

/** The design resolved as if it left this one field to its book. */
function resolvedWithout(field: AssumptionField, design: AssumptionValue) {
  const [, group, key] = field.path as [string, string, string];
  const groups = design.environments as unknown as Record<string, Record<string, unknown>>;
  const { [key]: _own, ...rest } = groups[group] ?? {};
  const environments = { ...groups, [group]: rest } as unknown as AssumptionValue['environments'];
  return resolveEnvironments({ environments, pricing: design.pricing });
}

/** A field's default: for a price a book sets, what the design's book gives; else core/model/defaults. */
export function defaultOf(field: AssumptionField, design: AssumptionValue): number {
  if (bookField(field) === undefined) return field.defaultValue;
  return walk(resolvedWithout(field, design).env, field.path.slice(1)) as number;
}

/**
 * Where a field's default comes from, in words: for a price of a book other than the hard defaults'
 * (AWS us-east-1), the provider, the region and the page the book read it on; else the field's own.
 */
export function sourceOf(field: AssumptionField, design: AssumptionValue): string {
  const path = bookField(field);
  if (path === undefined) return field.source;
  const resolved = resolvedWithout(field, design);
  const origin = resolved.origins[path];
  const { provider, region } = resolved.pricing;
  if (origin?.from !== 'book' || provider === 'custom' || (provider === 'aws' && region === 'us-east-1'))
    return field.source;
  const book = PRICE_BOOKS[provider];
  const page = book.sources[origin.source];
  const where = `${PROVIDER_LABELS[provider]} list price, ${book.regions[region ?? '']?.name ?? region}`;
  return page ? `${where} (${page.url.replace(/^https?:\/\//, '')}, checked ${page.checked}).` : `${where}.`;
}

const fieldAt = (path: readonly PropertyKey[]) =>
  ASSUMPTION_FIELDS.find((a) => a.path.length === path.length && a.path.every((p, i) => p === path[i]));

/**
 * Checks the drafts as a candidate: each number read, the whole simulation and environments parsed
 * by the design's schemas (bounds quoted in the field's own units), and a horizon that would end
 * before a component's one-off peak starts refused, as the design schema refuses it.
 */
export function checkAssumptionDrafts(design: Design, drafts: AssumptionDrafts): AssumptionCheck {
  const errors: FieldErrors<AssumptionKey> = {};
  let candidate: AssumptionValue = { simulation: design.simulation, environments: design.environments };
  const shown = { ...candidate, pricing: design.pricing };
  for (const a of billedFields(shown)) {
    const text = (drafts[a.key] ?? '').trim();
    const read = parseNumberText(text);
    if (text === '') errors[a.key] = 'required';
    else if (!read.ok) errors[a.key] = read.error;
    // A price left to the book stays so unless it is changed: switching book later still re-prices it.
    else if (!(walk(design, a.path) === undefined && tidy(read.value) === shownValue(a, shown)))
      candidate = write(candidate, a.path, tidy(read.value / a.scale));
  }
  // In the form's words (the schema refuses it too, in the document's).
  const vm = candidate.environments.vm;
  if (errors.minInstances === undefined && errors.maxInstances === undefined && vm.minInstances > vm.maxInstances)
    errors.minInstances = `must be at most the most VMs (${vm.maxInstances})`;
  const results = [
    ['simulation', simulationSchema.safeParse(candidate.simulation)],
    ['environments', environmentsSchema.safeParse(candidate.environments)],
  ] as const;
  for (const [root, result] of results) {
    if (result.success) continue;
    for (const issue of result.error.issues) {
      const field = fieldAt([root, ...issue.path]);
      const key = field?.key ?? 'form';
      if (errors[key] !== undefined) continue;
      if (field && field.scale !== 1 && (issue.code === 'too_small' || issue.code === 'too_big')) {
        const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum) * field.scale;
        errors[key] = `must be ${issue.code === 'too_small' ? 'at least' : 'at most'} ${tidy(bound)}`;
      } else errors[key] = describeIssue(issue);
    }
  }
  if (errors.days === undefined) {
    const hours = candidate.simulation.days * 24;
    const late = design.components.find(
      (c) =>
        c.workload?.pattern === 'once-in-a-lifetime' &&
        c.workload.trace === undefined &&
        (c.workload.peakStartHour ?? 0) >= hours,
    );
    if (late)
      errors.days = `${late.name}'s peak starts at hour ${late.workload?.peakStartHour}, after this horizon ends`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const simulation = simulationSchema.parse(candidate.simulation);
  const environments = environmentsSchema.parse(candidate.environments);
  // The price book travels with the value, so that a value equal to the stored one is no change.
  return {
    ok: true,
    value: { simulation, environments, ...(design.pricing !== undefined ? { pricing: design.pricing } : {}) },
    errors,
  };
}

/** Whether a field holds its default (for a price, the chosen book's). */
export function isDefault(field: AssumptionField, design: AssumptionValue): boolean {
  return tidy(read(design, field.path)) === tidy(defaultOf(field, design));
}
