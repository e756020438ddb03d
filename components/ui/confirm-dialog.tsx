'use client';
/**
 * A modal confirmation built on <dialog>: focus is trapped and Escape cancels, as browsers do it.
 * Its title's id is its own, so that two on one page (the editor's leave and revoke) each name theirs.
 */
import { useId, type ReactNode } from 'react';
import { useModalDialog } from './use-modal-dialog';

export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useModalDialog(props.open);
  const titleId = useId();
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onCancel={props.onCancel} onClose={props.onCancel}>
      <h2 id={titleId}>{props.title}</h2>
      <div className="dialog-body">{props.children}</div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className={props.danger ? 'button danger' : 'button primary'}
          onClick={props.onConfirm}
          autoFocus
        >
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
