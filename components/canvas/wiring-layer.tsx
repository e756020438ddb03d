'use client';
/**
 * The wiring the plan inserts (queues, secure links, gateways, traffic managers, staging, compliant
 * replication), drawn as its own chips on the canvas: one group per crossing connection, under its
 * middle, and one per component for what wraps it. They live in React Flow's viewport (they pan and
 * zoom with the design) but outside its node list, so dragging a component does not redraw them.
 * Each chip gives its reason on hover; clicking a group (or Enter on it) lists every reason.
 */
import { ViewportPortal } from '@xyflow/react';
import { memo, useCallback, useState } from 'react';
import type { WiringGroup } from './derive-flow';
import { KindIcon } from './kind-icons';
import { useCompact } from './use-compact';
import { wiringLabel } from '@/core/present';

function WiringLayerView({ groups }: { groups: WiringGroup[] }) {
  const [open, setOpen] = useState<string | null>(null);
  const compact = useCompact();
  const toggle = useCallback((id: string) => setOpen((o) => (o === id ? null : id)), []);
  return (
    <ViewportPortal>
      {groups.map((g) => (
        <WiringGroupView key={g.id} group={g} isOpen={open === g.id} compact={compact} onToggle={toggle} />
      ))}
    </ViewportPortal>
  );
}

/** One group; memoised, so a new plan redraws only the groups whose content changed (derive-flow.ts). */
const WiringGroupView = memo(function WiringGroupView({
  group: g,
  isOpen,
  compact,
  onToggle,
}: {
  group: WiringGroup;
  isOpen: boolean;
  compact: boolean;
  onToggle: (id: string) => void;
}) {
  return (
    <div
      className="tm-wiring nopan"
      style={{ transform: `translate(${g.position.x}px, ${g.position.y}px)` }}
      data-testid="wiring-group"
    >
      <button
        type="button"
        className={`tm-wiring-chips${isOpen ? ' selected' : ''}`}
        aria-expanded={isOpen}
        onClick={() => onToggle(g.id)}
      >
        {/* The name is the chips' own text between these (what is seen is what is said). */}
        <span className="visually-hidden">Inserted on {g.where}: </span>
        {compact ? (
          // Zoomed far out the chips are a few pixels wide: one plain mark per group is drawn
          // instead of an icon per element (cheaper to rasterise on every frame of a drag).
          <>
            <span className="tm-wiring-mark" aria-hidden="true" />
            <span className="visually-hidden">{g.elements.map(wiringLabel).join(', ')}</span>
          </>
        ) : (
          g.elements.map((e) => (
            <span key={e.id} className="tm-wiring-chip" title={e.reason} data-testid={`wiring-${e.kind}`}>
              <KindIcon kind={e.kind} size={14} />
              {wiringLabel(e)}
            </span>
          ))
        )}
      </button>
      {isOpen && (
        <ul className="tm-wiring-reasons" aria-label={`Why, on ${g.where}`}>
          {g.elements.map((e) => (
            <li key={e.id}>
              <strong>{wiringLabel(e)}:</strong> {e.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

export const WiringLayer = memo(WiringLayerView);
