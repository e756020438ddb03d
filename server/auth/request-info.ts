/**
 * What the auth code needs to know about a request's transport. Both answers read the
 * X-Forwarded-* headers, which the edge server (scripts/edge.mjs, in front of every `npm start`)
 * rewrites before the app sees them: without TIDEMARK_TRUST_PROXY it replaces whatever a client sent
 * with the socket's own address and scheme; behind a configured proxy it keeps the proxy's word.
 */

/** HTTPS as the browser sees it. */
export function isHttpsRequest(headers: Headers, url: string): boolean {
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === 'https';
  return url.startsWith('https:');
}

/** The client's address, for rate limiting: the one the edge server put in X-Forwarded-For. */
export function clientAddress(headers: Headers): string {
  const first = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return first ? first.slice(0, 100) : 'unknown';
}
