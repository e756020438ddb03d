/**
 * A document's problems as the app shows them (`path: message`, with a JSON path), and JSON text
 * parsed into a value or a problem. Without zod (validate.ts has the schemas' side), so that the
 * editor reports problems and reads files without loading the schemas before its first draw.
 */
import { nestingProblem } from './json-depth';
import { findJsonSyntaxError } from './json-syntax';

export interface Problem {
  /** JSON path of the offending value, `""` for the document itself; where in the text, for a fault of the text. */
  path: string;
  message: string;
  /** For a fault of the text itself (a JSON syntax error): its line and column, both from 1. */
  line?: number;
  column?: number;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** `['connections', 3, 'to']` → `connections[3].to`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      out += /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? (out ? `.${name}` : name) : `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}

/**
 * `path: message`, one line per problem (the command line's error format). Given the file it was read
 * from, a fault of the text is placed as compilers place theirs, `design.json:12:5: message`.
 */
export function formatProblems(problems: readonly Problem[], file?: string): string {
  return problems
    .map((p) =>
      file !== undefined && p.line !== undefined
        ? `${file}:${p.line}:${p.column ?? 1}: ${p.message}`
        : `${p.path || '(document)'}: ${p.message}`,
    )
    .join('\n');
}

/**
 * Parses JSON text, reporting a syntax error as a problem rather than throwing: at its line and
 * column, in plain words (json-syntax.ts).
 * Text nested deeper than any document is refused before parsing (json-depth.ts); a leading byte
 * order mark is skipped.
 */
export function parseJson(input: string): Validated<unknown> {
  // A UTF-8 byte order mark, as some Windows editors write: not part of the JSON.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const tooDeep = nestingProblem(text);
  if (tooDeep) return { ok: false, problems: [{ path: '', message: tooDeep }] };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    // The parser's own message has no line or column (and differs between browsers): find the fault.
    const fault = findJsonSyntaxError(text);
    if (!fault) return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] };
    const { line, column, message } = fault;
    return {
      ok: false,
      problems: [{ path: `line ${line}, column ${column}`, message: `not valid JSON: ${message}`, line, column }],
    };
  }
}
