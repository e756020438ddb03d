/**
 * The validation pool's worker (piscina calls the default export with each task). Bundled on its own
 * by scripts/build-workers.mjs into .next/tidemark-workers/prepare-body.mjs, because Next.js's server
 * bundles cannot be loaded by a worker thread.
 */
import { prepareBody, type PreparedBody } from './prepare-body';

export default function run(bytes: Uint8Array): PreparedBody {
  return prepareBody(bytes);
}
