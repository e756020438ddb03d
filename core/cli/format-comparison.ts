/**
 * The comparison of providers as the command line prints it (`npm run plan -- design.json --compare`):
 * one row a provider — region, monthly total, where the components run, SLO minutes and drops — then
 * the summary, each component placed differently with why, and the unit prices side by side.
 */
import { COMMITMENT_LABELS, PROVIDER_LABELS } from '../model/labels';
import type { ProviderComparison } from '../plan/compare-providers';
import { formatCount, formatMoney } from '../present/format';

function table(rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function formatComparison(c: ProviderComparison): string {
  const header = [
    'Provider',
    'Region',
    'Monthly',
    'vs cheapest',
    'Data centre',
    'VMs',
    'Functions',
    'Burst',
    'SLO min',
    'Dropped',
  ];
  const rows = c.rows.map((r) => [
    `${PROVIDER_LABELS[r.provider]}${r.isCheapest ? ' *' : ''}`,
    `${r.region} (${r.regionName})`,
    formatMoney(r.monthlyCost),
    r.isCheapest ? '—' : `+${formatMoney(r.aboveCheapest)}`,
    String(r.counts.static),
    String(r.counts['elastic-vm']),
    String(r.counts.serverless),
    String(r.counts.burst),
    formatCount(r.sloViolationMinutes),
    formatCount(r.droppedRequests),
  ]);
  const providers = c.rows.map((r) => r.provider);
  const prices = [
    ['Price or figure', 'per', ...providers.map((p) => PROVIDER_LABELS[p])],
    ...c.prices.map((p) => [
      p.label,
      p.unit,
      ...providers.map((k) => (p.values[k] === null ? '—' : String(p.values[k]))),
    ]),
  ];
  const parts = [
    `${c.design.name}: planned on ${c.rows.length} providers, ${COMMITMENT_LABELS[c.commitment].toLowerCase()} (* cheapest)`,
    '',
    table([header, ...rows], new Set([2, 3, 4, 5, 6, 7, 8, 9])),
    '',
    ...c.summary,
    ...(c.differences.length > 0 ? ['', ...c.differences.map((d) => `- ${d.text}`)] : []),
    '',
    table(prices, new Set(providers.map((_, i) => i + 2))),
    '',
    `Simulation: ${c.simulation.runs} capacity-model runs for all providers, ${c.simulation.reused} reused from another provider's.`,
  ];
  return `${parts.join('\n')}\n`;
}
