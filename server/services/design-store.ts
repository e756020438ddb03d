/**
 * Designs and their revisions. Every write is one immediate transaction, so two saves on the same
 * base revision are serialised: the first appends revision n+1, the second finds the base stale and
 * gets a ConflictError carrying its own document back. What a write returns is read inside its own
 * transaction: the revision it wrote, never one another writer appended after it.
 *
 * Documents go in as PreparedDocuments (validated, serialised once, with their summary) and come out
 * through the versioned loader (core/model/load-design.ts), so stored revisions of an older version
 * are migrated like imports. Listing reads only the summary columns, never a document.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { loadStoredDesign, type Design } from '../../core/model';
import type { Db } from '../../db/client';
import { designs, revisions, shareLinks } from '../../db/schema';
import { designBudgetBytes, formatMb, planPruning } from './design-budget';
import { BudgetError, ConflictError, NotFoundError, StoredDocumentError } from './errors';
import { PreparedDocument, toPrepared } from './prepared-document';
import { describeChanges } from './revision-changes';

type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DesignSummary {
  id: string;
  name: string;
  componentCount: number;
  latestRevision: number;
  createdAt: number;
  updatedAt: number;
}

/** What a save, restore or rename wrote: the design as it stands after it, and the revision it added. */
export interface WrittenRevision extends DesignSummary {
  revision: number;
}

export interface StoredDesign extends WrittenRevision {
  revisionCreatedAt: number;
  document: Design;
}

export interface RevisionSummary {
  number: number;
  name: string;
  componentCount: number;
  connectionCount: number;
  /** Size of the stored document in bytes. */
  bytes: number;
  note: string;
  /** What changed against the revision before it, e.g. `+2 components`; empty when nothing counted did. */
  changes: string;
  createdAt: number;
}

const newId = () => randomUUID().replace(/-/g, '').slice(0, 16);

const summaryColumns = {
  id: designs.id,
  name: designs.name,
  componentCount: designs.componentCount,
  latestRevision: designs.latestRevision,
  createdAt: designs.createdAt,
  updatedAt: designs.updatedAt,
};

function findDesign(tx: Tx, id: string): DesignSummary & { storedBytes: number } {
  const row = tx
    .select({ ...summaryColumns, storedBytes: designs.storedBytes })
    .from(designs)
    .where(eq(designs.id, id))
    .get();
  if (!row) throw new NotFoundError(`design "${id}"`);
  return row;
}

function summaryOf(row: DesignSummary & { storedBytes?: number }): DesignSummary {
  const { storedBytes: _bytes, ...summary } = row;
  return summary;
}

/** Revision numbers that a live share link (not revoked, not expired) is pinned to. */
function pinnedRevisions(tx: Tx, id: string, now: number): Set<number> {
  const rows = tx
    .select({ revision: shareLinks.revision })
    .from(shareLinks)
    .where(
      and(
        eq(shareLinks.designId, id),
        isNotNull(shareLinks.revision),
        isNull(shareLinks.revokedAt),
        or(isNull(shareLinks.expiresAt), gt(shareLinks.expiresAt, now)),
      ),
    )
    .all();
  return new Set(rows.map((r) => r.revision).filter((n): n is number => n !== null));
}

/**
 * Keeps the design within its storage budget after revision `latest` was added (design-budget.ts):
 * prunes the oldest unpinned revisions, or throws BudgetError, which rolls the whole write back.
 */
function enforceBudget(tx: Tx, id: string, latest: number, storedBytes: number, now: number): void {
  const budget = designBudgetBytes();
  if (storedBytes <= budget) return;
  const pinned = pinnedRevisions(tx, id, now);
  const kept = tx
    .select({ number: revisions.number, bytes: revisions.bytes })
    .from(revisions)
    .where(and(eq(revisions.designId, id), lt(revisions.number, latest)))
    .orderBy(asc(revisions.number))
    .all();
  const plan = planPruning(kept, storedBytes, budget, latest, pinned);
  if (plan.storedBytes > budget) {
    throw new BudgetError(
      `Not saved: this design may keep ${formatMb(budget)} of revisions, and its latest revision with the ` +
        `${pinned.size} revision${pinned.size === 1 ? '' : 's'} that share links are pinned to already take ` +
        `${formatMb(plan.storedBytes)}. Revoke a pinned share link (Share) to make room; nothing was lost.`,
    );
  }
  if (plan.prune.length > 0)
    tx.delete(revisions)
      .where(and(eq(revisions.designId, id), inArray(revisions.number, plan.prune)))
      .run();
  tx.update(designs).set({ storedBytes: plan.storedBytes }).where(eq(designs.id, id)).run();
}

/** Appends revision latest+1 with its summary, updates the design row, keeps the budget. */
function appendRevision(tx: Tx, id: string, doc: PreparedDocument, note: string, now: number): WrittenRevision {
  const design = findDesign(tx, id);
  const before = tx
    .select({
      name: revisions.name,
      componentCount: revisions.componentCount,
      connectionCount: revisions.connectionCount,
    })
    .from(revisions)
    .where(and(eq(revisions.designId, id), eq(revisions.number, design.latestRevision)))
    .get();
  const number = design.latestRevision + 1;
  const { summary } = doc;
  tx.insert(revisions)
    .values({
      designId: id,
      number,
      document: doc.json,
      note,
      createdAt: now,
      ...summary,
      changes: describeChanges(before, summary),
    })
    .run();
  const storedBytes = design.storedBytes + summary.bytes;
  tx.update(designs)
    .set({
      name: summary.name,
      componentCount: summary.componentCount,
      latestRevision: number,
      updatedAt: now,
      storedBytes,
    })
    .where(eq(designs.id, id))
    .run();
  enforceBudget(tx, id, number, storedBytes, now);
  return {
    ...summaryOf(design),
    name: summary.name,
    componentCount: summary.componentCount,
    latestRevision: number,
    updatedAt: now,
    revision: number,
  };
}

