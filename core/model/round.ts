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

/**
 * A rate of the plan's demand (requests a second): to 3 decimal places, or to 3 significant digits
 * where those show more — a component with 1,051 requests a month has a mean of 0.0004 a second,
 * which 3 places printed as 0 beside its monthly count (H40's fuzzing).
 */
export function roundRate(x: number): number {
  return Math.abs(x) >= 0.1 ? roundPlaces(x, 3) : roundSignificant(x, 3);
}
