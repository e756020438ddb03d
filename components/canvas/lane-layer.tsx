'use client';
/**
 * The lanes view's bands, drawn under the nodes and edges in React Flow's viewport (they pan and zoom
 * with the design), and their labels, drawn on the screen at each band's top-left corner: the labels
 * keep their size whatever the zoom, so a 100-component design fitted to the screen still says which
 * band is which. Only the labels follow the view (a handful of elements); the bands do not re-render.
 */
import { useStore } from '@xyflow/react';
import { ViewportPortal } from './viewport-portal';
import { memo } from 'react';
import type { Lane } from './lanes';

/** Screen y under the canvas legend (top left), where a band's label waits when its top is off screen. */
const STICKY_TOP = 56;
const transformOf = (s: { transform: [number, number, number] }) => s.transform;

function LaneLayerView({ lanes }: { lanes: Lane[] }) {
  return (
    <>
      <ViewportPortal>
        {lanes.map((lane) => (
          <div
            key={lane.id}
            className="tm-lane"
            data-lane={lane.id}
            data-testid={`lane-${lane.id}`}
            style={{ transform: `translate(${lane.x}px, ${lane.y}px)`, width: lane.width, height: lane.height }}
          />
        ))}
      </ViewportPortal>
      <LaneLabels lanes={lanes} />
    </>
  );
}

function LaneLabels({ lanes }: { lanes: Lane[] }) {
  const [tx, ty, zoom] = useStore(transformOf);
  return (
    <div className="tm-lane-labels" aria-hidden="true">
      {lanes.map((lane) => {
        const top = lane.y * zoom + ty + 6;
        const left = Math.max(8, lane.x * zoom + tx + 10);
        const bottom = (lane.y + lane.height) * zoom + ty;
        // Sticks below the legend when the band's top is scrolled away, and leaves with the band.
        const y = Math.min(Math.max(top, STICKY_TOP), bottom - 28);
        if (bottom < STICKY_TOP) return null;
        return (
          <span
            key={lane.id}
            className="tm-lane-label"
            data-lane={lane.id}
            style={{ transform: `translate(${left}px, ${y}px)` }}
          >
            {lane.label} · {lane.count}
          </span>
        );
      })}
    </div>
  );
}

export const LaneLayer = memo(LaneLayerView);
