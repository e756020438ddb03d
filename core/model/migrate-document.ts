/**
 * The versioning rule in code: a document of an earlier version is brought to the current one by a
 * table of explicit steps, `{ from: n, to: n + 1, migrate }`, run in order (excalidraw's `restore`,
 * tldraw's per-record migrations). A version newer than this code, or one no chain of steps starts
 * from, is refused with a message naming it. Only the envelope is checked here; the schema of the
 * current version validates the result.
 */
import { valueWords } from './issue-message';
import type { Problem } from './validate';

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
  /** Formats of the other Tidemark documents: a document of one of them is not read any further. */
  otherFormats?: readonly string[];
}

/**
 * The document at the current version, or the problems of its envelope. When the envelope is only
 * written wrong (a format that is no Tidemark document's, a version left out or not a whole number),
 * `current` is the document with its envelope put right, so that the schema can report the rest of
 * its problems beside these; a version newer than this code, or one no migration starts from, says
 * nothing of what the schema would find, and has no `current`.
 */
export type Migrated = { ok: true; value: JsonObject } | { ok: false; problems: Problem[]; current?: JsonObject };

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
export function migrateDocument(input: unknown, kind: DocumentKind): Migrated {
  checkMigrations(kind);
  const refuse = (path: string, message: string): Migrated => ({ ok: false, problems: [{ path, message }] });
  if (!isObject(input)) {
    const what = Array.isArray(input) ? 'an array' : input === null ? 'null' : `a ${typeof input}`;
    return refuse('', `must be a JSON object (a ${kind.format} document), not ${what}`);
  }
  const problems: Problem[] = [];
  if ('format' in input && input.format !== kind.format) {
    const message = `must be "${kind.format}", not ${valueWords(input.format)}`;
    // A plan given where a design is read is not a design with a misspelt format: stop there.
    if (kind.otherFormats?.includes(input.format as string)) return refuse('format', message);
    problems.push({ path: 'format', message });
  }
  const version = input.version;
  let document: JsonObject = input;
  if (version === undefined) {
    problems.push({
      path: 'version',
      message: `required (a whole number; the current ${kind.format} version is ${kind.currentVersion})`,
    });
  } else if (typeof version !== 'number' || !Number.isInteger(version)) {
    const quoted = typeof version === 'string' && Number.isInteger(Number(version)) && version.trim() !== '';
    problems.push({
      path: 'version',
      message: `must be a whole number, not ${valueWords(version)}${quoted ? ' (a string: write it without quotes)' : ''}`,
    });
  } else if (version > kind.currentVersion) {
    return refuse(
      'version',
      `version ${version} is newer than this Tidemark reads (it reads ${kind.format} up to version ${kind.currentVersion}); update Tidemark to open it`,
    );
  } else {
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
  }
  if (problems.length === 0) return { ok: true, value: document };
  // A format left out is not put right here: the schema reports it beside the rest.
  const format = 'format' in input ? { format: kind.format } : {};
  return { ok: false, problems, current: { ...document, ...format, version: kind.currentVersion } };
}
