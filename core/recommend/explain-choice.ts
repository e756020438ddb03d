/**
 * The sentences behind a placement, each under the rule it applies: the hard constraints that
 * narrowed the choice (R4, R5, R8, R9, R10), the pattern (R1/R2), Weinman's economic test with the
 * simulated costs (R3), serverless fit (R7), the link latency of crossing calls (R8), data that moves
 * with elastic processing (R6), and an unmet SLO said plainly (R10).
 */
import type { Component, Environments, Pattern } from '../model/design';
import type { Reason } from '../model/plan';
import type { SeriesShape } from '../simulate/series-stats';
import type { OptionResult } from './assess-options';
import { computeUtilityPremium } from './size-burst-base';

const money = (x: number) => `$${x.toFixed(2)}`;
const pct = (x: number) => `${(100 * x).toFixed(x < 0.1 ? 1 : 0)} %`;

export function explainChoice(
  c: Component,
  options: readonly OptionResult[],
  best: OptionResult,
  meets: boolean,
  pattern: Pattern,
  shape: SeriesShape,
  env: Environments,
  horizonMinutes: number,
): Reason[] {
  const reasons: Reason[] = [];
  const seen = new Set<string>();
  for (const o of options) {
    if (o.ruledOut && !seen.has(o.ruledOut.text)) {
      seen.add(o.ruledOut.text);
      const out = options.filter((x) => x.ruledOut?.text === o.ruledOut?.text).map((x) => x.placement);
      reasons.push({ rule: o.ruledOut.rule, text: `${capitalise(o.ruledOut.text)}: rules out ${out.join(', ')}.` });
    }
  }
  // A stateful store of sensitive data is kept on site by R4 first; say that R5 would keep it there too.
  const sensitive = c.dataClass === 'regulated' || c.dataClass === 'confidential';
  if (sensitive && !c.pin && !reasons.some((r) => r.rule === 'R5')) {
    reasons.push({
      rule: 'R5',
      text: `It holds ${c.dataClass} data: a single on-premises store for compliance; cloud copies of its callers reach it over a secured link.`,
    });
  }
  if (c.pin)
    reasons.unshift({
      rule: 'R10',
      text: `Pinned to ${c.pin.placement}${c.pin.cores ? ` with ${c.pin.cores} cores` : ''}; the pin is obeyed.`,
    });
  const ratio = shape.mean > 0 ? shape.peak / shape.mean : 1;
  const level = `mean ${shape.mean.toFixed(1)} rps, peak ${shape.peak.toFixed(1)} rps`;
  if (pattern === 'static') reasons.push({ rule: 'R1', text: `Static demand (${level}) → static by default.` });
  else
    reasons.push({
      rule: 'R2',
      text: `${capitalise(pattern)} demand (${level}, peak ${ratio.toFixed(1)}× mean) → an elastic candidate.`,
    });
  const u = computeUtilityPremium(env);
  const feasible = options.filter((o) => o.ruledOut === null);
  if (feasible.length > 1 || pattern !== 'static') {
    const test =
      ratio > u
        ? `peak ÷ mean ${ratio.toFixed(1)} > U, so pay-per-use can win`
        : `peak ÷ mean ${ratio.toFixed(1)} ≤ U, so reserved capacity is cheaper at this shape`;
    const burst =
      shape.nearPeakShare < 1 / u
        ? `; ${pct(shape.nearPeakShare)} of the time near peak < 1/U = ${pct(1 / u)}, so a static base with elastic peak (burst) is worth pricing`
        : '';
    const costs = options
      .map((o) => `${o.placement} ${money(o.monthlyCost)}${o.ruledOut ? ' (ruled out)' : ''}`)
      .join(', ');
    reasons.push({
      rule: 'R3',
      text: `Utility premium U = ${u.toFixed(2)}; ${test}${burst}. Simulated month: ${costs}.`,
    });
  }
  const hasSlo = c.latencySloMs !== undefined;
  const slo = hasSlo ? `meets the p95 SLO of ${c.latencySloMs} ms` : 'drops no requests (it has no latency SLO)';
  const f = best.figures;
  reasons.push({
    rule: !meets || c.pin ? 'R10' : pattern === 'static' ? 'R1' : 'R3',
    text: meets
      ? `${capitalise(best.placement)} at ${money(best.monthlyCost)} a month is the cheapest allowed option that ${slo}: p95 ${f.p95LatencyMs.toFixed(0)} ms, ${f.sloViolationMinutes} min in violation.`
      : `No allowed placement ${hasSlo ? `meets the p95 SLO of ${c.latencySloMs} ms` : 'serves every request'}; ${best.placement} misses it least: ${f.sloViolationMinutes} of ${horizonMinutes} min in violation, ${Math.round(f.droppedRequests)} requests dropped.`,
  });
  if (!meets)
    reasons.push({
      rule: 'R10',
      text: 'The unmet SLO is reported, not hidden: add capacity, relax the SLO, or change the design.',
    });
  const serverless = options.find((o) => o.placement === 'serverless');
  if (best.placement === 'serverless') {
    reasons.push({
      rule: 'R7',
      text: `Sporadic or batch work suits functions: pay per use, ${money(best.monthlyCost)} a month for ${best.note}.`,
    });
  } else if (
    serverless &&
    serverless.ruledOut === null &&
    serverless.figures.sloViolationMinutes > 0 &&
    pattern !== 'static'
  ) {
    reasons.push({
      rule: 'R7',
      text: `Functions would spend ${serverless.figures.sloViolationMinutes} min over the SLO (cold starts of ${env.functions.coldStartMs} ms): servers suit latency-critical work.`,
    });
  }
  const linked = best.figures.meanLatencyMs - best.isolated.meanLatencyMs;
  if (linked > 0.5)
    reasons.push({
      rule: 'R8',
      text: `Sync calls that cross the link add ${linked.toFixed(0)} ms per request on average; counted in its latency.`,
    });
  if (c.dataGb > 0 && best.placement !== 'static') {
    const text =
      c.kind === 'storage'
        ? `It holds ${c.dataGb} GB whose volume follows the elastic work around it: an elastic storage offering (Hybrid Data).`
        : `It reads ${c.dataGb} GB a day: the data it needs moves with it, staged into a storage offering next to it (see wiring).`;
    reasons.push({ rule: 'R6', text });
  }
  return reasons;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
