/**
 * The Decision view's content, read from a plan and nothing else: the recommended monthly cost, the
 * saving against each baseline, the risk accepted in words with the tolerances quoted, why each
 * cheaper or safer baseline was not chosen (the plan's own notes), the components grouped by where
 * they run with their monthly cost, and the wiring with its cost lines. Every figure is in cents
 * before it is shown, so that the groups and the wiring add up to the headline on screen exactly.
 */
import type { Component, Placement } from '../model/design';
import { PLACEMENT_PHRASES } from '../model/labels';
import { findPlaceRulesOut } from '../recommend/place-rules';
import { PLACEMENT_LABELS, PLACEMENT_NOUNS, placementNounOf, WIRING_LABELS } from '../model/labels';
import type { CostLine, Plan, PlacementEntry, PlanOption, Total, WiringElement } from '../model/plan';
import { formatCount, formatLimitMinutes, formatMoney, formatPointTime, formatPrice } from './format';
import type { ReplayEvent } from './replay-events';

const cents = (dollars: number) => Math.round(dollars * 100);
const tenths = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export type BaselineKey = 'allStatic' | 'allElastic' | 'bestSingle';

export interface BaselineRow {
  key: BaselineKey;
  label: string;
  /** When the row is also the best single environment: says so ("also the best single environment"). */
  also?: string;
  monthlyCents: number;
  /** Baseline minus recommendation: positive when the recommendation saves. */
  savingCents: number;
  sloViolationMinutes: number;
  droppedRequests: number;
  /** Cheaper than the recommendation, or fewer SLO minutes or drops: it needs a "why not". */
  isAlternative: boolean;
  /** The plan's own sentence on this baseline. */
  note: string;
  /**
   * The note without its leading "label: ", for a row that names the baseline already (the plan's
   * notes begin with it: "All in the data centre: $2,187.87 a month more than the recommendation.").
   */
  detail: string;
  /**
   * For a baseline that risks less but costs more: what it would avoid and at what price, when the
   * recommendation's risk is within the tolerance (so that price buys nothing the plan requires).
   */
  safer?: string;
  /**
   * For a baseline cheaper than the recommendation: what it would add to the risk, in a clause for the
   * headline ("with 1,433 more minutes over the targets and 33,643 more dropped requests"), so that a
   * cheaper line never reads as the better one when it drops what the recommendation serves (H47's
   * review, 2026-12-07: "$30.73 a month more than all on elastic VMs" beside 33,643 drops).
   */
  worse?: string;
}

export interface GroupRow {
  placement: Placement;
  label: string;
  /**
   * `as`: what the component runs as where that is not the group's own kind of place — a queue or
   * storage on functions' placement is the cloud's managed queue or object storage, not functions.
   */
  components: { id: string; name: string; monthlyCents: number; as?: string }[];
  subtotalCents: number;
}

export interface WiringRow {
  id: string;
  label: string;
  /** The components it joins, by name, in the plan's order, and how to join them in words. */
  between: string[];
  joiner: string;
  /** Its cost is one of its component's cost lines (a burst's traffic manager): $0 here, not missing. */
  billedInComponent: boolean;
  monthlyCents: number;
  lines: CostLine[];
  reason: string;
}

export interface DecisionSummary {
  totalCents: number;
  risk: string;
  /** Whether every component is within the tolerances (false: some target cannot be met). */
  withinTolerance: boolean;
  baselines: BaselineRow[];
  groups: GroupRow[];
  componentsCents: number;
  wiring: WiringRow[];
  wiringCents: number;
}

const GROUP_ORDER: Placement[] = ['static', 'burst', 'elastic-vm', 'serverless'];
const BASELINE_LABELS: Record<BaselineKey, string> = {
  allStatic: 'All in the data centre',
  allElastic: 'All elastic',
  bestSingle: 'Best single environment',
};
const SINGLE_LABELS: Record<Plan['totals']['bestSingle']['environment'], string> = {
  static: 'All in the data centre',
  'elastic-vm': 'All on elastic VMs',
  serverless: 'All on functions',
};

/** `All on elastic VMs` → `all on elastic VMs`: lower case for the middle of a sentence, names kept. */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `43 minutes`, `1 minute`, `2.5 hours`, `3 days`: a duration in the unit that reads best. */
export function formatMinutes(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 120) return `${formatCount(m)} minute${m === 1 ? '' : 's'}`;
  if (m < 2 * 1440) return `${tenths.format(m / 60)} hours`;
  return `${tenths.format(m / 1440)} days`;
}

