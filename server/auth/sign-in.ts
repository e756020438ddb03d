/**
 * Signing in and out (POST and DELETE /api/session). A wrong password counts against the client's
 * address; after five failures in a minute every attempt from it gets 429 with Retry-After until the
 * minute is over, the right password included. Neither passwords nor cookies are ever logged.
 */
import { configuredPassword, processSecret, SESSION_COOKIE } from './editor-access';
import { deriveSessionKey, passwordMatches } from './password';
import { SignInLimiter } from './rate-limit';
import { clientAddress, isHttpsRequest } from './request-info';
import { safeNextPath } from './safe-next';
import { SESSION_TTL_MS, signSession } from './session';

const limiter = new SignInLimiter({ limit: 5, windowMs: 60_000, globalLimit: 100 });
const MAX_BODY_CHARS = 10_000;

function text(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

function sessionCookie(req: Request, value: string, maxAgeSeconds: number): string {
  const secure = isHttpsRequest(req.headers, req.url) ? '; Secure' : '';
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

async function readForm(req: Request): Promise<{ password: string; next: string | null } | null> {
  const body = await req.text().catch(() => '');
  if (body.length > MAX_BODY_CHARS) return null;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { password, next } = parsed as Record<string, unknown>;
    if (typeof password !== 'string') return null;
    return { password, next: typeof next === 'string' ? next : null };
  } catch {
    return null;
  }
}

export async function signIn(req: Request, now = Date.now()): Promise<Response> {
  const password = configuredPassword();
  if (!password) return text(404, 'Signing in is not needed: TIDEMARK_PASSWORD is not set, so anyone may edit.');
  const address = clientAddress(req.headers);
  const waitMs = limiter.retryAfterMs(address, now);
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    return text(429, `Too many failed sign-ins. Try again in ${seconds} seconds.`, { 'retry-after': String(seconds) });
  }
  const form = await readForm(req);
  if (!form) return text(400, 'Send JSON: {"password": "…", "next": "/…"}.');
  if (!passwordMatches(form.password, password)) {
    limiter.recordFailure(address, now);
    return text(401, 'Wrong password.');
  }
  limiter.recordSuccess(address);
  const token = signSession(deriveSessionKey(password, processSecret()), now);
  return new Response(JSON.stringify({ next: safeNextPath(form.next) }), {
    status: 200,
    headers: {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'set-cookie': sessionCookie(req, token, SESSION_TTL_MS / 1000),
    },
  });
}

export function signOut(req: Request): Response {
  return new Response(null, {
    status: 204,
    headers: { 'cache-control': 'no-store', 'set-cookie': sessionCookie(req, '', 0) },
  });
}
