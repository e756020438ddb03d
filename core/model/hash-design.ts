/**
 * The design's fingerprint in a plan: sha256 over its canonical JSON (object keys sorted, no
 * whitespace), so that the same design hashes the same whatever order its fields were written in.
 * The design is hashed with every default filled in — its environments resolved from its price book
 * (core/cost/resolve-environments.ts) — so a design saved with its prices written out and the same
 * design saved minimal hash alike, and alike to the hashes of plans made before price books.
 * Pure JS (@noble/hashes), since core also runs in a browser worker.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { resolveEnvironments } from '../cost/resolve-environments';
import type { Design } from './design';

/**
 * JSON with object keys sorted at every depth; arrays keep their order (a hole reads as nothing, as
 * `map` and `join` wrote it), undefined fields are left out. Written into one string as it goes, not
 * through an array of parts at every level: a plan hashes its design every time (2026-12-06).
 */
export function stringifyCanonical(value: unknown): string {
  const sink = { text: '' };
  write(value, sink, null);
  return sink.text;
}

/**
 * stringifyCanonical's text appended to `sink.text`; with `part`, each object in an array (outside
 * those already handed to it), and with `fieldsToo` each non-array object a field of `value` holds, is
 * handed to `part` instead, in its place, to write itself.
 */
function write(
  value: unknown,
  sink: { text: string },
  part: ((value: object) => void) | null,
  fieldsToo = false,
): void {
  if (value === null || typeof value !== 'object') {
    sink.text += JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    sink.text += '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) sink.text += ',';
      if (!(i in value)) continue;
      const v: unknown = value[i];
      if (v === undefined) sink.text += 'null';
      else if (part && v !== null && typeof v === 'object') part(v);
      else write(v, sink, part);
    }
    sink.text += ']';
    return;
  }
  const record = value as Record<string, unknown>;
  sink.text += '{';
  let first = true;
  for (const k of Object.keys(record).sort()) {
    const v = record[k];
    if (v === undefined) continue;
    if (!first) sink.text += ',';
    first = false;
    sink.text += `${JSON.stringify(k)}:`;
    if (fieldsToo && part && v !== null && typeof v === 'object' && !Array.isArray(v)) part(v);
    else write(v, sink, part);
  }
  sink.text += '}';
}

/** The design with its environments resolved: what a plan's sha256 is taken over. */
export function canonicalDesign(design: Design): Design {
  return { ...design, environments: resolveEnvironments(design).env };
}

/**
 * The UTF-8 of the canonical JSON of each object in the last design's arrays (its components and
 * connections) and of each object among its fields (its layout, environments, simulation, pricing),
 * by the object's JSON.stringify text (hashDesign).
 */
let lastParts: ReadonlyMap<string, Uint8Array> = new Map();

/** The text between two parts, nearly always one comma: encoded once. */
const COMMA = utf8ToBytes(',');

/**
 * sha256 of the canonical JSON: each object in an array (a component, a connection) and each object a
 * field of the design holds (the layout, the environments) as the UTF-8 of its canonical text, taken
 * from the last design hashed when its JSON.stringify text (native) is the same. For plain JSON data —
 * no holes, functions, symbols or toJSON, as a validated design is — an object's canonical text is a
 * function of that text (the same keys, values and strings, whatever their order; undefined, NaN and
 * ±0 read alike both ways), and the UTF-8 of a text cut between JSON values is the UTF-8 of its
 * pieces. The pieces are gathered and hashed in one buffer. A re-plan whose design changed in one
 * component writes and encodes that one again: the whole text in one string was 7-8 ms of every plan
 * of the 500-component canvas design, half of it flattening and encoding the string; the layout
 * written key by key, and two small encodings and updates a part, were ~25 ms of the browser's plan
 * worker's leaf edit there (2026-12-06).
 */
export function hashDesign(design: Design): string {
  const used = new Map<string, Uint8Array>();
  const pieces: Uint8Array[] = [];
  const sink = { text: '' };
  const flush = () => {
    if (sink.text.length === 0) return;
    pieces.push(sink.text === ',' ? COMMA : utf8ToBytes(sink.text));
    sink.text = '';
  };
  const part = (value: object) => {
    const json = JSON.stringify(value);
    let bytes = used.get(json) ?? lastParts.get(json);
    bytes ??= utf8ToBytes(stringifyCanonical(value));
    used.set(json, bytes);
    flush();
    pieces.push(bytes);
  };
  write(canonicalDesign(design), sink, part, true);
  flush();
  lastParts = used;
  let length = 0;
  for (const p of pieces) length += p.length;
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of pieces) {
    all.set(p, at);
    at += p.length;
  }
  return bytesToHex(sha256(all));
}
