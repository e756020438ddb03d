/**
 * Turning unknown input into a validated document, with every problem as `path: message` where the
 * path is a JSON path (`connections[3].to`). Shared by the server, the command line and the editor.
 */
import type { z } from 'zod';
import { designSchema, designWideIssues, type Design } from './design';
import { issueMessage } from './issue-message';
import { nestingProblem } from './json-depth';
import { meantField } from './schema-keys';
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

/** Zod's own checks of one value, which a refinement of the same value says better. */
const GENERIC_CHECKS = new Set(['too_big', 'too_small', 'invalid_format']);

/**
 * Every issue of a zod error as a problem in plain words (issue-message.ts), one per unknown key
 * (with the field it was likely meant to be, when `schema` is given: schema-keys.ts),
 * each said once. Where a refinement speaks of a value ("the peak starts at hour 3000, after the
 * 2-day horizon ends"), zod's generic bound or pattern of the same value ("must be at most 2160")
 * is the same fault said twice, and is left out.
 */
export function problemsOf(error: { issues: readonly z.core.$ZodIssue[] }, schema?: z.ZodType): Problem[] {
  const refined = new Set(error.issues.filter((i) => i.code === 'custom').map((i) => formatPath(i.path)));
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const add = (path: string, message: string) => {
    const key = `${path}\n${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ path, message });
  };
  for (const issue of error.issues) {
    const path = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      // Given the schema, a field that differs from a known one by a typo or its case names it.
      for (const key of issue.keys) {
        const meant = schema && meantField(schema, issue.path, key);
        add(formatPath([...issue.path, key]), meant ? `unknown field (did you mean "${meant}"?)` : 'unknown field');
      }
    } else if (!(GENERIC_CHECKS.has(issue.code) && refined.has(path))) {
      add(path, issueMessage(issue));
    }
  }
  return problems;
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

export function validateWith<S extends z.ZodType>(schema: S, input: unknown): Validated<z.output<S>> {
  // With the input in each issue, a message can say what was written ("not \"weekly\"").
  const result = schema.safeParse(input, { reportInput: true });
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsOf(result.error, schema) };
}

export function validateDesign(input: unknown): Validated<Design> {
  const result = designSchema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  // When zod skipped the design-wide checks (design.ts, designWideIssues), their problems are added.
  const issues = [...result.error.issues];
  const said = new Set(issues.map((i) => `${formatPath(i.path)}\n${i.message}`));
  for (const issue of designWideIssues(input))
    if (!said.has(`${formatPath(issue.path)}\n${issue.message}`)) issues.push(issue);
  return { ok: false, problems: problemsOf({ issues }, designSchema) };
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
