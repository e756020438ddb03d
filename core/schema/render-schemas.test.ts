import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchemas } from './render-schemas';

describe('published JSON Schemas', () => {
  it.each(Object.entries(renderSchemas()))('%s is current (run npm run schema:generate)', (name, text) => {
    expect(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')).toBe(text);
  });

  it('the plan schema requires every field the spec names', () => {
    const plan = JSON.parse(renderSchemas()['plan.v1.json']);
    expect(plan.required).toEqual(['format', 'version', 'design', 'assumptions', 'placements', 'wiring', 'totals']);
    const option = plan.properties.placements.items.properties.options.items;
    expect(option.required).toEqual([
      'placement',
      'feasible',
      'monthlyCost',
      'meanLatencyMs',
      'p95LatencyMs',
      'sloViolationMinutes',
      'droppedRequests',
      'note',
    ]);
  });

  it('the design schema leaves defaulted fields optional', () => {
    const design = JSON.parse(renderSchemas()['design.v1.json']);
    expect(design.required).toEqual(['format', 'version', 'name', 'components']);
  });
});
