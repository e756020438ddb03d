import { preload } from 'react-dom';
import { queryUrl } from '@/components/trpc/preloaded';
import { designId } from '@/server/routers/ids';
import { EditorPage } from './_components/editor-page';

export default async function DesignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The design leaves with the page rather than after the editor's code has loaded (preloaded.ts):
  // the same request the editor's query makes, which the browser then answers from this one. A
  // malformed id is not asked for; the editor's own query reports it.
  if (designId.safeParse(id).success)
    preload(queryUrl('designs.get', { id }), { as: 'fetch', crossOrigin: 'anonymous' });
  return <EditorPage id={id} />;
}
