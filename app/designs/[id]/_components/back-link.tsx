'use client';
/**
 * The editor's "← Designs" (components/ui/designs-link.tsx), which asks first while a field holds a
 * value the design refuses: that value is in no document and would be lost without a word (the
 * browser's own prompt covers reloads and closing the tab: use-autosave.ts).
 */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useEditor } from '@/components/editor/editor-context';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DesignsLink } from '@/components/ui/designs-link';
import { firstRefusal } from './save-indicator';

export function BackToDesigns() {
  const refused = useEditor((s) => firstRefusal(s.refused));
  // A refused value kept for an item not selected now (use-draft-form.ts) is corrected by selecting it.
  const reopen = useEditor((s) => {
    const key = Object.keys(s.refused)[0];
    return key === undefined ? null : (s.kept[key]?.reopen ?? null);
  });
  const router = useRouter();
  const [asking, setAsking] = useState<string | null>(null);
  return (
    <>
      <DesignsLink
        onClick={(e) => {
          if (refused === null) return;
          e.preventDefault();
          setAsking(refused);
        }}
      />
      <ConfirmDialog
        open={asking !== null}
        title="Leave without this value?"
        confirmLabel="Leave without it"
        danger
        onConfirm={() => {
          setAsking(null);
          router.push('/');
        }}
        onCancel={() => setAsking(null)}
      >
        <p>
          Not saved: {asking}. Leaving drops this value.{' '}
          {reopen === null
            ? 'Stay to correct it, or press Escape in the field to put back the saved one.'
            : `Stay and ${reopen} to correct it, or press Escape in its field to put back the saved one.`}
        </p>
      </ConfirmDialog>
    </>
  );
}
