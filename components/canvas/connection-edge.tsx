'use client';
/**
 * A connection: solid when sync, dashed when async, red when it crosses between data centre and
 * cloud; its mode and calls per request written on it (in a sentence on hover). The label is SVG text inside the edge (not
 * an HTML portal), so redrawing the edges of a dragged node stays cheap on large designs.
 */
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ConnectionEdge as ConnectionEdgeType } from './derive-flow';
import { connectionLabel, connectionSentence } from './node-text';
import { useCompact } from './use-compact';

function ConnectionEdgeView(props: EdgeProps<ConnectionEdgeType>) {
  const [path, labelX, labelY] = getBezierPath(props);
  const c = props.data?.connection;
  const crossing = props.data?.crossing ?? false;
  const async = c?.mode === 'async';
  const compact = useCompact();
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={props.markerEnd}
        // Zoomed far out a dash is invisible yet costly to rasterise (a measured third of the frames
        // while dragging on a 500-component design): async edges are drawn solid but fainter there.
        className={`tm-edge${async ? (compact ? ' async-far' : ' async') : ''}${crossing ? ' crossing' : ''}${props.selected ? ' selected' : ''}`}
      />
      {c && (!compact || props.selected) && (
        <g>
          <title>{connectionSentence(c, crossing)}</title>
          <text
            x={labelX}
            y={labelY}
            className={`tm-edge-label${props.selected ? ' selected' : ''}`}
            textAnchor="middle"
            dominantBaseline="central"
            data-testid={`edge-label-${c.id}`}
          >
            {connectionLabel(c)}
          </text>
        </g>
      )}
    </>
  );
}

export const ConnectionEdge = memo(ConnectionEdgeView);
