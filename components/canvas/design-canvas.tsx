'use client';
/**
 * The design canvas. The store's document is the truth; React Flow gets nodes and edges derived from
 * it (plus the plan's placements and wiring). While a node is dragged React Flow moves its local
 * copy; the move becomes one undoable edit when the drag ends. `readOnly` (the share page) keeps pan,
 * zoom and selection and drops every way to change the design: no drag, no handles, no drops.
 */
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  applyNodeChanges,
  getViewportForBounds,
  useReactFlow,
  type Viewport,
  type Connection as FlowConnection,
  type EdgeChange,
  type NodeChange,
  type OnNodeDrag,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { KINDS, type ComponentKind, type Placement } from '@/core/model';
import { GRID, nearestFreeSpot, positionsOf, type Point } from '@/core/edit';
import { moved } from '@/components/editor/known-valid';
import { useEditor, useEditorStore, usePlan } from '@/components/editor/editor-context';
import { loadEdits, notLoaded } from '@/components/editor/lazy-core';
import type { Selection } from '@/components/editor/editor-store';
import { ComponentNode } from './component-node';
import { ConnectionEdge } from './connection-edge';
import {
  deriveEdges,
  deriveNodes,
  unsavedComponents,
  mergeNodes,
  sameItems,
  type ConnectionEdge as FlowEdge,
  type FlowNode,
  type Replay,
} from './derive-flow';
import { NODE_HEIGHT, NODE_WIDTH } from './auto-layout';
import { CanvasSearch } from './canvas-search';
import { LaneLayer } from './lane-layer';
import { laneLayout } from './lanes';
import { PlacementLegend } from './placement-legend';
import { WiringLayer } from './wiring-layer';
import { useWiringGroups } from './use-wiring-groups';
import { CompactContext, useZoomCompact } from './use-compact';
import { useFirstDraw } from './use-first-draw';
import { utilisationAt } from '@/core/present';

const nodeTypes = { component: ComponentNode };
// Module-level so that React Flow and the minimap see the same functions on every drag frame.
const isValidConnection = (c: { source: string; target: string }) => c.source !== c.target;
// Objects handed to React Flow must keep their identity between renders: React Flow copies changed
// props into its store, and a fresh object each drag frame would wake every subscriber each frame.
const SNAP_GRID: [number, number] = [GRID, GRID];
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1.2 };
const MIN_ZOOM = 0.05;
const NODE_SIZE = { width: NODE_WIDTH, height: NODE_HEIGHT };
const minimapClass = (n: { data: unknown }) => `tm-mini ${(n.data as { placement?: string }).placement ?? ''}`;
const edgeTypes = { connection: ConnectionEdge };
export const KIND_MIME = 'application/x-tidemark-kind';

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Read-only: selection and measurements pass; moves and removals never reach React Flow's nodes. */
const isViewChange = (c: NodeChange<FlowNode>) => c.type === 'select' || c.type === 'dimensions';

