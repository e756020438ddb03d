/**
 * The sentences behind a placement, each under the rule it applies and each quoting the figures of
 * the plan it sits in: the hard constraints that narrowed the choice (R4, R5, R8, R9, R10), the
 * pattern (R1/R2), Weinman's economics in words (R3), the SLO met or missed with the tolerance that
 * decided it, what placing it with its neighbours changed (R11) and what simplicity cost (R12),
 * serverless fit (R7), link latency (R8) and staged data (R6). Components are named by name.
 */
import { HOURS_PER_MONTH } from '../model/defaults';
import { PLACEMENT_NOUNS, PLACEMENT_PHRASES } from '../model/labels';
import type { Component, Environments, Pattern, Placement } from '../model/design';
import { resolveFunctionSeconds, resolveTimeoutMs } from '../model/design-fields';
import type { Reason } from '../model/plan';
import {
  formatCount,
  formatCountOf,
  formatLimit,
  formatLimitMinutes,
  formatDuration,
  formatMissedMinutes,
  formatMoney,
  formatMs,
  formatRps,
  formatSpan,
  plural,
} from '../present/format';
import { DROP_TOLERANCE } from '../simulate/option-stats';
import type { SeriesShape } from '../simulate/series-stats';
import { BURST_RESERVE, type OptionResult, type Tolerance } from './assess-assignment';
import { P95_NEAR } from './build-joint-problem';
import type { Alternative } from './compare-alternatives';
import { computeUtilityPremium } from './size-burst-base';
import { findRulesOut } from './hard-constraints';
import type { Tariff } from '../cost/tariff';

const NAMES = PLACEMENT_NOUNS;

/** Where a component runs, in words: a queue or a store "on functions" is the cloud's managed one. */
function phraseFor(c: Component, placement: Placement): string {
  if (placement === 'serverless' && c.kind === 'queue') return "as the cloud's managed queue";
  if (placement === 'serverless' && c.kind === 'storage') return "as the cloud's managed object storage";
  return PLACEMENT_PHRASES[placement];
}

