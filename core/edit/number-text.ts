/**
 * A number as a person types it into a form. Plain decimal notation (`1000`, `-2.5`, `.5`, `1e6`),
 * or with its thousands grouped in threes the way the app itself writes numbers (`1,000`,
 * `12,345.5`; a space or a narrow space groups them too, `10 000`): a grouping that is not in
 * threes from the point leftwards is no thousands separator, so it is not guessed at. Anything else
 * is refused with what to write instead — a decimal comma (`1,5`), other groupings (`10,00,000`),
 * hex (`0x10`), `Infinity`, units or words — where `Number()` would take some of them silently. A
 * point is always the decimal point, as everywhere else in the app.
 */
export type NumberText = { ok: true; value: number } | NumberRefusal;

/**
 * Why a text is no number, for a caller that words its own sentence: `hint` says what to write
 * instead where there is something to say (a decimal comma, a grouping not in threes), and `error`
 * is the field's own message as the forms show it ("must be a number: " and the hint).
 */
export type NumberRefusal = {
  ok: false;
  reason: 'too-large' | 'decimal-comma' | 'grouping' | 'not-a-number';
  error: string;
  hint?: string;
};

const refuse = (reason: NumberRefusal['reason'], hint?: string): NumberRefusal =>
  reason === 'too-large'
    ? { ok: false, reason, error: 'is too large' }
    : hint === undefined
      ? { ok: false, reason, error: 'must be a number' }
      : { ok: false, reason, error: `must be a number: ${hint}`, hint };

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** One separator throughout: a comma, a space, a no-break space or a narrow no-break space. */
const GROUPED = /^[+-]?\d{1,3}([, \u00a0\u202f])\d{3}(?:\1\d{3})*(?:\.\d+)?$/;
/** `1,5` or `-0,25`: a decimal comma; with three digits after it, it is a thousands separator. */
const DECIMAL_COMMA = /^[+-]?\d+,\d{1,2}$/;
const SEPARATED = /^[+-]?\d[\d, \u00a0\u202f]*(?:\.\d+)?$/;

export function parseNumberText(raw: string): NumberText {
  const text = raw.trim();
  const isPlain = PLAIN.test(text);
  const isGrouped = !isPlain && GROUPED.test(text);
  if (isPlain || isGrouped) {
    const value = Number(isGrouped ? text.replace(/[, \u00a0\u202f]/g, '') : text);
    return Number.isFinite(value) ? { ok: true, value } : refuse('too-large');
  }
  if (DECIMAL_COMMA.test(text))
    return refuse('decimal-comma', `write decimals with a point (${text.replace(',', '.')})`);
  if (SEPARATED.test(text))
    return refuse('grouping', 'group thousands in threes (1,000,000), or write it without separators');
  return refuse('not-a-number');
}
