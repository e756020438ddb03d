'use client';
/**
 * A component on a comparison canvas: the editor node's look (icon, name, kind, pattern, placement,
 * monthly cost), outlined by what changed and labelled with it — added, removed, moved, re-tagged,
 * placed differently (with where it ran before, on the second canvas). Read-only: its handles only
 * anchor the edges.
 */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Component, Placement } from '@/core/model';
import { KIND_LABELS, PLACEMENT_LABELS } from '@/core/model';
import { KindIcon } from '@/components/canvas/kind-icons';
import { formatNodeCost } from '@/components/canvas/node-text';

export type ChangeMark = 'added' | 'removed' | 'placement' | 'retagged' | 'moved';

/** The words of each mark, in the order they are shown; the first a node has sets its outline. */
export const MARK_LABELS: Record<ChangeMark, string> = {
  removed: 'Removed',
  added: 'Added',
  placement: 'Placed differently',
  retagged: 'Re-tagged',
  moved: 'Moved',
};
export const MARK_ORDER = Object.keys(MARK_LABELS) as ChangeMark[];

export interface DiffNodeData extends Record<string, unknown> {
  component: Component;
  placement: Placement | null;
  cost: number | null;
  marks: ChangeMark[];
  /** On the second canvas, where the first plan ran it when that differs. */
  was: Placement | null;
  testId: string;
}
export type DiffNodeType = Node<DiffNodeData, 'diff'>;

function DiffNodeView({ data }: NodeProps<DiffNodeType>) {
  const { component: c, placement, cost, marks, was, testId } = data;
  return (
    <div
      className="tm-node sc-node"
      data-placement={placement ?? 'none'}
      data-change={marks[0] ?? 'none'}
      data-testid={testId}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="tm-node-head">
        <span className="tm-node-icon">
          <KindIcon kind={c.kind} />
        </span>
        <span className="tm-node-name">{c.name}</span>
      </div>
      <div className="tm-node-meta">
        <span>{KIND_LABELS[c.kind]}</span>
        {c.workload && <span className="tm-pattern">{c.workload.pattern}</span>}
      </div>
      {placement && (
        <div className="tm-node-foot">
          <span className="tm-node-placement">{PLACEMENT_LABELS[placement]}</span>
          {cost !== null && <span className="tm-node-cost">{formatNodeCost(cost)}</span>}
        </div>
      )}
      {was && <div className="sc-was">was {PLACEMENT_LABELS[was]}</div>}
      {marks.length > 0 && (
        <ul className="sc-marks" aria-hidden="true">
          {marks.map((m) => (
            <li key={m} className="sc-mark" data-mark={m}>
              {MARK_LABELS[m]}
            </li>
          ))}
        </ul>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

export const DiffNode = memo(DiffNodeView);
