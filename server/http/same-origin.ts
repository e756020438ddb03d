/**
 * Mutations must come from this site's own pages. A browser names the site a request comes from in
 * `Origin` and `Sec-Fetch-Site`; when either says another site, the request is refused before its
 * body is read. Requests that carry neither are not a browser acting for someone (curl, scripts, the
 * benchmarks), so they pass, as do same-origin ones. The site's own origin is the request's Host with
 * its scheme (X-Forwarded-Proto only as the edge server passes it on: scripts/edge.mjs).
 */
import { isHttpsRequest } from '../auth/request-info';

export function ownOrigin(req: Request): string | null {
  const host = req.headers.get('host');
  if (!host) return null;
  return `${isHttpsRequest(req.headers, req.url) ? 'https' : 'http'}://${host.toLowerCase()}`;
}

/** Why this request is refused as coming from another site, or null when it may go on. */
export function crossSiteRefusal(req: Request): string | null {
  const site = req.headers.get('sec-fetch-site');
  const origin = req.headers.get('origin');
  if (site === 'cross-site' || site === 'same-site')
    return `This request was sent by another site${origin ? ` (${origin})` : ''}, not by this Tidemark's own pages; it was refused.`;
  if (origin === null) return null;
  const own = ownOrigin(req);
  if (origin.toLowerCase() === own) return null;
  return `This request comes from ${origin}, not from this Tidemark (${own ?? 'no Host header'}); it was refused.`;
}
