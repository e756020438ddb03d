import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderSchemas } from './render-schemas';

/** The part of a JSON Schema these tests walk: required names, properties, array items. */
interface SchemaNode {
  required?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}
const schemaNode: z.ZodType<SchemaNode> = z.looseObject({
  required: z.array(z.string()).optional(),
  get properties() {
    return z.record(z.string(), schemaNode).optional();
  },
  get items() {
    return schemaNode.optional();
  },
});
const rendered = (name: 'design.v1.json' | 'plan.v1.json') => schemaNode.parse(JSON.parse(renderSchemas()[name]));

describe('published JSON Schemas', () => {
  it.each(Object.entries(renderSchemas()))('%s is current (run npm run schema:generate)', (name, text) => {
    expect(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')).toBe(text);
  });

  it('the plan schema requires every field the spec names', () => {
    const plan = rendered('plan.v1.json');
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
    const option = plan.properties?.placements?.items?.properties?.options?.items;
    expect(option?.required).toEqual([
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
    const plan = rendered('plan.v1.json');
    const option = plan.properties?.placements?.items?.properties?.options?.items;
    expect(option?.properties?.costLines?.items?.required).toEqual([
      'item',
      'quantity',
      'unit',
      'unitPrice',
      'monthlyCost',
    ]);
    expect(plan.properties?.wiring?.items?.required).toContain('costLines');
    expect(Object.keys(plan.properties?.totals?.properties ?? {})).toEqual([
      'recommended',
      'allStatic',
      'allElastic',
      'bestSingle',
    ]);
  });

  it('the design schema leaves defaulted fields optional', () => {
    const design = rendered('design.v1.json');
    expect(design.required).toEqual(['format', 'version', 'name', 'components']);
  });
});
