'use client';
/**
 * The share page's client side: fetches the shared document (a cached JSON file the server keeps per
 * revision, app/s/[token]/document) and shows it read-only. The title is known at once from the page.
 */
import { useEffect, useState } from 'react';
import type { Design } from '@/core/model';
import { SharedDesignView } from './shared-design-view';

export interface SharedDesignLoaderProps {
  documentPath: string;
  name: string;
  revision: number;
  following: 'latest' | 'pinned';
}

type Loaded = { state: 'loading' } | { state: 'loaded'; document: Design } | { state: 'failed'; message: string };

export function SharedDesignLoader({ documentPath, name, revision, following }: SharedDesignLoaderProps) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetch(documentPath, { signal: controller.signal })
      .then(async (res) => {
        if (res.status === 429) throw new Error(await res.text());
        if (!res.ok)
          throw new Error('This design is no longer shared at this address (the link was revoked or has expired).');
        setLoaded({ state: 'loaded', document: (await res.json()) as Design });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [documentPath]);

  if (loaded.state === 'loaded')
    return <SharedDesignView document={loaded.document} revision={revision} following={following} />;
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
