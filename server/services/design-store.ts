/**
 * Designs and their revisions. Every write is one immediate transaction, so two saves on the same
 * base revision are serialised: the first appends revision n+1, the second finds the base stale and
 * gets a ConflictError carrying its own document back.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Design } from '../../core/model';
import type { Db } from '../../db/client';
import { designs, revisions } from '../../db/schema';
import { ConflictError, NotFoundError } from './errors';

type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DesignSummary {
  id: string;
  name: string;
  componentCount: number;
  latestRevision: number;
  createdAt: number;
  updatedAt: number;
}

export interface StoredDesign extends DesignSummary {
  revision: number;
  revisionCreatedAt: number;
  document: Design;
}

export interface RevisionSummary {
  number: number;
  name: string;
  componentCount: number;
  note: string;
  createdAt: number;
}

const newId = () => randomUUID().replace(/-/g, '').slice(0, 16);

function findDesign(tx: Tx, id: string): DesignSummary {
  const row = tx.select().from(designs).where(eq(designs.id, id)).get();
  if (!row) throw new NotFoundError(`design "${id}"`);
  return row;
}

function appendRevision(tx: Tx, id: string, number: number, document: Design, note: string, now: number): void {
  tx.insert(revisions)
    .values({ designId: id, number, document: JSON.stringify(document), note, createdAt: now })
    .run();
  tx.update(designs)
    .set({ name: document.name, componentCount: document.components.length, latestRevision: number, updatedAt: now })
    .where(eq(designs.id, id))
    .run();
}

/** Inserts a new design with its first revision; callers run it inside a transaction. */
export function insertDesign(tx: Tx, document: Design, note: string, now = Date.now()): DesignSummary {
  const row: DesignSummary = {
    id: newId(),
    name: document.name,
    componentCount: document.components.length,
    latestRevision: 1,
    createdAt: now,
    updatedAt: now,
  };
  tx.insert(designs).values(row).run();
  tx.insert(revisions)
    .values({ designId: row.id, number: 1, document: JSON.stringify(document), note, createdAt: now })
    .run();
  return row;
}

export function listDesigns(db: Db): DesignSummary[] {
  return db.select().from(designs).orderBy(desc(designs.updatedAt), desc(designs.createdAt)).all();
}

export function getDesign(db: Tx, id: string, revision?: number): StoredDesign {
  const design = findDesign(db, id);
  const number = revision ?? design.latestRevision;
  const row = db
    .select()
    .from(revisions)
    .where(and(eq(revisions.designId, id), eq(revisions.number, number)))
    .get();
  if (!row) throw new NotFoundError(`revision ${number} of design "${id}"`);
  return {
    ...design,
    revision: row.number,
    revisionCreatedAt: row.createdAt,
    document: JSON.parse(row.document) as Design,
  };
}

export function createDesign(db: Db, document: Design, note = 'created'): DesignSummary {
  return db.transaction((tx) => insertDesign(tx, document, note), { behavior: 'immediate' });
}

/** Appends a revision if `baseRevision` is still the latest; otherwise throws ConflictError. */
export function saveDesign(db: Db, id: string, baseRevision: number, document: Design, now = Date.now()): StoredDesign {
  db.transaction(
    (tx) => {
      const design = findDesign(tx, id);
      if (design.latestRevision !== baseRevision) {
        throw new ConflictError(id, baseRevision, design.latestRevision, document);
      }
      appendRevision(tx, id, baseRevision + 1, document, 'saved', now);
    },
    { behavior: 'immediate' },
  );
  return getDesign(db, id);
}

/** Renames on top of the latest revision (a name change cannot conflict with an edit). */
export function renameDesign(db: Db, id: string, name: string, now = Date.now()): DesignSummary {
  db.transaction(
    (tx) => {
      const latest = getDesign(tx, id);
      appendRevision(tx, id, latest.latestRevision + 1, { ...latest.document, name }, `renamed to “${name}”`, now);
    },
    { behavior: 'immediate' },
  );
  return findDesign(db, id);
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

export function listRevisions(db: Db, id: string): RevisionSummary[] {
  findDesign(db, id);
  return db
    .select({
      number: revisions.number,
      document: revisions.document,
      note: revisions.note,
      createdAt: revisions.createdAt,
    })
    .from(revisions)
    .where(eq(revisions.designId, id))
    .orderBy(desc(revisions.number))
    .all()
    .map((r) => {
      const doc = JSON.parse(r.document) as Design;
      return {
        number: r.number,
        name: doc.name,
        componentCount: doc.components.length,
        note: r.note,
        createdAt: r.createdAt,
      };
    });
}

/** Makes an old revision the latest again by appending a copy of it; history is never rewritten. */
export function restoreRevision(db: Db, id: string, number: number, now = Date.now()): StoredDesign {
  db.transaction(
    (tx) => {
      const old = getDesign(tx, id, number);
      appendRevision(tx, id, old.latestRevision + 1, old.document, `restored revision ${number}`, now);
    },
    { behavior: 'immediate' },
  );
  return getDesign(db, id);
}
