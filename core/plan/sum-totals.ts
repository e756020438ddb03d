/**
 * The plan's totals: the recommendation and each baseline is an assignment judged alike (its
 * components' options in context plus its wiring), and its monthly cost is the sum of those
 * options' and elements' costs — each already a sum of cent-rounded lines — added in whole cents,
 * so a total reconciles with its parts to the cent; its SLO minutes and drops, the sums of theirs. Each baseline carries a sentence that sets it
 * against the recommendation: what it costs or saves, and when it is cheaper, why it was not chosen.
 */
import type { PricedDesign } from '../cost/tariff';
import type { Component, Placement } from '../model/design';
import type { Plan, Total, WiringElement } from '../model/plan';
import { formatCount, formatLimitMinutes, formatMoney, formatSpan } from '../present/format';
import type { AssignmentResult, Tolerance } from '../recommend/assess-assignment';
import type { SimplicityPrice } from '../recommend/build-joint-problem';

export interface Scenario {
  result: AssignmentResult;
  wiring: WiringElement[];
}

export type Baselines = Record<'allStatic' | 'allElastic' | 'allVm' | 'allServerless', Scenario>;

const cents = (dollars: number) => Math.round(dollars * 100);

export function totalOf(s: Scenario): Total {
  let total = 0;
  let minutes = 0;
  let dropped = 0;
  // Minutes and drops as each option shows them (whole numbers, to-plan-option.ts), so that a total
  // is the sum of the figures beside it (a 500-component design read 2,312 against its options' 2,299).
  for (const o of s.result.options.values()) {
    total += cents(o.ownCost);
    minutes += Math.round(o.figures.sloViolationMinutes);
    dropped += Math.round(o.figures.droppedRequests);
  }
  for (const w of s.wiring) total += cents(w.monthlyCost);
  return { monthlyCost: total / 100, sloViolationMinutes: minutes, droppedRequests: dropped };
}

// As the Decision view names them; "where allowed": a component the hard constraints keep in the data
// centre stays there.
const LABELS = {
  allStatic: 'All in the data centre',
  allElastic: 'All elastic (where allowed)',
  allVm: 'All on elastic VMs (where allowed)',
  allServerless: 'All on functions (where allowed)',
} as const;

/**
 * How the joint choice weighed an assignment beyond its bill (decide-plan.ts): R12's prices of
 * simplicity on its components (build-joint-problem.ts `simplicityPrices`), and the components whose
 * placement it does not offer the choice at all (outside their SLO even before any link latency).
 */
export interface Weighing {
  prices: SimplicityPrice[];
  /** Components placed where the choice offers nothing; `noneMeets`: none of its options meets its SLO. */
  notOffered: { componentId: string; noneMeets: boolean }[];
}

export function sumTotals(
  design: PricedDesign,
  recommended: Scenario,
  baselines: Baselines,
  tol: Tolerance,
  weigh: (assignment: ReadonlyMap<string, Placement>) => Weighing,
): Plan['totals'] {
  const rec = totalOf(recommended);
  const describe = (key: keyof Baselines) => ({
    ...totalOf(baselines[key]),
    note: compare(LABELS[key], design, baselines[key], recommended, rec, tol, weigh),
  });
  const single = (['allStatic', 'allVm', 'allServerless'] as const).map((key) => ({ key, scenario: baselines[key] }));
  // The best single environment: fewest components short of their targets; as many short, the one
  // short by least (fewer minutes over the targets, then fewer requests dropped, each to the whole
  // unit); then the cheapest. (By count, then cost, a design of one service that misses every minute
  // wherever it runs took the data centre at $32 and 1.2 M dropped requests over functions at $939
  // and 10,000.)
  const rank = (s: Scenario) => [...s.result.options.values()].filter((o) => !o.meets).length;
  const isBetter = (x: Scenario, m: Scenario): boolean => {
    const [a, b] = [rank(x), rank(m)];
    if (a !== b) return a < b;
    const [tx, tm] = [totalOf(x), totalOf(m)];
    if (a > 0) {
      const [minutesX, minutesM] = [Math.round(tx.sloViolationMinutes), Math.round(tm.sloViolationMinutes)];
      if (minutesX !== minutesM) return minutesX < minutesM;
      const [droppedX, droppedM] = [Math.round(tx.droppedRequests), Math.round(tm.droppedRequests)];
      if (droppedX !== droppedM) return droppedX < droppedM;
    }
    return tx.monthlyCost < tm.monthlyCost;
  };
  const best = single.reduce((m, x) => (isBetter(x.scenario, m.scenario) ? x : m));
  const environment: Placement =
    best.key === 'allStatic' ? 'static' : best.key === 'allVm' ? 'elastic-vm' : 'serverless';
  return {
    recommended: rec,
    allStatic: describe('allStatic'),
    allElastic: describe('allElastic'),
    bestSingle: { ...describe(best.key), environment: environment },
  };
}

