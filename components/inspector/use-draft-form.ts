'use client';
/**
 * The inspector's draft form: each field keeps the text being typed; the drafts are checked as a
 * whole candidate on every keystroke; a valid candidate is committed (one undo step) on blur, Enter,
 * a choice in a select, or 400 ms after typing stops, so typing "250" is one step, not three. An
 * invalid candidate is never committed. When the stored value changes underneath (undo, an edit on
 * the canvas), drafts that no longer describe it are reset to it. Drafts the user has not changed
 * commit nothing: their candidate is the stored value normalised (a workload's fields its pattern does
 * not use dropped; the assumptions' numbers to 12 significant digits), and merely selecting a
 * component must not rewrite it.
 *
 * A value the design refuses is never committed, and never dropped without a word: while it is held
 * the editor says "Not saved" and why, and "← Designs" asks before leaving. Selecting another item
 * (or another tab) closes the form; with `keep`, its refused drafts stay in the editor (the refusal
 * still said, now naming the item) and the form shows them again when it reopens, until they are
 * corrected, reverted with Escape, or the stored value changes underneath (undo, a delete).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { sameValue, type DraftCheck, type Drafts } from '@/core/edit';
import { useEditorStore } from '@/components/editor/editor-context';
import type { KeptDrafts } from '@/components/editor/editor-store';

export const COMMIT_DELAY_MS = 400;

export interface DraftForm<F extends string> {
  idPrefix: string;
  drafts: Drafts<F>;
  errors: Partial<Record<F | 'form', string>>;
  /** Sets a field's text; committed later (blur, Enter, pause). */
  set: (field: F, text: string) => void;
  /** Replaces the drafts and commits at once when valid (selects, checkboxes). */
  setNow: (drafts: Drafts<F>) => void;
  /** Commits the current drafts now if valid and changed. */
  flush: () => void;
  /** Puts a field back to its stored value. */
  revert: (field: F) => void;
}

/** Where a form's refused drafts are kept while it is closed: see `KeptDrafts`. */
export interface DraftKeep {
  /** One per item, e.g. `components:erp-ui`. */
  key: string;
  where: string;
  reopen: string;
  current: KeptDrafts['current'];
}

/** The first field with an error, and the error; the form's own error (not of one field) last. */
function firstError(errors: Partial<Record<string, string>>): [string, string] | null {
  const entries = Object.entries(errors).filter((e): e is [string, string] => e[1] !== undefined);
  return entries.find(([field]) => field !== 'form') ?? entries[0] ?? null;
}

/** The visible label of a field's control, as the person reads it ("Peak load (req/s)"). */
function labelOf(controlId: string): string | null {
  const control = document.getElementById(controlId);
  const labels = control && 'labels' in control ? (control as HTMLInputElement).labels : null;
  return labels?.[0]?.textContent?.trim() || null;
}

export function useDraftForm<F extends string, T, C extends DraftCheck<T, F> = DraftCheck<T, F>>(
  stored: T,
  toDrafts: (value: T) => Drafts<F>,
  check: (drafts: Drafts<F>) => C,
  commit: (value: T) => void,
  keep?: DraftKeep,
): { form: DraftForm<F>; checked: C } {
  const idPrefix = useId();
  const store = useEditorStore();
  const [drafts, setDrafts] = useState(() => {
    const kept = keep ? store.getState().kept[keep.key] : undefined;
    return kept && sameValue(kept.basis, stored) ? (kept.drafts as Drafts<F>) : toDrafts(stored);
  });
  const [seen, setSeen] = useState(stored);
  let current = drafts;
  if (stored !== seen) {
    // Adjusting state to a changed prop during render (react.dev, "you might not need an effect").
    setSeen(stored);
    const mine = check(drafts);
    if (!(mine.ok && sameValue(mine.value, stored))) {
      current = toDrafts(stored);
      setDrafts(current);
    }
  }
  const checked = useMemo(() => check(current), [check, current]);
  const untouched = useMemo(() => sameValue(current, toDrafts(stored)), [current, toDrafts, stored]);
  const pending = !untouched && checked.ok && !sameValue(checked.value, stored) ? checked.value : null;

  const latest = useRef<{ pending: T | null; commit: (value: T) => void }>({ pending, commit });
  useEffect(() => {
    latest.current = { pending, commit };
    if (pending === null) return;
    const timer = setTimeout(() => commit(pending), COMMIT_DELAY_MS);
    // Until it is committed, the value is not in the document: the editor counts it as unsaved and
    // commits it at once if the page is left.
    store.getState().holdDraft(idPrefix, () => commit(pending));
    return () => {
      clearTimeout(timer);
      store.getState().releaseDraft(idPrefix);
    };
  }, [pending, commit, store, idPrefix]);
  // A changed value the design refuses is not saved: the editor says so until it is corrected or
  // reverted (or the form closes), naming the field by the label the form shows for it.
  const [refusedField, refusedError] = (untouched || checked.ok ? null : firstError(checked.errors)) ?? [];
  const refusedKey = keep?.key ?? idPrefix;
  const refusal = useRef<{ why: string; drafts: Drafts<F>; stored: T } | null>(null);
  useEffect(() => {
    if (refusedField === undefined || refusedError === undefined) return;
    const label = refusedField === 'form' ? null : labelOf(`${idPrefix}-${refusedField}`);
    store.getState().holdRefused(refusedKey, label ? `${label} ${refusedError}` : refusedError);
    return () => store.getState().releaseRefused(refusedKey);
  }, [refusedField, refusedError, store, idPrefix, refusedKey]);
  // What is refused now, for keeping it when the form closes (refs are read by that cleanup only).
  useEffect(() => {
    const why = refusedField === undefined ? undefined : store.getState().refused[refusedKey];
    refusal.current = why === undefined ? null : { why, drafts: current, stored };
  });
  const keepRef = useRef(keep);
  useEffect(() => {
    keepRef.current = keep;
  });
  // Declared after the refusal's effect, so that its cleanup (which releases the refusal) has run
  // when this one keeps it again as the form closes.
  useEffect(() => {
    const k = keepRef.current;
    if (!k) return;
    // The open form holds what was kept (shown again, or not: its stored value changed meanwhile).
    store.getState().takeDrafts(k.key);
    if (refusal.current === null) store.getState().releaseRefused(k.key);
    return () => {
      const k = keepRef.current;
      const r = refusal.current;
      if (!k || !r) return;
      const kept: KeptDrafts = {
        drafts: r.drafts,
        basis: r.stored,
        current: k.current,
        where: k.where,
        reopen: k.reopen,
      };
      store.getState().keepDrafts(k.key, kept, `${k.where}: ${r.why}`);
    };
  }, [store]);
  // Leaving the form (another selection) keeps what was typed, if it was valid.
  useEffect(
    () => () => {
      const { pending: last, commit: save } = latest.current;
      if (last !== null) save(last);
    },
    [],
  );

  const form: DraftForm<F> = {
    idPrefix,
    drafts: current,
    errors: checked.errors,
    set: useCallback((field: F, text: string) => setDrafts((d) => ({ ...d, [field]: text })), []),
    setNow: (next) => {
      setDrafts(next);
      if (sameValue(next, toDrafts(stored))) return;
      const c = check(next);
      if (c.ok && !sameValue(c.value, stored)) commit(c.value);
    },
    flush: () => {
      if (pending !== null) commit(pending);
    },
    revert: (field) => setDrafts((d) => ({ ...d, [field]: toDrafts(stored)[field] })),
  };
  return { form, checked };
}
