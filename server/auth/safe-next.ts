/**
 * Where to go after signing in: only a path on this site, never another origin (open redirects).
 * The path is normalised first and checked after: "/.//evil.example" normalises to
 * "//evil.example", which a browser reads as another host, so a check made before normalising lets
 * it through. Backslashes and controls (browsers read "/\host" as "//host" and drop tabs), and paths
 * that decode to two leading slashes ("/%2F/host"), are refused too.
 */
const BASE = 'http://tidemark.invalid';
/** Exactly one leading slash: not "//host", not "/\host". */
const ONE_LEADING_SLASH = /^\/(?![/\\])/;
const CONTROLS_OR_BACKSLASH = /[\u0000-\u001f\u007f\\]/;

export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > 2000) return '/';
  if (!ONE_LEADING_SLASH.test(next) || CONTROLS_OR_BACKSLASH.test(next)) return '/';
  let url: URL;
  let decoded: string;
  try {
    url = new URL(next, BASE);
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return '/';
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== BASE || !ONE_LEADING_SLASH.test(path)) return '/';
  if (!ONE_LEADING_SLASH.test(decoded) || CONTROLS_OR_BACKSLASH.test(decoded)) return '/';
  return path;
}
