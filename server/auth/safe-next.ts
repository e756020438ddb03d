/** Where to go after signing in: only a path on this site, never another origin (open redirects). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > 2000) return '/';
  // One leading slash, not "//host" or "/\host" (browsers read both as another origin), no controls.
  if (!/^\/(?![/\\])/.test(next) || /[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  try {
    const url = new URL(next, 'http://tidemark.invalid');
    if (url.origin !== 'http://tidemark.invalid') return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
