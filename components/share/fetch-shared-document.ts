/**
 * Fetches a shared document (app/s/[token]/document), for the share page and the shared comparison:
 * a refusal becomes a sentence a reviewer reads — the rate limit's own, or that the link is gone.
 */
import type { Design } from '@/core/model';

export async function fetchSharedDocument(path: string, signal: AbortSignal): Promise<Design> {
  const res = await fetch(path, { signal });
  if (res.status === 429) throw new Error(await res.text());
  if (!res.ok)
    throw new Error('This design is no longer shared at this address (the link was revoked or has expired).');
  return (await res.json()) as Design;
}
