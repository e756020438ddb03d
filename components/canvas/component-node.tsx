'use client';
/** A component on the canvas: icon, name, kind, pattern, and where the plan puts it. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ComponentNode as ComponentNodeType } from './derive-flow';
import { KindIcon } from './kind-icons';
import { useCompact } from './use-compact';
import { KIND_LABELS, PLACEMENT_LABELS } from '@/core/model';

/** 0.42 → "42 %"; beyond 999 % (or no capacity at all) the exact figure stops meaning anything. */
function formatBusy(u: number): string {
  return Number.isFinite(u) && u < 10 ? `${Math.round(u * 100)} %` : '>999 %';
}

function ComponentNodeView({ data, selected }: NodeProps<ComponentNodeType>) {
  const { component: c, placement, utilisation, dropping } = data;
  const pattern = c.workload?.pattern;
  const compact = useCompact();
  const heat = utilisation === null ? undefined : Math.min(1, utilisation);
  const label = `${c.name}, ${KIND_LABELS[c.kind]}${placement ? `, placed ${PLACEMENT_LABELS[placement]}` : ''}${
    utilisation !== null ? `, ${formatBusy(utilisation)} busy${dropping ? ', dropping requests' : ''}` : ''
  }`;
  return (
    <div
      className={`tm-node${selected ? ' selected' : ''}${dropping ? ' dropping' : ''}`}
      data-placement={placement ?? 'none'}
      data-testid={`node-${c.id}`}
      aria-label={label}
      style={heat === undefined ? undefined : ({ '--heat': heat } as React.CSSProperties)}
    >
      <Handle type="target" position={Position.Left} aria-label={`Connect into ${c.name}`} />
      <div className="tm-node-head">
        <span className="tm-node-icon">
          <KindIcon kind={c.kind} />
        </span>
        <span className="tm-node-name">{c.name}</span>
      </div>
      {!compact && (
        <div className="tm-node-meta">
          <span>{KIND_LABELS[c.kind]}</span>
          {pattern && <span className="tm-pattern">{pattern}</span>}
          {c.stateful && <span title="stateful">state</span>}
          {(c.dataClass === 'regulated' || c.dataClass === 'confidential') && (
            <span title={`${c.dataClass} data`}>{c.dataClass}</span>
          )}
        </div>
      )}
      {placement && (
        <div className="tm-node-placement" data-testid={`placement-${c.id}`}>
          {utilisation !== null
            ? `${formatBusy(utilisation)} busy${dropping ? ' · dropping' : ''}`
            : PLACEMENT_LABELS[placement]}
        </div>
      )}
      <Handle type="source" position={Position.Right} aria-label={`Connect from ${c.name}`} />
    </div>
  );
}

export const ComponentNode = memo(ComponentNodeView);
