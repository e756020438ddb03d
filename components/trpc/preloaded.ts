/**
 * Calls a page asks the browser to fetch while its JavaScript still loads (React's `preload`, as
 * `fetch`): the editor's design (app/designs/[id]/page.tsx). Without it the request left only once the
 * editor's code had loaded and run. The client sends such a call alone (unbatched.ts), where tRPC's GET
 * URL for it is exactly this one, so the browser answers the client's fetch with the preloaded
 * response instead of asking again (preloaded.test.ts holds the two URLs together).
 */
export const TRPC_URL = '/api/trpc';

/** The URL tRPC's unbatched link requests for a query with this input. */
export function queryUrl(path: string, input: unknown): string {
  return `${TRPC_URL}/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
}
