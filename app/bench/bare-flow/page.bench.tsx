import { BareFlow } from './_components/bare-flow';

/**
 * The canvas benchmark's baseline (npm run bench:canvas): the same design as the editor, drawn by
 * bare React Flow with default nodes and edges, so the editor's cost is measured against the
 * library's own floor in the same run. `&minimap=1` adds React Flow's MiniMap (as the editor has), to
 * attribute part of the difference. Not linked from the app, and not in the production build: the
 * `.bench.tsx` extension is a page extension only when TIDEMARK_BENCH=1 (next.config.js).
 */
export default async function BareFlowPage({
  searchParams,
}: {
  searchParams: Promise<{ id?: string; minimap?: string }>;
}) {
  const { id, minimap } = await searchParams;
  if (!id) return <main className="page">Pass a design id: /bench/bare-flow?id=…</main>;
  return <BareFlow id={id} withMiniMap={minimap === '1'} />;
}
