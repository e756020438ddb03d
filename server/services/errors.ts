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
    /** The refused document, handed back so that nothing the user typed is lost. */
    readonly yourDocument: unknown,
  ) {
    super(
      `This design was saved elsewhere: your changes are based on revision ${baseRevision}, ` +
        `but the latest is revision ${latestRevision}. Nothing was overwritten.`,
    );
    this.name = 'ConflictError';
  }
}

/** Input that parsed as JSON but is not a valid document: one problem per path. */
export class ProblemsError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      problems
        .map((p) => `${p.path || '(document)'}: ${p.message}`)
        .slice(0, 5)
        .join('; '),
    );
    this.name = 'ProblemsError';
  }
}
