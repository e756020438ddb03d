/**
 * Loading design and plan documents of any version this code knows: migrations first
 * (migrate-document.ts), then the current schema. Every import path goes through here: the designs
 * list (in the browser, to show problems at once) and the server's create-from-import (which then
 * validates strictly again). Today only version 1 exists, so the tables are empty; a version 2 adds
 * its `{ from: 1, to: 2, migrate }` step here and bumps the schema's literal.
 */
import { z } from 'zod';
import { designSchema, type Design } from './design';
import { migrateDocument, type DocumentKind, type JsonObject, type Migrated, type Migration } from './migrate-document';
import { repairFreeText, repairName } from './names';
import { planSchema, type Plan } from './plan';
import { parseJson } from './problems';
import { validateDesign, validateWith, type Validated } from './validate';

export const DESIGN_FORMAT = 'tidemark.design';
export const DESIGN_VERSION = 1;
/** Steps from every earlier design version to the current one, in order. */
export const DESIGN_MIGRATIONS: readonly Migration[] = [];

export const PLAN_FORMAT = 'tidemark.plan';
export const PLAN_VERSION = 1;
export const PLAN_MIGRATIONS: readonly Migration[] = [];

const designKind = (migrations: readonly Migration[]): DocumentKind => ({
  format: DESIGN_FORMAT,
  currentVersion: DESIGN_VERSION,
  migrations,
  otherFormats: [PLAN_FORMAT],
});

/**
 * The schema's result for a migrated document. An envelope that is only written wrong (`"version":
 * "1"`, a misspelt format) does not hide the rest: the document is checked as the current version
 * too, and every problem is reported at once.
 */
function validateMigrated<T>(validate: (document: unknown) => Validated<T>, migrated: Migrated): Validated<T> {
  if (migrated.ok) return validate(migrated.value);
  if (!migrated.current) return { ok: false, problems: migrated.problems };
  const rest = validate(migrated.current);
  return { ok: false, problems: [...migrated.problems, ...(rest.ok ? [] : rest.problems)] };
}

/** The design brought to the current version but not yet validated (what the server is sent). */
export function migrateDesign(input: unknown, migrations: readonly Migration[] = DESIGN_MIGRATIONS): Migrated {
  return migrateDocument(input, designKind(migrations));
}

/** A design of any known version, migrated and validated (defaults filled in). */
export function loadDesign(input: unknown, migrations: readonly Migration[] = DESIGN_MIGRATIONS): Validated<Design> {
  return validateMigrated(validateDesign, migrateDesign(input, migrations));
}

/**
 * A design file's text as the designs list imports it: parsed (a syntax error at its line and
 * column), loaded (every problem at once), and migrated: the document the server is sent, which
 * loads it again.
 */
export function readDesignFile(text: string): Validated<JsonObject> {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const loaded = loadDesign(parsed.value);
  return loaded.ok ? migrateDesign(parsed.value) : loaded;
}

/**
 * A design read back from storage (a revision's JSON). Stored documents go through the same loader as
 * imports, so a future version 2 migrates stored revisions too. A document was valid when it was
 * written, but rules tighten: when only the schema refuses it, names are repaired (`repairName`)
 * and it is validated again, so that no saved design becomes unreadable by a later rule.
 */
export function loadStoredDesign(
  json: string,
  migrations: readonly Migration[] = DESIGN_MIGRATIONS,
): Validated<Design> {
  const parsed = parseJson(json);
  if (!parsed.ok) return parsed;
  const migrated = migrateDesign(parsed.value, migrations);
  if (!migrated.ok) return migrated;
  const loaded = validateDesign(migrated.value);
  return loaded.ok ? loaded : validateDesign(repairNames(migrated.value));
}

function repairNames(document: JsonObject): JsonObject {
  const repaired: JsonObject = { ...document };
  if (typeof document.name === 'string') repaired.name = repairName(document.name, 'Untitled design');
  if (typeof document.description === 'string') repaired.description = repairFreeText(document.description);
  if (Array.isArray(document.components))
    repaired.components = document.components.map((c: unknown) => {
      if (typeof c !== 'object' || c === null) return c;
      const { name, id } = c as JsonObject;
      return typeof name === 'string' ? { ...c, name: repairName(name, typeof id === 'string' ? id : 'component') } : c;
    });
  return repaired;
}

/**
 * The server's import input: migrations in a `z.preprocess` in front of the strict design schema. An
 * unsound envelope (future or unknown version, not an object) is reported with its path and the
 * schema is not run; otherwise the schema validates the migrated document as strictly as ever.
 */
export const importedDesignSchema = z.preprocess((input, ctx) => {
  const migrated = migrateDesign(input);
  if (migrated.ok) return migrated.value;
  for (const p of migrated.problems) ctx.addIssue({ code: 'custom', message: p.message, path: p.path ? [p.path] : [] });
  return z.NEVER;
}, designSchema);

/** A plan of any known version, migrated and validated. */
export function loadPlan(input: unknown, migrations: readonly Migration[] = PLAN_MIGRATIONS): Validated<Plan> {
  const kind = { format: PLAN_FORMAT, currentVersion: PLAN_VERSION, migrations, otherFormats: [DESIGN_FORMAT] };
  return validateMigrated((plan) => validateWith(planSchema, plan), migrateDocument(input, kind));
}
