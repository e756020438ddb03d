/**
 * Shared documents as the share page sends them: the JSON of a design's revision, loaded once through
 * the versioned loader and kept, so that every further view of any link to that revision costs a map
 * lookup instead of a parse, a validation and a serialisation (a 2,000-component design took ~150 ms
 * of CPU a view). A revision never changes, so an entry never goes stale; the cache is bounded by the
 * bytes it holds and forgets the least recently viewed first. One per process (globalThis), shared
 * by the page, its document route and shares.open.
 */
import { createHash } from 'node:crypto';
import type { Tx } from '../../db/client';
import { readDocument } from './design-store';

export interface CachedDocument {
  json: string;
  /** A strong validator for HTTP: the same revision gives the same bytes. */
  etag: string;
}

export const SHARE_CACHE_BYTES = 64 * 1024 * 1024;

/** Memory an entry holds: its string, two bytes a character. */
const sizeOf = (entry: CachedDocument) => entry.json.length * 2;

export class DocumentCache {
  private readonly entries = new Map<string, CachedDocument>();
  private bytes = 0;

  constructor(private readonly maxBytes = SHARE_CACHE_BYTES) {}

  get(key: string): CachedDocument | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Most recently used last: the map's order is the eviction order.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedDocument): void {
    const size = sizeOf(entry);
    if (size > this.maxBytes) return;
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= sizeOf(old);
    }
  }

  delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= sizeOf(old);
  }

  get size(): number {
    return this.entries.size;
  }
}

const CACHE = Symbol.for('tidemark.shareDocumentCache');
type WithCache = typeof globalThis & { [CACHE]?: DocumentCache };

export function shareDocumentCache(): DocumentCache {
  const g = globalThis as WithCache;
  g[CACHE] ??= new DocumentCache();
  return g[CACHE];
}

/** The JSON of revision `revision` of design `designId`, from the cache or loaded into it. */
export async function sharedDocument(
  db: Tx,
  designId: string,
  revision: number,
  cache = shareDocumentCache(),
): Promise<CachedDocument> {
  const key = `${designId}:${revision}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const json = JSON.stringify((await readDocument(db, designId, revision)).document);
  const entry = {
    json,
    etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`,
  };
  cache.set(key, entry);
  return entry;
}
