import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { GET } from './route';

const get = (file: string) =>
  GET(new Request(`http://localhost/schemas/${file}`), { params: Promise.resolve({ file }) });

describe('GET /schemas/[file]', () => {
  it.each(['design.v1.json', 'plan.v1.json'])('serves %s as JSON Schema with cache headers', async (file) => {
    const schema: unknown = JSON.parse(readFileSync(new URL(`../../../core/schema/${file}`, import.meta.url), 'utf8'));
    const response = await get(file);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    expect(response.headers.get('cache-control')).toContain('max-age=');
    expect(await response.json()).toEqual(schema);
  });

  it.each(['design.v2.json', 'plan.json', '..%2Fpackage.json', 'constructor', '__proto__'])(
    'answers 404 for %s',
    async (file) => {
      const response = await get(file);
      expect(response.status).toBe(404);
    },
  );
});
