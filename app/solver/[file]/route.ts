/**
 * The MIP solver's WebAssembly (HiGHS, the `highs` package) for the plan worker, which registers it
 * as the joint search's solver (core/recommend/mip-solver.ts). Served from the installed package so
 * the build never holds a stale copy; one immutable file, cached a day. Any other name is a 404.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const FILE = 'highs.wasm';

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  if (file !== FILE) return new Response('Not found', { status: 404 });
  const bytes = await readFile(path.join(process.cwd(), 'node_modules', 'highs', 'build', FILE));
  return new Response(new Uint8Array(bytes), {
    headers: { 'Content-Type': 'application/wasm', 'Cache-Control': 'public, max-age=86400' },
  });
}
