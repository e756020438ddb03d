/**
 * How deep JSON text nests, found by one linear pass over its bytes before anything parses it.
 * `JSON.parse` and the schemas after it take seconds and gigabytes on a 10 MB body of five million
 * nested brackets; this pass takes milliseconds and needs no memory. Brackets inside strings are
 * skipped (a backslash escapes the next byte); anything else malformed is left to the parser.
 */

/**
 * Far above any real document: a design nests 6 levels (document → components → component →
 * workload → trace → rps), a tRPC batch adds 2, a metrics export about 6.
 */
export const MAX_JSON_DEPTH = 64;

/** The byte offset where `json` first nests deeper than `limit`, or -1 when it never does. */
export function excessNestingAt(json: Uint8Array, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/** The problem to report for text nested too deep, or null. Encodes the text once (strings are UTF-16). */
export function nestingProblem(json: string | Uint8Array, limit = MAX_JSON_DEPTH): string | null {
  const bytes = typeof json === 'string' ? new TextEncoder().encode(json) : json;
  const at = excessNestingAt(bytes, limit);
  return at < 0
    ? null
    : `nested deeper than ${limit} levels (at byte ${at + 1}); no Tidemark document nests more than a few levels, so this was not read`;
}
