/**
 * Runs before every page (Next.js 16's renamed middleware): limits share views per address, sends
 * visitors who may not edit to the sign-in page, and gives each page a fresh CSP nonce that Next.js
 * puts on its scripts. The tRPC procedures check the session again themselves (editorProcedure);
 * this only saves a blank page.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce } from './server/auth/csp';
import { requestEditorAccess } from './server/auth/editor-access';
import { clientAddress, isHttpsRequest } from './server/auth/request-info';
import { takeShareView, tooManyViews } from './server/http/share-view-limit';

/** The designs list, the editor and comparisons; share pages (/s/…) and the sign-in page stay open. */
function isEditorPath(pathname: string): boolean {
  return pathname === '/' || pathname === '/designs' || pathname.startsWith('/designs/') || pathname === '/compare';
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Share pages and their documents are public: each view takes one from its address's budget.
  if (pathname.startsWith('/s/')) {
    const wait = await takeShareView(clientAddress(request.headers));
    if (wait > 0)
      return new NextResponse(tooManyViews(wait), {
        status: 429,
        headers: {
          'retry-after': String(wait),
          'content-type': 'text/plain; charset=utf-8',
          'cache-control': 'no-store',
        },
      });
  }
  if (isEditorPath(pathname)) {
    const access = await requestEditorAccess(request.headers);
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
