'use client';
/**
 * The wiring the plan inserts (queues, secure links, gateways, traffic managers, staging, compliant
 * replication), drawn as its own chips on the canvas: one group per crossing connection, under its
 * middle, and one per component for what wraps it. They live in React Flow's viewport (they pan and
 * zoom with the design) but outside its node list, so dragging a component does not redraw them.
 * Each chip gives its reason on hover; clicking a group (or Enter on it) lists every reason.
 */
import { ViewportPortal } from './viewport-portal';
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
    // Placed by left/top, not a transform: a transform is a paint property of its own, and with one per
    // group (hundreds on a large design) every frame of a node's drag re-layerized them all (measured
    // in bench:canvas's drag, 2026-12-04).
    <div className="tm-wiring nopan" style={{ left: g.position.x, top: g.position.y }} data-testid="wiring-group">
      <button
        type="button"
        className={`tm-wiring-chips${isOpen ? ' selected' : ''}`}
        aria-expanded={isOpen}
        // Zoomed far out the name is an attribute rather than hidden text (a clipped element is a paint
        // chunk of its own, redrawn on every frame of a drag); zoomed in, it is the chips' own text.
        aria-label={compact ? `Inserted on ${g.where}: ${g.elements.map(wiringLabel).join(', ')}` : undefined}
        onClick={() => onToggle(g.id)}
      >
        {compact ? (
          // The chips are a few pixels wide: one plain mark per group instead of an icon per element.
          <span className="tm-wiring-mark" aria-hidden="true" />
        ) : (
          <>
            <span className="visually-hidden">Inserted on {g.where}: </span>
            {g.elements.map((e) => (
              <span key={e.id} className="tm-wiring-chip" title={e.reason} data-testid={`wiring-${e.kind}`}>
                <KindIcon kind={e.kind} size={14} />
                {wiringLabel(e)}
              </span>
            ))}
          </>
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