/** One baseline against the recommendation, in words. */
function compare(
  label: string,
  design: PricedDesign,
  base: Scenario,
  rec: Scenario,
  recTotal: Total,
  tol: Tolerance,
  weigh: (assignment: ReadonlyMap<string, Placement>) => Weighing,
): string {
  const t = totalOf(base);
  const diff = Math.round((t.monthlyCost - recTotal.monthlyCost) * 100) / 100;
  const byId = new Map(design.components.map((c) => [c.id, c]));
  const missing: Component[] = [];
  for (const [id, o] of base.result.options) {
    const mine = rec.result.options.get(id);
    const c = byId.get(id);
    if (c && !o.meets && mine?.meets) missing.push(c);
  }
  const shortOf = (names: string[], more: string) =>
    `${names.join(', ')}${more} short of ${missing.length === 1 ? 'its target' : 'their targets'} beyond what we tolerate (${formatLimitMinutes(tol.minutes)} ${formatSpan(tol.horizonMinutes)})`;
  const names = missing.slice(0, 3).map((c) => c.name);
  const more = missing.length > 3 ? ` and ${missing.length - 3} more` : '';
  if (diff >= 0.01)
    return `${label}: ${formatMoney(diff)} a month more than the recommendation${missing.length > 0 ? `, and it would leave ${shortOf(names, more)}` : ''}.`;
  if (diff > -0.01) return `${label}: the same monthly cost as the recommendation.`;
  const saving = `${label} would cost ${formatMoney(-diff)} a month less`;
  if (missing.length > 0) {
    const what =
      t.droppedRequests > recTotal.droppedRequests
        ? ` and drop ${formatCount(t.droppedRequests - recTotal.droppedRequests)} more requests`
        : '';
    return `${saving}, but it would leave ${shortOf(names, more)}${what}, which the recommendation meets.`;
  }
  // Cheaper, and no component it leaves short that the recommendation meets: it is riskier where both
  // fall short (more minutes over, more requests dropped), or the joint choice weighed it dearer.
  const riskier: string[] = [];
  if (t.sloViolationMinutes > recTotal.sloViolationMinutes)
    riskier.push(`${formatCount(t.sloViolationMinutes - recTotal.sloViolationMinutes)} more minutes over the targets`);
  if (t.droppedRequests > recTotal.droppedRequests)
    riskier.push(`${formatCount(t.droppedRequests - recTotal.droppedRequests)} more requests dropped`);
  if (riskier.length > 0) return `${saving}, but with ${riskier.join(' and ')} than the recommendation.`;
  const share = ((100 * -diff) / Math.max(0.01, recTotal.monthlyCost)).toFixed(1);
  return `${saving} (${share} % of the recommendation's cost), but ${whyNotChosen(design, base, rec, -diff, weigh)}`;
}

const assignmentOf = (s: Scenario) => new Map([...s.result.options].map(([id, o]) => [id, o.placement]));

/**
 * Why the joint choice passed over a cheaper baseline that is no riskier, with the figures it weighed.
 * R12's margin applies to each component's simpler choice (its data-centre cost for a move across the
 * link, its cheapest single placement for a split), and the choice adds it as a price: a combination
 * whose moves cost more of it than they save over the recommendation's is not taken, however much
 * each move saves on its own.
 */
function whyNotChosen(
  design: PricedDesign,
  base: Scenario,
  rec: Scenario,
  saving: number,
  weigh: (assignment: ReadonlyMap<string, Placement>) => Weighing,
): string {
  const names = new Map(design.components.map((c) => [c.id, c.name]));
  const mine = weigh(assignmentOf(rec));
  const theirs = weigh(assignmentOf(base));
  const sum = (prices: readonly SimplicityPrice[]) => prices.reduce((a, p) => a + p.price, 0);
  const [pb, pr] = [sum(theirs.prices), sum(mine.prices)];
  const list = (prices: readonly SimplicityPrice[]) =>
    prices.map((p) => `${names.get(p.componentId) ?? p.componentId} ${formatMoney(p.price)}`).join(', ');
  const margin = Math.round(100 * design.environments.decision.simplicityMargin);
  if (pb - pr >= saving - 0.005) {
    const recPart =
      mine.prices.length > 0
        ? `the recommendation's ${formatMoney(pr)} (${list(mine.prices)})`
        : "the recommendation's $0";
    return `R12 prices simplicity: a component moved across the link from its data-centre neighbours pays ${margin} % of its data-centre cost, a split one ${margin} % of its cheapest single placement. Its moves pay ${formatMoney(pb)} (${list(theirs.prices)}) against ${recPart}: ${formatMoney(pb - pr)} more, which outweighs the ${formatMoney(saving)} it saves.`;
  }
  const named = (list: { componentId: string }[]) =>
    list.map((x) => names.get(x.componentId) ?? x.componentId).join(', ');
  const nearest = theirs.notOffered.filter((x) => x.noneMeets);
  if (nearest.length > 0) {
    // R10: where no placement meets an SLO, the choice keeps those that miss it least on their own
    // figures, before any link latency; in context (with the link's latency) another can miss less.
    return `no placement keeps ${named(nearest)} within ${nearest.length === 1 ? 'its target' : 'their targets'}, and the joint choice weighs only the placements that miss it least on their own, before the link's latency is added (R10): this baseline's is not among them.`;
  }
  if (theirs.notOffered.length > 0) {
    const who = theirs.notOffered;
    return `it places ${named(who)} where the joint choice does not offer: outside ${who.length === 1 ? 'its SLO' : 'their SLOs'} even before any link latency, where another placement meets it.`;
  }
  return `the latency its crossings add leaves a component less room under its SLO than the joint choice requires (R11), even with R12's prices (${formatMoney(pb)} against the recommendation's ${formatMoney(pr)}).`;
}
