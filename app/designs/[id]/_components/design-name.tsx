'use client';
/**
 * The design's name, editable in place. It is checked as the schema checks it (not empty, at most
 * 120 characters, no control or bidirectional override characters, something visible): a refused
 * name is marked at the field and never reaches the document, so it can never stop autosave. While
 * a valid name is being typed it counts as unsaved, and leaving the page commits it. A refused name
 * stays in the field until it is mended or Escape brings the stored one back.
 */
import { useEffect, useReducer, useState } from 'react';
import { useEditor, useEditorStore } from '@/components/editor/editor-context';
import { loadedModel, loadModel } from '@/components/editor/lazy-core';

const DRAFT_KEY = 'design-name';

export function DesignName() {
  const store = useEditorStore();
  const name = useEditor((s) => s.design.name);
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? name;
  // The browser tab names the design too (the field may be too narrow for a long name).
  useEffect(() => {
    document.title = `${name} · Tidemark`;
  }, [name]);
  // The name schema loads once the canvas is drawn (lazy-core.ts), or when typing starts before that;
  // until then a typed name is neither refused nor kept. The stored name was checked when it was saved.
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  const names = loadedModel();
  useEffect(() => {
    if (draft !== null && !names) loadModel().then(loaded, () => undefined);
  }, [draft, names]);
  const checked = names ? names.checkName(value) : draft === null ? { ok: true as const, value } : null;
  const invalid = checked && !checked.ok ? `The name ${checked.message}.` : null;
  const pending = draft !== null && checked?.ok && checked.value !== name ? checked.value : null;

  // A refused name stays in the field, marked, as a refused value does in the inspector: the editor
  // says "Not saved" and why, and leaving the page asks first. (It used to go back to the stored name
  // on leaving the field, and the indicator said "Saved": the typing was lost without a word.)
  useEffect(() => {
    if (draft === null || invalid === null) return;
    store.getState().holdRefused(DRAFT_KEY, invalid);
    return () => store.getState().releaseRefused(DRAFT_KEY);
  }, [draft, invalid, store]);

  useEffect(() => {
    if (pending === null) return;
    store.getState().holdDraft(DRAFT_KEY, () => {
      const { design, setDesign } = store.getState();
      setDesign({ ...design, name: pending });
    });
    return () => store.getState().releaseDraft(DRAFT_KEY);
  }, [pending, store]);

  function commit() {
    if (draft === null) return;
    if (checked === null) {
      // Left before the name's check has loaded (the first moments after the draw): it is checked
      // and kept once it has, rather than dropped; a refused name stays in the field, marked.
      const typed = draft;
      loadModel().then(
        (m) => {
          const late = m.checkName(typed);
          if (!late.ok) return;
          const { design, setDesign } = store.getState();
          if (late.value !== design.name) setDesign({ ...design, name: late.value });
          setDraft((d) => (d === typed ? null : d));
        },
        () => store.getState().setNotice('The name could not be checked: part of the editor did not load. Try again.'),
      );
      return;
    }
    if (invalid !== null) return;
    if (pending !== null) {
      const { design, setDesign } = store.getState();
      setDesign({ ...design, name: pending });
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
