'use client';
/**
 * The two designs' canvases side by side, read-only, in one shared viewport: panning or zooming one
 * moves the other, and both open on the union of the two layouts, so a moved component is seen to
 * move. Nodes and edges are derived from each design and its plan as the editor derives them
 * (components/canvas/derive-flow.ts), then marked with what the comparison found.
 */
import {
  Background,
  BackgroundVariant,
  Controls,
  Panel,
  ReactFlow,
  applyNodeChanges,
  getViewportForBounds,
  type NodeChange,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import '@/components/canvas/canvas.css';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Design, Plan, Placement } from '@/core/model';
import { PLACEMENT_PHRASES } from '@/core/model';
import type { ComponentDiff } from '@/core/edit';
import { positionsOf } from '@/core/edit';
import { ConnectionEdge } from '@/components/canvas/connection-edge';
import { deriveEdges, deriveNodes } from '@/components/canvas/derive-flow';
import { NODE_HEIGHT, NODE_WIDTH } from '@/components/canvas/auto-layout';
import { PlacementLegend } from '@/components/canvas/placement-legend';
import { DiffNode, MARK_LABELS, MARK_ORDER, type ChangeMark, type DiffNodeType } from './diff-node';

const nodeTypes = { diff: DiffNode };
const edgeTypes = { connection: ConnectionEdge };
const NONE: ReadonlySet<string> = new Set();

/** What the comparison knows of a component: the design's changes, and the plans' once both are made. */
export type MarkedRow = ComponentDiff & {
  isPlacementChanged?: boolean;
  before?: { placement: Placement } | null;
};

export type Side = 'before' | 'after';

export interface CanvasSide {
  side: Side;
  /** `Before: Retail shop, revision 3` */
  title: string;
  design: Design;
  plan: Plan | null;
}

function marksOf(side: Side, row: MarkedRow | undefined): ChangeMark[] {
  if (!row) return [];
  const marks = new Set<ChangeMark>();
  if (row.presence === 'removed' && side === 'before') marks.add('removed');
  if (row.presence === 'added' && side === 'after') marks.add('added');
  if (row.isPlacementChanged) marks.add('placement');
  if (row.isRetagged) marks.add('retagged');
  if (row.isMoved) marks.add('moved');
  return MARK_ORDER.filter((m) => marks.has(m));
}

function flowOf({ side, design, plan }: CanvasSide, rows: ReadonlyMap<string, MarkedRow>) {
  const nodes: DiffNodeType[] = deriveNodes(design, plan, NONE, null).map((n) => {
    const row = rows.get(n.id);
    const marks = marksOf(side, row);
    const was = side === 'after' && row?.isPlacementChanged ? (row.before?.placement ?? null) : null;
    const words = marks.map((m) =>
      m === 'retagged' && row && row.edits.length > 0
        ? `re-tagged: ${row.edits.join(', ')}`
        : MARK_LABELS[m].toLowerCase(),
    );
    if (was) words.push(`ran ${PLACEMENT_PHRASES[was]} before`);
    return {
      id: n.id,
      type: 'diff',
      position: n.position,
      ariaLabel: `${n.ariaLabel ?? n.id}${words.length > 0 ? `; ${words.join('; ')}` : ''}`,
      draggable: false,
      connectable: false,
      data: { ...n.data, marks, was, testId: `${side}-node-${n.id}` },
    };
  });
  return { nodes, edges: deriveEdges(design, plan, NONE) };
}

/** The box around both layouts, in flow coordinates. */
function unionBounds(designs: Design[]) {
  const points = designs.flatMap((d) => [...positionsOf(d).values()]);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs, 0);
  const y = Math.min(...ys, 0);
  return { x, y, width: Math.max(...xs, 0) + NODE_WIDTH - x, height: Math.max(...ys, 0) + NODE_HEIGHT - y };
}

export function DiffCanvases({
  sides,
  rows,
}: {
  sides: [CanvasSide, CanvasSide];
  rows: ReadonlyMap<string, MarkedRow>;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const [a, b] = sides;
  const bounds = useMemo(() => unionBounds([a.design, b.design]), [a.design, b.design]);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setViewport(getViewportForBounds(bounds, el.clientWidth, el.clientHeight, 0.05, 1.1, 0.08));
  }, [bounds]);
  return (
    <div className="sc-canvases">
      {sides.map((s, i) => (
        <section key={s.side} className="sc-canvas-box" aria-labelledby={`sc-canvas-${s.side}`}>
          <h2 id={`sc-canvas-${s.side}`} className="sc-canvas-title">
            {s.title}
          </h2>
          <div className="sc-canvas-frame" ref={i === 0 ? box : undefined} data-testid={`canvas-${s.side}`}>
            {viewport && <OneCanvas side={s} rows={rows} viewport={viewport} onViewport={setViewport} />}
          </div>
        </section>
      ))}
    </div>
  );
}

function OneCanvas({
  side,
  rows,
  viewport,
  onViewport,
}: {
  side: CanvasSide;
  rows: ReadonlyMap<string, MarkedRow>;
  viewport: Viewport;
  onViewport: (v: Viewport) => void;
}) {
  const derived = useMemo(() => flowOf(side, rows), [side, rows]);
  // React Flow measures each node once and keeps the size on the node object: new node objects (a
  // plan arrived, a mark changed) take over the sizes measured so far, or a node whose size did not
  // change would wait, hidden, for a measurement that never comes.
  const [nodes, setNodes] = useState(derived.nodes);
  const [shown, setShown] = useState(derived);
  if (shown !== derived) {
    setShown(derived);
    const measured = new Map(nodes.map((n) => [n.id, n.measured]));
    setNodes(derived.nodes.map((n) => ({ ...n, measured: measured.get(n.id) })));
  }
  const onNodesChange = useCallback(
    (changes: NodeChange<DiffNodeType>[]) =>
      setNodes((ns) =>
        applyNodeChanges(
          changes.filter((c) => c.type === 'dimensions'),
          ns,
        ),
      ),
    [],
  );
  const edges = derived.edges;
  return (
    <div className="tm-canvas read-only">
      <ReactFlow<DiffNodeType>
        id={`compare-${side.side}`}
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        viewport={viewport}
        onViewportChange={onViewport}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        minZoom={0.05}
        aria-label={`${side.title}: canvas`}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <Controls position="bottom-left" showInteractive={false} />
        {side.side === 'before' && (
          <Panel position="top-left">
            <PlacementLegend hasPlan={side.plan !== null} />
          </Panel>
        )}
      </ReactFlow>
    </div>
  );
}
