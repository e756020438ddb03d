/**
 * Turning unknown input into a validated document, with every problem as `path: message` where the
 * path is a JSON path (`connections[3].to`). Shared by the server, the command line and the editor.
 * The problems' own shape, their formatting and JSON parsing are in problems.ts (no zod); re-exported here.
 */
import type { z } from 'zod';
import { designSchema, designWideIssues, type Design } from './design';
import { issueMessage } from './issue-message';
import { formatPath, type Problem, type Validated } from './problems';
import { meantField } from './schema-keys';

export { formatPath, formatProblems, parseJson } from './problems';
export type { Problem, Validated } from './problems';

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
