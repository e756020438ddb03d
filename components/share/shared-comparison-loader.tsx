'use client';
/**
 * A shared comparison's client side (/s/[token]/vs/[other]): fetches the two shared documents, each
 * from its own share link's cached document, and shows them side by side, read-only — no editing
 * procedure is reachable from here: the comparison only plans, in the browser's plan worker.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Design } from '@/core/model';
import { ScenarioComparison } from '@/components/scenarios/scenario-comparison';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { fetchSharedDocument } from './fetch-shared-document';

export interface SharedSide {
  documentPath: string;
  /** `/s/<token>/plan?revision=<n>`: the plan the server stored for what the link shows. */
  planPath: string;
  name: string;
  revision: number;
}

type Loaded =
  { state: 'loading' } | { state: 'loaded'; documents: [Design, Design] } | { state: 'failed'; message: string };

export function SharedComparisonLoader({ before, after }: { before: SharedSide; after: SharedSide }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const storedPlans = useMemo(() => [before.planPath, after.planPath] as const, [before.planPath, after.planPath]);
  useEffect(() => {
    const controller = new AbortController();
    Promise.all([before, after].map((s) => fetchSharedDocument(s.documentPath, controller.signal)))
      .then(([a, b]) => {
        if (a && b) setLoaded({ state: 'loaded', documents: [a, b] });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [before, after]);

  return (
    <>
      <header className="app-header">
        <span className="brand">Tidemark</span>
        <div className="app-header-actions">
          <span className="badge" data-testid="share-badge">
            Read-only comparison
          </span>
          <ThemeToggle />
        </div>
      </header>
      {loaded.state === 'loaded' ? (
        <ScenarioComparison
          before={{ design: loaded.documents[0], title: `${before.name}, revision ${before.revision}` }}
          after={{ design: loaded.documents[1], title: `${after.name}, revision ${after.revision}` }}
          storedPlans={storedPlans}
        />
      ) : (
        <main className="page">
          <h1>Compare scenarios</h1>
          {loaded.state === 'loading' ? (
            <p className="muted" role="status">
              Loading the two shared designs…
            </p>
          ) : (
            <p className="error" role="alert">
              {loaded.message}
            </p>
          )}
        </main>
      )}
    </>
  );
}
