'use client';
import { useEditor } from '@/components/editor/editor-context';

const LABELS = {
  saved: 'Saved',
  unsaved: 'Unsaved',
  saving: 'Saving…',
  conflict: 'Not saved: conflict',
  error: 'Not saved',
} as const;

/**
 * Saved / saving / unsaved, announced politely to screen readers. A value still being typed in a
 * field counts as unsaved: it is not in the document yet. A value the design refuses (red in its
 * field) is not saved at all, whatever else was: the indicator says which and why, unless a conflict
 * or a failed save (with its own banner) says more.
 */
export function SaveIndicator() {
  const status = useEditor((s) => s.status);
  const detail = useEditor((s) => s.statusDetail);
  const drafting = useEditor((s) => Object.keys(s.drafts).length > 0);
  const refused = useEditor((s) => firstRefusal(s.refused));
  if (refused !== null && status !== 'conflict' && status !== 'error') {
    const text = `Not saved: ${refused}`;
    return (
      <span role="status" className="save-indicator error refused" title={text} data-testid="save-status">
        <span className="dot" aria-hidden="true" />
        <span className="save-text">{text}</span>
      </span>
    );
  }
  const shown = status === 'saved' && drafting ? 'unsaved' : status;
  return (
    <span role="status" className={`save-indicator ${shown}`} title={detail ?? undefined} data-testid="save-status">
      <span className="dot" aria-hidden="true" />
      {LABELS[shown]}
    </span>
  );
}

/** Why the first refused value is not saved, or null when none is held. */
export function firstRefusal(refused: Readonly<Record<string, string>>): string | null {
  return Object.values(refused)[0] ?? null;
}

/** When changes are not being saved, why, in plain words, under the toolbar until it is fixed. */
export function SaveProblem() {
  const status = useEditor((s) => s.status);
  const detail = useEditor((s) => s.statusDetail);
  if (status !== 'error' || !detail) return null;
  return (
    <div role="alert" className="save-problem" data-testid="save-problem">
      {detail}
    </div>
  );
}
