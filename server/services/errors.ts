/**
 * Errors the domain functions throw; server/trpc.ts maps them to tRPC codes and puts their details
 * in the error's data, so that callers (the editor, the tests) can act on them.
 */
import type { Problem } from '../../core/model';

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = 'NotFoundError';
  }
}

/** A save based on a revision that is no longer the latest: nothing was written. */
export class ConflictError extends Error {
  constructor(
    readonly designId: string,
    readonly baseRevision: number,
    readonly latestRevision: number,
    /** The refused document, handed back so that nothing the user typed is lost (parsed only then). */
    private readonly mine: { readonly document: unknown },
  ) {
    super(
      `This design was saved elsewhere: your changes are based on revision ${baseRevision}, ` +
        `but the latest is revision ${latestRevision}. Nothing was overwritten.`,
    );
    this.name = 'ConflictError';
  }

  get yourDocument(): unknown {
    return this.mine.document;
  }
}

/** Input that parsed as JSON but is not a valid document: one problem per path. */
export class ProblemsError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(
      problems
        .map((p) => `${p.path || '(document)'}: ${p.message}`)
        .slice(0, 5)
        .join('; '),
    );
    this.name = 'ProblemsError';
  }
}

/** A save that would take a design over its storage budget even after pruning: nothing was written. */
export class BudgetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BudgetError';
  }
}

/** A stored revision that the versioned loader cannot read (a damaged database, not user input). */
export class StoredDocumentError extends Error {
  constructor(what: string, problems: readonly { path: string; message: string }[]) {
    super(
      `${what} cannot be read: ${problems
        .slice(0, 3)
        .map((p) => `${p.path || '(document)'}: ${p.message}`)
        .join('; ')}`,
    );
    this.name = 'StoredDocumentError';
  }
}
