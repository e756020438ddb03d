'use client';
/**
 * The editor: loads the design, then gives the canvas, palette, inspector and results one store for
 * the document (with undo) and one for the latest simulation.
 */
import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import Link from 'next/link';
import { useState } from 'react';
import type { Design } from '@/core/model';
import { EditorProvider } from '@/components/editor/editor-context';
import { createEditorStore } from '@/components/editor/editor-store';
import { createPlanStore } from '@/components/editor/plan-store';
import { useTRPC } from '@/components/trpc/client';
import { AppHeader } from '@/components/ui/app-header';
import { Editor } from './editor';

export function EditorPage({ id }: { id: string }) {
  const trpc = useTRPC();
  // Never kept once the editor closes (gcTime 0): a copy read earlier in this tab — opened again from
  // the list, or with the browser's Back button — would open the design as it was then, and save
  // against that revision (a conflict with the author's own edits).
  const design = useQuery({
    ...trpc.designs.get.queryOptions({ id }),
    gcTime: 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  if (design.isPending) return <main className="page muted">Loading design…</main>;
  if (design.isError) {
    return (
      <>
        <AppHeader />
        <main className="page">
          <p role="alert" className="error">
            {design.error.data?.code === 'NOT_FOUND'
              ? 'This design does not exist (it may have been deleted).'
              : design.error.message}
          </p>
          <Link href="/">Back to all designs</Link>
        </main>
      </>
    );
  }
  return <LoadedEditor id={id} design={design.data.document} revision={design.data.revision} />;
}

function LoadedEditor({ id, design, revision }: { id: string; design: Design; revision: number }) {
  const [store] = useState(() => createEditorStore(design, revision));
  const [planStore] = useState(() => createPlanStore());
  return (
    <EditorProvider store={store} planStore={planStore}>
      <ReactFlowProvider>
        <Editor designId={id} />
      </ReactFlowProvider>
    </EditorProvider>
  );
}
