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
 * field counts as unsaved: it is not in the document yet.
 */
export function SaveIndicator() {
  const status = useEditor((s) => s.status);
  const detail = useEditor((s) => s.statusDetail);
  const drafting = useEditor((s) => Object.keys(s.drafts).length > 0);
  const shown = status === 'saved' && drafting ? 'unsaved' : status;
  return (
    <span role="status" className={`save-indicator ${shown}`} title={detail ?? undefined} data-testid="save-status">
      <span className="dot" aria-hidden="true" />
      {LABELS[shown]}
    </span>
  );
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
