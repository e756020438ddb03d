'use client';
/** A connection: solid when sync, dashed when async; its mode and calls per request on a label. */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ConnectionEdge as ConnectionEdgeType } from './derive-flow';

function ConnectionEdgeView(props: EdgeProps<ConnectionEdgeType>) {
  const [path, labelX, labelY] = getBezierPath(props);
  const c = props.data?.connection;
  const crossing = props.data?.crossing ?? false;
  const async = c?.mode === 'async';
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={props.markerEnd}
        className={`tm-edge${async ? ' async' : ''}${crossing ? ' crossing' : ''}${props.selected ? ' selected' : ''}`}
      />
      {c && (
        <EdgeLabelRenderer>
          <div
            className={`tm-edge-label nodrag nopan${props.selected ? ' selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-label-${c.id}`}
          >
            {c.mode} ×{c.callsPerRequest}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const ConnectionEdge = memo(ConnectionEdgeView);
