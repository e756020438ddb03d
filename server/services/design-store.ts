/**
 * Designs and their revisions, on SQLite or PostgreSQL (db/client.ts). Every write that appends a
 * revision first claims its number with one conditional update of the design row — `latest_revision
 * = base + 1 WHERE latest_revision = base` (compare-and-set) — and only then writes the revision, in
 * the same transaction. Of two saves on the same base, whichever updates first wins; the other's
 * update finds the row changed (PostgreSQL re-checks the condition on the committed row under READ
 * COMMITTED, SQLite's immediate transactions run one at a time), touches no row, and its save gets a
 * ConflictError carrying its own document back. What a write returns is what it wrote, from its own
 * statements: the revision it appended, never one another writer appended after it.
 *
 * Documents go in as PreparedDocuments (validated, serialised once, with their summary) and come out
 * through the versioned loader (core/model/load-design.ts), so stored revisions of an older version
 * are migrated like imports. Listing reads only the summary columns, never a document.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { loadStoredDesign, type Design } from '../../core/model';
import type { Db, Tx } from '../../db/client';
import { designBudgetBytes, formatMb, planPruning } from './design-budget';
import { BudgetError, ConflictError, NotFoundError, StoredDocumentError } from './errors';
import { PreparedDocument, toPrepared } from './prepared-document';
import { describeChanges } from './revision-changes';

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

const summaryColumns = ({ designs }: Tx['tables']) => ({
  id: designs.id,
  name: designs.name,
  componentCount: designs.componentCount,
  latestRevision: designs.latestRevision,
  createdAt: designs.createdAt,
  updatedAt: designs.updatedAt,
});

type DesignRow = DesignSummary & { storedBytes: number };

export async function findDesign(tx: Tx, id: string): Promise<DesignRow> {
  const { designs } = tx.tables;
  const [row] = await tx.orm
    .select({ ...summaryColumns(tx.tables), storedBytes: designs.storedBytes })
    .from(designs)
    .where(eq(designs.id, id))
    .limit(1);
  if (!row) throw new NotFoundError(`design "${id}"`);
  return row;
}

function summaryOf(row: DesignSummary & { storedBytes?: number }): DesignSummary {
  const { storedBytes: _bytes, ...summary } = row;
  return summary;
}

/** Revision numbers that a live share link (not revoked, not expired) is pinned to. */
async function pinnedRevisions(tx: Tx, id: string, now: number): Promise<Set<number>> {
  const { shareLinks } = tx.tables;
  const rows = await tx.orm
    .select({ revision: shareLinks.revision })
    .from(shareLinks)
    .where(
      and(
        eq(shareLinks.designId, id),
        isNotNull(shareLinks.revision),
        isNull(shareLinks.revokedAt),
        or(isNull(shareLinks.expiresAt), gt(shareLinks.expiresAt, now)),
      ),
    );
  return new Set(rows.map((r) => r.revision).filter((n): n is number => n !== null));
}

/**
 * Keeps the design within its storage budget after revision `latest` was added (design-budget.ts):
 * prunes the oldest unpinned revisions, or throws BudgetError, which rolls the whole write back.
 * Runs while this transaction holds the design row (its claim of `latest`), so no other write to
 * the design interleaves.
 */
async function enforceBudget(tx: Tx, id: string, latest: number, storedBytes: number, now: number): Promise<void> {
  const budget = designBudgetBytes();
  if (storedBytes <= budget) return;
  const { designs, revisions } = tx.tables;
  const pinned = await pinnedRevisions(tx, id, now);
  const kept = await tx.orm
    .select({ number: revisions.number, bytes: revisions.bytes })
    .from(revisions)
    .where(and(eq(revisions.designId, id), lt(revisions.number, latest)))
    .orderBy(asc(revisions.number));
  const plan = planPruning(kept, storedBytes, budget, latest, pinned);
  if (plan.storedBytes > budget) {
    throw new BudgetError(
      `Not saved: this design may keep ${formatMb(budget)} of revisions, and its latest revision with the ` +
        `${pinned.size} revision${pinned.size === 1 ? '' : 's'} that share links are pinned to already take ` +
        `${formatMb(plan.storedBytes)}. Revoke a pinned share link (Share) to make room; nothing was lost.`,
    );
  }
  if (plan.prune.length > 0)
    await tx.orm.delete(revisions).where(and(eq(revisions.designId, id), inArray(revisions.number, plan.prune)));
  await tx.orm.update(designs).set({ storedBytes: plan.storedBytes }).where(eq(designs.id, id));
}

