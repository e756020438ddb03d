/**
 * Chart rows for "demand against capacity over the month": the engine's series (up to 720 points)
 * bucketed down to what a ~170 px wide chart can show. Each bucket keeps its highest demand and its
 * lowest capacity, so that a short spike or a shortfall is never averaged out of sight.
 */
import type { ChartSeries } from '../simulate/option-stats';

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
    rows.push({ day: round((start * pointMinutes) / 1440), demand: round(demand), capacity: round(capacity) });
  }
  return rows;
}

/** The largest value over several options' rows: one y scale makes the four charts comparable. */
export function chartTop(rowsPerOption: readonly ChartRow[][]): number {
  let top = 0;
  for (const rows of rowsPerOption) for (const r of rows) top = Math.max(top, r.demand, r.capacity);
  return top;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
