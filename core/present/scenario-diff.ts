/**
 * Two scenarios side by side (issue 16): two designs — two revisions of one, or two designs — each
 * with the plan the engine made for it, read as a diff. Per component: what changed in the design
 * (core/edit/diff-designs.ts) beside where each plan puts it and what that costs; per total
 * (recommended, all in the data centre, all elastic): both figures and the change; the wiring the
 * split needs, matched by what it is and where it sits. Every sum is in whole cents, so that the
 * components' changes and the wiring's change add up to the change of the total exactly, as the plan's
 * totals add up to their parts. Pure: the plans are the engine's, made elsewhere (the plan worker).
 */
import type { Design, Placement } from '../model/design';
import { PLACEMENT_LABELS, PLACEMENT_NOUNS } from '../model/labels';
import type { Plan, Total, WiringElement } from '../model/plan';
import { diffDesigns, type ComponentDiff, type DesignDiff, type Presence } from '../edit/diff-designs';
import { formatCount, formatMoney } from './format';
import { formatMinutes, isBilledInComponent, wiringLabel } from './decision';

export interface Scenario {
  design: Design;
  plan: Plan;
}

/** Where a plan puts one component and what that costs. */
export interface PlacedFigures {
  placement: Placement;
  monthlyCents: number;
  sloViolationMinutes: number;
  droppedRequests: number;
}

export interface ComponentRow extends ComponentDiff {
  before: PlacedFigures | null;
  after: PlacedFigures | null;
  /** After minus before, in cents; a component only on one side counts its whole cost. */
  deltaCents: number;
  /** On both sides, placed differently. */
  isPlacementChanged: boolean;
  /** Anything to show: in one design only, moved, re-tagged, placed differently, or costs otherwise. */
  isChanged: boolean;
}

export type TotalKey = 'recommended' | 'allStatic' | 'allElastic';

export interface TotalRow {
  key: TotalKey;
  label: string;
  beforeCents: number;
  afterCents: number;
  deltaCents: number;
  sloBefore: number;
  sloAfter: number;
  droppedBefore: number;
  droppedAfter: number;
}

export interface WiringRow {
  key: string;
  label: string;
  /** The components it joins, by name. */
  between: string;
  presence: Presence;
  beforeCents: number;
  afterCents: number;
  /**
   * Whether its cost is billed in its component's option on that side (a burst's traffic manager, an
   * API gateway): shown as "included", as the Decision view shows it, not as $0.00.
   */
  isIncludedBefore: boolean;
  isIncludedAfter: boolean;
}

export interface ScenarioDiff {
  design: DesignDiff;
  components: ComponentRow[];
  totals: TotalRow[];
  wiring: WiringRow[];
  /** The components' chosen options, summed, in cents. */
  componentsCents: { before: number; after: number };
  wiringCents: { before: number; after: number };
  /** Sentences that lead the comparison: what it does to the cost, the placements and the risk. */
  summary: string[];
}

const cents = (dollars: number) => Math.round(dollars * 100);

function figuresOf(plan: Plan): Map<string, PlacedFigures> {
  const out = new Map<string, PlacedFigures>();
  for (const p of plan.placements) {
    const o = p.options.find((x) => x.placement === p.placement);
    if (!o) continue;
    out.set(p.componentId, {
      placement: p.placement,
      monthlyCents: cents(o.monthlyCost),
      sloViolationMinutes: o.sloViolationMinutes,
      droppedRequests: o.droppedRequests,
    });
  }
  return out;
}

const TOTAL_LABELS: Record<TotalKey, string> = {
  recommended: 'Recommended',
  allStatic: 'All in the data centre',
  allElastic: 'All elastic',
};

function totalRow(key: TotalKey, a: Total, b: Total): TotalRow {
  const beforeCents = cents(a.monthlyCost);
  const afterCents = cents(b.monthlyCost);
  return {
    key,
    label: TOTAL_LABELS[key],
    beforeCents,
    afterCents,
    deltaCents: afterCents - beforeCents,
    sloBefore: a.sloViolationMinutes,
    sloAfter: b.sloViolationMinutes,
    droppedBefore: a.droppedRequests,
    droppedAfter: b.droppedRequests,
  };
}

/** The design's one secure link (the VPN), not the call over it on a connection, which carries a connectionId. */
const isTheLink = (w: WiringElement) => w.kind === 'secure-link' && w.connectionId === undefined;

/**
 * Wiring has no stable id across plans: an element is what it is and where it sits. The secure link
 * is one per design whatever crosses it (its componentIds list the components calling over it), so it
 * is kept while both plans have one, even when other components call over it.
 */
const wiringKey = (w: WiringElement) =>
  isTheLink(w) ? w.kind : `${w.kind}|${w.connectionId ?? ''}|${w.componentIds.join(',')}`;

function diffWiring(a: Scenario, b: Scenario): WiringRow[] {
  const names = new Map([...a.design.components, ...b.design.components].map((c) => [c.id, c.name]));
  const sumBy = (plan: Plan) => {
    const m = new Map<string, { element: WiringElement; cents: number; isIncluded: boolean }>();
    for (const w of plan.wiring) {
      const k = wiringKey(w);
      const had = m.get(k);
      m.set(k, {
        element: had?.element ?? w,
        cents: (had?.cents ?? 0) + cents(w.monthlyCost),
        isIncluded: (had?.isIncluded ?? true) && isBilledInComponent(w),
      });
    }
    return m;
  };
  const before = sumBy(a.plan);
  const after = sumBy(b.plan);
  const rows: WiringRow[] = [];
  for (const k of new Set([...after.keys(), ...before.keys()])) {
    const x = before.get(k);
    const y = after.get(k);
    const element = (y ?? x)?.element;
    if (!element) continue;
    rows.push({
      key: k,
      label: wiringLabel(element),
      between: isTheLink(element)
        ? 'the data centre and the cloud'
        : element.componentIds.map((id) => names.get(id) ?? id).join(' → '),
      presence: !x ? 'added' : !y ? 'removed' : 'kept',
      beforeCents: x?.cents ?? 0,
      afterCents: y?.cents ?? 0,
      isIncludedBefore: x?.isIncluded ?? false,
      isIncludedAfter: y?.isIncluded ?? false,
    });
  }
  return rows;
}

