'use client';
import Link from 'next/link';
import { useState } from 'react';
import { formatExact, formatRelative } from '@/components/ui/time';

export interface DesignRowData {
  id: string;
  name: string;
  componentCount: number;
  latestRevision: number;
  updatedAt: number;
}

export function DesignRow(props: {
  design: DesignRowData;
  highlighted: boolean;
  busy: boolean;
  /** Picked for a comparison; `canPick`: another may still be picked (two at most). */
  picked: boolean;
  canPick: boolean;
  onPick: (picked: boolean) => void;
  onRename: (name: string) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}) {
  const { design } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(design.name);
  const trimmed = draft.trim();
  const invalid =
    trimmed.length === 0 ? 'A name cannot be empty.' : trimmed.length > 120 ? 'At most 120 characters.' : null;

  function commit() {
    if (invalid) return;
    if (trimmed !== design.name) props.onRename(trimmed);
    setEditing(false);
  }

  return (
    <li
      className={props.highlighted ? 'design-row highlighted' : 'design-row'}
      data-testid="design-row"
      aria-busy={props.busy}
    >
      <div className="design-main">
        {editing ? (
          <form
            className="rename-form"
            onSubmit={(e) => {
              e.preventDefault();
              commit();
            }}
          >
            <label className="visually-hidden" htmlFor={`rename-${design.id}`}>
              New name for {design.name}
            </label>
            <input
              id={`rename-${design.id}`}
              className="input"
              value={draft}
              autoFocus
              maxLength={200}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={invalid ? `rename-error-${design.id}` : undefined}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  setDraft(design.name);
                  setEditing(false);
                }
              }}
            />
            <button type="submit" className="button small primary" disabled={!!invalid}>
              Save name
            </button>
            {invalid && (
              <span id={`rename-error-${design.id}`} className="field-error">
                {invalid}
              </span>
            )}
          </form>
        ) : (
          <Link href={`/designs/${design.id}`} className="design-name">
            {design.name}
          </Link>
        )}
        <div className="design-meta">
          <span>
            {design.componentCount} component{design.componentCount === 1 ? '' : 's'}
          </span>
          <span aria-hidden="true">·</span>
          <span>revision {design.latestRevision}</span>
          <span aria-hidden="true">·</span>
          <time dateTime={new Date(design.updatedAt).toISOString()} title={formatExact(design.updatedAt)}>
            changed {formatRelative(design.updatedAt)}
          </time>
        </div>
      </div>
      <div className="design-actions">
        <label className="pick-compare">
          <input
            type="checkbox"
            checked={props.picked}
            disabled={!props.picked && !props.canPick}
            onChange={(e) => props.onPick(e.target.checked)}
            aria-label={`Compare ${design.name}`}
          />
          Compare
        </label>
        {!editing && (
          <button
            type="button"
            className="button small"
            aria-label={`Rename ${design.name}`}
            onClick={() => {
              setDraft(design.name);
              setEditing(true);
            }}
          >
            Rename
          </button>
        )}
        <button
          type="button"
          className="button small"
          aria-label={`Duplicate ${design.name}`}
          onClick={props.onDuplicate}
        >
          Duplicate
        </button>
        <button
          type="button"
          className="button small danger-text"
          aria-label={`Delete ${design.name}`}
          onClick={props.onDelete}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
