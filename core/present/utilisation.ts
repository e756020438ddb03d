/**
 * What the timeline scrubber shows on the canvas: how busy a component is at one chart point under
 * one placement, and whether it is turning requests away. Read straight from the plan's chart
 * series (mean demand and capacity per point), so it costs two array reads per node per frame.
 */
import type { Placement } from '../model/design';
import { MODEL_ASSUMPTIONS } from '../model/defaults';
import type { PlanResult } from '../plan/build-plan';

export interface Utilisation {
  /** demand / capacity at that point: 0 when idle, above 1 when demand exceeds capacity (Infinity with no capacity). */
  utilisation: number;
  /** Demand exceeds capacity by more than the engine's drop tolerance: requests are being dropped. */
  dropping: boolean;
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
  if (demand <= 0) return { utilisation: 0, dropping: false };
  if (capacity <= 0) return { utilisation: Number.POSITIVE_INFINITY, dropping: true };
  const utilisation = demand / capacity;
  return { utilisation, dropping: utilisation > 1 + MODEL_ASSUMPTIONS.stepDropShare };
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
