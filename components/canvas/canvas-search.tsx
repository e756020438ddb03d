'use client';
/**
 * Find a component by name in a big design: type in the box (or press / to get there), pick a match
 * with the arrow keys, and Enter pans and zooms to it and selects it. A combobox with a listbox of
 * matches (at most eight), as the ARIA practices describe.
 */
import { useReactFlow } from '@xyflow/react';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useEditor, useEditorStore } from '@/components/editor/editor-context';
import { KIND_LABELS } from '@/core/model';
import { NODE_HEIGHT, NODE_WIDTH } from './auto-layout';
import { matchComponents, stepActive } from './find-components';

/** Revealing zooms in at least this far, so the component's name can be read. */
const REVEAL_ZOOM = 1;

export function CanvasSearch() {
  const store = useEditorStore();
  const flow = useReactFlow();
  const components = useEditor((s) => s.design.components);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const matches = useMemo(() => matchComponents(components, query), [components, query]);
  const shown = open && query.trim() !== '';

  function reveal(id: string) {
    const node = flow.getNode(id);
    if (!node) return;
    const width = node.measured?.width ?? NODE_WIDTH;
    const height = node.measured?.height ?? NODE_HEIGHT;
    store.getState().select({ components: [id], connections: [] });
    void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, {
      zoom: Math.max(REVEAL_ZOOM, flow.getZoom()),
      duration: 300,
    });
    setOpen(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const key = e.key;
      setActive((a) => stepActive(a, matches.length, key));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const match = matches[Math.min(active, matches.length - 1)];
      if (match) reveal(match.id);
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      if (open && query) setOpen(false);
      else {
        setQuery('');
        e.currentTarget.blur();
      }
    }
  }

  return (
    <div className="tm-search" onKeyDown={(e) => e.stopPropagation()}>
      <input
        type="search"
        className="tm-search-input"
        role="combobox"
        aria-label="Find a component"
        aria-keyshortcuts="/"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && matches[active] ? `${listId}-${active}` : undefined}
        placeholder="Find a component…  /"
        value={query}
        data-canvas-search=""
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {shown && (
        <ul id={listId} role="listbox" aria-label="Matching components" className="tm-search-list">
          {matches.length === 0 && (
            <li role="option" aria-selected={false} aria-disabled="true" className="tm-search-none">
              No component is called that.
            </li>
          )}
          {matches.map((c, i) => (
            <li
              key={c.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="tm-search-option"
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                reveal(c.id);
              }}
            >
              <span>{c.name}</span>
              <small>{KIND_LABELS[c.kind]}</small>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
