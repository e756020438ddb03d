'use client';
/**
 * Read-only links to this design: create one (pinned to the saved revision or following the latest,
 * with an optional expiry), see each link's creation and last view, revoke (after a confirmation, as
 * deleting a design asks: a revoked link cannot be brought back). A link's address is shown once,
 * when it is created: the server keeps only a hash of its token.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { memo, useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useModalDialog, whileClosed } from '@/components/ui/use-modal-dialog';
import { useTRPC } from '@/components/trpc/client';
import { formatExact, formatRelative } from '@/components/ui/time';
import '@/components/share/share.css';

const EXPIRY_CHOICES = [
  { label: 'Never', hours: undefined },
  { label: 'In 1 day', hours: 24 },
  { label: 'In 7 days', hours: 24 * 7 },
  { label: 'In 30 days', hours: 24 * 30 },
] as const;

/** The toolbar's "Share" button and the dialog it opens: one element for the editor to place. */
export function ShareButton({ designId, revision }: { designId: string; revision: number }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button small" onClick={() => setOpen(true)}>
        Share
      </button>
      <ShareDialog designId={designId} revision={revision} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function When({ ms }: { ms: number }) {
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatExact(ms)}>
      {formatRelative(ms)}
    </time>
  );
}

export const ShareDialog = memo(function ShareDialog(props: {
  designId: string;
  revision: number;
  open: boolean;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ref = useModalDialog(props.open);
  const [follow, setFollow] = useState<'latest' | 'pinned'>('latest');
  const [expiry, setExpiry] = useState(0);
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [toRevoke, setToRevoke] = useState<ShareLinkRow | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const listKey = trpc.shares.list.queryKey({ designId: props.designId });
  // Fresh on every opening: "last viewed" changes while the dialog is closed.
  const links = useQuery({
    ...trpc.shares.list.queryOptions({ designId: props.designId }),
    enabled: props.open,
    staleTime: 0,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: listKey });
  const create = useMutation(
    trpc.shares.create.mutationOptions({
      onSuccess: ({ token }) => {
        setCreated(`${window.location.origin}/s/${token}`);
        setCopied(false);
        refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.shares.revoke.mutationOptions({ onSuccess: refresh }));

  function close() {
    setCreated(null); // the address is shown once; it is not kept anywhere
    setRevoked(null);
    props.onClose();
  }

  function confirmRevoke() {
    if (toRevoke) {
      const what = describeLink(toRevoke);
      revoke.mutate(
        { designId: props.designId, id: toRevoke.id },
        { onSuccess: () => setRevoked(`Revoked the ${what}: it now shows nothing.`) },
      );
    }
    setToRevoke(null);
  }

  async function copy() {
    if (!created) return;
    await navigator.clipboard.writeText(created).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  return (
    <dialog
      ref={ref}
      className="dialog wide"
      aria-labelledby="share-title"
      // React passes the revoke confirmation's own close up to here: only this dialog's closes it.
      onClose={(e) => e.target === e.currentTarget && close()}
    >
      <h2 id="share-title">Share a read-only link</h2>
      <p className="muted small">
        Anyone with the link sees the canvas, the recommendation and the charts, and can download the plan. Nobody can
        edit through it.
      </p>
      <form
        className="share-form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({
            designId: props.designId,
            revision: follow === 'pinned' ? props.revision : undefined,
            expiresInHours: EXPIRY_CHOICES[expiry]?.hours,
          });
        }}
      >
        <fieldset>
          <legend>Shows</legend>
          <label>
            <input type="radio" name="follow" checked={follow === 'latest'} onChange={() => setFollow('latest')} /> the
            latest revision, always
          </label>
          <label>
            <input type="radio" name="follow" checked={follow === 'pinned'} onChange={() => setFollow('pinned')} />{' '}
            revision {props.revision} only (the last saved)
          </label>
        </fieldset>
        <label>
          Expires{' '}
          <select value={expiry} onChange={(e) => setExpiry(Number(e.target.value))}>
            {EXPIRY_CHOICES.map((c, i) => (
              <option key={c.label} value={i}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button primary small" disabled={create.isPending}>
          Create link
        </button>
      </form>
      {create.isError && (
        <p role="alert" className="error">
          {create.error.message}
        </p>
      )}
      {created && (
        <div className="share-created" role="status">
          <label>
            New link (copy it now: it is not shown again)
            <input
              type="text"
              readOnly
              value={created}
              aria-label="New share link"
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <button type="button" className="button small" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      )}
      <h3>Links</h3>
      {links.isPending && <p className="muted">Loading…</p>}
      {links.isError && (
        <p role="alert" className="error">
          {links.error.message}
        </p>
      )}
      {revoked && (
        <p role="status" className="muted small">
          {revoked}
        </p>
      )}
      {revoke.isError && (
        <p role="alert" className="error">
          {revoke.error.message}
        </p>
      )}
      {links.data && links.data.length === 0 && <p className="muted small">No links yet.</p>}
      {links.data && links.data.length > 0 && (
        <ul className="revision-list" aria-label="Share links, newest first">
          {links.data.map((l) => {
            const state = l.state;
            return (
              <li key={l.id} data-testid="share-link-row" data-state={state}>
                <div>
                  <strong>{l.revision === null ? 'Latest revision' : `Revision ${l.revision}`}</strong>{' '}
                  {state !== 'active' && <span className="badge">{state}</span>}
                  <div className="muted small">
                    created <When ms={l.createdAt} /> ·{' '}
                    {l.lastViewedAt === null ? (
                      'never viewed'
                    ) : (
                      <>
                        last viewed <When ms={l.lastViewedAt} />
                      </>
                    )}
                    {l.expiresAt !== null && state === 'active' && (
                      <>
                        {' '}
                        · expires <When ms={l.expiresAt} />
                      </>
                    )}
                  </div>
                </div>
                {state === 'active' && (
                  <button
                    type="button"
                    className="button small danger-text"
                    disabled={revoke.isPending}
                    onClick={() => {
                      setRevoked(null);
                      setToRevoke(l);
                    }}
                    aria-label={`Revoke link created ${formatExact(l.createdAt)}`}
                  >
                    Revoke
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </div>
      <ConfirmDialog
        open={toRevoke !== null}
        title="Revoke this link?"
        confirmLabel="Revoke link"
        danger
        onCancel={() => setToRevoke(null)}
        onConfirm={confirmRevoke}
      >
        {toRevoke && (
          <p>
            The {describeLink(toRevoke)} stops working for everyone who has it: they get a page that does not exist, and
            comparisons shared with it end too. This cannot be undone; to share again, create a new link.
          </p>
        )}
      </ConfirmDialog>
    </dialog>
  );
}, whileClosed);

type ShareLinkRow = { id: string; revision: number | null; createdAt: number };

/** "link to the latest revision, created 6 Dec 2026, 09:12": the words the row shows, for the confirmation. */
function describeLink(l: ShareLinkRow): string {
  return `link to ${l.revision === null ? 'the latest revision' : `revision ${l.revision}`}, created ${formatExact(l.createdAt)}`;
}
