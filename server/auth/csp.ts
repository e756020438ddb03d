/**
 * The Content-Security-Policy of every page. Scripts need this request's nonce (Next.js puts it on
 * its own inline and bundle scripts; 'strict-dynamic' lets those load the chunks and the plan
 * worker). Styles allow inline: React Flow positions nodes and recharts draws with style attributes.
 * Images allow data: and blob: for the PNG/SVG exports; workers load from 'self' or blob:.
 */
export interface CspOptions {
  nonce: string;
  /** `next dev` evaluates code for its error overlay and talks to its HMR websocket. */
  isDev?: boolean;
  /** Behind HTTPS, upgrade stray http: subresources (on plain HTTP that would break the page). */
  isHttps?: boolean;
}

export function contentSecurityPolicy({ nonce, isDev = false, isHttps = false }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    // 'wasm-unsafe-eval' compiles WebAssembly (the plan worker's MIP solver), nothing else.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' data: blob:${isDev ? ' ws: wss:' : ''}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** 128 random bits, base64: unguessable and fresh for every page request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}
