/**
 * What the timeline scrubber shows on the canvas: how busy a component is at one chart point under
 * one placement, whether it is turning requests away and whether it misses its SLO there. Read
 * straight from the plan's chart series (mean demand and capacity, drops and SLO minutes per point),
 * so it costs a few array reads per node per frame. A point is an hour or more: a ten-minute shortfall
 * averages out of the mean demand and capacity, so drops are read from the drop series, not guessed.
 * Nor is demand above capacity a drop by itself: async work queues and is served later (a message
 * never times out), and only sync requests past their timeout are dropped — what the series count.
 */
import type { Placement } from '../model/design';
import type { PlanResult } from '../plan/build-plan';
import { MARKED_SLO_MINUTES } from './replay-events';

export interface Utilisation {
  /** demand / capacity at that point: 0 when idle, above 1 when demand exceeds capacity (Infinity with no capacity). */
  utilisation: number;
  /** Requests are turned away in this point: the engine dropped at least one (its drop series). */
  dropping: boolean;
  /** Requests dropped within the point, as the engine counted them. */
  dropped: number;
  /** Some of the point's minutes missed the latency SLO (or dropped beyond the tolerance). */
  missingSlo: boolean;
}

/** null when the component, placement or point is not in the result (a stale or partial plan). */
export function utilisationAt(
  result: PlanResult | null,
  componentId: string,
  placement: Placement,
  index: number,
): Utilisation | null {
  const series = result?.series.components[componentId]?.[placement];
  if (!series || !Number.isInteger(index) || index < 0 || index >= series.demand.length) return null;
  const demand = series.demand[index] ?? 0;
  const capacity = series.capacity[index] ?? 0;
  const dropped = series.dropped[index] ?? 0;
  const missingSlo = (series.sloMinutes[index] ?? 0) >= MARKED_SLO_MINUTES;
  const dropping = dropped >= 1;
  const utilisation = demand <= 0 ? 0 : capacity <= 0 ? Number.POSITIVE_INFINITY : demand / capacity;
  return { utilisation, dropping, dropped, missingSlo };
}

/** As utilisationAt, under the placement the plan recommends for the component. */
export function recommendedUtilisationAt(
  result: PlanResult | null,
  componentId: string,
  index: number,
): Utilisation | null {
  const placement = result?.plan.placements.find((p) => p.componentId === componentId)?.placement;
  return placement ? utilisationAt(result, componentId, placement, index) : null;
}
