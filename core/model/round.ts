/**
 * How the documents' figures are rounded, in one place: a plan prints the same bytes for the same run
 * only if every stage rounds the same way. Decimal places for money and milliseconds (cents, tenths),
 * significant digits for fitted workload figures, whose scale is not known in advance.
 */

/** Rounds to `places` decimal places: 2 for cents, 1 for tenths of a millisecond. */
export function roundPlaces(x: number, places: number): number {
  const f = 10 ** places;
  return Math.round(x * f) / f;
}

/** Rounds to the cent, as a bill does. */
export function roundCents(dollars: number): number {
  return roundPlaces(dollars, 2);
}

/** A figure of the plan document: rounded, with anything non-finite or negative as 0 so the plan stays valid. */
export function roundFigure(x: number, places: number): number {
  return Number.isFinite(x) && x > 0 ? roundPlaces(x, places) : 0;
}

/** Rounds to `digits` significant digits, so that fitted figures read as figures, not noise. */
export function roundSignificant(x: number, digits = 4): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(digits));
}
