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
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      if (!(i in value)) continue;
      const v: unknown = value[i];
      out += v === undefined ? 'null' : stringifyCanonical(v);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const k of Object.keys(record).sort()) {
    const v = record[k];
    if (v === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(k)}:${stringifyCanonical(v)}`;
  }
  return `${out}}`;
}

/** The design with its environments resolved: what a plan's sha256 is taken over. */
export function canonicalDesign(design: Design): Design {
  return { ...design, environments: resolveEnvironments(design).env };
}

export function hashDesign(design: Design): string {
  return bytesToHex(sha256(utf8ToBytes(stringifyCanonical(canonicalDesign(design)))));
}
