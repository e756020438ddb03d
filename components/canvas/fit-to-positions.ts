/**
 * Fits the view to positions just written (React Flow's own node list catches up a render later, so
 * fitView would fit the old ones), never zooming in past 1.2 so a small design is not blown up.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import type { Point } from '@/core/edit';
import { NODE_HEIGHT, NODE_WIDTH } from './auto-layout';

export function fitToPositions(flow: Pick<ReactFlowInstance, 'setViewport'>, positions: readonly Point[]): void {
  const box = document.querySelector('.tm-canvas')?.getBoundingClientRect();
  if (positions.length === 0 || !box) return;
  const xs = positions.map((p) => p.x);
  const ys = positions.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  const width = Math.max(...xs) - x + NODE_WIDTH;
  const height = Math.max(...ys) - y + NODE_HEIGHT;
  const zoom = Math.max(0.05, Math.min(1.2, box.width / (width * 1.15), box.height / (height * 1.15)));
  void flow.setViewport(
    { x: (box.width - width * zoom) / 2 - x * zoom, y: (box.height - height * zoom) / 2 - y * zoom, zoom },
    { duration: 200 },
  );
}
