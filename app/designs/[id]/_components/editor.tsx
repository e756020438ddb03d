'use client';
/** The editor's frame: toolbar, palette, canvas, side panel, timeline; and the dialogs. */
import { useQueryClient } from '@tanstack/react-query';
import { useNodesInitialized } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { DesignCanvas } from '@/components/canvas/design-canvas';
import { ConnectDialog } from '@/components/canvas/connect-dialog';
import { Palette } from '@/components/canvas/palette';
import { ShortcutsHelp } from '@/components/canvas/shortcuts-help';
import { useCanvasCommands } from '@/components/canvas/use-canvas-commands';
import { useShortcuts } from '@/components/canvas/use-shortcuts';
import { useCompleteLayout } from '@/components/canvas/use-complete-layout';
import { useFirstDraw } from '@/components/canvas/use-first-draw';
import { useEditor, useEditorStore, useHistory } from '@/components/editor/editor-context';
import { preloadCoreWhenIdle } from '@/components/editor/lazy-core';
import { useAutosave } from '@/components/editor/use-autosave';
import { ExportMenu } from '@/components/export/export-menu';
import { usePlanRunner } from '@/components/editor/use-plan-runner';
import { useTRPC, useTRPCClient } from '@/components/trpc/client';
import { retryableDynamic } from '@/components/ui/retryable-dynamic';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { BackToDesigns } from './back-link';
import { ConflictDialog } from './conflict-dialog';
import { DesignName } from './design-name';
import { SaveIndicator, SaveProblem } from './save-indicator';
import { ShareButton } from './share-dialog';
import { SidePanel } from './side-panel';
import { TimelineBar } from './timeline-bar';

// Made when first opened: its change descriptions read the assumptions' fields (core/edit), whose
// price books and schemas the first draw does not load (lazy-core.ts).
const RevisionsDialog = retryableDynamic(() => import('./revisions-dialog').then((m) => m.RevisionsDialog));

/**
 * The plan runner, started once the canvas is drawn, not before: its workers would take the CPU the
 * drawing needs. A component of its own, so that React Flow's measuring (a node added is unmeasured
 * for a moment) re-renders only this, never the editor's frame.
 */
function PlanRunner() {
  usePlanRunner(useFirstDraw());
  // The schemas that edits, saves and exports check with load once React Flow has measured every node
  // and the page is idle (lazy-core.ts), not at the first-draw wait's end: on a busy machine that
  // comes before the drawing.
  const measured = useNodesInitialized();
  useEffect(() => (measured ? preloadCoreWhenIdle() : undefined), [measured]);
  return null;
}

export function Editor({ designId }: { designId: string }) {
  const store = useEditorStore();
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const commands = useCanvasCommands();
  const history = useHistory();
  const autosave = useAutosave(designId);
  useCompleteLayout();
  const [helpOpen, setHelpOpen] = useState(false);
  const [revisionsOpen, setRevisionsOpen] = useState(false);
  const [revisionsShown, setRevisionsShown] = useState(false);
  if (revisionsOpen && !revisionsShown) setRevisionsShown(true);
  const notice = useEditor((s) => s.notice);
  const baseRevision = useEditor((s) => s.baseRevision);
  const clearSelection = useCallback(() => store.getState().select({ components: [], connections: [] }), [store]);
  const openConnect = useCallback(() => {
    const { selection, setNotice, setConnectFrom } = store.getState();
    if (selection.components.length === 1 && selection.connections.length === 0)
      setConnectFrom(selection.components[0] ?? null);
    else setNotice('Select one component first, then press C to connect it to another.');
  }, [store]);
  const toggleHelp = useCallback(() => setHelpOpen((o) => !o), []);
  useShortcuts(commands, { toggleHelp, clearSelection, connect: openConnect });

  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => store.getState().setNotice(null), 6000);
    return () => clearTimeout(t);
  }, [notice, store]);

  /** Replaces the editor's document with one from the server, as saved; history starts over. */
  const adopt = useCallback(
    (loaded: { document: Parameters<typeof autosave.markSaved>[0]; revision: number }) => {
      autosave.markSaved(loaded.document);
      store.getState().reset(loaded.document, loaded.revision);
      store.temporal.getState().clear();
      void queryClient.invalidateQueries({ queryKey: trpc.designs.revisions.queryKey({ id: designId }) });
    },
    [autosave, store, queryClient, trpc, designId],
  );

  async function restore(revision: number) {
    if (
      store.getState().status !== 'saved' &&
      !window.confirm('You have unsaved changes. Restore anyway? (They will be lost.)')
    )
      return;
    adopt(await client.designs.restore.mutate({ id: designId, revision }));
    setRevisionsOpen(false);
  }

  function downloadMine() {
    const blob = new Blob([JSON.stringify(store.getState().design, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${designId}-my-version.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  }

  return (
    <div className="editor">
      <PlanRunner />
      <header className="editor-bar">
        <BackToDesigns />
        <DesignName />
        <SaveIndicator />
        <div className="editor-tools" role="toolbar" aria-label="Editor">
          <button
            type="button"
            className="button small"
            onClick={history.undo}
            disabled={!history.canUndo}
            aria-keyshortcuts="Control+Z"
            aria-label="Undo"
            title="Undo (Ctrl+Z)"
          >
            ↶
          </button>
          <button
            type="button"
            className="button small"
            onClick={history.redo}
            disabled={!history.canRedo}
            aria-keyshortcuts="Control+Shift+Z"
            aria-label="Redo"
            title="Redo (Ctrl+Shift+Z)"
          >
            ↷
          </button>
          <button type="button" className="button small" onClick={() => void commands.layout()} aria-keyshortcuts="L">
            Auto-layout
          </button>
          <button type="button" className="button small" onClick={commands.fit} aria-keyshortcuts="F">
            Fit view
          </button>
          <button type="button" className="button small" onClick={() => setRevisionsOpen(true)}>
            Revisions
          </button>
          <ShareButton designId={designId} revision={baseRevision} />
          <ExportMenu />
          <button
            type="button"
            className="button small"
            onClick={() => setHelpOpen(true)}
            aria-keyshortcuts="?"
            aria-label="Keyboard shortcuts"
          >
            ?
          </button>
          <ThemeToggle />
        </div>
      </header>
      <div className="editor-body">
        <Palette />
        <main className="editor-main">
          <DesignCanvas />
          <SaveProblem />
          {notice && (
            <div role="status" className="editor-notice">
              {notice}
            </div>
          )}
          <TimelineBar />
        </main>
        <SidePanel />
      </div>
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      <ConnectDialog />
      {revisionsShown && (
        <RevisionsDialog
          designId={designId}
          open={revisionsOpen}
          current={baseRevision}
          onClose={() => setRevisionsOpen(false)}
          onRestore={(r) => void restore(r)}
        />
      )}
      <ConflictDialog
        onDownloadMine={downloadMine}
        onReloadTheirs={() => void client.designs.get.query({ id: designId }).then(adopt)}
        onSaveMine={() => void autosave.saveMineAsNew()}
      />
    </div>
  );
}
