'use client';
/**
 * The share page's client side: fetches the shared document (a cached JSON file the server keeps per
 * revision, app/s/[token]/document) and shows it read-only. The title is known at once from the page.
 */
import { useEffect, useState } from 'react';
import type { Design } from '@/core/model';
import { fetchSharedDocument } from './fetch-shared-document';
import { SharedDesignView } from './shared-design-view';

export interface SharedDesignLoaderProps {
  documentPath: string;
  planPath: string;
  name: string;
  revision: number;
  following: 'latest' | 'pinned';
}

type Loaded = { state: 'loading' } | { state: 'loaded'; document: Design } | { state: 'failed'; message: string };

export function SharedDesignLoader({ documentPath, planPath, name, revision, following }: SharedDesignLoaderProps) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetchSharedDocument(documentPath, controller.signal)
      .then((document) => setLoaded({ state: 'loaded', document }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [documentPath]);

  if (loaded.state === 'loaded')
    return (
      <SharedDesignView document={loaded.document} planPath={planPath} revision={revision} following={following} />
    );
  return (
    <main className="page">
      <h1>{name}</h1>
      {loaded.state === 'loading' ? (
        <p className="muted" role="status">
          Loading the shared design…
        </p>
      ) : (
        <p className="error" role="alert">
          {loaded.message}
        </p>
      )}
    </main>
  );
}
