/**
 * The versioning rule in code: a document of an earlier version is brought to the current one by a
 * table of explicit steps, `{ from: n, to: n + 1, migrate }`, run in order (excalidraw's `restore`,
 * tldraw's per-record migrations). A version newer than this code, or one no chain of steps starts
 * from, is refused with a message naming it. Only the envelope is checked here; the schema of the
 * current version validates the result.
 */
import type { Problem, Validated } from './validate';

export type JsonObject = Record<string, unknown>;

export interface Migration {
  from: number;
  to: number;
  /** What changed between the two versions, for the reader of the table. */
  note: string;
  /** Returns the document of version `to`; must not modify its input. `version` is set by the runner. */
  migrate: (document: JsonObject) => JsonObject;
}

export interface DocumentKind {
  format: string;
  currentVersion: number;
  migrations: readonly Migration[];
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks that the table is a chain of single steps ending at the current version (a bug otherwise). */
export function checkMigrations(kind: DocumentKind): void {
  for (const m of kind.migrations) {
    if (m.to !== m.from + 1 || m.to > kind.currentVersion) {
      throw new Error(
        `${kind.format}: migration ${m.from} → ${m.to} is not one step towards version ${kind.currentVersion}`,
      );
    }
  }
}

/**
 * Brings `input` to `kind.currentVersion`. Returns the migrated (still unvalidated) document, or the
 * problems of its envelope: not an object, another format, a version that is not a whole number,
 * newer than this code, or with no migration from it.
 */
export function migrateDocument(input: unknown, kind: DocumentKind): Validated<JsonObject> {
  checkMigrations(kind);
  const refuse = (path: string, message: string): Validated<JsonObject> => ({
    ok: false,
    problems: [{ path, message }] as Problem[],
  });
  if (!isObject(input)) {
    const what = Array.isArray(input) ? 'an array' : input === null ? 'null' : `a ${typeof input}`;
    return refuse('', `must be a JSON object (a ${kind.format} document), not ${what}`);
  }
  if ('format' in input && input.format !== kind.format) {
    return refuse('format', `must be "${kind.format}", not ${JSON.stringify(input.format) ?? typeof input.format}`);
  }
  const version = input.version;
  if (version === undefined)
    return refuse('version', `is missing (the current ${kind.format} version is ${kind.currentVersion})`);
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return refuse('version', `must be a whole number, not ${JSON.stringify(version) ?? typeof version}`);
  }
  if (version > kind.currentVersion) {
    return refuse(
      'version',
      `version ${version} is newer than this Tidemark reads (it reads ${kind.format} up to version ${kind.currentVersion}); update Tidemark to open it`,
    );
  }
  let document: JsonObject = input;
  for (let v = version; v < kind.currentVersion; v++) {
    const step = kind.migrations.find((m) => m.from === v);
    if (!step) {
      const known = [...new Set([...kind.migrations.map((m) => m.from), kind.currentVersion])].sort((a, b) => a - b);
      return refuse(
        'version',
        `unknown ${kind.format} version ${version}: there is no migration from version ${v} (known versions: ${known.join(', ')})`,
      );
    }
    document = { ...step.migrate(document), version: step.to };
  }
  return { ok: true, value: document };
}
