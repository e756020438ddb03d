/**
 * The fields a schema's object takes at a JSON path, so that an unknown field can be matched to the
 * one that was meant ("peakRPS" → "peakRps"). Walks zod's definitions through the wrappers the
 * document schemas use (optional, default, prefault, nullable, pipe and preprocess, array, record).
 */
import type { z } from 'zod';

interface Def {
  type: string;
  innerType?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema itself, past the wrappers that do not change its shape. */
function unwrap(schema: z.ZodType): z.ZodType {
  for (let s = schema, depth = 0; depth < 16; depth++) {
    const def = defOf(s);
    const next = def.innerType ?? (def.type === 'pipe' ? def.out : undefined);
    if (!next) return s;
    s = next;
  }
  return schema;
}

/** The keys of the object at `path` in `schema`, or null where there is no object of known fields. */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | null {
  let at = unwrap(schema);
  for (const key of path) {
    const def = defOf(at);
    const next =
      def.type === 'object'
        ? def.shape?.[String(key)]
        : def.type === 'array'
          ? def.element
          : def.type === 'record'
            ? def.valueType
            : undefined;
    if (!next) return null;
    at = unwrap(next);
  }
  const def = defOf(at);
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : null;
}

/** Edits (insert, delete, replace, swap of neighbours) from `a` to `b`, case ignored. */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= s.length; i++)
    for (let j = 1; j <= t.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (s[i - 1] === t[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  return (d[s.length] as number[])[t.length] as number;
}

/** The known field `key` was most likely meant to be: same but for case, or one or two edits away. */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  // A short name differs from another short one by a letter too easily ("z" is not "x"): case only.
  const allowed = key.length <= 2 ? 0 : key.length <= 4 ? 1 : 2;
  let best: { key: string; edits: number } | undefined;
  for (const k of known) {
    const edits = distance(key, k);
    if (edits <= allowed && (best === undefined || edits < best.edits)) best = { key: k, edits };
  }
  return best?.key;
}

/**
 * The field `key` was likely meant to be, at `path` or inside one of its objects ("peakRPS" on a
 * component → "workload.peakRps"), as a path relative to `path`; undefined when nothing is near.
 */
export function meantField(schema: z.ZodType, path: readonly PropertyKey[], key: string): string | undefined {
  const known = keysAt(schema, path);
  if (!known) return undefined;
  const here = nearestKey(key, known);
  if (here) return here;
  for (const field of known) {
    const inner = keysAt(schema, [...path, field]);
    const there = inner && nearestKey(key, inner);
    if (there) return `${field}.${there}`;
  }
  return undefined;
}
