/**
 * Signing in and out (POST and DELETE /api/session). Both refuse requests from other sites
 * (same-origin.ts). A sign-in body is at most 4 KB, refused before it is read when it says it is
 * larger. Wrong passwords slow their address down (sign-in-throttle.ts); the right one always signs in,
 * once its turn comes. Signing out revokes the session in the database, so a copy of the cookie stops
 * working too. Neither passwords nor cookies are ever logged.
 */
import { getDb, type Db } from '../../db/client';
import { nestingProblem } from '../../core/model';
import { readBody } from '../http/limit-body';
import { crossSiteRefusal } from '../http/same-origin';
import { configuredPassword, requestAccessInputs, SESSION_COOKIE, sessionOf } from './editor-access';
import { deriveSessionKey, passwordMatches } from './password';
import { clientAddress, isHttpsRequest } from './request-info';
import { safeNextPath } from './safe-next';
import { SESSION_TTL_MS } from './session';
import { endSession, startSession } from './sessions';
import { sessionSecret } from './session-secret';
import { sharedSignInThrottle, type SignInThrottle } from './sign-in-throttle';

/** A password, a path and JSON punctuation: far below this. */
export const MAX_SIGN_IN_BODY_BYTES = 4096;

export interface AuthDeps {
  db?: Db;
  now?: number;
  throttle?: SignInThrottle;
}

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

type Form = { password: string; next: string | null };

async function readForm(req: Request): Promise<Form | Response> {
  const body = await readBody(req, MAX_SIGN_IN_BODY_BYTES).catch(() => null);
  if (body && !body.ok)
    return text(
      413,
      `A sign-in is at most ${MAX_SIGN_IN_BODY_BYTES} bytes; this one is ${body.bytes}. It was not read.`,
    );
  const invalid = text(400, 'Send JSON: {"password": "…", "next": "/…"}.');
  if (!body || nestingProblem(body.bytes)) return invalid;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(body.bytes));
    if (typeof parsed !== 'object' || parsed === null) return invalid;
    const { password, next } = parsed as Record<string, unknown>;
    if (typeof password !== 'string') return invalid;
    return { password, next: typeof next === 'string' ? next : null };
  } catch {
    return invalid;
  }
}

export async function signIn(req: Request, deps: AuthDeps = {}): Promise<Response> {
  const password = configuredPassword();
  if (!password) return text(404, 'Signing in is not needed: TIDEMARK_PASSWORD is not set, so anyone may edit.');
  const crossSite = crossSiteRefusal(req);
  if (crossSite) return text(403, crossSite);
  const form = await readForm(req);
  if (form instanceof Response) return form;
  const throttle = deps.throttle ?? sharedSignInThrottle(deps.db ?? (await getDb()));
  const attempt = await throttle.attempt(clientAddress(req.headers), () => passwordMatches(form.password, password));
  if (!attempt.ran) {
    const seconds = Math.ceil(attempt.retryAfterMs / 1000);
    return text(
      429,
      `Too many sign-ins at once from your address. Wait for the answers, then try again in ${seconds} seconds.`,
      { 'retry-after': String(seconds) },
    );
  }
  if (!attempt.result) return text(401, 'Wrong password.');
  const now = deps.now ?? Date.now();
  const db = deps.db ?? (await getDb());
  const token = await startSession(db, deriveSessionKey(password, await sessionSecret(db)), now);
  return new Response(JSON.stringify({ next: safeNextPath(form.next) }), {
    status: 200,
    headers: {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'set-cookie': sessionCookie(req, token, SESSION_TTL_MS / 1000),
    },
  });
}

/** Ends the session the cookie names (every copy of it), and clears the cookie. */
export async function signOut(req: Request, deps: AuthDeps = {}): Promise<Response> {
  const crossSite = crossSiteRefusal(req);
  if (crossSite) return text(403, crossSite);
  const now = deps.now ?? Date.now();
  const session = await sessionOf(await requestAccessInputs(req.headers, deps.db, now));
  if (session) await endSession(deps.db ?? (await getDb()), session.id, now);
  return new Response(null, {
    status: 204,
    headers: { 'cache-control': 'no-store', 'set-cookie': sessionCookie(req, '', 0) },
  });
}