/** Inserts a new design with its first revision; callers run it inside a transaction. */
export function insertDesign(
  tx: Tx,
  document: Design | PreparedDocument,
  note: string,
  now = Date.now(),
): DesignSummary {
  const doc = toPrepared(document);
  const { summary } = doc;
  const row: DesignSummary = {
    id: newId(),
    name: summary.name,
    componentCount: summary.componentCount,
    latestRevision: 1,
    createdAt: now,
    updatedAt: now,
  };
  tx.insert(designs)
    .values({ ...row, storedBytes: summary.bytes })
    .run();
  tx.insert(revisions)
    .values({ designId: row.id, number: 1, document: doc.json, note, createdAt: now, ...summary, changes: '' })
    .run();
  enforceBudget(tx, row.id, 1, summary.bytes, now);
  return row;
}

export function listDesigns(db: Db): DesignSummary[] {
  return db.select(summaryColumns).from(designs).orderBy(desc(designs.updatedAt), desc(designs.createdAt)).all();
}

/** A revision's document, read through the versioned loader. */
export function readDocument(tx: Tx, id: string, number: number): { document: Design; createdAt: number } {
  const row = tx
    .select({ document: revisions.document, createdAt: revisions.createdAt })
    .from(revisions)
    .where(and(eq(revisions.designId, id), eq(revisions.number, number)))
    .get();
  if (!row) throw new NotFoundError(`revision ${number} of design "${id}"`);
  const loaded = loadStoredDesign(row.document);
  if (!loaded.ok) throw new StoredDocumentError(`revision ${number} of design "${id}"`, loaded.problems);
  return { document: loaded.value, createdAt: row.createdAt };
}

export function getDesign(db: Tx, id: string, revision?: number): StoredDesign {
  const design = findDesign(db, id);
  const number = revision ?? design.latestRevision;
  const { document, createdAt } = readDocument(db, id, number);
  return { ...summaryOf(design), revision: number, revisionCreatedAt: createdAt, document };
}

export function createDesign(db: Db, document: Design | PreparedDocument, note = 'created'): DesignSummary {
  return db.transaction((tx) => insertDesign(tx, document, note), { behavior: 'immediate' });
}

/**
 * Appends a revision if `baseRevision` is still the latest; otherwise throws ConflictError. Returns
 * the revision this save wrote, read inside its transaction.
 */
export function saveDesign(
  db: Db,
  id: string,
  baseRevision: number,
  document: Design | PreparedDocument,
  now = Date.now(),
): WrittenRevision {
  const doc = toPrepared(document);
  return db.transaction(
    (tx) => {
      const design = findDesign(tx, id);
      if (design.latestRevision !== baseRevision) {
        throw new ConflictError(id, baseRevision, design.latestRevision, doc);
      }
      return appendRevision(tx, id, doc, 'saved', now);
    },
    { behavior: 'immediate' },
  );
}

/** Renames on top of the latest revision (a name change cannot conflict with an edit). */
export function renameDesign(db: Db, id: string, name: string, now = Date.now()): WrittenRevision {
  return db.transaction(
    (tx) => {
      const latest = getDesign(tx, id);
      return appendRevision(tx, id, toPrepared({ ...latest.document, name }), `renamed to “${name}”`, now);
    },
    { behavior: 'immediate' },
  );
}

export function duplicateDesign(db: Db, id: string, now = Date.now()): DesignSummary {
  return db.transaction(
    (tx) => {
      const source = getDesign(tx, id);
      const name = `Copy of ${source.document.name}`.slice(0, 120);
      return insertDesign(tx, { ...source.document, name }, `duplicated from “${source.document.name}”`, now);
    },
    { behavior: 'immediate' },
  );
}

export function deleteDesign(db: Db, id: string): void {
  db.transaction(
    (tx) => {
      findDesign(tx, id);
      tx.delete(designs).where(eq(designs.id, id)).run();
    },
    { behavior: 'immediate' },
  );
}

/** Every kept revision, newest first, from the summary columns: the same cost whatever the documents' size. */
export function listRevisions(db: Db, id: string): RevisionSummary[] {
  findDesign(db, id);
  return db
    .select({
      number: revisions.number,
      name: revisions.name,
      componentCount: revisions.componentCount,
      connectionCount: revisions.connectionCount,
      bytes: revisions.bytes,
      note: revisions.note,
      changes: revisions.changes,
      createdAt: revisions.createdAt,
    })
    .from(revisions)
    .where(eq(revisions.designId, id))
    .orderBy(desc(revisions.number))
    .all();
}

/** Makes an old revision the latest again by appending a copy of it; history is never rewritten. */
export function restoreRevision(db: Db, id: string, number: number, now = Date.now()): StoredDesign {
  return db.transaction(
    (tx) => {
      const old = readDocument(tx, id, number);
      const written = appendRevision(tx, id, toPrepared(old.document), `restored revision ${number}`, now);
      return { ...written, revisionCreatedAt: now, document: old.document };
    },
    { behavior: 'immediate' },
  );
}
