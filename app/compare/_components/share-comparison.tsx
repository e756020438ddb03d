'use client';
/**
 * "Share this comparison": a read-only address for the comparison on screen, made of two ordinary
 * share links, each pinned to the revision shown (`/s/<first>/vs/<second>`). No new kind of secret:
 * each half is a share token like any other, listed in its design's Share dialog, and revoking
 * either ends the comparison link too. The address is shown once, as a share link's is.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ScenarioRef } from '@/components/scenarios/compare-href';
import { useTRPC } from '@/components/trpc/client';
import '@/components/share/share.css';

export function ShareComparison({ a, b }: { a: Required<ScenarioRef>; b: Required<ScenarioRef> }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.shares.create.mutationOptions());
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  async function share() {
    setError(null);
    try {
      const first = await create.mutateAsync({ designId: a.designId, revision: a.revision });
      const second = await create.mutateAsync({ designId: b.designId, revision: b.revision });
      setUrl(`${window.location.origin}/s/${first.token}/vs/${second.token}`);
      setCopied(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <>
      <button type="button" className="button" onClick={() => void share()} disabled={create.isPending}>
        {create.isPending ? 'Creating the link…' : 'Share this comparison'}
      </button>
      {error && (
        <p role="alert" className="error">
          The comparison was not shared: {error}
        </p>
      )}
      {url && (
        <div className="share-created" role="status">
          <label>
            Read-only comparison link (copy it now: it is not shown again)
            <input
              type="text"
              readOnly
              value={url}
              aria-label="Comparison link"
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <button
            type="button"
            className="button small"
            onClick={() =>
              void navigator.clipboard.writeText(url).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      )}
      {url && (
        <p className="muted small">
          Made of two share links pinned to these revisions; revoking either in its design’s Share dialog ends this
          link.
        </p>
      )}
    </>
  );
}
