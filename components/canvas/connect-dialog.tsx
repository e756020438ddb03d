'use client';
/**
 * Connecting two components without a mouse: with one component selected, press C; this dialog lists
 * every other component (type to filter, arrow keys to choose, Enter to connect), with the call's
 * mode. The connection is one undoable edit and is selected afterwards; a refused one (a cycle, a
 * duplicate) says why and leaves the dialog open.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { KIND_LABELS } from '@/core/model';
import { useEditor, useEditorStore } from '@/components/editor/editor-context';
import { loadEdits, notLoaded, type Edits } from '@/components/editor/lazy-core';
import { useModalDialog } from '@/components/ui/use-modal-dialog';
import { matchComponents, stepActive } from './find-components';

export function ConnectDialog() {
  const store = useEditorStore();
  const from = useEditor((s) => s.connectFrom);
  const onClose = () => store.getState().setConnectFrom(null);
  const ref = useModalDialog(from !== null);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="connect-title" onClose={onClose}>
      {from !== null && <ConnectForm key={from} from={from} onClose={onClose} />}
    </dialog>
  );
}

function ConnectForm({ from, onClose }: { from: string; onClose: () => void }) {
  const store = useEditorStore();
  const components = useEditor((s) => s.design.components);
  const source = components.find((c) => c.id === from);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [mode, setMode] = useState<'sync' | 'async'>('sync');
  const [refusal, setRefusal] = useState<string | null>(null);
  const listId = useId();
  const others = useMemo(() => components.filter((c) => c.id !== from), [components, from]);
  const candidates = useMemo(() => (query.trim() ? matchComponents(others, query) : others), [others, query]);
  const current = candidates[Math.min(active, candidates.length - 1)];

  function link(to: string) {
    // The schemas that fill a connection in load with the first one (lazy-core.ts).
    void loadEdits().then(({ connect }) => linkWith(connect, to), notLoaded(store));
  }

  function linkWith(connect: Edits['connect'], to: string) {
    const { design, setDesign, select, setNotice } = store.getState();
    const result = connect(design, from, to, mode);
    if (!result.ok) return setRefusal(result.reason);
    setDesign(result.design);
    select({ components: [], connections: [result.id] });
    const target = components.find((c) => c.id === to)?.name ?? to;
    setNotice(`Connected ${source?.name ?? from} → ${target} (${mode}).`);
    onClose();
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const key = e.key;
      setActive((a) => stepActive(a, candidates.length, key));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (current) link(current.id);
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (current) link(current.id);
      }}
    >
      <h2 id="connect-title">Connect {source?.name ?? from} to…</h2>
      <p className="muted small">
        Type to filter, ↑ ↓ to choose, Enter to connect. {source?.name ?? from} will call the chosen component.
      </p>
      <input
        className="input tm-connect-filter"
        type="text"
        role="combobox"
        aria-label="Target component"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
        value={query}
        autoFocus
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setRefusal(null);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Components to connect to" className="tm-connect-list">
        {candidates.length === 0 && <li className="muted">No other component matches.</li>}
        {candidates.map((c) => (
          <li
            key={c.id}
            id={`${listId}-${c.id}`}
            role="option"
            aria-selected={c.id === current?.id}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => link(c.id)}
          >
            <span>{c.name}</span> <small className="muted">{KIND_LABELS[c.kind]}</small>
          </li>
        ))}
      </ul>
      <fieldset className="tm-connect-mode">
        <legend>Call</legend>
        <label>
          <input type="radio" name="mode" checked={mode === 'sync'} onChange={() => setMode('sync')} /> sync (waits for
          the answer)
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === 'async'} onChange={() => setMode('async')} /> async (a
          message)
        </label>
      </fieldset>
      {refusal && (
        <p role="alert" className="error">
          {refusal}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={!current}>
          Connect{current ? ` to ${current.name}` : ''}
        </button>
      </div>
    </form>
  );
}
