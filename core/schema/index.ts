/**
 * The published JSON Schemas of the two documents, as committed by `npm run schema:generate` (see
 * generate.ts), keyed by the file name the app serves them under (/schemas/<name>).
 */
import designV1 from './design.v1.json';
import planV1 from './plan.v1.json';

export const PUBLISHED_SCHEMAS: Readonly<Record<'design.v1.json' | 'plan.v1.json', object>> = {
  'design.v1.json': designV1,
  'plan.v1.json': planV1,
};
