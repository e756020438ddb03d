'use client';
/**
 * `next/dynamic` for a part of a page whose code loads on demand, with a way back when that load
 * fails. A chunk that cannot load (the network dropped, the server is restarting) rejects the
 * dynamic import; React throws it where the part renders, and without a boundary it climbs to the
 * root and the whole page becomes Next's "This page couldn't load" — in the editor, with the
 * unsaved design and its pending save gone with it.
 *
 * Here the part sits in an error boundary made with Next's `catchError` (the App Router's
 * component-level counterpart of `error.tsx`), so only the part is replaced, by a message and a
 * Retry. Retry uses the boundary's `reset()`, not `retry()`: `retry()` also refreshes the route's
 * server data, which a chunk failure does not need, and re-rendering alone would not help either —
 * `next/dynamic` keeps its rejected import for good (one `React.lazy` per `dynamic()` call), so Retry
 * makes a fresh `dynamic()` whose loader asks for the chunk again.
 */
import dynamic from 'next/dynamic';
import { catchError, type ErrorInfo } from 'next/error';
import { useReducer, type ComponentType } from 'react';

function PartFailed(props: { onRetry: () => void; height?: number }, { error, reset }: ErrorInfo) {
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="part-failed" style={{ minHeight: props.height }} title={detail}>
      <p>
        <strong>This part of the page could not load — check your connection.</strong> Everything else still works, and
        your changes are kept.
      </p>
      <button
        type="button"
        className="button small"
        onClick={() => {
          props.onRetry();
          reset();
        }}
      >
        Retry loading
      </button>
    </div>
  );
}

const PartBoundary = catchError(PartFailed);

/**
 * Like `dynamic(load, { ssr: false })`, with the part in a boundary that says it could not load and
 * offers Retry. `height` is the space held while it loads (and by the message if it fails).
 */
export function retryableDynamic<P extends object>(
  load: () => Promise<ComponentType<P>>,
  options: { height?: number } = {},
): ComponentType<P> {
  const { height } = options;
  const make = () =>
    dynamic(load, { ssr: false, loading: height === undefined ? undefined : () => <div style={{ height }} /> });
  // One loaded component for every place the part shows, as with `dynamic()` itself; a Retry
  // replaces it (for all of them) with one that loads afresh.
  const current = { Part: make() };
  function RetryablePart(props: P) {
    const [, rerender] = useReducer((n: number) => n + 1, 0);
    const Part = current.Part;
    return (
      <PartBoundary
        height={height}
        onRetry={() => {
          current.Part = make();
          rerender();
        }}
      >
        <Part {...props} />
      </PartBoundary>
    );
  }
  return RetryablePart;
}
