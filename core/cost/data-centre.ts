/**
 * An own data centre's core-month, built up from its parts (reference/pricing-and-scaling.md, "Own data
 * centre"): (server price ÷ amortisation months + power (W × PUE × hours × kWh price) + space +
 * operations) ÷ cores per server, over a 730-hour month. Returned as one cost line a part, so the plan
 * shows what a reserved core is made of — the on-premises price book cost tools lack.
 */
import type { DataCentre } from '../model/pricing-choice';
import { HOURS_PER_MONTH } from '../model/defaults';
import { costLine, type CostLine } from './cost-line';

export const CORE_MONTH_PARTS = ['hardware', 'power', 'space', 'operations'] as const;
export type CoreMonthPart = (typeof CORE_MONTH_PARTS)[number];

/** What one server costs a month, part by part, in US dollars. */
export function serverMonth(dc: DataCentre): Record<CoreMonthPart, number> {
  const kwh = (dc.wattsPerServer * dc.pue * HOURS_PER_MONTH) / 1000;
  return {
    hardware: dc.serverPrice / (dc.amortisationYears * 12),
    power: kwh * dc.kwhPrice,
    space: dc.spaceMonthlyPerServer,
    operations: dc.opsMonthlyPerServer,
  };
}

/** A core-month, part by part, and in all: what environments.static.coreMonthlyCost derives from. */
export function coreMonth(dc: DataCentre): Record<CoreMonthPart, number> & { total: number } {
  const server = serverMonth(dc);
  const perCore = (part: CoreMonthPart) => server[part] / dc.coresPerServer;
  const parts = {
    hardware: perCore('hardware'),
    power: perCore('power'),
    space: perCore('space'),
    operations: perCore('operations'),
  };
  return { ...parts, total: parts.hardware + parts.power + parts.space + parts.operations };
}

const PART_DETAIL: Record<CoreMonthPart, (dc: DataCentre) => string> = {
  hardware: (dc) => `hardware: $${dc.serverPrice} a server over ${dc.amortisationYears * 12} months`,
  power: (dc) => `power: ${dc.wattsPerServer} W × PUE ${dc.pue} × ${HOURS_PER_MONTH} h at $${dc.kwhPrice}/kWh`,
  space: (dc) => `space: $${dc.spaceMonthlyPerServer} a server-month`,
  operations: (dc) => `operations: $${dc.opsMonthlyPerServer} a server-month`,
};

/** Reserved cores as four `cores` lines, one a part of the core-month; they sum to the placement's cost. */
export function priceDataCentreCores(dc: DataCentre, cores: number): CostLine[] {
  const perCore = coreMonth(dc);
  return CORE_MONTH_PARTS.map((part) => costLine('cores', cores, 'core-month', perCore[part], PART_DETAIL[part](dc)));
}
