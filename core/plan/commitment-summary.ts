/**
 * What a 1- or 3-year commitment does to the recommendation, for the plan's `commitment` field: the
 * always-on VM instances of the recommended components (their autoscalers' minimums; a burst's cloud
 * part scales from zero and is never committed), what those cost committed and on demand, and what the
 * commitment locks in for its whole term — owed even if the design later moves those components away.
 */
import { roundToCent } from '../cost/cost-line';
import type { PricedDesign } from '../cost/tariff';
import { HOURS_PER_MONTH } from '../model/defaults';
import type { CommitmentSummary } from '../model/plan';
import { formatMoney } from '../present/format';
import type { Scenario } from './sum-totals';

export function summariseCommitment(design: PricedDesign, recommended: Scenario): CommitmentSummary | null {
  const tariff = design.tariff;
  const term = tariff.pricing.commitment;
  if (term === 'none') return null;
  let hours = 0;
  let cents = 0;
  const names: string[] = [];
  for (const c of design.components) {
    const lines = recommended.result.options.get(c.id)?.lines.filter((l) => l.item === 'commitment') ?? [];
    if (lines.length === 0) continue;
    names.push(c.name);
    for (const l of lines) {
      hours += l.quantity;
      cents += Math.round(l.monthlyCost * 100);
    }
  }
  const monthlyCost = cents / 100;
  const onDemandMonthlyCost = roundToCent(hours * tariff.env.vm.hourlyPrice);
  const monthlySaving = roundToCent(Math.max(0, onDemandMonthlyCost - monthlyCost));
  const months = term === '3y' ? 36 : 12;
  const lockedIn = roundToCent(monthlyCost * months);
  const instances = Math.round(hours / HOURS_PER_MONTH);
  const years = term === '3y' ? '3-year' : '1-year';
  const product = tariff.published?.behaviour.products.commitment ?? 'committed rate';
  const text =
    instances === 0
      ? `No recommended component keeps cloud VMs running all the time, so the ${years} commitment covers nothing: it saves nothing and locks nothing in.`
      : `A ${years} commitment (${product}) covers the ${instances} always-on ${tariff.vmSize} instance${instances === 1 ? '' : 's'} of ${names.join(', ')}: ${formatMoney(monthlyCost)} a month instead of ${formatMoney(onDemandMonthlyCost)} on demand, saving ${formatMoney(monthlySaving)} (${((100 * monthlySaving) / Math.max(0.01, onDemandMonthlyCost)).toFixed(0)} %). It locks in ${formatMoney(lockedIn)} over ${months} months, owed even if those components later move off VMs or shrink.`;
  return { term, instances, monthlyCost, onDemandMonthlyCost, monthlySaving, lockedIn, text };
}
