'use client';
import { useEditor } from '@/components/editor/editor-context';

const LABELS = {
  saved: 'Saved',
  unsaved: 'Unsaved',
  saving: 'Saving…',
  conflict: 'Not saved: conflict',
  error: 'Not saved',
} as const;

/** Saved / saving / unsaved, announced politely to screen readers. */
export function SaveIndicator() {
  const status = useEditor((s) => s.status);
  const detail = useEditor((s) => s.statusDetail);
  return (
    <span role="status" className={`save-indicator ${status}`} title={detail ?? undefined} data-testid="save-status">
      <span className="dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}
