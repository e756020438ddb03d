import { parseNumberText } from '@/core/edit';

/** A field of the window and scale controls as its sentences name it: "The factor" "must be" "a number above 0". */
export interface FieldWords {
  subject: string;
  must: string;
}

/**
 * A field's number as the inspector reads it (core/edit/number-text.ts: "1,000" is a thousand), with
 * the field's own sentence when it is out of range or no number ("The factor must be a number above
 * 0."), what to write where the text says more ("2,5": "The factor must be a number above 0: write
 * decimals with a point (2.5)."), and "The factor is too large." past the largest number.
 */
export function readField(text: string, ok: (v: number) => boolean, { subject, must }: FieldWords) {
  const sentence = `${subject} must be ${must}.`;
  const read = parseNumberText(text);
  if (read.ok) return { value: read.value, error: ok(read.value) ? null : sentence };
  const error =
    read.reason === 'too-large'
      ? `${subject} is too large.`
      : read.hint === undefined
        ? sentence
        : `${subject} must be ${must}: ${read.hint}.`;
  return { value: Number.NaN, error };
}
