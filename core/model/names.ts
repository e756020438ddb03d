/**
 * What a name may hold. Names are shown on the canvas, in lists, in page titles and in exported
 * reports, so characters that change how the surrounding text reads are refused: control characters
 * (a newline would start a new line or Markdown heading in a report), the bidirectional embeddings,
 * overrides and isolates that make text display in another order than it is stored ("Trojan
 * Source"), and names made only of invisible characters. Stored documents written before these
 * rules are repaired on load (`repairName`) rather than refused, so no saved design becomes
 * unreadable.
 */
import { z } from 'zod';
import { issueMessage } from './issue-message';

/** C0 and C1 controls and DEL. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Controls a free-text description may still hold: tab and line breaks. */
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI. */
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/;
/** Characters that occupy no space: zero-width space/joiners, word joiner, BOM, soft hyphen, fillers. */
const INVISIBLE = /[\s\u00ad\u034f\u115f\u1160\u180e\u200b-\u200d\u2060-\u2064\u3164\ufeff\uffa0]/g;

const codePoint = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The first refused character of `text` and what is wrong with it, or null. */
export function nameProblem(text: string, { allowLines = false } = {}): string | null {
  const control = (allowLines ? CONTROL_BUT_LINES : CONTROL).exec(text);
  if (control) {
    const what = control[0] === '\n' ? 'a line break' : `a control character (${codePoint(control[0])})`;
    return `must not contain ${what}, found at character ${control.index + 1}`;
  }
  const bidi = BIDI_OVERRIDE.exec(text);
  if (bidi) {
    return `must not contain a bidirectional override (${codePoint(bidi[0])} at character ${bidi.index + 1}): it makes text display in another order than it is written`;
  }
  if (!allowLines && text.length > 0 && text.replace(INVISIBLE, '') === '') {
    return 'must contain a visible character, not only spaces or zero-width characters';
  }
  return null;
}

/** A name: 1–120 characters after trimming, every one of them allowed (see `nameProblem`). */
export const nameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(120)
  .superRefine((text, ctx) => {
    const problem = nameProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * A name typed in a field, checked: the name as it is kept (trimmed), or why it is refused, in the
 * words of a document's problems ("must have at most 120 characters, got 121").
 */
export function checkName(text: string): { ok: true; value: string } | { ok: false; message: string } {
  const checked = nameSchema.safeParse(text, { reportInput: true });
  if (checked.success) return { ok: true, value: checked.data };
  const [issue] = checked.error.issues;
  return { ok: false, message: issue ? issueMessage(issue) : 'is not valid' };
}

/** Free text (a description): line breaks and tabs allowed, other controls and overrides not. */
export const freeTextSchema = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((text, ctx) => {
      const problem = nameProblem(text, { allowLines: true });
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/**
 * A stored name with the refused characters taken out, or `fallback` when nothing visible is left.
 * Used only when loading stored documents, never on input: input is refused, not silently changed.
 */
export function repairName(text: string, fallback: string): string {
  const cleaned = text.replace(new RegExp(CONTROL, 'g'), ' ').replace(new RegExp(BIDI_OVERRIDE, 'g'), '').trim();
  return cleaned.replace(INVISIBLE, '') === '' ? fallback : cleaned.slice(0, 120);
}

/** Stored free text with the refused characters taken out (line breaks and tabs kept). */
export function repairFreeText(text: string): string {
  return text.replace(new RegExp(CONTROL_BUT_LINES, 'g'), '').replace(new RegExp(BIDI_OVERRIDE, 'g'), '');
}