/** A share as a percentage: whole above 10 %, else two significant digits (0.0087 %, 0.95 %). */
const pct = (x: number) => `${x >= 0.1 ? Math.round(100 * x) : Number((100 * x).toPrecision(2))} %`;
const times = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)}×`;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

export interface ExplainInput {
  component: Component;
  pattern: Pattern;
  shape: SeriesShape;
  /** All four options in the plan's context, PLACEMENTS order. */
  options: readonly OptionResult[];
  chosen: OptionResult;
  alternatives: readonly Alternative[];
  env: Environments;
  tol: Tolerance;
  /** The design's prices and provider: a pin's placement is checked against the rules it overrides. */
  tariff: Tariff;
}

export function explainChoice(input: ExplainInput): Reason[] {
  const { component: c, options, chosen, env } = input;
  const reasons: Reason[] = [];
  if (c.pin) {
    reasons.push({
      rule: 'R10',
      text: `${c.name} is pinned to run ${PLACEMENT_PHRASES[c.pin.placement]}${c.pin.cores ? ` with ${plural(c.pin.cores, 'core')}` : ''}; the pin is obeyed.`,
    });
    // Obeyed, but not silently past a rule it overrides (a 2,000 s request pinned to functions).
    for (const overridden of findRulesOut(c, c.pin.placement, input.tariff)) {
      reasons.push({
        rule: overridden.rule,
        text: `${c.name} ${overridden.text}: the pin keeps it ${PLACEMENT_PHRASES[c.pin.placement]} all the same, against ${overridden.rule}.`,
      });
    }
  }
  const seen = new Set<string>();
  for (const o of options) {
    const out = o.ruledOut;
    if (!out || out.rule === 'R10' || seen.has(out.text)) continue;
    seen.add(out.text);
    const placements = options.filter((x) => x.ruledOut?.text === out.text).map((x) => NAMES[x.placement]);
    reasons.push({
      rule: out.rule,
      text: `${c.name} ${out.text}. Ruled out: ${list(placements)}.`,
    });
  }
  const sensitive = c.dataClass === 'regulated' || c.dataClass === 'confidential';
  if (sensitive && !c.pin && !reasons.some((r) => r.rule === 'R5')) {
    reasons.push({
      rule: 'R5',
      text: `${c.name} holds ${c.dataClass} data: a single store on premises for compliance; cloud copies of its callers reach it over the secure link.`,
    });
  }
  reasons.push(...explainEconomics(input));
  reasons.push(...explainGrowth(input));
  reasons.push(...explainSlo(input));
  reasons.push(...explainTogether(input));
  if (chosen.placement === 'serverless' && (c.kind === 'queue' || c.kind === 'storage')) {
    reasons.push({
      rule: 'R7',
      text: `In the cloud ${c.name} is the provider's managed ${c.kind === 'queue' ? 'queue' : 'object storage'}, paid per use: ${formatMoney(chosen.ownCost)} a month for ${chosen.note.replace(/^(a )?managed (queue|object storage): /, '')}.`,
    });
  } else if (chosen.placement === 'serverless') {
    reasons.push({
      rule: 'R7',
      text: c.pin
        ? `On functions, as pinned, it pays per use: ${formatMoney(chosen.ownCost)} a month for ${chosen.note}.`
        : `${functionsLead(input)}: pay per use, ${formatMoney(chosen.ownCost)} a month for ${chosen.note}.`,
    });
  } else {
    const fn = options.find((o) => o.placement === 'serverless');
    // Only against a latency target: with none, its minutes are minutes dropping requests, not slowness.
    if (
      fn &&
      !fn.ruledOut &&
      !fn.meets &&
      c.latencySloMs !== undefined &&
      fn.figures.sloViolationMinutes > 0 &&
      input.pattern !== 'static'
    ) {
      reasons.push({
        rule: 'R7',
        text: `On functions ${c.name} would spend ${formatMissedMinutes(fn.figures.sloViolationMinutes, c.latencySloMs)}: ${describeFunctionTime(c, fn, env)}; servers suit latency-critical work.`,
      });
    }
  }
  const bursts =
    chosen.linkBursts && chosen.linkBursts.overMinutes >= 0.5 && c.latencySloMs !== undefined
      ? chosen.linkBursts
      : null;
  if (chosen.linkMeanMs > 0.5 || bursts) {
    const average = `Its synchronous calls across the link add ${formatMs(chosen.linkMeanMs)} to a request on average (${movesP95(chosen) ? `${formatMs(chosen.linkP95Ms)} at the 95th percentile` : 'too few of its requests cross to move its 95th percentile'}), counted in its latency.`;
    // The minutes a burst callee's overflow costs it: where its SLO minutes come from, when they do.
    const during = bursts
      ? ` While ${namesOf(bursts.callees)} send${bursts.callees.length === 1 ? 's' : ''} requests to the cloud (${formatCountOf(bursts.minutes, 'minute')}), its calls there add up to ${formatMs(bursts.delayMs)} at the 95th percentile: ${formatCountOf(bursts.overMinutes, 'minute')} more over its ${formatMs(c.latencySloMs ?? 0)} target.`
      : '';
    reasons.push({ rule: 'R8', text: average + during });
  }
  if (c.dataGb > 0 && chosen.placement !== 'static') {
    reasons.push({
      rule: 'R6',
      text:
        c.kind === 'storage'
          ? `${c.name} holds ${c.dataGb} GB whose volume follows the elastic work around it: an elastic storage offering (Hybrid Data).`
          : `${c.name} reads ${c.dataGb} GB a day: what it reads from the data centre is staged into storage next to it (the wiring lists the staging when there is any); what is already in the cloud it reads where it is.`,
    });
  }
  return reasons;
}

