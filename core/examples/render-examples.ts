/**
 * The three examples as the JSON files shipped in `examples/` (one a key: `examples/cloud-bursting.json`),
 * for `npm run plan -- examples/<key>.json` and for importing in the editor. Written by
 * `npm run examples:generate` (core/cli/write-examples.ts); example-files.test.ts fails while a file
 * differs from its design here.
 */
import { EXAMPLE_DESIGNS } from './index';

export function renderExamples(): Record<string, string> {
  return Object.fromEntries(EXAMPLE_DESIGNS.map((e) => [`${e.key}.json`, `${JSON.stringify(e.design, null, 2)}\n`]));
}
