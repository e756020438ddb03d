/**
 * Writes the published JSON Schemas (core/schema/design.v1.json and plan.v1.json) from the Zod schemas.
 * Called by `npm run schema:generate` (core/schema/generate.ts); lives in cli/ because it touches the
 * file system, which the rest of core must not.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSchemas } from '../schema/render-schemas';

export function writeSchemas(log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): void {
  for (const [name, text] of Object.entries(renderSchemas())) {
    const path = fileURLToPath(new URL(`../schema/${name}`, import.meta.url));
    writeFileSync(path, text);
    log(`wrote ${path}`);
  }
}