function explainEconomics({ component: c, pattern, shape, options, env }: ExplainInput): Reason[] {
  // No load at all: neither steady nor bursty, and a peak-to-mean ratio would be 0 ÷ 0 (it read "a
  // steady load is cheapest on capacity you own" and "its peak is only 1.0× its mean" beside a $0.00
  // choice of functions).
  const costs = options.map(
    (o) => `${NAMES[o.placement]} ${formatMoney(o.ownCost)}${o.ruledOut ? ' (ruled out)' : ''}`,
  );
  if (!(shape.peak > 0)) {
    return [
      {
        rule: 'R3',
        text: `${c.name} has no load in the simulated month: capacity held for it would stand idle, and only what is paid per use costs nothing. Simulated month: ${list(costs)}.`,
      },
    ];
  }
  const level = `mean ${formatRps(shape.mean)} req/s, peak ${formatRps(shape.peak)} req/s`;
  const ratio = shape.mean > 0 ? shape.peak / shape.mean : 1;
  const u = computeUtilityPremium(env);
  // A core rented for no more than one owned (U ≤ 1) leaves owning nothing to win on price, at any shape.
  const rentingNoDearer = u <= 1;
  const reasons: Reason[] = [
    pattern === 'static'
      ? {
          rule: 'R1',
          text: `${c.name}'s demand is steady (${level}): a steady load is cheapest on capacity you own${rentingNoDearer ? ', except where a core rented costs no more than one owned, as at these prices' : ''}.`,
        }
      : {
          rule: 'R2',
          text: `${c.name}'s demand is ${pattern.replace(/-/g, ' ')} (${level}, the peak ${times(ratio)} the mean): ${elasticVerdict(options)}.`,
        },
  ];
  const allowed = options.filter((o) => !o.ruledOut);
  if (allowed.length <= 1) return reasons;
  // A price of zero (a free tier, a written-off data centre) leaves no premium to weigh: it read
  // "costs 0.0 times one owned … under the Infinity % (1 hour in 0.0)".
  if (!(u > 0) || !Number.isFinite(u)) {
    const free =
      u > 0
        ? "A core owned costs nothing at these prices (the data centre's core price is 0): capacity it owns is cheapest at any shape of load, unless it cannot meet its targets there"
        : 'A core rented in the cloud costs nothing at these prices (the VM price is 0): paying only for what is used is cheapest at any shape of load';
    return [...reasons, { rule: 'R3', text: `${free}. Simulated month: ${list(costs)}.` }];
  }
  // Under 1 (a data-centre core dearer than its rented equivalent) Weinman's break-even share 1/U is
  // over 100 %: a core owned never pays for itself. It read "costs 0.6 times one owned … under the
  // 171 % (1 hour in 0.6) that a core owned for the peak needs to pay for itself".
  if (rentingNoDearer) {
    const premium = u < 0.995 ? `${u.toFixed(2)} times` : u < 1 ? 'just less than' : 'as much as';
    const cheaper =
      u < 1
        ? 'renting is cheaper than owning at any utilisation, even for a core busy every hour of the month, so a core owned never pays for itself'
        : 'renting costs no more than owning even for a core busy every hour of the month, and less at any lower utilisation';
    return [
      ...reasons,
      {
        rule: 'R3',
        text: `A core rented in the cloud costs ${premium} one owned (Weinman's utility premium, from these prices): ${cheaper}; on the price of a core alone, paying only for what is used wins at any shape of load. Simulated month: ${list(costs)}.`,
      },
    ];
  }
  const rentingCanWin = ratio > u;
  const verdict = rentingCanWin
    ? `its peak is ${times(ratio)} its mean, so paying only for what is used can win`
    : `its peak is only ${times(ratio)} its mean, so owning all of its capacity is cheaper than renting all of it at this shape`;
  // Where owning wins over renting everything, a short peak can still make the split cheaper than
  // either: said as a contrast ("yet"), not as a second conclusion beside the first (H47 read "owns is
  // cheaper … so a … burst is worth pricing" as the reason contradicting itself, 2026-12-07).
  const burst =
    shape.nearPeakShare < 1 / u && pattern !== 'static'
      ? `; ${rentingCanWin ? 'it runs' : 'yet it runs'} near its peak ${pct(shape.nearPeakShare)} of the time, under the ${pct(1 / u)} (1 hour in ${u.toFixed(1)}) that a core owned for the peak needs to pay for itself, so a data-centre base with cloud overflow (burst)${rentingCanWin ? '' : ', owning the base and renting the peak, may beat both and'} is worth pricing`
      : '';
  return [
    ...reasons,
    {
      rule: 'R3',
      text: `A core rented in the cloud costs ${u.toFixed(1)} times one owned (Weinman's utility premium, from these prices): ${verdict}${burst}. Simulated month: ${list(costs)}.`,
    },
  ];
}