/**
 * Claims the next revision number of design `id` by a conditional update: when `base` is given, only
 * if it is still the latest (a save), else on top of whatever is latest (rename, restore). Returns
 * the design row as this update left it, or null when `base` is stale. The update also holds the
 * row until the transaction ends, so the rest of the write sees no other writer.
 */
async function claimNextRevision(
  tx: Tx,
  id: string,
  base: number | undefined,
  doc: PreparedDocument,
  now: number,
): Promise<DesignRow | null> {
  const { designs } = tx.tables;
  const { summary } = doc;
  const [row] = await tx.orm
    .update(designs)
    .set({
      latestRevision: sql`${designs.latestRevision} + 1`,
      name: summary.name,
      componentCount: summary.componentCount,
      updatedAt: now,
      storedBytes: sql`${designs.storedBytes} + ${summary.bytes}`,
    })
    .where(base === undefined ? eq(designs.id, id) : and(eq(designs.id, id), eq(designs.latestRevision, base)))
    .returning({ ...summaryColumns(tx.tables), storedBytes: designs.storedBytes });
  return row ?? null;
}

/** Writes the revision a claim reserved, with its summary and what changed, and keeps the budget. */
async function writeClaimedRevision(
  tx: Tx,
  design: DesignRow,
  doc: PreparedDocument,
  note: string,
  now: number,
): Promise<WrittenRevision> {
  const { revisions } = tx.tables;
  const number = design.latestRevision;
  const [before] = await tx.orm
    .select({
      name: revisions.name,
      componentCount: revisions.componentCount,
      connectionCount: revisions.connectionCount,
    })
    .from(revisions)
    .where(and(eq(revisions.designId, design.id), eq(revisions.number, number - 1)))
    .limit(1);
  const { summary } = doc;
  await tx.orm.insert(revisions).values({
    designId: design.id,
    number,
    document: doc.json,
    note,
    createdAt: now,
    ...summary,
    changes: describeChanges(before, summary),
  });
  await enforceBudget(tx, design.id, number, design.storedBytes, now);
  return { ...summaryOf(design), revision: number };
}

/** Appends a revision on top of the latest one (rename, restore): these cannot conflict. */
async function appendRevision(tx: Tx, id: string, doc: PreparedDocument, note: string, now: number) {
  const design = await claimNextRevision(tx, id, undefined, doc, now);
  if (!design) throw new NotFoundError(`design "${id}"`);
  return writeClaimedRevision(tx, design, doc, note, now);
}

/** Inserts a new design with its first revision; callers run it inside a transaction. */
export async function insertDesign(
  tx: Tx,
  document: Design | PreparedDocument,
  note: string,
  now = Date.now(),
): Promise<DesignSummary> {
  const { designs, revisions } = tx.tables;
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
  await tx.orm.insert(designs).values({ ...row, storedBytes: summary.bytes });
  await tx.orm
    .insert(revisions)
    .values({ designId: row.id, number: 1, document: doc.json, note, createdAt: now, ...summary, changes: '' });
  await enforceBudget(tx, row.id, 1, summary.bytes, now);
  return row;
}

export async function listDesigns(db: Tx): Promise<DesignSummary[]> {
  const { designs } = db.tables;
  return db.orm
    .select(summaryColumns(db.tables))
    .from(designs)
    .orderBy(desc(designs.updatedAt), desc(designs.createdAt));
}

