/**
 * /s/[token]: a read-only share link. The token is resolved on the server through the public
 * shares.open procedure (which records the view); unknown, revoked, expired and malformed tokens
 * all end in the same plain 404. Only the document reaches the browser, never the design's id.
 * Referrer-Policy: no-referrer and X-Robots-Tag: noindex come from next.config.js.
 */
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { SharedDesignView } from '@/components/share/shared-design-view';
import { getDb } from '@/db/client';
import { createCaller } from '@/server/root';

export const dynamic = 'force-dynamic';

/** One lookup (and one recorded view) per request, shared by the metadata and the page. */
const openShare = cache(async (token: string) => {
  try {
    return await createCaller({ db: getDb() }).shares.open({ token });
  } catch (e) {
    if (e instanceof TRPCError && (e.code === 'NOT_FOUND' || e.code === 'BAD_REQUEST')) notFound();
    throw e;
  }
});

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const shared = await openShare((await params).token);
  return {
    title: `${shared.name} · shared read-only · Tidemark`,
    robots: { index: false, follow: false },
    referrer: 'no-referrer',
  };
}

export default async function SharePage({ params }: Props) {
  const shared = await openShare((await params).token);
  return <SharedDesignView document={shared.document} revision={shared.revision} following={shared.following} />;
}