/**
 * Why functions, in a word on the load's shape: "sporadic or batch work" is what suits them, but a
 * steady load, or none at all, put there for being cheapest read as the rule misapplied (a static
 * load of 0 req/s, H47's review, 2026-12-07).
 */
function functionsLead({ pattern, shape }: Pick<ExplainInput, 'pattern' | 'shape'>): string {
  if (!(shape.mean > 0)) return 'With no requests to serve, functions cost least, as nothing runs while idle';
  if (pattern === 'static') return 'A steady load, yet functions cost least here';
  return 'Sporadic or batch work suits functions';
}

/** Months ahead that a reservation sized for a growing load is projected to. */
const GROWTH_MONTHS = 6;

/**
 * A continuously changing load on capacity reserved for it (the data centre, a burst's base): the cores
 * are sized for the simulated horizon's peak, and "capacity must follow at the same rate" (R2's
 * pattern, placement-rules.md) — say what the peak becomes and that the reservation must follow.
 */
function explainGrowth({ component: c, pattern, shape, chosen }: ExplainInput): Reason[] {
  const growth = c.workload?.growthPerMonth ?? 0;
  const usage = chosen.run.usage;
  const cores = usage.placement === 'static' ? usage.cores : usage.placement === 'burst' ? usage.baseCores : 0;
  if (pattern !== 'continuously-changing' || Math.abs(growth) < 0.005 || cores <= 0 || !(shape.peak > 0)) return [];
  const factor = (1 + growth) ** GROWTH_MONTHS;
  const what =
    usage.placement === 'static'
      ? `the ${plural(cores, 'core')} reserved ${cores === 1 ? 'is' : 'are'}`
      : `the burst's base of ${plural(cores, 'core')} is`;
  return [
    {
      rule: 'R2',
      text:
        growth > 0
          ? `${c.name}'s load grows ${pct(growth)} a month: ${what} sized for the simulated peak of ${formatRps(shape.peak)} req/s, which at this rate reaches ${formatRps(shape.peak * factor)} req/s in ${GROWTH_MONTHS} months (${times(factor)}). Capacity must follow at the same rate: add cores as it grows, or re-plan with the load of the month ahead.`
          : `${c.name}'s load shrinks ${pct(-growth)} a month: ${what} sized for the simulated peak of ${formatRps(shape.peak)} req/s, which at this rate falls to ${formatRps(shape.peak * factor)} req/s in ${GROWTH_MONTHS} months. Capacity must follow at the same rate: release cores as it shrinks, or re-plan with the load of the month ahead.`,
    },
  ];
}

/**
 * R2's verdict on a changing load: a candidate for elastic capacity — unless the hard constraints
 * rule out every elastic option (a stateful or regulated store), which the reasons above say.
 */
function elasticVerdict(options: readonly OptionResult[]): string {
  const elastic = options.filter((o) => o.placement !== 'static');
  if (elastic.length === 0 || elastic.some((o) => !o.ruledOut)) return 'a candidate for elastic capacity';
  const rules = [...new Set(elastic.map((o) => o.ruledOut?.rule))];
  if (rules.length === 1 && rules[0] === 'R10')
    return 'a shape that would suit elastic capacity, but its pin keeps it in the data centre';
  const named = rules.join(' and ');
  return `a shape that would suit elastic capacity, but ${named} keep${rules.length > 1 ? '' : 's'} it in the data centre`;
}

/** A p95 beyond which a component without a latency target is said to queue (a minute). */
const QUEUED_WAIT_MS = 60_000;

/** `45 s`, `12 min 5 s`, `2.8 hours`. */
function formatWait(ms: number): string {
  return ms < 3_600_000 ? formatDuration(ms) : `${(ms / 3_600_000).toFixed(1)} hours`;
}

