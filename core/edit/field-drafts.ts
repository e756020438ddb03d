/**
 * Shared pieces of the inspector's draft forms: every field is edited as text, turned into a
 * candidate document, and checked by the design's own Zod schemas. The schema's issues are mapped
 * to the field a person typed in, in plain words ("must be at least 0"), so an invalid value is
 * shown where it was typed and never reaches the design.
 */
import type { z } from 'zod';
import { WORKLOAD_FIELD_LABELS } from '../model/labels';
import { parseNumberText } from './number-text';

export type Drafts<F extends string> = Record<F, string>;
export type FieldErrors<F extends string> = Partial<Record<F | 'form', string>>;

export type DraftCheck<T, F extends string> =
  { ok: true; value: T; errors: FieldErrors<F> } | { ok: false; errors: FieldErrors<F> };

const formatNumber = (n: unknown) =>
  typeof n === 'number' || typeof n === 'bigint'
    ? new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }).format(n)
    : String(n);

/** One Zod issue in the words of a form: bounds as "at least"/"at most", custom messages kept. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `must be at least ${formatNumber(issue.minimum)} characters`;
      return `must be ${issue.inclusive === false ? 'greater than' : 'at least'} ${formatNumber(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${formatNumber(issue.maximum)} characters`;
      return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${formatNumber(issue.maximum)}`;
    case 'invalid_type':
      // Zod leaves `input` out of issues unless asked; its message says what was received.
      if (/received undefined$/.test(issue.message)) return 'required';
      if (issue.expected === 'int') return 'must be a whole number';
      return `must be a ${issue.expected}`;
    case 'invalid_value':
      return 'choose one of the options';
    case 'unrecognized_keys':
      return `unknown field ${issue.keys.join(', ')}`;
    default:
      // Custom refinements end with ", got <value>" (the field shows its value), and name the other
      // field as the document does ("baseRps (50)"): the form says it as its label does.
      return inFormWords(issue.message.replace(/, got [^,]*$/, ''));
  }
}

/**
 * A document's field name with its value, "baseRps (50)", as the form labels that field: "the base
 * load (50 req/s)", from the label "Base load (req/s)". Names of no form field are left as they are.
 */
export function inFormWords(message: string): string {
  return message.replace(/\b(\w+) \(([^()]*)\)/g, (whole, name: string, value: string) => {
    const label = (WORKLOAD_FIELD_LABELS as Record<string, string | undefined>)[name];
    if (label === undefined) return whole;
    const unit = /\(([^()]*)\)$/.exec(label)?.[1];
    const words = label.replace(/ \([^()]*\)$/, '').toLowerCase();
    // A unit that is a number's kind ("fraction", "0–1") adds nothing after the number itself.
    const shown = unit === undefined || !/^[a-z/]+$/i.test(unit) || unit === 'fraction' ? value : `${value} ${unit}`;
    return `the ${words} (${shown})`;
  });
}

/**
 * Zod issues by form field: `toField` names the field of a path (or null for the form as a whole).
 * The first issue of a field wins, as the schema reports the most basic problem first.
 */
export function fieldErrors<F extends string>(
  issues: readonly z.core.$ZodIssue[],
  toField: (path: readonly PropertyKey[]) => F | null,
): FieldErrors<F> {
  const out: FieldErrors<F> = {};
  for (const issue of issues) {
    const field = toField(issue.path) ?? 'form';
    if (out[field] === undefined) out[field] = describeIssue(issue);
  }
  return out;
}

/**
 * Reads a number field's text (number-text.ts: `1000` or `1,000`). Empty is `undefined` (optional
 * fields then take their default, required ones are reported by the schema); text that is not a
 * number is reported here, with what to write instead.
 */
export function readNumber<F extends string>(drafts: Drafts<F>, field: F, errors: FieldErrors<F>): number | undefined {
  const text = drafts[field].trim();
  if (text === '') return undefined;
  const read = parseNumberText(text);
  if (!read.ok) {
    errors[field] = read.error;
    return undefined;
  }
  return read.value;
}

/** The text a stored number is edited as. */
export const numberText = (n: number | undefined): string => (n === undefined ? '' : String(n));

/** Structural equality that ignores key order and keys whose value is undefined. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!sameValue(ra[k], rb[k])) return false;
  return true;
}

/** Without the keys whose value is undefined, so a strict schema sees only what was typed. */
export function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
