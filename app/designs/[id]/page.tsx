import { headers } from 'next/headers';
import { earlyDesignScript } from '@/components/trpc/early-design';
import { EditorPage } from './_components/editor-page';

export default async function DesignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <>
      {/* The design is asked for while the editor's scripts load (components/trpc/early-design.ts). */}
      {/^[a-z0-9]{1,64}$/.test(id) && (
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: earlyDesignScript(id) }} />
      )}
      <EditorPage id={id} />
    </>
  );
}
