/** What the auth code needs to know about a request's transport. */

/** HTTPS as the browser sees it: a TLS-terminating proxy says so in X-Forwarded-Proto. */
export function isHttpsRequest(headers: Headers, url: string): boolean {
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === 'https';
  return url.startsWith('https:');
}

/**
 * The client's address for rate limiting. `next start` fills X-Forwarded-For with the socket's
 * address unless the request already carries one, so behind a proxy this is the proxy's view and
 * without one a client can forge it; the limiter's global budget covers the forgery.
 */
export function clientAddress(headers: Headers): string {
  const first = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return first ? first.slice(0, 100) : 'unknown';
}
