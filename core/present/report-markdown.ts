/**
 * The plan as a Markdown report, for the people who build the infrastructure: per component its
 * placement, the reasons (with their rule ids) and the four options' figures side by side; the wiring
 * the split needs, with reasons; the totals; and the assumptions the plan can be re-run from.
 * Pure and deterministic (no clock, fixed locale): the same plan gives the same bytes. Every text
 * that comes from a document (names, notes, reasons that quote them) is escaped for Markdown and HTML
 * (`text`), so a name like `<script>` or `Shop\n# Pwned` stays the words it is, in a cell or a heading.
 */
import type { Design } from '../model/design';
import type { Plan, PlanOption, Total } from '../model/plan';
import { PLACEMENT_LABELS, WIRING_LABELS } from '../model/labels';
import { formatCount, formatMoney, formatMs, formatRps } from './format';
import { describeTippingPoint, formatSpread, isUncertain, rangeCells } from './insight-words';

/**
 * Text as Markdown that renders as exactly that text, inline: line breaks and other controls become
 * spaces (a new line could start a heading or a list), HTML's `<`, `>` and `&` become entities (no
 * tag is ever made), and the characters Markdown reads as markup inside a line (emphasis, code,
 * links, a closing `#`, strikethrough, table pipes) are backslash-escaped, so the result is safe in
 * a heading and in a table cell alike. It always follows other text, so line-start markers need none.
 */
