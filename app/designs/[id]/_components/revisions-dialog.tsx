'use client';
/**
 * Every kept save of this design, newest first (the oldest are pruned beyond the design's storage
 * budget); restoring one saves it again as the newest revision.
 */
import { useQuery } from '@tanstack/react-query';
import { useModalDialog } from '@/components/ui/use-modal-dialog';
import { useTRPC } from '@/components/trpc/client';
import { formatExact, formatRelative } from '@/components/ui/time';

const formatBytes = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

export function RevisionsDialog(props: {
  designId: string;
  open: boolean;
  current: number;
  onClose: () => void;
  onRestore: (revision: number) => void;
}) {
  const trpc = useTRPC();
  const revisions = useQuery({ ...trpc.designs.revisions.queryOptions({ id: props.designId }), enabled: props.open });
  const ref = useModalDialog(props.open);
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
          {revisions.data.map((r) => (
            <li key={r.number}>
              <div>
                <strong>Revision {r.number}</strong> {r.number === props.current && <span className="badge">open</span>}
                <div className="muted small">
                  <time dateTime={new Date(r.createdAt).toISOString()} title={formatExact(r.createdAt)}>
                    {formatRelative(r.createdAt)}
                  </time>{' '}
                  · {r.note}
                  {r.changes && ` (${r.changes})`} · {r.componentCount} components, {r.connectionCount} connections ·{' '}
                  {formatBytes(r.bytes)} · “{r.name}”
                </div>
              </div>
              {r.number !== props.current && (
                <button
                  type="button"
                  className="button small"
                  onClick={() => props.onRestore(r.number)}
                  aria-label={`Restore revision ${r.number}`}
                >
                  Restore
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
