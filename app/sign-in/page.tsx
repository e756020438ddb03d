import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { requestEditorAccess } from '@/server/auth/editor-access';
import { safeNextPath } from '@/server/auth/safe-next';
import { SignInForm } from './_components/sign-in-form';

export const metadata: Metadata = { title: 'Sign in · Tidemark' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next } = await searchParams;
  const target = safeNextPath(typeof next === 'string' ? next : undefined);
  const access = await requestEditorAccess(await headers());
  // Nothing to sign in to without a password, and nothing to do when already signed in.
  if (!access.isPasswordMode || access.isSignedIn) redirect(target);
  return <SignInForm next={target} />;
}
