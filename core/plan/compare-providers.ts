/**
 * The same design planned on every provider (issue 14's "compare providers"): for AWS, Azure and
 * Google Cloud — each in the design's own region or the one serving the same part of the world, with
 * its commitment — the recommended placements and monthly total, the unit prices side by side, and in
 * words what differs and why. One pass over the demand serves all three (simulateDesigns): only runs
 * whose inputs differ by provider (a function's duration and cold starts, a burst's base) are made
 * again. Prices the design sets itself apply on every provider, and the comparison says which.
 * Pure and cancellable like buildPlan, so the editor can run it in its Web Worker.
 */
import { type BookProvider, BOOK_PROVIDERS, PRICE_BOOKS } from '../cost/books/price-book';
import { choosePricing, matchingRegion } from '../cost/choose-pricing';
import type { CostItem } from '../cost/cost-line';
import { BOOK_FIELDS, type BookField } from '../cost/resolve-environments';
import { priceDesign, type PricedDesign } from '../cost/tariff';
import { PLACEMENTS } from '../model/design-fields';
import type { Design, Placement } from '../model/design';
import { PROVIDER_LABELS } from '../model/labels';
import type { Plan } from '../model/plan';
import type { Commitment } from '../model/pricing-choice';
import { formatCount, formatMoney } from '../present/format';
import { type BuildPlanOptions, type PlanProgress, runAsync, runToEnd, simulateDesigns } from './build-plan';
import { decidePlan } from './decide-plan';
import { hashDesign } from '../model/hash-design';

export { matchingRegion };

export interface ProviderRow {
  provider: BookProvider;
  region: string;
  /** The provider's name for the region, e.g. "West Europe". */
  regionName: string;
  book: string;
  monthlyCost: number;
  sloViolationMinutes: number;
  droppedRequests: number;
  /** Recommended placement per component id. */
  placements: Record<string, Placement>;
  counts: Record<Placement, number>;
  /** Dollars above the cheapest provider (0 for the cheapest). */
  aboveCheapest: number;
  isCheapest: boolean;
  /** The whole plan on this provider, as buildPlan would make it. */
  plan: Plan;
}

/** One unit price on each provider, as the plans' assumptions hold it (null where it is not billed). */
export interface PriceRow {
  label: string;
  unit: string;
  values: Record<BookProvider, number | null>;
}

export interface ComponentDifference {
  componentId: string;
  name: string;
  placements: Record<BookProvider, Placement>;
  /** What differs and why, in words. */
  text: string;
}

export interface ProviderComparison {
  design: { name: string; sha256: string };
  commitment: Commitment;
  rows: ProviderRow[];
  prices: PriceRow[];
  /** Components placed differently by some provider. */
  differences: ComponentDifference[];
  /** The environments fields the design sets itself, which therefore apply on every provider. */
  overrides: string[];
  /** The comparison in sentences: cheapest first, what makes the others dearer, what moves. */
  summary: string[];
  /** Capacity-model runs made for all providers together, and runs reused from another provider's. */
  simulation: { runs: number; reused: number };
}

export interface CompareOptions extends BuildPlanOptions {
  providers?: readonly BookProvider[];
}

export function* generateComparison(
  design: Design,
  options: CompareOptions = {},
): Generator<PlanProgress, ProviderComparison> {
  const providers = options.providers ?? BOOK_PROVIDERS;
  const commitment = design.pricing?.commitment ?? 'none';
  const priced: PricedDesign[] = providers.map((provider) =>
    priceDesign(choosePricing(design, { provider, region: matchingRegion(design, provider), commitment })),
  );
  const sims = yield* simulateDesigns(priced, options.seriesPoints ?? 24);
  const n = design.components.length;
  yield { phase: 'placement', done: n, total: n };
  const plans = priced.map((d, k) => {
    const s = sims.results[k];
    if (!s) throw new Error('a provider was not simulated');
    return decidePlan(d, s.facts, s.horizonMinutes);
  });
  yield { phase: 'wiring', done: 1, total: 1 };
  const cheapest = Math.min(...plans.map((p) => p.totals.recommended.monthlyCost));
  const rows = providers.map((provider, k): ProviderRow => {
    const plan = plans[k] as Plan;
    const region = (priced[k] as PricedDesign).tariff.region;
    const placements = Object.fromEntries(plan.placements.map((p) => [p.componentId, p.placement]));
    const counts = Object.fromEntries(
      PLACEMENTS.map((p) => [p, plan.placements.filter((e) => e.placement === p).length]),
    ) as Record<Placement, number>;
    const total = plan.totals.recommended;
    return {
      provider,
      region,
      regionName: PRICE_BOOKS[provider].regions[region]?.name ?? region,
      book: PRICE_BOOKS[provider].id,
      monthlyCost: total.monthlyCost,
      sloViolationMinutes: total.sloViolationMinutes,
      droppedRequests: total.droppedRequests,
      placements,
      counts,
      aboveCheapest: Math.round((total.monthlyCost - cheapest) * 100) / 100,
      isCheapest: total.monthlyCost === cheapest,
      plan,
    };
  });
  const overrides = BOOK_FIELDS.filter((path) => {
    const [group, key] = path.split('.') as [string, string];
    return (design.environments as unknown as Record<string, Record<string, unknown>>)[group]?.[key] !== undefined;
  }).map((path) => `environments.${path}`);
  const differences = describeDifferences(design, rows);
  return {
    design: { name: design.name, sha256: hashDesign(design) },
    commitment,
    rows,
    prices: priceRows(priced, providers),
    differences,
    overrides,
    summary: summarise(rows, differences, overrides),
    simulation: { runs: sims.simulatedRuns, reused: sims.reusedRuns },
  };
}

