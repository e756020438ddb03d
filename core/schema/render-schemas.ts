/**
 * The JSON Schema text of both documents, as `schema:generate` writes it (and as the test compares).
 * Served at /schemas/design.v1.json and /schemas/plan.v1.json.
 */
import { z } from 'zod';
import { designSchema } from '../model/design';
import { planSchema } from '../model/plan';

/** Where the app serves them (spec/formats.md); relative, so any host that serves Tidemark fits. */
const BASE = '/schemas';

export function renderSchemas(): Record<'design.v1.json' | 'plan.v1.json', string> {
  const design = {
    $id: `${BASE}/design.v1.json`,
    title: 'Tidemark design (tidemark.design, version 1)',
    ...z.toJSONSchema(designSchema, { io: 'input', unrepresentable: 'any' }),
  };
  const plan = {
    $id: `${BASE}/plan.v1.json`,
    title: 'Tidemark placement plan (tidemark.plan, version 1)',
    ...z.toJSONSchema(planSchema, { io: 'output', unrepresentable: 'any' }),
  };
  return {
    'design.v1.json': `${JSON.stringify(design, null, 2)}\n`,
    'plan.v1.json': `${JSON.stringify(plan, null, 2)}\n`,
  };
}