function explainSlo({ component: c, chosen, tol, pattern, options, shape }: ExplainInput): Reason[] {
  const f = chosen.figures;
  const hours = tol.horizonMinutes / 60;
  const drops =
    f.droppedRequests < 0.5
      ? 'no dropped requests'
      : `${formatCount(f.droppedRequests)} dropped requests (${pct(f.droppedRequests / Math.max(1, f.requests))} of them; we tolerate ${pct(tol.dropShare)})`;
  const period = hours >= HOURS_PER_MONTH * 0.9 ? 'month' : 'horizon';
  // The p95 of the whole period is under the target; some minutes' own p95 may not be. (Written "p95 78
  // ms, less than a minute over it", a reviewer read the component as under its target and over it at
  // once, 2026-12-08.)
  const overMinutes = f.sloViolationMinutes < 0.5 ? 'under one minute' : formatCountOf(f.sloViolationMinutes, 'minute');
  const minutes =
    f.sloViolationMinutes === 0
      ? 'no minute whose own p95 passes it'
      : `${overMinutes} whose own p95 passes it, within the ${formatLimitMinutes(tol.minutes)} (${pct(tol.minutes / tol.horizonMinutes)} of the ${period}) we tolerate`;
  const rule = c.pin ? 'R10' : pattern === 'static' && shape.peak > 0 ? 'R1' : 'R3';
  const where = `${c.name} runs ${phraseFor(c, chosen.placement)}`;
  if (chosen.meets) {
    const text =
      c.latencySloMs !== undefined
        ? `${where} at ${formatMoney(chosen.ownCost)} a month: ${c.pin ? 'as pinned, it' : 'the cheapest combination'} keeps its p95 under its ${formatMs(c.latencySloMs)} target — p95 ${formatMs(f.p95LatencyMs)} across the ${period}; ${minutes} — with ${drops}.`
        : `${where} at ${formatMoney(chosen.ownCost)} a month, ${c.pin ? 'as pinned' : 'the cheapest combination that serves its load'}; it has no latency target, and has ${drops}.`;
    // The options that cost less on their own but were not chosen because they miss the targets: what
    // each would miss, from its own figures (the rest of the why is R11/R12's).
    const missing = options
      .filter((o) => !o.ruledOut && !o.meets && o.ownCost < chosen.ownCost - 0.005)
      .sort((a, b) => a.ownCost - b.ownCost)
      .map((o) => {
        const g = o.figures;
        const misses: string[] = [];
        if (g.sloViolationMinutes > tol.minutes)
          misses.push(formatMissedMinutes(g.sloViolationMinutes, c.latencySloMs));
        if (g.droppedRequests > tol.dropShare * Math.max(1, g.requests))
          misses.push(`${formatCount(g.droppedRequests)} dropped requests`);
        return `${NAMES[o.placement]} (${formatMoney(o.ownCost)}) would have ${misses.length > 0 ? misses.join(' and ') : 'missed its targets'}`;
      });
    const out: Reason[] = [{ rule, text }];
    // With no target nothing is "over" it, however long the work queues: said, from its figures, so
    // that a consumer hours behind does not read as merely serving its load.
    if (c.latencySloMs === undefined && f.p95LatencyMs > QUEUED_WAIT_MS)
      out.push({
        rule,
        text: `Its work queues: requests to ${c.name} wait up to ${formatWait(f.p95LatencyMs)} at the 95th percentile (${formatWait(f.meanLatencyMs)} on average). Give it a latency target if that is too long, and the plan will size for it.`,
      });
    if (missing.length > 0)
      out.push({
        rule,
        text: `Cheaper on its own, but beyond what we tolerate (${formatLimitMinutes(tol.minutes)} ${formatSpan(tol.horizonMinutes)}, ${pct(tol.dropShare)} of requests dropped): ${list(missing)}.`,
      });
    // A cheaper burst within the tolerances but not within R12's reserve (choose-jointly.ts): said, or
    // "the cheapest combination" passed over it without a word.
    const burst = options.find((o) => o.placement === 'burst');
    if (
      burst &&
      !burst.ruledOut &&
      burst.meets &&
      chosen.placement !== 'burst' &&
      burst.ownCost < chosen.ownCost - 0.005
    ) {
      const g = burst.figures;
      const minutesOver = g.sloViolationMinutes > BURST_RESERVE * tol.minutes + 1e-9;
      const dropsOver = g.droppedRequests > BURST_RESERVE * tol.dropShare * Math.max(1, g.requests);
      if (minutesOver || dropsOver) {
        const what = minutesOver
          ? `${formatMissedMinutes(g.sloViolationMinutes, c.latencySloMs)}, within the ${formatLimit(tol.minutes)} we tolerate but more than the ${formatLimit(BURST_RESERVE * tol.minutes)} a split may use`
          : `${formatCount(g.droppedRequests)} dropped requests, within the ${pct(tol.dropShare)} we tolerate but more than the ${pct(BURST_RESERVE * tol.dropShare)} a split may use`;
        out.push({
          rule: 'R12',
          text: `Bursting would cost ${formatMoney(burst.ownCost)} a month, but with ${what}: running in two places must be clearly worth it, so a burst keeps half of each tolerance in reserve.`,
        });
      }
    }
    return out;
  }
  // Judged minute by minute: a month's p95 can sit under the target while too many minutes are over it.
  const target =
    c.latencySloMs !== undefined
      ? `keeps its p95 under ${formatMs(c.latencySloMs)} in all but the ${formatLimitMinutes(tol.minutes)} we tolerate`
      : 'serves every request';
  if (c.pin) {
    return [
      {
        rule: 'R10',
        text: `As pinned, ${c.name} does not ${target.replace(/^keeps/, 'keep').replace(/^serves/, 'serve')}: ${formatCount(f.sloViolationMinutes)} of ${formatCount(tol.horizonMinutes)} minutes over, p95 ${formatMs(f.p95LatencyMs)}, ${formatCount(f.droppedRequests)} requests dropped.`,
      },
      {
        rule: 'R10',
        text: 'The shortfall is reported, not hidden: lift the pin, add capacity to it, relax the target, or change the design.',
      },
    ];
  }
  return [
    {
      rule: 'R10',
      text:
        c.latencySloMs !== undefined
          ? `No allowed placement ${target}; ${NAMES[chosen.placement]} is among those that come nearest: ${formatCount(f.sloViolationMinutes)} of ${formatCount(tol.horizonMinutes)} minutes over, no more than the ${formatLimitMinutes(tol.minutes)} we tolerate above the fewest any allowed placement has, p95 ${nearestP95(chosen)}, ${formatCount(f.droppedRequests)} requests dropped.`
          : `No allowed placement ${target}; ${NAMES[chosen.placement]} is among those that fall short least (no more than the ${formatLimitMinutes(tol.minutes)} we tolerate above the least): ${formatCount(f.sloViolationMinutes)} of ${formatCount(tol.horizonMinutes)} minutes over (dropping requests), ${formatCount(f.droppedRequests)} requests dropped.`,
    },
    {
      rule: 'R10',
      text: 'The shortfall is reported, not hidden: add capacity, relax the target, or change the design.',
    },
  ];
}

