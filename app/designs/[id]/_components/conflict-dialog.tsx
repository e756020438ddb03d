'use client';
/**
 * Another tab (or person) saved this design first. The user's document stays in the editor until
 * they choose: take the latest revision (theirs), or save this tab's document as a newer revision.
 */
import { useModalDialog } from '@/components/ui/use-modal-dialog';
import { useEditor } from '@/components/editor/editor-context';

export function ConflictDialog(props: {
  onReloadTheirs: () => void;
  onSaveMine: () => void;
  onDownloadMine: () => void;
}) {
  const status = useEditor((s) => s.status);
  const latest = useEditor((s) => s.conflictRevision);
  const base = useEditor((s) => s.baseRevision);
  const open = status === 'conflict';
  const ref = useModalDialog(open);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="conflict-title" onCancel={(e) => e.preventDefault()}>
      <h2 id="conflict-title">This design was changed elsewhere</h2>
      <p>
        Your changes are based on revision {base}, but revision {latest} was saved in another tab or by someone else.
        Nothing has been overwritten, and your changes are still here.
      </p>
      <div className="dialog-actions stacked">
        <button type="button" className="button" onClick={props.onDownloadMine}>
          Download my version (JSON)
        </button>
        <button type="button" className="button" onClick={props.onReloadTheirs}>
          Discard mine, load revision {latest}
        </button>
        <button type="button" className="button primary" onClick={props.onSaveMine} autoFocus>
          Keep mine, save as revision {(latest ?? base) + 1}
        </button>
      </div>
    </dialog>
  );
}
