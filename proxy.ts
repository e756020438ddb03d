/**
 * Runs before every page (Next.js 16's renamed middleware): sends visitors who may not edit to the
 * sign-in page, and gives each page a fresh CSP nonce that Next.js puts on its scripts. The tRPC
 * procedures check the session again themselves (editorProcedure); this only saves a blank page.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce } from './server/auth/csp';
import { requestEditorAccess } from './server/auth/editor-access';
import { isHttpsRequest } from './server/auth/request-info';

/** The designs list and the editor; share pages (/s/…) and the sign-in page stay open. */
function isEditorPath(pathname: string): boolean {
  return pathname === '/' || pathname === '/designs' || pathname.startsWith('/designs/');
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isEditorPath(pathname)) {
    const access = requestEditorAccess(request.headers);
    if (access.isPasswordMode && !access.isSignedIn) {
      const signIn = request.nextUrl.clone();
      signIn.pathname = '/sign-in';
      signIn.search = '';
      signIn.searchParams.set('next', `${pathname}${search}`);
      return NextResponse.redirect(signIn);
    }
  }

  const nonce = newNonce();
  const csp = contentSecurityPolicy({
    nonce,
    isDev: process.env.NODE_ENV === 'development',
    isHttps: isHttpsRequest(request.headers, request.url),
  });
  // Next.js reads the nonce from the request's CSP header while rendering.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  // Pages only: not the API (tRPC checks sessions itself), not static files.
  matcher: ['/((?!api/|_next/static/|_next/image|favicon\\.ico|icon\\.svg).*)'],
};
