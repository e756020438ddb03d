/**
 * Calls the client sends on their own: those the server refuses in a batch (server/http/trpc-gate.ts),
 * the public ones and those that carry a whole design document, and those a page preloads, whose URL
 * must be the one the page named (preloaded.ts). A test keeps this list in step with the procedures'
 * meta (server/http/trpc-gate.test.ts).
 */
export const UNBATCHED_PROCEDURES: ReadonlySet<string> = new Set([
  'designs.create',
  'designs.get',
  'designs.save',
  'shares.open',
  'plans.get',
  'plans.submit',
]);

/** The server answers at most this many calls in one batch. */
export const MAX_BATCH_CALLS = 10;
