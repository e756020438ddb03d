import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { preload } from 'react-dom';
import { queryUrl } from '@/components/trpc/preloaded';
import { getDb } from '@/db/client';
import { requestEditorAccess } from '@/server/auth/editor-access';
import { findDesign } from '@/server/services/design-store';
import { NotFoundError } from '@/server/services/errors';
import { designId } from '@/server/routers/ids';
import { EditorPage } from './_components/editor-page';

type Props = { params: Promise<{ id: string }> };

/**
 * The tab names the design from the first paint (design-name.tsx keeps it in step with renames). It
 * must come from here: a title set only by the editor was overwritten by the layout's streamed
 * "Tidemark" once the preloaded design let the editor mount before the metadata arrived.
 */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!designId.safeParse(id).success) return {};
  // Never a name to a visitor who may not edit (proxy.ts sends them to sign in first anyway).
  const access = await requestEditorAccess(await headers());
  if (access.isPasswordMode && !access.isSignedIn) return {};
  try {
    return { title: `${(await findDesign(await getDb(), id)).name} · Tidemark` };
  } catch (e) {
    if (e instanceof NotFoundError) return {};
    throw e;
  }
}

export default async function DesignPage({ params }: Props) {
  const { id } = await params;
  // The design leaves with the page rather than after the editor's code has loaded (preloaded.ts):
  // the same request the editor's query makes, which the browser then answers from this one. A
  // malformed id is not asked for; the editor's own query reports it.
  if (designId.safeParse(id).success)
    preload(queryUrl('designs.get', { id }), { as: 'fetch', crossOrigin: 'anonymous' });
  return <EditorPage id={id} />;
}
