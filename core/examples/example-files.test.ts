import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDesignFile } from '../model/load-design';
import { EXAMPLE_DESIGNS } from './index';
import { renderExamples } from './render-examples';

const folder = new URL('../../examples/', import.meta.url);

describe('the example designs shipped as JSON in examples/', () => {
  it('are exactly the three of core/examples (run npm run examples:generate)', () => {
    expect(
      readdirSync(folder)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(EXAMPLE_DESIGNS.map((e) => `${e.key}.json`).sort());
    for (const [name, text] of Object.entries(renderExamples()))
      expect(readFileSync(new URL(name, folder), 'utf8'), name).toBe(text);
  });

  it('load as designs, as the command line reads them', () => {
    for (const e of EXAMPLE_DESIGNS) {
      const loaded = readDesignFile(readFileSync(new URL(`${e.key}.json`, folder), 'utf8'));
      expect(loaded.ok, e.key).toBe(true);
    }
  });
});