/** A revision's document, read through the versioned loader. */
export async function readDocument(
  tx: Tx,
  id: string,
  number: number,
): Promise<{ document: Design; createdAt: number }> {
  const { revisions } = tx.tables;
  const [row] = await tx.orm
    .select({ document: revisions.document, createdAt: revisions.createdAt })
    .from(revisions)
    .where(and(eq(revisions.designId, id), eq(revisions.number, number)))
    .limit(1);
  if (!row) throw new NotFoundError(`revision ${number} of design "${id}"`);
  const loaded = loadStoredDesign(row.document);
  if (!loaded.ok) throw new StoredDocumentError(`revision ${number} of design "${id}"`, loaded.problems);
  return { document: loaded.value, createdAt: row.createdAt };
}

export async function getDesign(db: Tx, id: string, revision?: number): Promise<StoredDesign> {
  const design = await findDesign(db, id);
  const number = revision ?? design.latestRevision;
  const { document, createdAt } = await readDocument(db, id, number);
  return { ...summaryOf(design), revision: number, revisionCreatedAt: createdAt, document };
}

export function createDesign(db: Db, document: Design | PreparedDocument, note = 'created'): Promise<DesignSummary> {
  return db.transaction((tx) => insertDesign(tx, document, note));
}

/**
 * Appends a revision if `baseRevision` is still the latest; otherwise throws ConflictError (or
 * NotFoundError). Returns the revision this save wrote.
 */
export function saveDesign(
  db: Db,
  id: string,
  baseRevision: number,
  document: Design | PreparedDocument,
  now = Date.now(),
): Promise<WrittenRevision> {
  const doc = toPrepared(document);
  return db.transaction(async (tx) => {
    const claimed = await claimNextRevision(tx, id, baseRevision, doc, now);
    if (!claimed) {
      const design = await findDesign(tx, id);
      throw new ConflictError(id, baseRevision, design.latestRevision, doc);
    }
    return writeClaimedRevision(tx, claimed, doc, 'saved', now);
  });
}

/** Renames on top of the latest revision (a name change cannot conflict with an edit). */
export function renameDesign(db: Db, id: string, name: string, now = Date.now()): Promise<WrittenRevision> {
  return db.transaction(async (tx) => {
    // Read, then claim on top of what was read: a save in between makes the claim miss, and we read again.
    for (;;) {
      const latest = await getDesign(tx, id);
      const doc = toPrepared({ ...latest.document, name });
      const claimed = await claimNextRevision(tx, id, latest.revision, doc, now);
      if (claimed) return writeClaimedRevision(tx, claimed, doc, `renamed to “${name}”`, now);
    }
  });
}

export function duplicateDesign(db: Db, id: string, now = Date.now()): Promise<DesignSummary> {
  return db.transaction(async (tx) => {
    const source = await getDesign(tx, id);
    const name = `Copy of ${source.document.name}`.slice(0, 120);
    return insertDesign(tx, { ...source.document, name }, `duplicated from “${source.document.name}”`, now);
  });
}

export async function deleteDesign(db: Db, id: string): Promise<void> {
  const { designs } = db.tables;
  const deleted = await db.orm.delete(designs).where(eq(designs.id, id)).returning({ id: designs.id });
  if (deleted.length === 0) throw new NotFoundError(`design "${id}"`);
}

/** Every kept revision, newest first, from the summary columns: the same cost whatever the documents' size. */
export async function listRevisions(db: Tx, id: string): Promise<RevisionSummary[]> {
  await findDesign(db, id);
  const { revisions } = db.tables;
  return db.orm
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
    .orderBy(desc(revisions.number));
}

/** Makes an old revision the latest again by appending a copy of it; history is never rewritten. */
export function restoreRevision(db: Db, id: string, number: number, now = Date.now()): Promise<StoredDesign> {
  return db.transaction(async (tx) => {
    const old = await readDocument(tx, id, number);
    const written = await appendRevision(tx, id, toPrepared(old.document), `restored revision ${number}`, now);
    return { ...written, revisionCreatedAt: now, document: old.document };
  });
}
