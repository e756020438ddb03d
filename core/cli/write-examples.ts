/**
 * `npm run examples:generate`: writes the three example designs of core/examples to `examples/` at the
 * repository's root as JSON (render-examples.ts). Run it after changing an example and commit the
 * output; core/examples/example-files.test.ts fails while the files are stale. Lives in cli/ because
 * it touches the file system, which the rest of core must not.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderExamples } from '../examples/render-examples';

const folder = new URL('../../examples/', import.meta.url);
mkdirSync(folder, { recursive: true });
for (const [name, text] of Object.entries(renderExamples())) {
  const path = fileURLToPath(new URL(name, folder));
  writeFileSync(path, text);
  process.stdout.write(`wrote ${path}\n`);
}