/** `0.1 %`, `0.01 %`: a share as a percentage with the digits it needs. */
export function formatShare(share: number): string {
  const p = share * 100;
  const digits = p === 0 ? 0 : Math.max(0, Math.min(4, -Math.floor(Math.log10(p)) + 1));
  return `${Number(p.toFixed(digits))} %`;
}

/** "about 4,900": a count rounded to two significant figures once it is in the thousands. */
export function formatAbout(n: number): string {
  if (n < 1000) return formatCount(n);
  const step = 10 ** (Math.floor(Math.log10(n)) - 1);
  return `about ${formatCount(Math.round(n / step) * step)}`;
}

function riskSentence(
  plan: Plan,
  events: ReplayEvent[],
  pointMinutes: number,
  nameOf: (id: string) => string,
  pinned: ReadonlySet<string>,
): { text: string; withinTolerance: boolean } {
  const rec = plan.totals.recommended;
  const { decision } = plan.assumptions.environments;
  const monthMinutes = plan.assumptions.simulation.days * 1440;
  const allowed = decision.sloMinuteShare * monthMinutes;
  // Short: a chosen option ruled out, or over the tolerance itself (its minutes, or its drops against
  // the requests it was sized for) — an option can be allowed and still miss every minute.
  const over = (o: PlanOption, p: PlacementEntry) =>
    !o.feasible ||
    o.sloViolationMinutes > allowed + 0.5 ||
    (p.demand !== undefined && o.droppedRequests > decision.dropShare * p.demand.requestsPerMonth + 0.5);
  const shortOf = plan.placements.filter((p) => {
    const o = p.options.find((x) => x.placement === p.placement);
    return o === undefined || over(o, p);
  });
  const tolerance = `within the tolerance of ${formatShare(decision.sloMinuteShare)} of the month (${formatLimitMinutes(allowed)} per component) and ${formatShare(decision.dropShare)} of requests dropped`;
  if (rec.sloViolationMinutes === 0 && rec.droppedRequests === 0 && shortOf.length === 0) {
    return {
      text: 'No minute over any latency target and no dropped request in the simulated month.',
      withinTolerance: true,
    };
  }
  const what: string[] = [];
  if (rec.sloViolationMinutes > 0) what.push(`${formatMinutes(rec.sloViolationMinutes)} over the latency targets`);
  if (rec.droppedRequests > 0) what.push(`${formatAbout(rec.droppedRequests)} dropped requests`);
  // The episode with the most trouble says when; its components say where.
  const worst = events.reduce<ReplayEvent | null>(
    (m, e) => (!m || e.dropped + 60 * e.sloMinutes > m.dropped + 60 * m.sloMinutes ? e : m),
    null,
  );
  const list = (ids: string[]) =>
    `${ids.slice(0, 3).map(nameOf).join(', ')}${ids.length > 3 ? ` and ${ids.length - 3} more` : ''}`;
  // Who takes the risk, from the chosen options' own figures: the replay marks only moments of half a
  // minute or more, and a few minutes spread over many nights never reach that.
  const takers = plan.placements
    .filter((p) => {
      const o = p.options.find((x) => x.placement === p.placement);
      return o !== undefined && (o.sloViolationMinutes >= 0.5 || o.droppedRequests >= 1);
    })
    .map((p) => p.componentId);
  // "Thinly" only where it can be: under half a minute an hour on average. (Minutes of settled
  // stretches are not on the replay, so a pool over its target all month can leave no episode.)
  const isThin = rec.sloViolationMinutes < (0.5 * monthMinutes) / 60;
  // "Mostly" only where the worst episode holds most of it: a pinned burst over its target 3,223
  // minutes a month, one marked minute at a time, read "mostly from Day 25, 08:00".
  const holdsMost =
    worst !== null &&
    ((rec.sloViolationMinutes > 0 && worst.sloMinutes >= 0.5 * rec.sloViolationMinutes) ||
      (rec.droppedRequests > 0 && worst.dropped >= 0.5 * rec.droppedRequests));
  // An episode over (nearly) the whole month is no moment: it read "30 days over the latency targets …
  // mostly from Day 1, 00:00" of a pool over its target in every hour. One over a day long says its end.
  const spanMinutes = worst ? (worst.to - worst.from + 1) * pointMinutes : 0;
  const when = holdsMost
    ? spanMinutes >= 0.95 * monthMinutes
      ? `, all through the month (${list(worst.componentIds)})`
      : `, mostly from ${formatPointTime(worst.from, pointMinutes)}${spanMinutes > 1440 ? ` to ${formatPointTime(worst.to + 1, pointMinutes)}` : ''} (${list(worst.componentIds)})`
    : worst
      ? `, spread over the month (${list(takers.length > 0 ? takers : worst.componentIds)}; the replay's worst moment, ${formatPointTime(worst.from, pointMinutes)}, holds ${worst.sloMinutes >= 0.5 ? formatMinutes(worst.sloMinutes) : `${formatAbout(worst.dropped)} dropped requests`} of it)`
      : takers.length > 0
        ? isThin
          ? `, spread thinly over the month (${list(takers)}; no single hour of the replay reaches half a minute)`
          : ` (${list(takers)})`
        : '';
  if (shortOf.length > 0) {
    const named = (entries: PlacementEntry[]) =>
      `${entries
        .slice(0, 3)
        .map((p) => nameOf(p.componentId))
        .join(', ')}${entries.length > 3 ? ` and ${entries.length - 3} more` : ''}`;
    // A pin sets the other placements aside: "no placement keeps it" would blame the design for the pin.
    const asPinned = shortOf.filter((p) => pinned.has(p.componentId));
    const rest = shortOf.filter((p) => !pinned.has(p.componentId));
    // Whether any of its placements would have kept it within: then the choice, not the design, is short.
    const noneKeeps = rest.every((p) => p.options.every((o) => over(o, p)));
    const verdicts: string[] = [];
    if (asPinned.length > 0)
      verdicts.push(`as pinned, ${named(asPinned)} ${asPinned.length > 1 ? 'are' : 'is'} not ${tolerance}`);
    if (rest.length > 0)
      verdicts.push(
        noneKeeps
          ? `no placement keeps ${named(rest)} ${tolerance}`
          : `the placement chosen for ${named(rest)} is not ${tolerance}`,
      );
    const verdict = verdicts.join('; ');
    return {
      text: `${what.join(' and ') || 'Targets missed'}${when}: ${verdict}.`,
      withinTolerance: false,
    };
  }
  const text = `${what.join(' and ')}${when}, ${tolerance}.`;
  return { text: upperFirst(text), withinTolerance: true };
}

