/**
 * The design a page shows, asked for by a small inline script as soon as the page's HTML is parsed,
 * rather than by its query once React has hydrated: on the 500-component benchmark design the
 * editor's request left ~360 ms after navigation, ~170 ms after its scripts had arrived, spent
 * evaluating and hydrating them (Chromium, 2026-12-05). The page's query takes the answer if it
 * is for the same design and asks itself otherwise. Each answer is taken once: a page reached again
 * in the same tab (client navigation, the Back button) runs no inline script and asks afresh.
 * The request is the tRPC procedure's own GET, with the page's cookies, so it is answered exactly as
 * the query would be; any refusal or error is left to the query, which says what is wrong.
 */

const KEY = '__tidemarkEarlyDesign';

/** The inline script that asks for design `id` (a design id: 16 hex digits, checked by the caller's route). */
export function earlyDesignScript(id: string): string {
  const url = `/api/trpc/designs.get?input=${encodeURIComponent(JSON.stringify({ id }))}`;
  // JSON.stringify quotes the values; `<` cannot occur in them (the id is hex, the URL encoded).
  return `window.${KEY}={id:${JSON.stringify(id)},answer:fetch(${JSON.stringify(url)},{credentials:'same-origin'}).then(function(r){return r.ok?r.json():null}).catch(function(){return null})};`;
}

type Early = { id: string; answer: Promise<unknown> };

/** The early answer for design `id`, once (null: none, another design's, or refused). */
export async function takeEarlyDesign<T>(id: string): Promise<T | null> {
  if (typeof window === 'undefined') return null;
  const w = window as unknown as Record<string, Early | undefined>;
  const early = w[KEY];
  if (!early || early.id !== id) return null;
  delete w[KEY];
  const answer = (await early.answer) as { result?: { data?: T } } | null;
  return answer?.result?.data ?? null;
}
