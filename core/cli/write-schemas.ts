/**
 * `npm run schema:generate`: writes the published JSON Schemas of the two documents from their Zod
 * schemas (zod 4's z.toJSONSchema, see core/schema/render-schemas.ts): design.v1.json (as a user may
 * write it: defaults optional, `io: 'input'`) and plan.v1.json (as the engine writes it). Run it after
 * changing either schema and commit the output; render-schemas.test.ts fails while the files are
 * stale. Lives in cli/ because it touches the file system, which the rest of core must not.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSchemas } from '../schema/render-schemas';

for (const [name, text] of Object.entries(renderSchemas())) {
  const path = fileURLToPath(new URL(`../schema/${name}`, import.meta.url));
  writeFileSync(path, text);
  process.stdout.write(`wrote ${path}\n`);
}