export function DesignCanvas({ readOnly = false }: { readOnly?: boolean }) {
  const store = useEditorStore();
  const flow = useReactFlow();
  // An edit redraws the canvas after the key or click that made it, not inside it: deferred, the
  // canvas's derivation and React Flow's update of its 500 nodes and 800 edges (on the bench's large
  // design) are no longer part of the task of the Enter that commits an inspector field, which was
  // 35-80 ms (Chromium trace, 2026-12-05). Everything that edits reads the store itself.
  const design = useDeferredValue(useEditor((s) => s.design));
  const selection = useEditor((s) => s.selection);
  const lanes = useEditor((s) => s.lanes);
  // A new plan redraws every node whose figures changed: deferred, so that React can do it in slices
  // between frames instead of in one long task after each edit.
  const result = useDeferredValue(usePlan((s) => s.result));
  const compact = useZoomCompact();
  const timeIndex = usePlan((s) => s.timeIndex);
  const plan = result?.plan ?? null;

  const selected = useMemo(() => new Set([...selection.components, ...selection.connections]), [selection]);
  const replay: Replay | null = useMemo(
    () =>
      result && timeIndex !== null ? { at: (id, placement) => utilisationAt(result, id, placement, timeIndex) } : null,
    [result, timeIndex],
  );
  // The lanes view: positions by placement band (a view only; dragging is off while it shows).
  const laneView = useMemo(() => {
    if (!lanes || !plan) return null;
    const placements = new Map<string, Placement>(plan.placements.map((p) => [p.componentId, p.placement]));
    const ids = design.components.map((c) => c.id);
    return laneLayout(ids, positionsOf(design), placements, NODE_SIZE);
  }, [lanes, design, plan]);
  const override = laneView?.positions ?? null;
  const refused = useEditor((s) => s.refused);
  const unsaved = useMemo(() => unsavedComponents(refused), [refused]);
  const derivedNodes = useMemo(
    () => deriveNodes(design, plan, selected, replay, override, unsaved),
    [design, plan, selected, replay, override, unsaved],
  );
  const derivedEdges = useMemo(() => deriveEdges(design, plan, selected), [design, plan, selected]);
  // React Flow keeps the array it has while every edge in it is still the one derived (sameItems).
  const [edges, setEdges] = useState<FlowEdge[]>(derivedEdges);
  if (edges !== derivedEdges && sameItems(edges, derivedEdges) !== edges) setEdges(derivedEdges);
  // Grouped and placed in the wiring worker: no plan update or move places them on this thread (the
  // read-only share page, which starts no worker, groups its chips here).
  const wiring = useWiringGroups(design, plan?.wiring ?? null, override, !readOnly);

  // Switching the lanes view on or off moves every node: fit the view to where they are now.
  const lanesShown = laneView !== null;
  const shownBefore = useRef(lanesShown);
  useEffect(() => {
    if (shownBefore.current === lanesShown) return;
    shownBefore.current = lanesShown;
    const frame = requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 250 }));
    return () => cancelAnimationFrame(frame);
  }, [lanesShown, flow]);

  // Controlled: React Flow moves its local copy (applyNodeChanges below) and the move reaches the
  // design at drop. Tried on 2026-12-06: React Flow owning its nodes (defaultNodes) drew 105–133
  // frames in bench:canvas's 3 s drag against 159–163 controlled, bare React Flow 150–184 (editor and
  // bare alternated three times each, quiet machine): uncontrolled, every pointer move updates React
  // Flow's store and re-runs all its selectors at once; controlled, React batches a frame's moves.
  const [nodes, setNodes] = useState<FlowNode[]>(derivedNodes);
  const [initialViewport] = useState(() => estimateFit(derivedNodes));
  const [syncedFrom, setSyncedFrom] = useState(derivedNodes);
  if (syncedFrom !== derivedNodes) {
    setSyncedFrom(derivedNodes);
    setNodes((prev) => mergeNodes(prev, derivedNodes));
  }

  const updateSelection = useCallback(
    (kind: keyof Selection, changes: { id: string; selected: boolean }[]) => {
      if (changes.length === 0) return;
      const current = store.getState().selection;
      const ids = new Set(current[kind]);
      for (const c of changes) {
        if (c.selected) ids.add(c.id);
        else ids.delete(c.id);
      }
      const next = [...ids];
      if (!sameIds(next, current[kind])) store.getState().select({ ...current, [kind]: next });
    },
    [store],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      setNodes((ns) => applyNodeChanges(readOnly ? changes.filter(isViewChange) : changes, ns));
      updateSelection(
        'components',
        changes.flatMap((c) => (c.type === 'select' ? [{ id: c.id, selected: c.selected }] : [])),
      );
    },
    [updateSelection, readOnly],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) =>
      updateSelection(
        'connections',
        changes.flatMap((c) => (c.type === 'select' ? [{ id: c.id, selected: c.selected }] : [])),
      ),
    [updateSelection],
  );

  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback(
    (_event, _node, dragged) => {
      const positions: Record<string, Point> = {};
      for (const n of dragged) if (n.type === 'component') positions[n.id] = n.position;
      const { design: current, setDesign } = store.getState();
      const changed = Object.entries(positions).some(
        ([id, p]) => current.layout?.[id]?.x !== Math.round(p.x) || current.layout?.[id]?.y !== Math.round(p.y),
      );
      if (changed) setDesign(moved(current, positions));
    },
    [store],
  );

  const onConnect = useCallback(
    (c: FlowConnection) =>
      // The schemas that fill a connection in load with the first one (lazy-core.ts).
      void loadEdits().then(({ connect }) => {
        const { design: current, setDesign, setNotice, select } = store.getState();
        const result = connect(current, c.source, c.target);
        if (!result.ok) return setNotice(result.reason);
        setDesign(result.design);
        select({ components: [], connections: [result.id] });
      }, notLoaded(store)),
    [store],
  );

  const addAt = useCallback(
    (kind: ComponentKind, at: Point) =>
      void loadEdits().then(({ addComponent }) => {
        const { design: current, setDesign, select } = store.getState();
        // Where it was dropped, unless another component is there: then the nearest free spot.
        const spot = nearestFreeSpot(
          [...positionsOf(current).values()],
          { x: at.x - NODE_WIDTH / 2, y: at.y - NODE_HEIGHT / 2 },
          NODE_SIZE,
        );
        const added = addComponent(current, kind, spot);
        setDesign(added.design);
        select({ components: [added.id], connections: [] });
      }, notLoaded(store)),
    [store],
  );

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(KIND_MIME) as ComponentKind;
      if (!KINDS.includes(kind)) return;
      e.preventDefault();
      addAt(kind, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [addAt, flow],
  );

  // The canvas furniture does not change while a node is dragged: the same elements each frame let
  // React skip them while React Flow redraws the moving node.
  const hasPlan = plan !== null;
  // The MiniMap joins once the nodes are drawn: its 500 shapes (on the bench's large design) are not
  // part of the work before the canvas first shows (bench:canvas, bare React Flow with and without one).
  const drawn = useFirstDraw();
  const furniture = useMemo(
    () => (
      <>
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} />
        <Controls position="bottom-left" showInteractive={!readOnly} />
        {drawn && (
          <MiniMap position="bottom-right" pannable zoomable ariaLabel="Minimap" nodeClassName={minimapClass} />
        )}
        <Panel position="top-left">
          <PlacementLegend hasPlan={hasPlan} />
        </Panel>
        {/* Bottom centre, between the zoom controls and the minimap: the legend keeps the top. */}
        <Panel position="bottom-center" className="tm-canvas-tools">
          <CanvasSearch />
          <LanesToggle disabled={!hasPlan} />
        </Panel>
        {laneView && <LaneLayer lanes={laneView.lanes} />}
        <WiringLayer groups={wiring} />
      </>
    ),
    [hasPlan, wiring, readOnly, laneView, drawn],
  );

  return (
    <div
      className={`tm-canvas${readOnly ? ' read-only' : ''}${lanesShown ? ' lanes' : ''}`}
      onDragOver={readOnly ? undefined : (e) => e.dataTransfer.types.includes(KIND_MIME) && e.preventDefault()}
      onDrop={readOnly ? undefined : onDrop}
    >
      <CompactContext.Provider value={compact}>
        <ReactFlow<FlowNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStop={readOnly ? undefined : onNodeDragStop}
          onConnect={readOnly ? undefined : onConnect}
          nodesDraggable={!readOnly && !lanesShown}
          nodesConnectable={!readOnly}
          isValidConnection={isValidConnection}
          deleteKeyCode={null}
          // Moving a node does not select it (a click does): the side panel is not re-rendered as a drag starts.
          selectNodesOnDrag={false}
          selectionKeyCode="Shift"
          multiSelectionKeyCode="Shift"
          snapToGrid
          snapGrid={SNAP_GRID}
          minZoom={MIN_ZOOM}
          defaultViewport={initialViewport}
          fitView
          fitViewOptions={FIT_VIEW_OPTIONS}
          aria-label="Design canvas"
        >
          {furniture}
        </ReactFlow>
      </CompactContext.Provider>
    </div>
  );
}

