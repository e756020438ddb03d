/**
 * The lanes view: components arranged in horizontal bands by where the plan runs them — the data
 * centre, both (burst: a data-centre base with cloud overflow), and the cloud (elastic VMs,
 * serverless) — so that the split reads at a glance and every edge that crosses a band boundary is a
 * connection the split has to wire. Each component keeps its x from the design's layout (left to
 * right is still the flow of calls); within its band it takes the first row where it overlaps no
 * other, rows taken in the order of the layout's y. A view only: the document's layout is untouched.
 */
import type { Placement } from '@/core/model';
import type { Point, Size } from '@/core/edit';

export type LaneId = 'dc' | 'both' | 'cloud' | 'unplaced';

export interface LaneSpec {
  id: LaneId;
  label: string;
  placements: readonly Placement[];
}

export const LANE_SPECS: readonly LaneSpec[] = [
  { id: 'dc', label: 'Data centre', placements: ['static'] },
  { id: 'both', label: 'Both: data centre base, cloud overflow (burst)', placements: ['burst'] },
  { id: 'cloud', label: 'Cloud: elastic VMs and serverless', placements: ['elastic-vm', 'serverless'] },
];

export interface Lane {
  id: LaneId;
  label: string;
  /** The band, in flow coordinates. */
  x: number;
  y: number;
  width: number;
  height: number;
  count: number;
}

export interface LaneLayout {
  positions: Map<string, Point>;
  lanes: Lane[];
}

/** Room above a band's first row for its label, a band's inner margin, and the gaps. */
export const LANE_HEADER = 110;
const LANE_PADDING = 40;
const LANE_GAP = 40;
const ROW_GAP = 60;
const COLUMN_GAP = 30;

function laneOf(placement: Placement | undefined): LaneId {
  if (placement === undefined) return 'unplaced';
  return LANE_SPECS.find((l) => l.placements.includes(placement))?.id ?? 'unplaced';
}

/**
 * `positions`: every component's top-left in the design's layout; `placements`: the plan's. Lanes
 * with nobody in them are left out, except the data centre and the cloud, which are always drawn.
 */
export function laneLayout(
  ids: readonly string[],
  positions: ReadonlyMap<string, Point>,
  placements: ReadonlyMap<string, Placement>,
  size: Size,
): LaneLayout {
  const groups = new Map<LaneId, string[]>();
  for (const id of ids) {
    const lane = laneOf(placements.get(id));
    groups.set(lane, [...(groups.get(lane) ?? []), id]);
  }
  const at = (id: string) => positions.get(id) ?? { x: 0, y: 0 };
  let minX = Infinity;
  let maxX = -Infinity;
  for (const id of ids) {
    minX = Math.min(minX, at(id).x);
    maxX = Math.max(maxX, at(id).x + size.width);
  }
  if (!Number.isFinite(minX)) minX = maxX = 0;
  const specs: { id: LaneId; label: string }[] = [...LANE_SPECS, { id: 'unplaced', label: 'Not placed yet' }];
  const out = new Map<string, Point>();
  const lanes: Lane[] = [];
  let top = Math.min(0, ...ids.map((id) => at(id).y));
  for (const spec of specs) {
    const members = groups.get(spec.id) ?? [];
    if (members.length === 0 && spec.id !== 'dc' && spec.id !== 'cloud') continue;
    // Rows: each holds the x-intervals taken so far; a component goes to the first row it fits.
    const rows: [number, number][][] = [];
    const ordered = [...members].sort((a, b) => at(a).y - at(b).y || at(a).x - at(b).x);
    for (const id of ordered) {
      const x0 = at(id).x;
      const x1 = x0 + size.width + COLUMN_GAP;
      let row = rows.findIndex((taken) => taken.every(([a, b]) => x1 <= a || x0 >= b));
      if (row < 0) row = rows.push([]) - 1;
      rows[row]!.push([x0, x1]);
      out.set(id, { x: x0, y: top + LANE_HEADER + row * (size.height + ROW_GAP) });
    }
    const height = LANE_HEADER + Math.max(1, rows.length) * (size.height + ROW_GAP) - ROW_GAP + LANE_PADDING;
    lanes.push({
      id: spec.id,
      label: spec.label,
      x: minX - LANE_PADDING,
      y: top,
      width: maxX - minX + 2 * LANE_PADDING,
      height,
      count: members.length,
    });
    top += height + LANE_GAP;
  }
  return { positions: out, lanes };
}
