/**
 * The published JSON Schemas of the two documents (spec/formats.md): `/schemas/design.v1.json` and
 * `/schemas/plan.v1.json`, generated from the Zod schemas into core/schema/ (`npm run schema:generate`).
 * A versioned name never changes meaning, so clients may cache it for a day; anything else is 404.
 */
import { PUBLISHED_SCHEMAS } from '@/core/schema';

const SCHEMAS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(PUBLISHED_SCHEMAS).map(([name, schema]) => [name, JSON.stringify(schema, null, 2)]),
);

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const body = Object.hasOwn(SCHEMAS, file) ? SCHEMAS[file] : undefined;
  if (body === undefined) {
    return new Response('Not found\n', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  return new Response(body, {
    headers: {
      'content-type': 'application/schema+json; charset=utf-8',
      'cache-control': 'public, max-age=86400',
      'access-control-allow-origin': '*',
    },
  });
}