/**
 * Where fitView will settle, estimated before the first render from the nodes' bounds (their size is
 * known: NODE_SIZE) in the window. The canvas is no larger than the window, so the zoom fitView then
 * finds is at most this one: a design this puts below the compact line (use-compact.ts) is drawn
 * compact from the start, where it was drawn in full at zoom 1 and then again compact once fitView had
 * run — on 500 components, every node rendered twice before the canvas showed. fitView still fits the
 * view once the nodes are measured.
 */
function estimateFit(nodes: readonly FlowNode[]): Viewport | undefined {
  if (typeof window === 'undefined' || nodes.length === 0) return undefined;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const { position: p } of nodes) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x + NODE_WIDTH);
    y1 = Math.max(y1, p.y + NODE_HEIGHT);
  }
  const bounds = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  const { innerWidth: w, innerHeight: h } = window;
  return getViewportForBounds(bounds, w, h, MIN_ZOOM, FIT_VIEW_OPTIONS.maxZoom, FIT_VIEW_OPTIONS.padding);
}

/** Shows the components in placement lanes, or back in the design's own layout (key G). */
function LanesToggle({ disabled }: { disabled: boolean }) {
  const store = useEditorStore();
  const lanes = useEditor((s) => s.lanes);
  return (
    <button
      type="button"
      className="button small tm-lanes-toggle"
      aria-pressed={lanes}
      aria-keyshortcuts="G"
      disabled={disabled}
      title={
        lanes
          ? 'Back to the design’s own layout (G)'
          : 'Group the components by where they run: data centre, both, cloud (G). Moving is off while lanes show.'
      }
      onClick={() => store.getState().setLanes(!lanes)}
    >
      Lanes
    </button>
  );
}
