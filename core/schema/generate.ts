/**
 * `npm run schema:generate`: writes the published JSON Schemas of the two documents from their Zod
 * schemas (zod 4's z.toJSONSchema, see render-schemas.ts): design.v1.json (as a user may write it:
 * defaults optional, `io: 'input'`) and plan.v1.json (as the engine writes it). Run it after changing
 * either schema and commit the output; render-schemas.test.ts fails while the files are stale. The
 * file writing itself is in core/cli/, the only part of core that may touch Node.
 */
import { writeSchemas } from '../cli/write-schemas';

writeSchemas();
