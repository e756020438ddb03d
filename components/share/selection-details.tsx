'use client';
/**
 * The share page's stand-in for the inspector: what the selected component or connection is, as
 * plain text. Nothing here can be edited (a definition list, no form fields).
 */
import { useDeferredValue, type ReactNode } from 'react';
import { useEditor } from '@/components/editor/editor-context';
import { nameOf } from '@/components/inspector/component-name';
import {
  KIND_LABELS,
  PATTERN_FIELDS,
  PATTERN_LABELS,
  PLACEMENT_LABELS,
  WORKLOAD_FIELD_LABELS,
  type Component,
  type Connection,
} from '@/core/model';
import { formatMs } from '@/core/present';

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="share-facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function componentRows(c: Component): [string, ReactNode][] {
  const w = c.workload;
  const rows: [string, ReactNode][] = [['Kind', KIND_LABELS[c.kind]]];
  if (w) {
    rows.push(['Workload pattern', `${PATTERN_LABELS[w.pattern]}${w.trace ? ' (measured trace)' : ''}`]);
    rows.push([WORKLOAD_FIELD_LABELS.baseRps, w.baseRps]);
    for (const field of PATTERN_FIELDS[w.pattern]) {
      const value = w[field];
      if (value !== undefined) rows.push([WORKLOAD_FIELD_LABELS[field], value]);
    }
  } else {
    rows.push(['Workload', 'called by other components only']);
  }
  rows.push(['CPU per request', formatMs(c.demand.cpuMs)], ['Memory', `${c.demand.memoryMb} MB`]);
  rows.push(['Stateful', c.stateful ? 'yes' : 'no'], ['Data class', c.dataClass]);
  if (c.latencySloMs !== undefined) rows.push(['Latency SLO', formatMs(c.latencySloMs)]);
  if (c.dataGb > 0) rows.push(['Data volume', `${c.dataGb} GB`]);
  if (c.pin)
    rows.push(['Pinned to', `${PLACEMENT_LABELS[c.pin.placement]}${c.pin.cores ? `, ${c.pin.cores} cores` : ''}`]);
  return rows;
}

function connectionRows(c: Connection): [string, ReactNode][] {
  return [
    ['Mode', c.mode],
    ['Calls per request', c.callsPerRequest],
    ['Payload', `${c.payloadKb} KB`],
  ];
}

/** `decision`: what the plan decided for a selected component, shown between its name and its facts. */
export function SelectionDetails({ decision }: { decision?: (componentId: string) => ReactNode }) {
  const selection = useDeferredValue(useEditor((s) => s.selection));
  const count = selection.components.length + selection.connections.length;
  const component = useEditor((s) =>
    count === 1 ? s.design.components.find((c) => c.id === selection.components[0]) : undefined,
  );
  const connection = useEditor((s) =>
    count === 1 ? s.design.connections.find((c) => c.id === selection.connections[0]) : undefined,
  );
  const fromName = useEditor((s) => nameOf(s.design, connection?.from));
  const toName = useEditor((s) => nameOf(s.design, connection?.to));

  if (component || connection) {
    return (
      <section className="share-details" aria-label="Selected item">
        <p className="share-eyebrow">{component ? 'Component' : 'Connection'}</p>
        <h2>{component ? component.name : `${fromName} → ${toName}`}</h2>
        {component && decision?.(component.id)}
        {component && <h3 className="share-facts-title">What it is</h3>}
        <Facts rows={component ? componentRows(component) : connectionRows(connection!)} />
      </section>
    );
  }
  return (
    <p className="muted share-hint">
      {count > 1
        ? `${count} items selected. Select just one to see its details.`
        : 'Select a component or a connection on the canvas to see its details.'}
    </p>
  );
}
