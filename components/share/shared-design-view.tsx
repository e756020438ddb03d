'use client';
/**
 * A shared design, read-only: the editor's stores (setDesign is never called, so the document never
 * changes), the canvas with `readOnly`, the plan worker running the engine on this document, the
 * timeline, the results and the downloads. No palette, no inspector fields, no edit shortcuts.
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
import { ShareSidePanel } from './share-side-panel';
import './share.css';

export interface SharedDesignProps {
  document: Design;
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

function SharedFrame({ document, revision, following }: SharedDesignProps) {
  usePlanRunner();
  return (
    <div className="editor share">
      <header className="editor-bar">
        <span className="brand">Tidemark</span>
        <h1 className="share-title">{document.name}</h1>
        <span className="badge" data-testid="share-badge">
          Read-only · revision {revision}
          {following === 'latest' ? ' (latest)' : ''}
        </span>
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
