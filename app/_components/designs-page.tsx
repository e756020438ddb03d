'use client';
/**
 * The designs list: every design with its size and last change; create (blank, from an example,
 * by importing a file — picker or drop), rename, duplicate and delete with confirmation; pick two to
 * compare side by side (/compare).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type DragEvent } from 'react';
import { EXAMPLE_DESIGNS } from '@/core/examples';
import { compareHref } from '@/components/scenarios/compare-href';
import { useTRPC } from '@/components/trpc/client';
import { AppHeader } from '@/components/ui/app-header';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FilePickerButton } from '@/components/ui/file-picker-button';
import { ProblemList } from '@/components/ui/problem-list';
import { SignOutButton } from '@/components/ui/sign-out-button';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { DesignRow, type DesignRowData } from './design-row';
import { useDesignImport } from './use-design-import';

/** `canSignOut`: password mode is on (TIDEMARK_PASSWORD), so there is a session to end. */
export function DesignsPage({ canSignOut = false }: { canSignOut?: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  // Asked again every time the page opens: a design renamed or edited in the editor a moment ago
  // (this tab's cache is younger than its stale time) would otherwise be listed as it was.
  const list = useQuery({ ...trpc.designs.list.queryOptions(), refetchOnMount: 'always' });
  const [status, setStatus] = useState<{ text: string; highlight?: string } | null>(null);
  const [toDelete, setToDelete] = useState<DesignRowData | null>(null);
  const [dragging, setDragging] = useState(false);
  // Two designs picked to compare side by side (ids still listed only: a deleted one drops out).
  const [picks, setPicks] = useState<string[]>([]);
  const picked = picks.filter((id) => list.data?.some((d) => d.id === id));

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.designs.list.queryKey() });
  const onDone = (text: string) => (d: { id: string }) => {
    setStatus({ text, highlight: d.id });
    return refresh();
  };
  const create = useMutation(trpc.designs.create.mutationOptions());
  const rename = useMutation(trpc.designs.rename.mutationOptions({ onSuccess: onDone('Design renamed.') }));
  const duplicate = useMutation(
    trpc.designs.duplicate.mutationOptions({ onSuccess: (d) => onDone(`Created “${d.name}”.`)(d) }),
  );
  const remove = useMutation(trpc.designs.delete.mutationOptions({ onSuccess: () => refresh() }));
  const importer = useDesignImport((id, name) => setStatus({ text: `Imported “${name}”.`, highlight: id }));

  const busy = create.isPending || rename.isPending || duplicate.isPending || remove.isPending || importer.isImporting;
  const error = create.error ?? rename.error ?? duplicate.error ?? remove.error;

  async function createAndOpen(input: Parameters<typeof create.mutateAsync>[0]) {
    const d = await create.mutateAsync(input);
    await refresh();
    router.push(`/designs/${d.id}`);
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void importer.importFile(file);
  }

  return (
    <>
      <AppHeader>
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => void createAndOpen({ from: 'blank' })}
        >
          New design
        </button>
        <FilePickerButton
          accept="application/json,.json"
          inputLabel="Import a design JSON file"
          testId="import-input"
          disabled={busy}
          onFile={(file) => void importer.importFile(file)}
        >
          Import JSON…
        </FilePickerButton>
        <ThemeToggle />
        {canSignOut && <SignOutButton />}
      </AppHeader>
      <main
        className={dragging ? 'page dropping' : 'page'}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) {
            e.preventDefault();
            setDragging(true);
          }
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <section aria-labelledby="designs-title">
          <div className="section-head">
            <h1 id="designs-title">Designs</h1>
            <p className="hint">Drop a design JSON file anywhere on this page to import it.</p>
          </div>
          <div aria-live="polite" className="status">
            {!importer.failure && status?.text}
          </div>
          {importer.failure && (
            <ProblemList
              title={`“${importer.failure.fileName}” was not imported: ${importer.failure.problems.length} problem${importer.failure.problems.length === 1 ? '' : 's'}. Nothing was created.`}
              problems={importer.failure.problems}
              onDismiss={importer.clearFailure}
            />
          )}
          {error && (
            <p role="alert" className="error">
              {error.message}
            </p>
          )}
          {list.isPending && <p className="muted">Loading designs…</p>}
          {list.isError && (
            <p role="alert" className="error">
              Could not load designs: {list.error.message}
            </p>
          )}
          {list.data?.length === 0 && (
            <p className="empty">
              No designs yet. Start from an example above, create a new design, or import a JSON file.
            </p>
          )}
          {list.data && list.data.length > 1 && <ComparePicked picked={picked} />}
          {list.data && list.data.length > 0 && (
            <ul className="design-list" aria-label="Designs">
              {list.data.map((d) => (
                <DesignRow
                  key={d.id}
                  design={d}
                  highlighted={status?.highlight === d.id}
                  busy={busy}
                  picked={picked.includes(d.id)}
                  canPick={picked.length < 2}
                  onPick={(on) => setPicks(on ? [...picked, d.id] : picked.filter((id) => id !== d.id))}
                  onRename={(name) => rename.mutate({ id: d.id, name })}
                  onDuplicate={() => duplicate.mutate({ id: d.id })}
                  onDelete={() => setToDelete(d)}
                />
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="examples-title" className="examples">
          <h2 id="examples-title">Start from an example</h2>
          <div className="example-grid">
            {EXAMPLE_DESIGNS.map(({ key, design }) => (
              <article key={key} className="example-card">
                <h3>{design.name}</h3>
                <p>{design.description}</p>
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  aria-label={`Use this example: ${design.name}`}
                  onClick={() => void createAndOpen({ from: 'example', example: key })}
                >
                  Use this example
                </button>
              </article>
            ))}
          </div>
        </section>
      </main>
      <ConfirmDialog
        open={toDelete !== null}
        title="Delete this design?"
        confirmLabel="Delete design"
        danger
        onCancel={() => setToDelete(null)}
        onConfirm={() => {
          if (toDelete) {
            remove.mutate({ id: toDelete.id });
            setStatus({ text: `Deleted “${toDelete.name}”.` });
          }
          setToDelete(null);
        }}
      >
        {toDelete && (
          <p>
            “{toDelete.name}” and all {toDelete.latestRevision} of its revisions will be deleted. This cannot be undone.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}

/** Pick two designs, then compare them (their latest revisions) side by side. */
function ComparePicked({ picked }: { picked: string[] }) {
  const [a, b] = picked;
  return (
    <div className="compare-pick" data-testid="compare-pick">
      <span className="muted">
        {a && b ? 'Two designs picked.' : `Pick two designs to compare them side by side (${picked.length} of 2).`}
      </span>
      {a && b ? (
        <Link className="button small primary" href={compareHref({ designId: a }, { designId: b })}>
          Compare the two picked
        </Link>
      ) : (
        <button type="button" className="button small" disabled>
          Compare the two picked
        </button>
      )}
    </div>
  );
}
