/**
 * The moments the timeline marks: chart points where, under the recommended placements, some
 * component drops requests or misses its SLO. Read from the plan's per-point drop and SLO series, so
 * the replay shows what the plan's totals report (the cloud-bursting example's 3,042 requests dropped
 * as its day-12 sale starts), and consecutive points of one episode become one event.
 */
import type { PlanResult } from '../plan/build-plan';
import type { ChartSeries } from '../simulate/option-stats';

/**
 * SLO minutes are expected values (a stretch's minutes × the chance a minute's p95 is over), and the
 * plan reports them rounded to the minute; a point is marked from half a minute on, as the plan would
 * count it.
 */
export const MARKED_SLO_MINUTES = 0.5;

export interface ReplayEvent {
  /** First and last chart point of the episode. */
  from: number;
  to: number;
  /** Requests dropped and SLO minutes over the episode, summed over the components. */
  dropped: number;
  sloMinutes: number;
  /** The components involved, in plan order. */
  componentIds: string[];
}

/** A series' marked points: index, requests dropped and SLO minutes there. */
type Marks = { i: number; dropped: number; sloMinutes: number }[];

/**
 * The marked points of each series, by the series object: a re-plan keeps the series objects of the
 * components it did not re-simulate (the page's plan receiver keeps what did not travel), so after a
 * leaf edit only the changed components' series are scanned again, not every point of all of them.
 */
const marksOf = new WeakMap<ChartSeries, Marks>();

function marks(s: ChartSeries): Marks {
  const hit = marksOf.get(s);
  if (hit) return hit;
  const found: Marks = [];
  for (let i = 0; i < s.dropped.length; i++) {
    const dropped = s.dropped[i] ?? 0;
    const sloMinutes = s.sloMinutes[i] ?? 0;
    if (dropped >= 1 || sloMinutes >= MARKED_SLO_MINUTES) found.push({ i, dropped, sloMinutes });
  }
  marksOf.set(s, found);
  return found;
}

export function replayEvents(result: PlanResult | null): ReplayEvent[] {
  if (!result) return [];
  const perPoint = new Map<number, { dropped: number; sloMinutes: number; ids: Set<string> }>();
  for (const entry of result.plan.placements) {
    const s = result.series.components[entry.componentId]?.[entry.placement];
    if (!s) continue;
    for (const { i, dropped, sloMinutes } of marks(s)) {
      const at = perPoint.get(i) ?? { dropped: 0, sloMinutes: 0, ids: new Set<string>() };
      at.dropped += dropped;
      at.sloMinutes += sloMinutes;
      at.ids.add(entry.componentId);
      perPoint.set(i, at);
    }
  }
  const events: ReplayEvent[] = [];
  for (const i of [...perPoint.keys()].sort((a, b) => a - b)) {
    const at = perPoint.get(i)!;
    const last = events[events.length - 1];
    if (last && last.to === i - 1) {
      last.to = i;
      last.dropped += at.dropped;
      last.sloMinutes += at.sloMinutes;
      for (const id of at.ids) if (!last.componentIds.includes(id)) last.componentIds.push(id);
    } else {
      events.push({ from: i, to: i, dropped: at.dropped, sloMinutes: at.sloMinutes, componentIds: [...at.ids] });
    }
  }
  return events;
}
