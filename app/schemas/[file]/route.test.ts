import { describe, expect, it } from 'vitest';
import designV1 from '@/core/schema/design.v1.json';
import planV1 from '@/core/schema/plan.v1.json';
import { GET } from './route';

const get = (file: string) =>
  GET(new Request(`http://localhost/schemas/${file}`), { params: Promise.resolve({ file }) });

describe('GET /schemas/[file]', () => {
  it.each([
    ['design.v1.json', designV1],
    ['plan.v1.json', planV1],
  ])('serves %s as JSON Schema with cache headers', async (file, schema) => {
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
