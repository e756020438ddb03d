// Bundles the server's worker threads (the validation pool's, server/http/prepare-body-worker.ts, the
// plan pool's, server/plans/plan-thread.ts, a plan's second thread, core/cli/shard-thread.ts, and the
// WAL checkpointer, db/checkpoint-worker.ts)
// into plain ES modules under .next/tidemark-workers/, which `next build` cannot do: its server
// bundles are not loadable by a worker thread. Run by buildIfStale after `next build`, and by `npm run dev`.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const WORKERS = {
  'prepare-body': 'server/http/prepare-body-worker.ts',
  checkpoint: 'db/checkpoint-worker.ts',
  plan: 'server/plans/plan-thread.ts',
  'plan-shard': 'core/cli/shard-thread.ts',
};
export const workersDir = (base = root) => path.join(base, '.next', 'tidemark-workers');

/** Writes one `<name>.mjs` per worker into `outdir`; returns their paths by name. */
export function buildWorkers(outdir = workersDir()) {
  // Loaded here, not at the top: `npm start` imports this before it has installed the dependencies.
  const { buildSync } = createRequire(import.meta.url)('esbuild');
  const entryPoints = Object.fromEntries(Object.entries(WORKERS).map(([name, file]) => [name, path.join(root, file)]));
  buildSync({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
    // A native addon, and HiGHS (which finds its .wasm beside its own loader): from node_modules.
    external: ['better-sqlite3', 'highs'],
    // Some dependencies are CommonJS; an ES module bundle has no `require` of its own.
    banner: {
      js: "import { createRequire as __tidemarkRequire } from 'node:module'; const require = __tidemarkRequire(import.meta.url);",
    },
  });
  return Object.fromEntries(Object.keys(WORKERS).map((name) => [name, path.join(outdir, `${name}.mjs`)]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const built = buildWorkers();
  console.log(`Workers built: ${Object.values(built).join(', ')}`);
}
