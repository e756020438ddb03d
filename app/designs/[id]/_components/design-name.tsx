'use client';
/** The design's name, editable in place; an empty name is refused at the field and never saved. */
import { useEffect, useState } from 'react';
import { useEditor, useEditorStore } from '@/components/editor/editor-context';

export function DesignName() {
  const store = useEditorStore();
  const name = useEditor((s) => s.design.name);
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? name;
  // The browser tab names the design too (the field may be too narrow for a long name).
  useEffect(() => {
    document.title = `${name} · Tidemark`;
  }, [name]);
  const invalid =
    value.trim().length === 0
      ? 'A name cannot be empty.'
      : value.trim().length > 120
        ? 'At most 120 characters.'
        : null;
  function commit() {
    if (draft === null) return;
    if (!invalid && draft.trim() !== name) {
      const { design, setDesign } = store.getState();
      setDesign({ ...design, name: draft.trim() });
    }
    setDraft(null);
  }
  return (
    <span className="design-title">
      <label htmlFor="design-name" className="visually-hidden">
        Design name
      </label>
      <input
        id="design-name"
        className="design-title-input"
        value={value}
        maxLength={200}
        title={value}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? 'design-name-error' : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      {invalid && (
        <span id="design-name-error" className="field-error">
          {invalid}
        </span>
      )}
    </span>
  );
}
