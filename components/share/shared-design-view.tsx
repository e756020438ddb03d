'use client';
/**
 * A shared design, read-only: the editor's stores (setDesign is never called, so the document never
 * changes), the canvas with `readOnly`, the plan stored on the server for this revision (no engine
 * runs in this browser unless the server's job failed: then the plan worker does, and the page says
 * so), the timeline, the results and the downloads. No palette, no inspector fields, no edit shortcuts.
 */
import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import type { Design } from '@/core/model';
import { DesignCanvas } from '@/components/canvas/design-canvas';
import { EditorProvider } from '@/components/editor/editor-context';
import { createEditorStore } from '@/components/editor/editor-store';
import { createPlanStore } from '@/components/editor/plan-store';
import { usePlanRunner } from '@/components/editor/use-plan-runner';
import { TimelineScrubber } from '@/components/results/timeline-scrubber';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { PlanDownloads } from './plan-downloads';
import { useStoredPlan, type StoredPlanState } from './use-stored-plan';
import { ShareSidePanel } from './share-side-panel';
import './share.css';

export interface SharedDesignProps {
  document: Design;
  /** Where the stored plan is read (app/s/[token]/plan?revision=n). */
  planPath: string;
  revision: number;
  following: 'latest' | 'pinned';
}

export function SharedDesignView(props: SharedDesignProps) {
  const [store] = useState(() => createEditorStore(props.document, props.revision));
  const [planStore] = useState(() => createPlanStore());
  return (
    <EditorProvider store={store} planStore={planStore}>
      <ReactFlowProvider>
        <SharedFrame {...props} />
      </ReactFlowProvider>
    </EditorProvider>
  );
}

/** The fallback: the engine in this browser's plan worker, only when the server's plan failed. */
function BrowserPlan() {
  // Mounted only once the server's plan has failed, long after the canvas was drawn.
  usePlanRunner(true);
  return null;
}

const PLAN_WORDS = {
  queued: 'The plan is waiting for a server worker…',
  running: 'The server is computing the plan…',
  done: 'Plan computed on the server',
} as const;

function PlanSource({ state }: { state: StoredPlanState }) {
  if (state.source === 'browser')
    return (
      <p className="plan-source error" role="alert" data-testid="plan-source" data-source="browser">
        The server could not compute the plan ({state.reason}); it is simulated in your browser instead.
      </p>
    );
  return (
    <span
      className={state.status === 'done' ? 'badge' : 'badge muted'}
      role="status"
      data-testid="plan-source"
      data-source="server"
      data-status={state.status}
    >
      {PLAN_WORDS[state.status]}
    </span>
  );
}

function SharedFrame({ document, revision, following, planPath }: SharedDesignProps) {
  const planState = useStoredPlan(planPath);
  return (
    <div className="editor share">
      <header className="editor-bar">
        <span className="brand">Tidemark</span>
        <h1 className="share-title">{document.name}</h1>
        <span className="badge" data-testid="share-badge">
          Read-only · revision {revision}
          {following === 'latest' ? ' (latest)' : ''}
        </span>
        <PlanSource state={planState} />
        {planState.source === 'browser' && <BrowserPlan />}
        <div className="editor-tools">
          <PlanDownloads />
          <ThemeToggle />
        </div>
      </header>
      <div className="editor-body">
        <main className="editor-main">
          <DesignCanvas readOnly />
          <div className="timeline-bar">
            <TimelineScrubber />
          </div>
        </main>
        <ShareSidePanel />
      </div>
    </div>
  );
}
