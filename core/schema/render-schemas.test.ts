import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchemas } from './render-schemas';

describe('published JSON Schemas', () => {
  it.each(Object.entries(renderSchemas()))('%s is current (run npm run schema:generate)', (name, text) => {
    expect(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')).toBe(text);
  });

  it('the plan schema requires every field the spec names', () => {
    const plan = JSON.parse(renderSchemas()['plan.v1.json']);
    expect(plan.required).toEqual([
      'format',
      'version',
      'generator',
      'design',
      'assumptions',
      'placements',
      'wiring',
      'totals',
      'search',
    ]);
    const option = plan.properties.placements.items.properties.options.items;
    expect(option.required).toEqual([
      'placement',
      'feasible',
      'monthlyCost',
      'costLines',
      'meanLatencyMs',
      'p95LatencyMs',
      'sloViolationMinutes',
      'droppedRequests',
      'note',
    ]);
  });

  it('every cost line and every total carries what the spec names', () => {
    const plan = JSON.parse(renderSchemas()['plan.v1.json']);
    const option = plan.properties.placements.items.properties.options.items;
    expect(option.properties.costLines.items.required).toEqual([
      'item',
      'quantity',
      'unit',
      'unitPrice',
      'monthlyCost',
    ]);
    expect(plan.properties.wiring.items.required).toContain('costLines');
    expect(Object.keys(plan.properties.totals.properties)).toEqual([
      'recommended',
      'allStatic',
      'allElastic',
      'bestSingle',
    ]);
  });

  it('the design schema leaves defaulted fields optional', () => {
    const design = JSON.parse(renderSchemas()['design.v1.json']);
    expect(design.required).toEqual(['format', 'version', 'name', 'components']);
  });
});
