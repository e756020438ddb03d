/**
 * `npm run schema:generate`: writes the published JSON Schemas of the two documents from their Zod
 * schemas (zod 4's z.toJSONSchema): core/schema/design.v1.json (as a user may write it: defaults
 * optional, `io: 'input'`) and core/schema/plan.v1.json (as the engine writes it). Run it after
 * changing either schema and commit the output; a test checks that the files are current.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderSchemas } from './render-schemas';

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [name, text] of Object.entries(renderSchemas())) {
    const path = fileURLToPath(new URL(`./${name}`, import.meta.url));
    writeFileSync(path, text);
    process.stdout.write(`wrote ${path}\n`);
  }
}