/** What a dearer, safer baseline would avoid (the row's note says what it costs more). */
function saferText(t: Total, rec: Total): { safer?: string } {
  const avoided: string[] = [];
  if (t.sloViolationMinutes < rec.sloViolationMinutes)
    avoided.push(`${formatMinutes(rec.sloViolationMinutes - t.sloViolationMinutes)} over the targets`);
  if (t.droppedRequests < rec.droppedRequests)
    avoided.push(`${formatCount(rec.droppedRequests - t.droppedRequests)} dropped requests`);
  if (avoided.length === 0) return {};
  return {
    safer: `It would avoid ${avoided.join(' and ')}; the recommendation's risk is within what we tolerate, so that is not worth paying.`,
  };
}

/** What a cheaper baseline adds to the recommendation's risk, as a clause, if anything. */
function worseText(t: Total, rec: Total): { worse?: string } {
  const added: string[] = [];
  if (t.sloViolationMinutes > rec.sloViolationMinutes)
    added.push(`${formatMinutes(t.sloViolationMinutes - rec.sloViolationMinutes)} more over the targets`);
  if (t.droppedRequests > rec.droppedRequests)
    added.push(`${formatCount(t.droppedRequests - rec.droppedRequests)} more dropped requests`);
  return added.length === 0 ? {} : { worse: `with ${added.join(' and ')}` };
}

/**
 * A wiring element's name as the canvas chip, the Decision view and the share page all show it: what
 * it is for this connection, not only its kind. A synchronous call's crossing travels over the one
 * secure link: priced in the link when nothing it sends leaves the cloud, else by those bytes. A
 * queue drawn in the design carries its own messages (priced in its own placement): its crossing
 * costs only the messages that leave the cloud, and never travels over the secure link.
 */
export function wiringLabel(w: Pick<WiringElement, 'kind' | 'costLines' | 'connectionId'>): string {
  const isEgressOnly = w.costLines.length > 0 && w.costLines.every((l) => l.item === 'egress');
  if (w.kind === 'queue' && isEgressOnly) return 'Queue messages leaving the cloud';
  if (w.kind === 'secure-link' && w.connectionId) {
    if (isEgressOnly) return 'Data sent over the secure link';
    if (w.costLines.length === 0) return 'Call over the secure link';
  }
  return WIRING_LABELS[w.kind];
}

