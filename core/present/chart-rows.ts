/**
 * Chart rows for "demand against capacity over the month": the engine's series (up to 720 points)
 * bucketed down to what a ~170 px wide chart can show. Each bucket keeps its highest demand and its
 * lowest capacity, so that a short spike or a shortfall is never averaged out of sight.
 */
import type { ChartSeries } from '../simulate/option-stats';
import { roundPlaces } from '../model/round';

export interface ChartRow {
  /** Days since the start of the simulation, at the bucket's start. */
  day: number;
  demand: number;
  capacity: number;
}

export function toChartRows(series: ChartSeries, pointMinutes: number, maxRows = 240): ChartRow[] {
  const n = Math.min(series.demand.length, series.capacity.length);
  const per = Math.max(1, Math.ceil(n / Math.max(1, maxRows)));
  const rows: ChartRow[] = [];
  for (let start = 0; start < n; start += per) {
    let demand = 0;
    let capacity = Number.POSITIVE_INFINITY;
    for (let i = start; i < Math.min(n, start + per); i++) {
      demand = Math.max(demand, series.demand[i] ?? 0);
      capacity = Math.min(capacity, series.capacity[i] ?? 0);
    }
    rows.push({
      day: roundPlaces((start * pointMinutes) / 1440, 3),
      demand: roundPlaces(demand, 3),
      capacity: roundPlaces(capacity, 3),
    });
  }
  return rows;
}

/**
 * One y scale for all of a component's options, so that their charts compare: room for the demand
 * peak and for every capacity within 3× of it. A capacity far above demand (serverless scales to
 * thousands of rps) would flatten the demand to a line, so it runs off the top instead; see isOffScale.
 */
export function chartTop(rowsPerOption: readonly ChartRow[][]): number {
  let demand = 0;
  for (const rows of rowsPerOption) for (const r of rows) demand = Math.max(demand, r.demand);
  let top = demand * 1.2;
  for (const rows of rowsPerOption) {
    const capacity = maxCapacity(rows);
    if (demand <= 0 || capacity <= demand * 3) top = Math.max(top, capacity);
  }
  return niceCeil(top);
}

export function maxCapacity(rows: readonly ChartRow[]): number {
  let top = 0;
  for (const r of rows) top = Math.max(top, r.capacity);
  return top;
}

/** The next of 1, 2, 5 × 10^k at or above x (1 for nothing to show). */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}
