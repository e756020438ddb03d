import { describe, expect, it } from 'vitest';
import { validateDesign } from '../model/validate';
import { EXAMPLE_DESIGNS } from './index';

describe('example designs', () => {
  it.each(EXAMPLE_DESIGNS.map((e) => [e.key, e.design] as const))(
    '%s is a valid design with a position for every component',
    (_key, design) => {
      const result = validateDesign(design);
      expect(result.ok ? [] : result.problems).toEqual([]);
      if (!result.ok) return;
      expect(Object.keys(result.value.layout ?? {}).sort()).toEqual(result.value.components.map((c) => c.id).sort());
    },
  );
});
