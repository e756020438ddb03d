'use client';
/**
 * Bare React Flow: the design's components as default nodes at their layout positions and its
 * connections as default edges, in React Flow's own state hooks. Loaded through the same tRPC query
 * as the editor, so both pages pay the same fetch.
 */
import { useQuery } from '@tanstack/react-query';
import { MiniMap, ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Design } from '@/core/model';
import { useTRPC } from '@/components/trpc/client';

export function BareFlow({ id, withMiniMap }: { id: string; withMiniMap: boolean }) {
  const trpc = useTRPC();
  const design = useQuery({
    ...trpc.designs.get.queryOptions({ id }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  if (design.isPending) return <main className="page">Loading design…</main>;
  if (design.isError) return <main className="page">{design.error.message}</main>;
  return <Graph design={design.data.document} withMiniMap={withMiniMap} />;
}

function toNodes(design: Design): Node[] {
  const layout = design.layout ?? {};
  return design.components.map((c, i) => ({
    id: c.id,
    position: layout[c.id] ?? { x: (i % 5) * 240, y: Math.floor(i / 5) * 160 },
    data: { label: c.name },
  }));
}

function toEdges(design: Design): Edge[] {
  return design.connections.map((c) => ({ id: c.id, source: c.from, target: c.to }));
}

function Graph({ design, withMiniMap }: { design: Design; withMiniMap: boolean }) {
  const [nodes, , onNodesChange] = useNodesState(toNodes(design));
  const [edges, , onEdgesChange] = useEdgesState(toEdges(design));
  return (
    <div style={{ width: '100vw', height: '100vh' }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        minZoom={0.05}
        fitView
      >
        {withMiniMap && <MiniMap />}
      </ReactFlow>
    </div>
  );
}
