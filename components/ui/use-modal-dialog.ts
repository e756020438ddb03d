'use client';
import { useEffect, useRef } from 'react';

/** Opens and closes a <dialog> as a modal to follow `open`; the browser traps focus and handles Escape. */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}

/**
 * For `memo`: a dialog that stays closed need not render again, whatever else changed (the editor
 * re-renders its dialogs on every save, whose revision they show). It renders when it opens, with
 * the props of that moment.
 */
export const whileClosed = (before: { open: boolean }, after: { open: boolean }): boolean =>
  !before.open && !after.open;
