/**
 * How a plan reads to people, for the results panels, the share page and the Export menu: numbers and
 * times in a fixed locale, chart rows that keep every spike in sight, how busy a component is at a
 * point of the timeline, and the plan as a Markdown report. The words for kinds, placements and
 * wiring are the documents' own (core/model/labels.ts).
 */
export {
  formatCount,
  formatDuration,
  formatMoney,
  formatMs,
  formatPointTime,
  formatPrice,
  formatRps,
  progressPercent,
} from './format';
export { comparisonCells } from './compare';
export type { ComparisonCells, ComparisonRowCells, PriceRowCells } from './compare';
export { chartTop, maxCapacity, niceCeil, toChartRows } from './chart-rows';
export type { ChartRow } from './chart-rows';
export { recommendedUtilisationAt, utilisationAt } from './utilisation';
export { replayEvents } from './replay-events';
export type { ReplayEvent } from './replay-events';
export type { Utilisation } from './utilisation';
export { reportMarkdown } from './report-markdown';
export { describeTippingPoint, formatSpread, isUncertain, rangeCells } from './insight-words';
export {
  describeCostLine,
  formatAbout,
  formatMinutes,
  formatShare,
  isBilledInComponent,
  summariseDecision,
  wiringLabel,
} from './decision';
export type { BaselineRow, DecisionInputs, DecisionSummary, GroupRow, WiringRow } from './decision';
export { RULES, SOURCES, ruleHref, ruleSummary, splitProse } from './rules';
export type { ProsePart, RuleText, SourceKey } from './rules';
export { diffScenarios, formatDeltaCents, placementChange } from './scenario-diff';
export type { ComponentRow, PlacedFigures, Scenario, ScenarioDiff, TotalKey, TotalRow } from './scenario-diff';
