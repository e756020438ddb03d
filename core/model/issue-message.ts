/**
 * One zod issue of a document in plain words, in the style of the schemas' own messages: what the
 * value must be, then what it is ("must be one of "sync" or "async", not "fire""; "must be at most
 * 2160, got 3000"). Zod's own wording ("Invalid option: expected one of "sync"|"async"") never
 * reaches a person. A message the schema's author wrote is kept as written. The value is quoted when
 * the issue carries it (`validateWith` parses with `reportInput`); without it (an issue of a tRPC
 * input) the message says only what is expected.
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** Zod's own messages start so; anything else was written by the schema's author and is kept. */
const ZOD_WORDING = /^(Invalid|Too big|Too small|Expected)\b/;

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'an array',
  null: 'null',
};

const expectedWords = (expected: string): string => EXPECTED[expected] ?? `a ${expected}`;

const MAX_QUOTED = 40;

/** A value as it would be written in JSON, short: strings quoted (and cut), objects and arrays named. */
export function valueWords(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value);
    return quoted.length > MAX_QUOTED ? `${quoted.slice(0, MAX_QUOTED - 2)}…"` : quoted;
  }
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
    ? String(value)
    : typeof value;
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`: the allowed values as they are written in JSON. */
function choices(values: readonly unknown[]): string {
  const words = values.map((v) => JSON.stringify(v) ?? String(v));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
}

/** A string that differs from an allowed value only in case or separators ("Periodic", "elastic_vm"). */
function nearChoice(values: readonly unknown[], input: unknown): unknown {
  if (typeof input !== 'string') return undefined;
  const norm = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-');
  return values.find((v) => typeof v === 'string' && norm(v) === norm(input));
}

/** "must be "x"" / "must be one of …", then what was written, when the issue carries it. */
function mustBeOneOf(values: readonly unknown[], issue: Issue): string {
  const allowed = values.length === 1 ? `must be ${choices(values)}` : `must be one of ${choices(values)}`;
  if (!('input' in issue)) return allowed;
  if (issue.input === undefined) return `required, ${allowed}`;
  const near = nearChoice(values, issue.input);
  const unquoted =
    typeof issue.input === 'string' && values.some((v) => typeof v !== 'string' && String(v) === issue.input);
  const hint = unquoted
    ? ' (a string: write it without quotes)'
    : near === undefined
      ? ''
      : ` (did you mean ${JSON.stringify(near)}?)`;
  return `${allowed}, not ${valueWords(issue.input)}${hint}`;
}

/** Zod says "received string" in its message even when it does not carry the value. */
const receivedIn = (message: string): string | undefined => /received (\w+)$/.exec(message)?.[1];

function wrongType(issue: z.core.$ZodIssueInvalidType): string {
  const expected = expectedWords(issue.expected);
  const hasInput = 'input' in issue;
  if ((hasInput && issue.input === undefined) || (!hasInput && receivedIn(issue.message) === 'undefined'))
    return `required (${expected})`;
  if (!hasInput) {
    const received = receivedIn(issue.message);
    return received === undefined ? `must be ${expected}` : `must be ${expected}, not ${expectedWords(received)}`;
  }
  const input = issue.input;
  if (typeof input === 'number' && !Number.isFinite(input))
    return `must be a finite number; this one is too large to be represented`;
  const numeric = (issue.expected === 'number' || issue.expected === 'int') && typeof input === 'string';
  const hint =
    numeric && input.trim() !== '' && Number.isFinite(Number(input))
      ? ' (a string: write the number without quotes)'
      : issue.expected === 'boolean' && (input === 'true' || input === 'false')
        ? ' (a string: write it without quotes)'
        : '';
  return `must be ${expected}, not ${valueWords(input)}${hint}`;
}

const plural = (n: number | bigint, one: string) => `${String(n)} ${one}${Number(n) === 1 ? '' : 's'}`;

/** What a collection or a string holds, for a size bound: "2001 items", "200 characters". */
function sizeOf(input: unknown): number | undefined {
  if (typeof input === 'string' || Array.isArray(input)) return input.length;
  return undefined;
}

function outOfBounds(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall): string {
  const big = issue.code === 'too_big';
  const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
  const input = 'input' in issue ? issue.input : undefined;
  if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') {
    const unit = issue.origin === 'string' ? 'character' : 'item';
    const size = sizeOf(input);
    const got = size === undefined ? '' : `, got ${size}`;
    if (!big && Number(bound) <= 1)
      return issue.origin === 'string' ? 'must not be empty' : `must have at least 1 ${unit}`;
    return `must have ${big ? 'at most' : 'at least'} ${plural(bound, unit)}${got}`;
  }
  const relation = issue.inclusive === false ? (big ? 'less than' : 'greater than') : big ? 'at most' : 'at least';
  return `must be ${relation} ${String(bound)}${typeof input === 'number' ? `, got ${input}` : ''}`;
}

/** The allowed values of a union of literals (`stepMinutes`: 1, 5, 15 or 60), or null for another union. */
function unionValues(issue: Issue & { code: 'invalid_union' }): unknown[] | null {
  const values: unknown[] = [];
  for (const branch of issue.errors) {
    const [only] = branch;
    if (branch.length !== 1 || only?.code !== 'invalid_value') return null;
    values.push(...only.values);
  }
  return values.length > 0 ? values : null;
}

export function issueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return ZOD_WORDING.test(issue.message) ? wrongType(issue) : issue.message;
    case 'invalid_value':
      return ZOD_WORDING.test(issue.message) ? mustBeOneOf(issue.values, issue) : issue.message;
    case 'invalid_union': {
      const values = unionValues(issue);
      if (values) return mustBeOneOf(values, issue);
      return ZOD_WORDING.test(issue.message) ? 'matches none of the forms this field takes' : issue.message;
    }
    case 'too_big':
    case 'too_small':
      return ZOD_WORDING.test(issue.message) ? outOfBounds(issue) : issue.message;
    case 'not_multiple_of':
      return ZOD_WORDING.test(issue.message)
        ? `must be a multiple of ${issue.divisor}${typeof issue.input === 'number' ? `, got ${issue.input}` : ''}`
        : issue.message;
    case 'invalid_format':
      if (!ZOD_WORDING.test(issue.message)) return issue.message;
      return issue.pattern ? `must match the pattern ${issue.pattern}` : `must be a valid ${issue.format}`;
    case 'invalid_key': {
      // A record's key (a layout position's component id): the key's own problem, said of the key.
      const [inner] = issue.issues;
      const words = inner ? issueMessage(inner) : '';
      return words.startsWith('must') ? `the key ${words}` : `not a valid key${words ? `: ${words}` : ''}`;
    }
    case 'invalid_element': {
      const [inner] = issue.issues;
      return inner ? issueMessage(inner) : issue.message;
    }
    case 'unrecognized_keys':
      return 'unknown field';
    default:
      return issue.message;
  }
}
