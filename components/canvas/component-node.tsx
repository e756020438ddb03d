'use client';
/**
 * A component on the canvas: icon, name, kind, pattern, where the plan puts it and what that costs a
 * month. While the timeline replays: how busy it is, and a mark when it drops requests or misses its
 * SLO in that moment. Its accessible name is set on React Flow's focusable wrapper (derive-flow.ts).
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ComponentNode as ComponentNodeType } from './derive-flow';
import { formatBusy, formatNodeCost, shortName } from './node-text';
import { KindIcon } from './kind-icons';
import { useCompact } from './use-compact';
import { KIND_LABELS, PLACEMENT_LABELS } from '@/core/model';
import { formatCount } from '@/core/present';

function ComponentNodeView({ data, selected }: NodeProps<ComponentNodeType>) {
  const { component: c, placement, cost, utilisation, dropping, dropped, missingSlo, unsaved } = data;
  const pattern = c.workload?.pattern;
  const compact = useCompact();
  const busy = utilisation === null ? undefined : Math.min(1, utilisation);
  const alarm = dropping || missingSlo;
  return (
    <div
      className={`tm-node${compact ? ' compact' : ''}${selected ? ' selected' : ''}${dropping ? ' dropping' : ''}${missingSlo ? ' missing-slo' : ''}${unsaved !== null ? ' unsaved' : ''}`}
      data-placement={placement ?? 'none'}
      data-testid={`node-${c.id}`}
      style={busy === undefined ? undefined : ({ '--busy': busy } as React.CSSProperties)}
    >
      {/* Handles are for the mouse; the keyboard connects with C (connect-dialog.tsx). */}
      <Handle type="target" position={Position.Left} />
      {alarm && (
        <span className="tm-node-alarm" data-testid={`alarm-${c.id}`} aria-hidden="true">
          !
        </span>
      )}
      {/* A value typed here was refused and is kept, not saved (its why in the tooltip; the node's
          accessible name says it too, derive-flow.ts). */}
      {unsaved !== null && (
        <span
          className="tm-node-unsaved"
          data-testid={`unsaved-${c.id}`}
          // A kept refusal names its component (editor-store.ts), which the node already shows.
          title={`Not saved: ${unsaved.startsWith(`${c.name}: `) ? unsaved.slice(c.name.length + 2) : unsaved}`}
        >
          Not saved
        </span>
      )}
      <div className="tm-node-head">
        {/* Zoomed out, the icon is a few pixels wide: left out, as each inline SVG is its own paint
            chunk with a transform and a clip, which every frame of a drag re-layerizes. */}
        {!compact && (
          <span className="tm-node-icon">
            <KindIcon kind={c.kind} />
          </span>
        )}
        <span className="tm-node-name">{compact ? shortName(c.name) : c.name}</span>
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
        <div className="tm-node-foot">
          <span className="tm-node-placement" data-testid={`placement-${c.id}`}>
            {utilisation !== null ? `${formatBusy(utilisation)} busy` : PLACEMENT_LABELS[placement]}
          </span>
          {utilisation === null && cost !== null && (
            <span className="tm-node-cost" data-testid={`cost-${c.id}`}>
              {formatNodeCost(cost)}
            </span>
          )}
        </div>
      )}
      {alarm && (
        <div className="tm-node-replay" data-testid={`replay-${c.id}`}>
          {[dropping && `${formatCount(dropped)} dropped`, missingSlo && 'over SLO'].filter(Boolean).join(' · ')}
        </div>
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

export const ComponentNode = memo(ComponentNodeView);
