'use client';
/**
 * Every kept save of this design, newest first (the oldest are pruned beyond the design's storage
 * budget), each saying what changed since the one before it
 * (`Web shop: base load 600 → 1,200`, from core/edit's describeChanges over the two documents);
 * restoring one saves it again as the newest revision; "Compare with current" opens it beside the
 * open revision (/compare). The documents of the newest revisions are
 * read when the dialog opens (revisions never change, so each is fetched once).
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { memo } from 'react';
import Link from 'next/link';
import { describeChanges, describeRevisionSize } from '@/core/edit';
import { useModalDialog, whileClosed } from '@/components/ui/use-modal-dialog';
import { compareHref } from '@/components/scenarios/compare-href';
import { useTRPC } from '@/components/trpc/client';
import { formatExact, formatRelative } from '@/components/ui/time';

/** Revisions whose changes are worked out when the dialog opens; older ones just list their note. */
const DESCRIBED = 15;

const formatBytes = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

export const RevisionsDialog = memo(function RevisionsDialog(props: {
  designId: string;
  open: boolean;
  current: number;
  onClose: () => void;
  onRestore: (revision: number) => void;
}) {
  const trpc = useTRPC();
  const revisions = useQuery({ ...trpc.designs.revisions.queryOptions({ id: props.designId }), enabled: props.open });
  const ref = useModalDialog(props.open);
  // The newest revisions and the one before the oldest of them: each change needs both ends.
  const numbers = (revisions.data ?? []).slice(0, DESCRIBED + 1).map((r) => r.number);
  const documents = useQueries({
    queries: numbers.map((revision) => ({
      ...trpc.designs.get.queryOptions({ id: props.designId, revision }),
      enabled: props.open,
      staleTime: Infinity,
    })),
  });
  const documentOf = new Map(numbers.map((n, i) => [n, documents[i]?.data?.document]));
  const changesOf = (n: number): string | null => {
    const after = documentOf.get(n);
    const before = documentOf.get(n - 1);
    if (!after || !before) return null;
    return describeChanges(before, after) || 'no change to the design';
  };
  return (
    <dialog ref={ref} className="dialog wide" aria-labelledby="revisions-title" onClose={props.onClose}>
      <h2 id="revisions-title">Revisions</h2>
      {revisions.isPending && <p className="muted">Loading…</p>}
      {revisions.isError && (
        <p role="alert" className="error">
          {revisions.error.message}
        </p>
      )}
      {revisions.data && (
        <ol className="revision-list" aria-label="Revisions, newest first">
          {revisions.data.map((r) => {
            // Worked out from the two documents; the server's summary where the one before is pruned.
            const changes = changesOf(r.number) ?? r.changes ?? null;
            return (
              <li key={r.number} data-testid="revision">
                <div>
                  <strong>Revision {r.number}</strong>{' '}
                  {r.number === props.current && <span className="badge">open</span>}
                  {changes && (
                    <div className="revision-changes" data-testid="revision-changes">
                      {changes}
                    </div>
                  )}
                  <div className="muted small">
                    <time dateTime={new Date(r.createdAt).toISOString()} title={formatExact(r.createdAt)}>
                      {formatRelative(r.createdAt)}
                    </time>{' '}
                    · {r.note} · {describeRevisionSize(r.componentCount, r.connectionCount)} · {formatBytes(r.bytes)} ·
                    “{r.name}”
                  </div>
                </div>
                {r.number !== props.current && (
                  <div className="revision-actions">
                    <Link
                      className="button small"
                      href={compareHref(
                        { designId: props.designId, revision: r.number },
                        { designId: props.designId, revision: props.current },
                      )}
                      aria-label={`Compare revision ${r.number} with the current revision (${props.current})`}
                    >
                      Compare with current
                    </Link>
                    <button
                      type="button"
                      className="button small"
                      onClick={() => props.onRestore(r.number)}
                      aria-label={`Restore revision ${r.number}`}
                    >
                      Restore
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}, whileClosed);
