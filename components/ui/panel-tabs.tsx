'use client';
/** The side panel's tabs: a tablist and the one panel shown, wired for screen readers. */
import type { ReactNode } from 'react';

export function PanelTabs<T extends string>(props: {
  tabs: readonly { id: T; label: string }[];
  active: T;
  onChange: (tab: T) => void;
  children: ReactNode;
}) {
  return (
    <>
      <div role="tablist" aria-label="Panel" className="tabs">
        {props.tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={props.active === t.id}
            aria-controls={`panel-${t.id}`}
            className="tab"
            onClick={() => props.onChange(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${props.active}`} aria-labelledby={`tab-${props.active}`} className="tab-panel">
        {props.children}
      </div>
    </>
  );
}