/**
 * Whether a wiring element's cost is one of its component's cost lines (a burst's traffic manager, a
 * serverless entry point's API gateway): the element itself then shows $0, and every view says
 * "included" rather than a price of nothing.
 */
export function isBilledInComponent(w: Pick<WiringElement, 'costLines' | 'reason'>): boolean {
  return w.costLines.length === 0 && /\bBilled in\b/.test(w.reason);
}

/**
 * The components a pin keeps where a hard rule would not (a regulated store pinned to functions), as
 * a sentence, or '' when none: the plan obeys the pin and says so in the component's reasons, but a
 * risk that reads only minutes and drops read "no risk" over regulated data in the cloud (H47,
 * 2026-12-07). R8, R4 and R5 from the component itself; R9 (a provider's function limits, read from
 * its price book, which the editor's first load does without) from the plan's reasons, where the
 * engine names each rule a pin overrides.
 */
function pinnedAgainst(plan: Plan, components: readonly DecisionComponent[]): string {
  const byId = new Map(components.map((c) => [c.id, c]));
  const clauses: string[] = [];
  for (const p of plan.placements) {
    const c = byId.get(p.componentId);
    if (!c?.pin || p.placement !== c.pin.placement) continue;
    const rules = findPlaceRulesOut(c, p.placement).map((r) => `${r.rule} (it ${r.text.split(':')[0]})`);
    for (const r of p.reasons)
      if (r.rule === 'R9') rules.push(`R9 (it ${r.text.replace(`${c.name} `, '').split(':')[0]})`);
    if (rules.length === 0) continue;
    const joined = rules.length > 1 ? `${rules.slice(0, -1).join(', ')} and ${rules[rules.length - 1]}` : rules[0];
    clauses.push(`${c.name} is pinned to run ${PLACEMENT_PHRASES[p.placement]} against ${joined}`);
  }
  if (clauses.length === 0) return '';
  return `Pinned against the rules: ${clauses.slice(0, 3).join('; ')}${clauses.length > 3 ? `; and ${clauses.length - 3} more` : ''}.`;
}

/** A component as the decision reads it: what names it, its pin, and what the hard rules read. */
export type DecisionComponent = Pick<Component, 'id' | 'name' | 'kind' | 'pin'> &
  Partial<Pick<Component, 'stateful' | 'dataClass'>>;

/** What the decision is summarised with besides its plan. */
export interface DecisionInputs {
  /**
   * The design's components: their names (the text names components, never ids), their pins (the plan
   * does not carry them) and their kinds (what a queue or storage on functions' placement runs as).
   */
  components: readonly DecisionComponent[];
  /** The replay's episodes (replayEvents), which say when the minutes over fell; none: not said. */
  events?: ReplayEvent[];
  /** The minutes a chart point stands for (the plan's series). */
  pointMinutes?: number;
}