/** Plans a validated design on every provider (see the module comment). */
export function compareProviders(design: Design, options: CompareOptions = {}): ProviderComparison {
  return runToEnd(generateComparison(design, options), options);
}

/** As compareProviders, handing the thread back every `sliceMs` so a worker can cancel it. */
export function compareProvidersAsync(
  design: Design,
  options: CompareOptions & { sliceMs?: number } = {},
): Promise<ProviderComparison> {
  return runAsync(generateComparison(design, options), options);
}

function priceRows(priced: readonly PricedDesign[], providers: readonly BookProvider[]): PriceRow[] {
  const row = (label: string, unit: string, read: (d: PricedDesign) => number | undefined): PriceRow => ({
    label,
    unit,
    values: Object.fromEntries(providers.map((p, k) => [p, clean(read(priced[k] as PricedDesign)) ?? null])) as Record<
      BookProvider,
      number | null
    >,
  });
  const rows = [
    row('VM (default size), on demand', 'instance-hour', (d) => d.environments.vm.hourlyPrice),
    row('VM, committed', 'instance-hour', (d) => d.environments.vm.committedHourlyPrice),
    row('Function requests', 'million requests', (d) => d.environments.functions.requestPrice * 1e6),
    row('Function memory-time', 'GB-second (GCP: GiB)', (d) => d.environments.functions.gbSecondPrice),
    row('Function CPU-time', 'vCPU-second', (d) => d.environments.functions.vcpuSecondPrice),
    row('Function cold start', 'ms', (d) => d.environments.functions.coldStartMs),
    row('API gateway', 'million requests', (d) => d.environments.apiGateway.pricePerMillionRequests),
    row('Queue', 'million requests', (d) => d.environments.queue.pricePerMillionRequests),
    row('Queue (by volume)', 'TiB', (d) => d.environments.queue.pricePerTib),
    row('Egress', 'GB', (d) => d.environments.link.egressPricePerGb),
    row('Secure link (VPN)', 'month', (d) => d.environments.link.monthlyCost),
    row('Traffic manager', 'month', (d) => d.environments.trafficManager.monthlyCost),
    row('Traffic manager queries', 'million queries', (d) => d.environments.trafficManager.pricePerMillionQueries),
  ];
  return rows.filter((r) => Object.values(r.values).some((v) => v !== null));
}

const names = (providers: readonly BookProvider[]) => providers.map((p) => PROVIDER_LABELS[p]).join(' and ');
const PLACED: Record<Placement, string> = {
  static: 'in the data centre',
  'elastic-vm': 'on elastic VMs',
  serverless: 'on functions',
  burst: 'bursting',
};
/** A price without the binary tail a product leaves ($0.2 per million, not $0.19999999999999998). */
const clean = (x: number | undefined) => (x === undefined ? undefined : Number(x.toPrecision(12)));

/** Per component placed differently somewhere: where it runs on each, and its options' costs there. */
function describeDifferences(design: Design, rows: readonly ProviderRow[]): ComponentDifference[] {
  const out: ComponentDifference[] = [];
  for (const c of design.components) {
    const placements = Object.fromEntries(rows.map((r) => [r.provider, r.placements[c.id] ?? 'static'])) as Record<
      BookProvider,
      Placement
    >;
    const chosen = [...new Set(Object.values(placements))];
    if (chosen.length < 2) continue;
    const groups = chosen.map((p) => rows.filter((r) => placements[r.provider] === p));
    const where = chosen.map((p, i) => `${PLACED[p]} with ${names((groups[i] ?? []).map((r) => r.provider))}`);
    const why = rows.map((r) => {
      const entry = r.plan.placements.find((e) => e.componentId === c.id);
      const parts = chosen.map((p) => {
        const o = entry?.options.find((x) => x.placement === p);
        if (!o) return '';
        if (!o.feasible) return `${PLACED[p]} ruled out (${o.note.split('. ')[0]?.replace(/^ruled out by /, '')})`;
        const misses = [
          o.sloViolationMinutes > 0 ? `${formatCount(o.sloViolationMinutes)} minutes over its SLO` : '',
          o.droppedRequests > 0 ? `${formatCount(o.droppedRequests)} requests dropped` : '',
        ].filter(Boolean);
        return `${PLACED[p]} ${formatMoney(o.monthlyCost)}${misses.length > 0 ? ` (${misses.join(', ')})` : ''}`;
      });
      return `with ${PROVIDER_LABELS[r.provider]}: ${parts.filter(Boolean).join(', ')}`;
    });
    out.push({
      componentId: c.id,
      name: c.name,
      placements,
      text: `${c.name} runs ${where.join('; ')}. What it costs alone ${why.join('; ')}. The plan weighs its SLO, its connections and the link too (R11, R12).`,
    });
  }
  return out;
}

