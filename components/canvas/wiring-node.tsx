'use client';
/**
 * What the plan inserts on a crossing connection or around a component (queue, gateway, traffic
 * manager…), drawn as its own node of chips; each chip gives its reason on hover, and the selected
 * group lists every reason in full.
 */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { WiringNode as WiringNodeType } from './derive-flow';
import { KindIcon, WIRING_LABELS } from './kind-icons';

function WiringNodeView({ data, selected }: NodeProps<WiringNodeType>) {
  const { elements, where } = data;
  return (
    <div
      className={`tm-wiring${selected ? ' selected' : ''}`}
      data-testid="wiring-group"
      aria-label={`Inserted on ${where}: ${elements.map((e) => WIRING_LABELS[e.kind]).join(', ')}`}
    >
      <div className="tm-wiring-chips">
        {elements.map((e) => (
          <span key={e.id} className="tm-wiring-chip" title={e.reason} data-testid={`wiring-${e.kind}`}>
            <KindIcon kind={e.kind} size={14} />
            {WIRING_LABELS[e.kind]}
          </span>
        ))}
      </div>
      {selected && (
        <ul className="tm-wiring-reasons">
          {elements.map((e) => (
            <li key={e.id}>
              <strong>{WIRING_LABELS[e.kind]}:</strong> {e.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const WiringNode = memo(WiringNodeView);