export function text(raw: string): string {
  return raw
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function optionRow(o: PlanOption, chosen: boolean): string {
  const name = `${PLACEMENT_LABELS[o.placement]}${chosen ? ' **(chosen)**' : ''}`;
  return `| ${[
    name,
    o.feasible ? 'yes' : 'no',
    formatMoney(o.monthlyCost),
    formatMs(o.meanLatencyMs),
    formatMs(o.p95LatencyMs),
    formatCount(o.sloViolationMinutes),
    formatCount(o.droppedRequests),
    o.note ? text(o.note) : '—',
  ].join(' | ')} |`;
}

function totalRow(label: string, t: Total): string {
  return `| ${label} | ${formatMoney(t.monthlyCost)} | ${formatCount(t.sloViolationMinutes)} | ${formatCount(t.droppedRequests)} |`;
}

/**
 * What would change the plan (npm run plan -- --insight): the tipping points in words and the ranges
 * over seeds of the components whose load is random. Nothing when the plan carries neither.
 */
function insightSection(plan: Plan, nameOf: (id: string) => string): string[] {
  const points = plan.placements.filter((p) => (p.tippingPoints?.length ?? 0) > 0);
  const ranged = plan.placements.filter((p) => p.ranges && isUncertain(p.ranges));
  const searched = plan.placements.some((p) => p.tippingPoints !== undefined || p.ranges !== undefined);
  if (!searched) return [];
  const out = ['## What would change it', ''];
  // The editor exports the components searched one by one ("What would change this?"): name them.
  const asked = plan.placements.filter((p) => p.tippingPoints !== undefined);
  const isPartial = asked.length < plan.placements.length;
  const who = asked.map((p) => nameOf(p.componentId)).join(', ');
  if (isPartial && asked.length > 0) out.push(`Searched for ${who} only; the other components were not searched.`, '');
  if (points.length === 0)
    out.push(`No single input within ×0.1…×10 of its value moves ${isPartial ? who : 'a component'}.`, '');
  else {
    out.push('Each input alone, the others as they are; checked by planning again just before and just beyond it.', '');
    for (const p of points)
      for (const t of p.tippingPoints ?? [])
        out.push(`- ${nameOf(p.componentId)} ${describeTippingPoint(t, p.placement)}.`);
    out.push('');
  }
  const total = plan.ranges?.recommended;
  if (plan.ranges && total)
    out.push(
      `Over ${plan.ranges.seeds} seeds of the random load, the recommendation (each seed's own) costs ${formatSpread(total.monthlyCost, formatMoney)} a month, with ${formatSpread(total.sloViolationMinutes, formatCount)} SLO violation minutes and ${formatSpread(total.droppedRequests, formatCount)} dropped requests.`,
      '',
    );
  for (const p of ranged) {
    const r = p.ranges;
    if (!r) continue;
    const others = Math.round(r.differentShare * r.seeds);
    out.push(
      `**${nameOf(p.componentId)}** over ${r.seeds} seeds of its random load: ${others === 0 ? `${PLACEMENT_LABELS[p.placement]} every time` : `another placement than ${PLACEMENT_LABELS[p.placement]} in ${others} of ${r.seeds}`}.`,
      '',
      '| option | monthly cost, P10–P90 | SLO violation min | dropped requests |',
      '|---|---:|---:|---:|',
      ...rangeCells(r).map(
        (row) =>
          `| ${PLACEMENT_LABELS[row.placement]}${row.placement === p.placement ? ' **(chosen)**' : ''} | ${row.cells.join(' | ')} |`,
      ),
      '',
    );
  }
  return out;
}

/**
 * `design`, when given, supplies component names and connection endpoints; without it the report
 * names components by id. Pass the design the plan was made from.
 */
export function reportMarkdown(plan: Plan, design?: Design): string {
  const components = new Map(design?.components.map((c) => [c.id, c]) ?? []);
  const connections = new Map(design?.connections.map((c) => [c.id, c]) ?? []);
  const nameOf = (id: string) => {
    const c = components.get(id);
    return c && c.name !== id ? `${text(c.name)} (\`${id}\`)` : `\`${id}\``;
  };
  const { recommended, allStatic, allElastic } = plan.totals;
  const out: string[] = [
    `# Placement plan: ${text(plan.design.name)}`,
    '',
    `Tidemark plan (\`${plan.format}\` version ${plan.version}) for the design whose canonical JSON has sha256 \`${plan.design.sha256}\`.`,
    `${plan.placements.length} component${plan.placements.length === 1 ? '' : 's'}, ${plan.wiring.length} wiring element${plan.wiring.length === 1 ? '' : 's'}; recommended monthly cost **${formatMoney(recommended.monthlyCost)}**.`,
    '',
    '## Summary',
    '',
    '| component | placement | monthly cost | rules |',
    '|---|---|---:|---|',
  ];
  for (const p of plan.placements) {
    const chosen = p.options.find((o) => o.placement === p.placement);
    const rules = [...new Set(p.reasons.map((r) => r.rule))].join(', ');
    out.push(
      `| ${nameOf(p.componentId)} | ${PLACEMENT_LABELS[p.placement]} | ${chosen ? formatMoney(chosen.monthlyCost) : '—'} | ${rules} |`,
    );
  }

  out.push('', '## Components');
  for (const p of plan.placements) {
    const c = components.get(p.componentId);
    out.push('', `### ${nameOf(p.componentId)}: ${PLACEMENT_LABELS[p.placement]}`, '');
    const facts = [`effective pattern: ${p.effectivePattern}`];
    if (c) facts.unshift(`kind: ${c.kind}`);
    if (p.demand)
      facts.push(
        `demand: mean ${formatRps(p.demand.meanRps)} rps, peak ${formatRps(p.demand.peakRps)} rps, ${formatCount(p.demand.requestsPerMonth)} requests a month`,
      );
    if (c?.latencySloMs !== undefined) facts.push(`latency SLO: p95 ≤ ${formatMs(c.latencySloMs)}`);
    out.push(facts.join(' · '), '', '**Reasons**', '');
    for (const r of p.reasons) out.push(`- **${r.rule}**: ${text(r.text)}`);
    out.push(
      '',
      '| option | feasible | monthly cost | mean latency | p95 latency | SLO violation min | dropped requests | note |',
      '|---|---|---:|---:|---:|---:|---:|---|',
      ...p.options.map((o) => optionRow(o, o.placement === p.placement)),
    );
  }

  out.push('', '## Wiring', '');
  if (plan.wiring.length === 0)
    out.push('No wiring is needed: no connection crosses between the data centre and the cloud.');
  else {
    out.push('| id | element | where | reason |', '|---|---|---|---|');
    for (const w of plan.wiring) {
      const conn = w.connectionId ? connections.get(w.connectionId) : undefined;
      const where = conn
        ? `connection \`${conn.id}\`: ${nameOf(conn.from)} → ${nameOf(conn.to)}`
        : `${w.connectionId ? `connection \`${w.connectionId}\`: ` : ''}${w.componentIds.map(nameOf).join(', ')}`;
      const cost = w.monthlyCost !== undefined ? ` (${formatMoney(w.monthlyCost)} a month)` : '';
      out.push(`| ${w.id} | ${WIRING_LABELS[w.kind]} | ${where} | ${text(w.reason)}${cost} |`);
    }
  }

  out.push(
    '',
    '## Totals',
    '',
    '| | monthly cost | SLO violation minutes | dropped requests |',
    '|---|---:|---:|---:|',
    totalRow('**Recommended**', recommended),
    totalRow('All in the data centre', allStatic),
    totalRow('All elastic', allElastic),
    '',
    `Costs are per month of 730 hours (the providers' convention): the ${plan.assumptions.simulation.days}-day simulation is scaled to it. *All elastic* puts every component on its cheapest elastic option that the hard constraints allow; the others stay where those constraints put them.`,
    '',
    ...insightSection(plan, nameOf),
    '## Assumptions',
    '',
    'Every default filled in; re-running the design with these gives this plan.',
    '',
    '```json',
    JSON.stringify(plan.assumptions, null, 2),
    '```',
    '',
  );
  return out.join('\n');
}
