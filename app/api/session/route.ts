import { signIn, signOut } from '@/server/auth/sign-in';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Sign in (password mode): `{ password, next }` → the session cookie and where to go. */
export function POST(req: Request) {
  return signIn(req);
}

/** Sign out: the session cookie is cleared. */
export function DELETE(req: Request) {
  return signOut(req);
}