const signed = (c: number) => `${c < 0 ? '−' : '+'}${formatMoney(Math.abs(c) / 100)}`;
const percent = (delta: number, base: number) =>
  base === 0 ? '' : ` (${delta < 0 ? '−' : '+'}${Math.abs((100 * delta) / base).toFixed(1)} %)`;

function summarise(rows: ComponentRow[], totals: TotalRow[], d: DesignDiff): string[] {
  const rec = totals.find((t) => t.key === 'recommended');
  if (!rec) return [];
  const out: string[] = [];
  out.push(
    rec.deltaCents === 0
      ? `The recommended plan costs the same, ${formatMoney(rec.afterCents / 100)} a month.`
      : `The recommended plan costs ${formatMoney(rec.afterCents / 100)} a month instead of ${formatMoney(rec.beforeCents / 100)}: ${signed(rec.deltaCents)}${percent(rec.deltaCents, rec.beforeCents)}.`,
  );
  const moved = rows.filter((r) => r.isPlacementChanged);
  if (moved.length > 0) {
    const named = moved
      .slice(0, 4)
      .map((r) => `${r.name} from ${PLACEMENT_NOUNS[r.before!.placement]} to ${PLACEMENT_NOUNS[r.after!.placement]}`);
    out.push(
      `${formatCount(moved.length)} component${moved.length === 1 ? '' : 's'} placed differently: ${named.join('; ')}${moved.length > 4 ? `; and ${moved.length - 4} more` : ''}.`,
    );
  } else out.push('Every component both designs have runs where it ran.');
  const drawn: string[] = [];
  if (d.counts.added > 0) drawn.push(`${formatCount(d.counts.added)} added`);
  if (d.counts.removed > 0) drawn.push(`${formatCount(d.counts.removed)} removed`);
  if (d.counts.retagged > 0) drawn.push(`${formatCount(d.counts.retagged)} re-tagged`);
  if (d.counts.moved > 0) drawn.push(`${formatCount(d.counts.moved)} moved on the canvas`);
  if (drawn.length > 0) out.push(`Components: ${drawn.join(', ')}.`);
  if (d.settings.length > 0) out.push(`Settings: ${d.settings.join('; ')}.`);
  if (rec.sloBefore !== rec.sloAfter || rec.droppedBefore !== rec.droppedAfter)
    out.push(
      `Risk: ${formatMinutes(rec.sloBefore)} over the latency targets → ${formatMinutes(rec.sloAfter)}; dropped requests ${formatCount(rec.droppedBefore)} → ${formatCount(rec.droppedAfter)}.`,
    );
  else out.push('Risk unchanged: the same minutes over the latency targets and the same dropped requests.');
  return out;
}

/** `before` and `after` compared: the design's changes, the plans' figures and what they add up to. */
export function diffScenarios(before: Scenario, after: Scenario): ScenarioDiff {
  const design = diffDesigns(before.design, after.design);
  const a = figuresOf(before.plan);
  const b = figuresOf(after.plan);
  const components: ComponentRow[] = design.components.map((c) => {
    const x = c.presence === 'added' ? null : (a.get(c.id) ?? null);
    const y = c.presence === 'removed' ? null : (b.get(c.id) ?? null);
    const deltaCents = (y?.monthlyCents ?? 0) - (x?.monthlyCents ?? 0);
    const isPlacementChanged = x !== null && y !== null && x.placement !== y.placement;
    return {
      ...c,
      before: x,
      after: y,
      deltaCents,
      isPlacementChanged,
      isChanged: c.presence !== 'kept' || c.isMoved || c.isRetagged || isPlacementChanged || deltaCents !== 0,
    };
  });
  const totals = (['recommended', 'allStatic', 'allElastic'] as const).map((k) =>
    totalRow(k, before.plan.totals[k], after.plan.totals[k]),
  );
  const wiring = diffWiring(before, after);
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  return {
    design,
    components,
    totals,
    wiring,
    componentsCents: {
      before: sum([...a.values()].map((f) => f.monthlyCents)),
      after: sum([...b.values()].map((f) => f.monthlyCents)),
    },
    wiringCents: { before: sum(wiring.map((w) => w.beforeCents)), after: sum(wiring.map((w) => w.afterCents)) },
    summary: summarise(components, totals, design),
  };
}

/** `Data centre → Burst (both)`, or the one placement when it did not change. */
export function placementChange(row: Pick<ComponentRow, 'before' | 'after'>): string {
  const x = row.before && PLACEMENT_LABELS[row.before.placement];
  const y = row.after && PLACEMENT_LABELS[row.after.placement];
  if (x && y) return x === y ? x : `${x} → ${y}`;
  return x ? `${x} → removed` : y ? `added → ${y}` : '—';
}

/** `+$12.00`, `−$3.50`, `$0.00`: a change of money with its sign. */
export function formatDeltaCents(c: number): string {
  return c === 0 ? formatMoney(0) : signed(c);
}
