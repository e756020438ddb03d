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

/** The design with its environments resolved: what a plan's sha256 is taken over. */
export function canonicalDesign(design: Design): Design {
  return { ...design, environments: resolveEnvironments(design).env };
}

export function hashDesign(design: Design): string {
  return bytesToHex(sha256(utf8ToBytes(stringifyCanonical(canonicalDesign(design)))));
}