export function summariseDecision(plan: Plan, inputs: DecisionInputs): DecisionSummary {
  const { events = [], pointMinutes = 60 } = inputs;
  const byId = new Map(inputs.components.map((c) => [c.id, c]));
  const pinned = new Set(inputs.components.filter((c) => c.pin !== undefined).map((c) => c.id));
  // A name, never an id: a component missing from the design (a stale plan) reads as "a removed component".
  const nameOf = (id: string) => byId.get(id)?.name ?? 'a removed component';
  const rec: Total = plan.totals.recommended;
  const totalCents = cents(rec.monthlyCost);
  const short = riskSentence(plan, events, pointMinutes, nameOf, pinned);
  const against = pinnedAgainst(plan, inputs.components);
  const risk = against ? { text: `${short.text} ${against}`, withinTolerance: false } : short;
  // The best single environment is often a baseline already: the data centre is all-static itself,
  // and all on elastic VMs is all-elastic when VMs are every component's cheapest elastic option.
  // Then it is one row, labelled as both, not the same figures twice.
  const single = plan.totals.bestSingle;
  const same = (t: Total) =>
    cents(t.monthlyCost) === cents(single.monthlyCost) &&
    t.sloViolationMinutes === single.sloViolationMinutes &&
    t.droppedRequests === single.droppedRequests;
  const foldedInto: BaselineKey | null =
    single.environment === 'static' ? 'allStatic' : same(plan.totals.allElastic) ? 'allElastic' : null;
  const keys =
    foldedInto === null ? (['allStatic', 'allElastic', 'bestSingle'] as const) : (['allStatic', 'allElastic'] as const);
  const baselines: BaselineRow[] = keys.map((key) => {
    const t = plan.totals[key];
    const monthlyCents = cents(t.monthlyCost);
    const label = key === 'bestSingle' ? SINGLE_LABELS[single.environment] : BASELINE_LABELS[key];
    const note =
      t.note ?? `${label}: ${formatMoney((monthlyCents - totalCents) / 100)} a month against the recommendation.`;
    const also =
      key === 'bestSingle'
        ? 'the best single environment'
        : key !== foldedInto
          ? undefined
          : key === 'allStatic'
            ? 'also the best single environment'
            : `here ${lowerFirst(SINGLE_LABELS[single.environment])}, also the best single environment`;
    return {
      key,
      label,
      ...(also ? { also } : {}),
      monthlyCents,
      savingCents: monthlyCents - totalCents,
      sloViolationMinutes: t.sloViolationMinutes,
      droppedRequests: t.droppedRequests,
      isAlternative:
        monthlyCents < totalCents ||
        t.sloViolationMinutes < rec.sloViolationMinutes ||
        t.droppedRequests < rec.droppedRequests,
      note,
      detail: note.startsWith(`${label}: `) ? upperFirst(note.slice(label.length + 2)) : note,
      ...(monthlyCents > totalCents && risk.withinTolerance ? saferText(t, rec) : {}),
      ...(monthlyCents < totalCents ? worseText(t, rec) : {}),
    };
  });
  const groups: GroupRow[] = [];
  for (const placement of GROUP_ORDER) {
    const components = plan.placements
      .filter((p) => p.placement === placement)
      .map((p) => {
        const kind = byId.get(p.componentId)?.kind;
        const noun = kind === undefined ? PLACEMENT_NOUNS[placement] : placementNounOf(kind, placement);
        return {
          id: p.componentId,
          name: nameOf(p.componentId),
          monthlyCents: cents(p.options.find((o) => o.placement === placement)?.monthlyCost ?? 0),
          ...(noun !== PLACEMENT_NOUNS[placement] ? { as: noun } : {}),
        };
      });
    if (components.length === 0) continue;
    groups.push({
      placement,
      label: PLACEMENT_LABELS[placement],
      components,
      subtotalCents: components.reduce((s, c) => s + c.monthlyCents, 0),
    });
  }
  const wiring: WiringRow[] = plan.wiring.map((w) => {
    return {
      id: w.id,
      label: wiringLabel(w),
      between: w.componentIds.map(nameOf),
      // A connection's element joins its two ends; a shared one (the link) lists who uses it.
      joiner: w.connectionId ? ' → ' : ', ',
      monthlyCents: cents(w.monthlyCost),
      lines: w.costLines,
      reason: w.reason,
      billedInComponent: isBilledInComponent(w),
    };
  });
  const componentsCents = groups.reduce((s, g) => s + g.subtotalCents, 0);
  const wiringCents = wiring.reduce((s, w) => s + w.monthlyCents, 0);
  return {
    totalCents,
    risk: risk.text,
    withinTolerance: risk.withinTolerance,
    baselines,
    groups,
    componentsCents,
    wiring,
    wiringCents,
  };
}

const UNIT_WORDS: Record<string, [one: string, many: string]> = {
  'core-month': ['core for the month', 'cores for the month'],
  'instance-hour': ['instance-hour', 'instance-hours'],
  month: ['month', 'months'],
  GB: ['GB', 'GB'],
  'GB-month': ['GB stored for the month', 'GB stored for the month'],
  'DNS query': ['DNS query', 'DNS queries'],
  request: ['request', 'requests'],
  'GB-second': ['GB-second', 'GB-seconds'],
  'connection-hour': ['connection-hour', 'connection-hours'],
  'zone-month': ['hosted zone for the month', 'hosted zones for the month'],
  TiB: ['TiB', 'TiB'],
};

const quantity = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `86.2 instance-hours at $0.096` — a cost line's quantity and unit price in words. */
export function describeCostLine(line: CostLine): string {
  const [one, many] = UNIT_WORDS[line.unit] ?? [line.unit, line.unit];
  const q = line.quantity >= 1e5 ? formatCount(line.quantity) : quantity.format(line.quantity);
  const unitWord = line.quantity === 1 ? one : many;
  const per =
    line.unitPrice < 0.001 ? `${formatPrice(line.unitPrice * 1e6)} per million` : `${formatPrice(line.unitPrice)} each`;
  return `${q} ${unitWord} at ${per}${line.detail ? ` (${line.detail})` : ''}`;
}