/** The items of a plan's recommended bill, summed: chosen options and wiring. */
function itemTotals(plan: Plan): Map<CostItem, number> {
  const totals = new Map<CostItem, number>();
  const add = (item: CostItem, dollars: number) => totals.set(item, (totals.get(item) ?? 0) + dollars);
  for (const p of plan.placements) {
    const chosen = p.options.find((o) => o.placement === p.placement);
    for (const l of chosen?.costLines ?? []) add(l.item, l.monthlyCost);
  }
  for (const w of plan.wiring) for (const l of w.costLines) add(l.item, l.monthlyCost);
  return totals;
}

const ITEM_WORDS: Record<CostItem, string> = {
  cores: 'data-centre cores',
  instances: 'VMs',
  commitment: 'committed VMs',
  'function-requests': 'function requests',
  'function-compute': 'function compute',
  'api-gateway': 'the API gateway',
  egress: 'egress',
  'queue-requests': 'queues',
  storage: 'storage',
  'traffic-manager': 'traffic managers',
  'secure-link': 'the secure link',
  'data-access': 'data access',
};

/** The book fields a design can set itself, as the summary names them. */
const OVERRIDE_WORDS: Record<BookField, string> = {
  'vm.vcpu': 'the VM’s vCPUs',
  'vm.hourlyPrice': 'the VM’s hourly price',
  'vm.committedHourlyPrice': 'the VM’s committed hourly price',
  'functions.requestPrice': 'the function request price',
  'functions.gbSecondPrice': 'the function memory-time price',
  'functions.vcpuSecondPrice': 'the function CPU-time price',
  'functions.coldStartMs': 'the function cold start',
  'functions.keepAliveMinutes': 'how long a function is kept warm',
  'functions.maxDurationSeconds': 'the function time limit',
  'link.egressPricePerGb': 'the egress price',
  'link.monthlyCost': 'the secure link’s monthly cost',
  'queue.pricePerMillionRequests': 'the queue request price',
  'queue.requestsPerMessage': 'the queue requests per message',
  'queue.pricePerTib': 'the queue volume price',
  'storage.pricePerGbMonth': 'the storage price',
  'trafficManager.monthlyCost': 'the traffic manager’s monthly cost',
  'trafficManager.pricePerMillionQueries': 'the traffic-manager query price',
  'apiGateway.pricePerMillionRequests': 'the API gateway price',
};

function summarise(
  rows: readonly ProviderRow[],
  differences: readonly ComponentDifference[],
  overrides: readonly string[],
): string[] {
  const sorted = [...rows].sort((a, b) => a.monthlyCost - b.monthlyCost);
  const best = sorted[0];
  if (!best) return [];
  const lines: string[] = [];
  const others = sorted
    .slice(1)
    .map(
      (r) =>
        `${PROVIDER_LABELS[r.provider]} ${formatMoney(r.monthlyCost)} (+${formatMoney(r.aboveCheapest)}, ${((100 * r.aboveCheapest) / Math.max(0.01, best.monthlyCost)).toFixed(1)} %)`,
    );
  lines.push(
    `Cheapest: ${PROVIDER_LABELS[best.provider]} in ${best.regionName} at ${formatMoney(best.monthlyCost)} a month${others.length > 0 ? `; ${others.join('; ')}` : ''}.`,
  );
  const bestItems = itemTotals(best.plan);
  for (const r of sorted.slice(1)) {
    const items = itemTotals(r.plan);
    const diffs = [...new Set([...items.keys(), ...bestItems.keys()])]
      .map((item) => ({ item, mine: items.get(item) ?? 0, theirs: bestItems.get(item) ?? 0 }))
      .filter((d) => d.mine - d.theirs >= 0.01)
      .sort((a, b) => b.mine - b.theirs - (a.mine - a.theirs))
      .slice(0, 3);
    if (diffs.length === 0) continue;
    const parts = diffs.map((d) => `${ITEM_WORDS[d.item]} (${formatMoney(d.mine)} against ${formatMoney(d.theirs)})`);
    lines.push(`${PROVIDER_LABELS[r.provider]} costs more mostly for ${parts.join(', ')}.`);
  }
  lines.push(
    differences.length === 0
      ? 'Every component runs in the same place on every provider: the totals differ by the providers’ prices alone.'
      : `${differences.length} component${differences.length === 1 ? ' is' : 's are'} placed differently: ${differences.map((d) => d.name).join(', ')}.`,
  );
  if (overrides.length > 0) {
    const words = overrides.map((path) => OVERRIDE_WORDS[path.replace(/^environments\./, '') as BookField] ?? path);
    lines.push(`Prices the design sets itself apply on every provider: ${words.join(', ')}.`);
  }
  return lines;
}
