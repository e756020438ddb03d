/**
 * The design's fingerprint in a plan: sha256 over its canonical JSON (object keys sorted, no
 * whitespace), so that the same design hashes the same whatever order its fields were written in.
 * Pure JS (@noble/hashes), since core also runs in a browser worker.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** JSON with object keys sorted at every depth; arrays keep their order, undefined fields are left out. */
export function stringifyCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : stringifyCanonical(v))).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${stringifyCanonical((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

export function hashDesign(design: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(stringifyCanonical(design))));
}