/** Whether the link moves the option's p95 by as much as the reasons write (a tenth of a millisecond). */
const movesP95 = (o: OptionResult) => o.linkP95Ms >= 0.05;

/**
 * The p95 by which R10 chose among options that miss alike: each option's own, before the link adds
 * its delay to calls that cross (build-joint-problem.ts compares those). With a link, both are said:
 * it read "p95 843 ms (within 10 % of the nearest)" beside a data centre at 749 ms, each with its link.
 */
function nearestP95(chosen: OptionResult): string {
  const near = `within ${pct(P95_NEAR)} of the nearest`;
  const f = chosen.figures;
  if (!movesP95(chosen)) return `${formatMs(f.p95LatencyMs)} (${near})`;
  return `${formatMs(f.p95LatencyMs)} with the link (${formatMs(chosen.run.figures.p95LatencyMs)} on its own, ${near} on its own)`;
}

/** R11 and R12: what the other options would do to the whole plan. */
function explainTogether({ component: c, chosen, alternatives, env }: ExplainInput): Reason[] {
  const reasons: Reason[] = [];
  const others = alternatives.filter((a) => a.placement !== chosen.placement && a.excessDelta <= 1e-9);
  const cheaperAlone = others.filter((a) => a.ownCost < chosen.ownCost - 0.005 && a.costDelta > 0.005);
  const best = cheaperAlone.reduce<Alternative | null>((m, a) => (m === null || a.ownCost < m.ownCost ? a : m), null);
  if (best) {
    reasons.push({
      rule: 'R11',
      text: `On its own, ${NAMES[best.placement]} would cost less (${formatMoney(best.ownCost)} against ${formatMoney(chosen.ownCost)}), but its connections would then cross the link and the whole plan would cost ${formatMoney(best.costDelta)} a month more: placed together with its neighbours, it runs ${phraseFor(c, chosen.placement)}.`,
    });
  }
  const margin = env.decision.simplicityMargin;
  for (const a of others.filter((x) => x.costDelta < -0.005)) {
    const saving = -a.costDelta;
    const share = chosen.ownCost > 0 ? saving / chosen.ownCost : 1;
    const what =
      a.placement === 'burst' ? 'split it across both environments' : `move it away from its neighbours' environment`;
    reasons.push({
      rule: 'R12',
      text: `${capitalise(NAMES[a.placement])} would save ${formatMoney(saving)} a month (${pct(share)} of its cost here) but ${what}; a split or a move must save at least ${pct(margin)}, so ${c.name} stays ${phraseFor(c, chosen.placement)}.`,
    });
  }
  return reasons;
}

