/** The identifiers the routers take, each validated the same way wherever it appears. */
import { z } from 'zod';

export const designId = z.string().regex(/^[a-z0-9]{1,64}$/, 'not a design id');
export const revision = z.number().int().min(1).max(1_000_000_000);