/** Why a function is slow, from its own figures: its duration at its memory, its cold starts, the link. */
function describeFunctionTime(c: Component, fn: OptionResult, env: Environments): string {
  const seconds = resolveFunctionSeconds(c.demand);
  const stretched =
    c.demand.durationSeconds === undefined && seconds > c.demand.cpuMs / 1000 + 1e-9
      ? ` (its ${formatMs(c.demand.cpuMs)} of CPU at ${Math.round((100 * c.demand.cpuMs) / 1000 / seconds)} % of a vCPU)`
      : '';
  const parts = [`a request takes ${formatMs(seconds * 1000)} on average at ${c.demand.memoryMb} MB${stretched}`];
  const cold = fn.coldStartShare ?? 0;
  if (cold > 0) {
    parts.push(`${pct(cold)} of invocations wait a cold start of ${formatMs(env.functions.coldStartMs)}`);
  }
  if (fn.linkMeanMs > 0.5) parts.push(`its calls across the link add ${formatMs(fn.linkMeanMs)}`);
  const slo = c.latencySloMs ?? 0;
  const p95 = fn.figures.p95LatencyMs;
  const { droppedRequests, requests } = fn.figures;
  // A minute that turns away more than DROP_TOLERANCE of its requests is over its target, whatever
  // its p95: throttling at the concurrency limit, not a quiet minute's few slow requests, is then why.
  const dropShare = requests > 0 ? droppedRequests / requests : 0;
  // Or a cold start longer than the timeout: then every sync request that starts cold fails
  // (simulate-serverless.ts), and those are its drops, not the limit's.
  const timeoutMs = resolveTimeoutMs(c.demand);
  const why =
    cold > 0 && env.functions.coldStartMs > timeoutMs
      ? `a sync request that waits a cold start of ${formatMs(env.functions.coldStartMs)}, longer than its timeout of ${formatMs(timeoutMs)}, fails: it loses ${pct(dropShare)} of its requests`
      : `at its concurrency limit of ${formatCount(env.functions.concurrencyLimit)} instances it turns away ${pct(dropShare)} of its requests`;
  const throttled =
    dropShare > DROP_TOLERANCE
      ? `${why}, and a minute that turns away more than ${pct(DROP_TOLERANCE)} is over its target`
      : '';
  // "300 ms, under the 300 ms target" read as a contradiction where the p95 rounds to the target.
  const under =
    formatMs(p95) === formatMs(slo) ? `just under the ${formatMs(slo)} target` : `under the ${formatMs(slo)} target`;
  const tail =
    p95 > slo
      ? `its p95 is ${formatMs(p95)} against a target of ${formatMs(slo)}${throttled ? `; ${throttled}` : ''}`
      : throttled
        ? `its p95 is ${formatMs(p95)}, ${under}, but ${throttled}`
        : `over the month its p95 is ${formatMs(p95)}, ${under}, but in a quiet minute a few slow requests are that minute's p95`;
  return `${parts.join(', ')}; ${tail}`;
}

const conjunction = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });
/** "k", "k and m", "a, b, c and 4 more": at most three names. */
function namesOf(names: readonly string[]): string {
  return names.length <= 3 ? conjunction.format(names) : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
